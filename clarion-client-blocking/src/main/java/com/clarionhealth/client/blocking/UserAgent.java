package com.clarionhealth.client.blocking;

/** The {@code User-Agent} the client sends: which client, and on which Java. */
final class UserAgent {
  static final String VALUE = "clarion-java-blocking/"
      + versionOr(UserAgent.class.getPackage().getImplementationVersion(), "dev")
      + " Java/" + System.getProperty("java.version");

  private UserAgent() {}

  private static String versionOr(String version, String fallback) {
    return version == null ? fallback : version;
  }
}
