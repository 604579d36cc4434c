package com.clarionhealth.cli;

import picocli.CommandLine.Option;

/** Options every command takes: where to send requests, and how much to say. */
final class GlobalOptions {
  @Option(names = "--sandbox",
      description = "Use an embedded sandbox even when CLARION_API_KEY is set. Without a key, the "
          + "sandbox is the default.")
  boolean sandbox;

  @Option(names = "--verbose", description = "Show stack traces and the client's debug log.")
  boolean verbose;

  @Option(names = "--max-retries", paramLabel = "N", defaultValue = "2",
      description = "Retries of a failed request, 0 to 10 (default: ${DEFAULT-VALUE}). A call "
          + "creation is never retried once it may have reached the server.")
  int maxRetries;
}
