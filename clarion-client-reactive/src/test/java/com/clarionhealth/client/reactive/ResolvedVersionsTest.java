package com.clarionhealth.client.reactive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.netty.util.Version;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The versions this run of the tests is on are the ones the build meant: here the project's own, in each
 * compat-boot* module the ones its Spring Boot line manages. Without it a change that pulls newer jars into
 * a compat module would leave it green while it no longer tests that line. Expectations come from the pom, as
 * system properties {@code clarion.expected.<library>} (a version, or {@code absent}); a library the pom
 * names no version for is not checked. {@code clarion.expected.json-binding} is {@code jackson3},
 * {@code jackson2}, or {@code none} where the client must refuse to build.
 */
class ResolvedVersionsTest {
  private static final String ABSENT = "absent";

  /** One class of each jar of a library that the client runs on: every jar must be at the expected version. */
  private static final Map<String, List<String>> JARS = Map.of(
      "spring", List.of("org.springframework.core.SpringVersion", "org.springframework.context.SmartLifecycle",
          "org.springframework.http.HttpHeaders", "org.springframework.web.reactive.function.client.WebClient"),
      "reactor-core", List.of("reactor.core.publisher.Flux"),
      "reactor-netty", List.of("reactor.netty.Connection", "reactor.netty.http.client.HttpClient"),
      "jackson-annotations", List.of("com.fasterxml.jackson.annotation.JsonProperty"),
      "jackson2", List.of("com.fasterxml.jackson.core.JsonParser", "com.fasterxml.jackson.databind.ObjectMapper",
          "com.fasterxml.jackson.datatype.jsr310.JavaTimeModule"),
      "jackson3", List.of("tools.jackson.core.JsonParser", "tools.jackson.databind.ObjectMapper"));

  private static String expected(String library) {
    return System.getProperty("clarion.expected." + library);
  }

  @Test
  void thePomSaysWhatToExpect() {
    // So that a pom that lost its expectations fails here rather than checking nothing.
    assertThat(expected("spring")).as("clarion.expected.spring").isNotBlank();
    assertThat(expected("json-binding")).as("clarion.expected.json-binding").isNotBlank();
  }

  @ParameterizedTest
  @ValueSource(strings = {"spring", "reactor-core", "reactor-netty", "jackson-annotations", "jackson2", "jackson3"})
  void everyJarOfTheLibraryIsAtTheExpectedVersion(String library) {
    String expected = expected(library);
    assumeTrue(expected != null, "no version expected for " + library);

    Map<String, String> versions = JARS.get(library).stream()
        .collect(Collectors.toMap(name -> name, ResolvedVersionsTest::versionOf));
    assertThat(versions).as(library).allSatisfy((name, version) -> assertThat(version).as(name).isEqualTo(expected));
  }

  @Test
  void everyNettyJarIsAtTheExpectedVersion() {
    String expected = expected("netty");
    assumeTrue(expected != null, "no version expected for netty");

    Map<String, Version> netty = Version.identify();
    assertThat(netty).containsKeys("netty-common", "netty-buffer", "netty-transport", "netty-handler",
        "netty-codec-http");
    assertThat(netty).allSatisfy((artifact, version) ->
        assertThat(version.artifactVersion()).as(artifact).isEqualTo(expected));
  }

  @Test
  void theClientBindsJsonWithTheExpectedJackson() {
    String expected = expected("json-binding");
    assumeTrue(expected != null, "no binding expected");

    ReactiveClarionClient.Builder builder = ReactiveClarionClient.builder()
        .apiKey("sk_test_versions").baseUrl("http://127.0.0.1:9/v1");

    if (expected.equals("none")) {
      // A class path with neither Jackson: build() says what to add.
      assertThatIllegalStateException().isThrownBy(builder::build)
          .withMessageContaining("tools.jackson.core:jackson-databind")
          .withMessageContaining("com.fasterxml.jackson.core:jackson-databind");
    } else {
      assertThat(builder.build().jsonBinding()).isEqualTo(expected);
    }
  }

  /** The version in the manifest of the jar the class is in, or {@value #ABSENT}; the class is not initialised. */
  private static String versionOf(String className) {
    try {
      Class<?> type = Class.forName(className, false, ResolvedVersionsTest.class.getClassLoader());
      String version = type.getPackage().getImplementationVersion();
      return version != null ? version : "no version in the manifest of " + type.getProtectionDomain().getCodeSource();
    } catch (ClassNotFoundException e) {
      return ABSENT;
    }
  }
}
