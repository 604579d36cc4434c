package com.clarionhealth.client.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The User-Agent both clients send. It goes into a request header, so whatever the resource holds
 * must never break the header (CR/LF would inject one) nor fail the client: "dev" instead.
 */
class UserAgentTest {

  private static InputStream properties(String text) {
    return new ByteArrayInputStream(text.getBytes(StandardCharsets.ISO_8859_1));
  }

  @Test
  void clientVersionAndJava() {
    assertThat(UserAgent.of("blocking", properties("version=1.4.0\n")))
        .isEqualTo("clarion-java-blocking/1.4.0 Java/" + System.getProperty("java.version"));
    assertThat(UserAgent.of("reactive", properties("version=0.1.0-SNAPSHOT")))
        .startsWith("clarion-java-reactive/0.1.0-SNAPSHOT Java/");
  }

  @ParameterizedTest
  @ValueSource(strings = {"1.4.0", "0.1.0-SNAPSHOT", "2.0.0+build.7", "1.0_rc1", "  1.2.3  "})
  void theVersionTheBuildWrote(String version) {
    assertThat(UserAgent.version(properties("# written by Maven\nversion=" + version + "\n")))
        .isEqualTo(version.strip());
  }

  @Test
  void devWhenThereIsNoResource() {
    // Run from an IDE on unfiltered sources, or a repackaged jar without the resource.
    assertThat(UserAgent.version(null)).isEqualTo("dev");
    assertThat(UserAgent.of("blocking", null)).startsWith("clarion-java-blocking/dev Java/");
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "version=${project.version}", // the resource was not filtered
      "version=@project.version@",
      "", // no version at all
      "other=1.0",
      "version=",
      "version=   ",
      "version=1.0\\r\\nX-Injected: yes", // escapes that Properties turns into CR LF
      "version=1.0\\nX-Injected: yes",
      "version=1.0\\u0000",
      "version=1.0 beta",
      "version=1.0\\tbeta",
      "version=1.0;evil",
      "version=1.0/2.0",
      "version=caf\\u00e9",
      "version=1.0(foo)"})
  void devWhenTheVersionIsNotAPlainVersion(String text) {
    assertThat(UserAgent.version(properties(text))).as(text).isEqualTo("dev");
  }

  @Test
  void devWhenTheVersionIsAbsurdlyLong() {
    assertThat(UserAgent.version(properties("version=" + "1".repeat(64)))).isEqualTo("1".repeat(64));
    assertThat(UserAgent.version(properties("version=" + "1".repeat(65)))).isEqualTo("dev");
  }

  @Test
  void devWhenTheResourceCannotBeRead() {
    assertThat(UserAgent.version(properties("version=\\u12"))).isEqualTo("dev"); // malformed escape
    InputStream broken = new InputStream() {
      @Override
      public int read() throws IOException {
        throw new IOException("jar closed");
      }
    };
    assertThat(UserAgent.version(broken)).isEqualTo("dev");
  }

  @Test
  void theResourceIsClosed() {
    AtomicBoolean closed = new AtomicBoolean();
    InputStream in = new ByteArrayInputStream("version=1.0".getBytes(StandardCharsets.ISO_8859_1)) {
      @Override
      public void close() {
        closed.set(true);
      }
    };
    UserAgent.version(in);
    assertThat(closed).isTrue();
  }

  @Test
  void theHeaderValueIsAlwaysOneLineOfVisibleAscii() {
    for (String text : new String[] {"version=1.0\\r\\nX: y", "version=${project.version}", "version=9.9.9"}) {
      String value = UserAgent.of("blocking", properties(text));
      assertThat(value).doesNotContain("\r").doesNotContain("\n").matches("clarion-java-blocking/[0-9A-Za-z.+_-]+ .*");
    }
  }
}
