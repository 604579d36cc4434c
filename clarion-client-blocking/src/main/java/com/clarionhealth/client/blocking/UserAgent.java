package com.clarionhealth.client.blocking;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The {@code User-Agent} the client sends: which client, and on which Java. */
final class UserAgent {
  /**
   * Written into the jar by Maven; the manifest has no {@code Implementation-Version}, so without this
   * every released client would call itself "dev".
   */
  static final String POM_PROPERTIES =
      "/META-INF/maven/com.clarionhealth/clarion-client-blocking/pom.properties";

  static final String VALUE = "clarion-java-blocking/"
      + version(UserAgent.class.getPackage().getImplementationVersion(),
          UserAgent.class.getResourceAsStream(POM_PROPERTIES))
      + " Java/" + System.getProperty("java.version");

  private UserAgent() {}

  /** The manifest's version, else the one Maven recorded in the jar, else "dev" (run from classes). */
  static String version(String implementationVersion, InputStream pomProperties) {
    if (implementationVersion != null && !implementationVersion.isBlank()) {
      return implementationVersion.strip();
    }
    if (pomProperties != null) {
      try (InputStream in = pomProperties) {
        Properties properties = new Properties();
        properties.load(in);
        String version = properties.getProperty("version");
        if (version != null && version.strip().matches("[0-9A-Za-z.+_-]+")) {
          return version.strip();
        }
      } catch (IOException | IllegalArgumentException e) {
        // fall through: a User-Agent is never worth failing for
      }
    }
    return "dev";
  }
}
