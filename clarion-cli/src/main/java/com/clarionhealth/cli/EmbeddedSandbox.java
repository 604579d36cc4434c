package com.clarionhealth.cli;

import com.clarionhealth.client.testkit.ClarionSandbox;
import com.clarionhealth.client.testkit.Distribution;
import java.time.Instant;

/**
 * The sandbox the tool runs against without an API key: the testkit's, seeded the same way every
 * time (same range, distribution and seed), so that an export interrupted in one run resumes in the
 * next against the very same calls.
 */
final class EmbeddedSandbox implements AutoCloseable {
  static final Instant SEEDED_FROM = Instant.parse("2026-01-01T00:00:00Z");
  static final Instant SEEDED_TO = Instant.parse("2026-03-01T00:00:00Z");
  private static final long SEED = 42;

  private final ClarionSandbox sandbox;

  private EmbeddedSandbox(ClarionSandbox sandbox) {
    this.sandbox = sandbox;
  }

  /** Starts on {@code port} (0: any free port) on the loopback interface, with {@code calls} calls. */
  static EmbeddedSandbox start(int port, int calls) {
    ClarionSandbox sandbox = ClarionSandbox.builder().port(port).seed(SEED).start();
    sandbox.seed(calls, SEEDED_FROM, SEEDED_TO, Distribution.BUSINESS_HOURS);
    return new EmbeddedSandbox(sandbox);
  }

  String baseUrl() {
    return sandbox.baseUrl();
  }

  String apiKey() {
    return sandbox.apiKey();
  }

  @Override
  public void close() {
    sandbox.close();
  }
}
