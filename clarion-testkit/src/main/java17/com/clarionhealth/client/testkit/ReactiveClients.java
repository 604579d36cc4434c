package com.clarionhealth.client.testkit;

import com.clarionhealth.client.reactive.ReactiveClarionClient;

/**
 * The only class of the testkit that refers to {@code clarion-client-reactive} (an optional dependency, and
 * Java 17 bytecode). It is compiled at release 17 from {@code src/main/java17} into the same jar as the rest
 * of the testkit (release 11), and loaded by name, only when a test asks for a {@code ReactiveClarionClient}:
 * a user of the blocking client alone, or on Java 11, never loads it.
 */
final class ReactiveClients {
  private ReactiveClients() {}

  /** A {@code ReactiveClarionClient}, typed {@code Object} like its blocking counterpart. */
  static Object create(String baseUrl, String apiKey) {
    return ReactiveClarionClient.builder().baseUrl(baseUrl).apiKey(apiKey).build();
  }
}
