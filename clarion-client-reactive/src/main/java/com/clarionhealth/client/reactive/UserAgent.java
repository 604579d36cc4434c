package com.clarionhealth.client.reactive;

/** The {@code User-Agent} the client sends: which client, and on which Java. */
final class UserAgent {
  static final String VALUE = "clarion-java-reactive/"
      + (UserAgent.class.getPackage().getImplementationVersion() == null
          ? "dev" : UserAgent.class.getPackage().getImplementationVersion())
      + " Java/" + System.getProperty("java.version");

  private UserAgent() {}
}
