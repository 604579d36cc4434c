package com.clarionhealth.client.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.Modifier;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The generated package has the expected types and no runtime dependency beyond annotations. */
class GeneratedModelShapeTest {

  private static Path packageDir() throws URISyntaxException {
    Path classes = Path.of(Call.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    return classes.resolve("com/clarionhealth/client/model");
  }

  private static List<Path> classFiles() throws IOException, URISyntaxException {
    try (Stream<Path> files = Files.list(packageDir())) {
      return files.filter(f -> f.toString().endsWith(".class")).sorted().collect(Collectors.toList());
    }
  }

  @Test
  void oneTopLevelClassPerComponentSchemaAndNoNestedTypes() throws Exception {
    List<String> names = classFiles().stream().map(f -> f.getFileName().toString().replace(".class", ""))
        .collect(Collectors.toList());
    // No nested classes: an inline enum would be generated as a nested (closed) Java enum.
    assertThat(names).noneMatch(name -> name.contains("$"));
    assertThat(names).contains("Analysis", "BotMessage", "Call", "CallStatus", "CreateCall", "FailureReason",
        "Message", "SystemMessage", "ToolCall", "ToolCallFunction", "ToolCallMessage",
        "ToolCallResultMessage", "UserMessage");
  }

  @Test
  void messageVariantsExtendMessageAndEnumsAreFinalClasses() {
    for (Class<?> variant : List.of(UserMessage.class, SystemMessage.class, BotMessage.class,
        ToolCallMessage.class, ToolCallResultMessage.class)) {
      assertThat(variant.getSuperclass()).as(variant.getSimpleName()).isEqualTo(Message.class);
    }
    assertThat(Modifier.isFinal(CallStatus.class.getModifiers())).isTrue();
    assertThat(CallStatus.class.isEnum()).isFalse();
    assertThat(Modifier.isFinal(FailureReason.class.getModifiers())).isTrue();
  }

  @Test
  void modelsReferenceOnlyJacksonAnnotationsAndJakartaAnnotations() throws Exception {
    for (Path classFile : classFiles()) {
      // Class-file constant pools hold referenced type names as UTF-8 internal names.
      String constants = new String(Files.readAllBytes(classFile), StandardCharsets.ISO_8859_1);
      assertThat(constants).as(classFile.getFileName().toString())
          .doesNotContain("com/fasterxml/jackson/databind")
          .doesNotContain("com/fasterxml/jackson/core/")
          .doesNotContain("tools/jackson")
          .doesNotContain("org/openapitools")
          .doesNotContain("io/swagger")
          .doesNotContain("javax/");
    }
    String call = new String(Files.readAllBytes(packageDir().resolve("Call.class")), StandardCharsets.ISO_8859_1);
    // Unknown properties are kept (JsonAnySetter/JsonAnyGetter), never ignored.
    assertThat(call).contains("com/fasterxml/jackson/annotation/JsonInclude")
        .contains("com/fasterxml/jackson/annotation/JsonAnySetter")
        .contains("com/fasterxml/jackson/annotation/JsonAnyGetter")
        .doesNotContain("com/fasterxml/jackson/annotation/JsonIgnoreProperties");
  }
}
