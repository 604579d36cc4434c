package com.clarionhealth.client.blocking;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The version in the User-Agent comes from the jar even though its manifest carries none. */
class UserAgentTest {
  private static InputStream pomProperties(String text) {
    return new ByteArrayInputStream(text.getBytes(StandardCharsets.ISO_8859_1));
  }

  @Test
  void theVersionMavenRecordsInTheJarIsUsed() {
    assertThat(UserAgent.version(null, pomProperties(
        "artifactId=clarion-client-blocking\ngroupId=com.clarionhealth\nversion=0.1.0-SNAPSHOT\n")))
        .isEqualTo("0.1.0-SNAPSHOT");
  }

  @Test
  void theManifestVersionWinsAndDevIsTheLastResort() {
    assertThat(UserAgent.version("1.2.3", pomProperties("version=9.9.9"))).isEqualTo("1.2.3");
    assertThat(UserAgent.version(null, null)).isEqualTo("dev");
    assertThat(UserAgent.version(null, pomProperties("version=1.0\\r\\nX-Evil: 1"))).isEqualTo("dev");
  }

  @Test
  void theValueNamesTheClientAndTheJava() {
    assertThat(UserAgent.VALUE).matches("clarion-java-blocking/[0-9A-Za-z.+_-]+ Java/\\S+");
  }
}
