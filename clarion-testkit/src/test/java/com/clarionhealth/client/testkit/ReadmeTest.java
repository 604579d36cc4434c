package com.clarionhealth.client.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The README shows what the tests compile and run. */
class ReadmeTest {
  private static final Path README = Path.of("README.md");

  @Test
  void readmeShowsTheExampleTestVerbatim() throws IOException {
    String source = Files.readString(
        Path.of("src/test/java/com/clarionhealth/client/testkit/AppointmentRemindersTest.java"));
    String example = source.substring(source.indexOf("// readme:begin\n") + "// readme:begin\n".length(),
        source.indexOf("// readme:end"));

    assertThat(Files.readString(README)).contains("```java\n" + example + "```");
  }

  @Test
  void readmeGivesTheVersionOfThisBuild() throws IOException {
    Matcher parent = Pattern.compile("<parent>.*?<version>([^<]+)</version>", Pattern.DOTALL)
        .matcher(Files.readString(Path.of("pom.xml")));
    assertThat(parent.find()).isTrue();

    assertThat(Files.readString(README))
        .contains("<artifactId>clarion-testkit</artifactId>\n  <version>" + parent.group(1) + "</version>");
  }

  @Test
  void readmeNamesTheDefaults() throws IOException {
    assertThat(Files.readString(README)).contains(ClarionSandbox.DEFAULT_API_KEY,
        ClarionSandbox.DEFAULT_CLOCK_START.toString(), String.valueOf(ClarionSandbox.DEFAULT_SEED));
  }
}
