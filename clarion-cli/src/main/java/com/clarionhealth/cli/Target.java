package com.clarionhealth.cli;

import com.clarionhealth.client.blocking.ClarionClient;

/**
 * The API a command talks to: Clarion itself when {@code CLARION_API_KEY} is set (and
 * {@code CLARION_BASE_URL}, if set), else an embedded sandbox, said so in one line on stderr.
 */
final class Target implements AutoCloseable {
  static final int EMBEDDED_SEED_CALLS = 3000;

  final ClarionClient client;
  private final EmbeddedSandbox sandbox;

  private Target(ClarionClient client, EmbeddedSandbox sandbox) {
    this.client = client;
    this.sandbox = sandbox;
  }

  static Target open(GlobalOptions options, Console console) {
    String key = console.env.apply("CLARION_API_KEY");
    if (options.sandbox || key == null || key.isBlank()) {
      EmbeddedSandbox sandbox = EmbeddedSandbox.start(0, EMBEDDED_SEED_CALLS);
      console.err.println("Using an embedded sandbox with " + EMBEDDED_SEED_CALLS + " calls from "
          + EmbeddedSandbox.SEEDED_FROM + " to " + EmbeddedSandbox.SEEDED_TO + (options.sandbox ? ""
          : " (CLARION_API_KEY is not set)") + "; nothing leaves this machine.");
      ClarionClient client = ClarionClient.builder().apiKey(sandbox.apiKey()).baseUrl(sandbox.baseUrl())
          .maxRetries(options.maxRetries).build();
      return new Target(client, sandbox);
    }
    ClarionClient.Builder builder = ClarionClient.builder().apiKey(key).maxRetries(options.maxRetries);
    String baseUrl = console.env.apply("CLARION_BASE_URL");
    if (baseUrl != null && !baseUrl.isBlank()) {
      builder.baseUrl(baseUrl);
    }
    return new Target(builder.build(), null);
  }

  @Override
  public void close() {
    if (sandbox != null) {
      sandbox.close();
    }
  }
}
