package com.clarionhealth.client.internal;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import java.util.regex.Pattern;

/**
 * The {@code User-Agent} both clients send: which client, which version, on which Java. The version
 * comes from a resource the build writes into each client's jar ({@code client.properties}, filtered
 * by Maven), not from the manifest: in a named module {@code Package.getImplementationVersion()} is
 * null whatever the manifest says. {@code UserAgentIT} checks it on the built jars.
 */
public final class UserAgent {
  private static final Pattern VERSION = Pattern.compile("[0-9A-Za-z.+_-]{1,64}");

  private UserAgent() {}

  /**
   * {@code clarion-java-<client>/<version> Java/<java.version>}.
   *
   * @param client {@code blocking} or {@code reactive}
   * @param clientProperties the client's {@code client.properties}, opened by the client's own class
   *     (resources of a named module are read by that module); null when absent
   */
  public static String of(String client, InputStream clientProperties) {
    return "clarion-java-" + client + "/" + version(clientProperties) + " Java/" + System.getProperty("java.version");
  }

  /** The version the build wrote, or "dev" when run from unfiltered sources. */
  static String version(InputStream clientProperties) {
    if (clientProperties == null) {
      return "dev";
    }
    try (InputStream in = clientProperties) {
      Properties properties = new Properties();
      properties.load(in);
      String version = properties.getProperty("version", "").strip();
      return VERSION.matcher(version).matches() ? version : "dev";
    } catch (IOException | IllegalArgumentException e) {
      return "dev"; // a User-Agent is never worth failing for
    }
  }
}
