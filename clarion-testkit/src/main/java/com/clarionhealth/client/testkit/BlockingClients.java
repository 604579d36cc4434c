package com.clarionhealth.client.testkit;

import com.clarionhealth.client.blocking.ClarionClient;

/**
 * The only class of the testkit that refers to {@code clarion-client-blocking} (an optional dependency). It
 * is loaded only when a test asks for a {@code ClarionClient}, so a user without the blocking client never
 * meets a missing class.
 */
final class BlockingClients {
  private BlockingClients() {}

  /** A {@code ClarionClient}, typed {@code Object} so that callers' signatures never mention the class. */
  static Object create(String baseUrl, String apiKey) {
    return ClarionClient.builder().baseUrl(baseUrl).apiKey(apiKey).build();
  }
}
