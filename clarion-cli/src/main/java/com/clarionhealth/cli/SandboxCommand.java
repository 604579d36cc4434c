package com.clarionhealth.cli;

import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code clarion sandbox}: serves the sandbox to other tools until stopped (Ctrl-C). */
@Command(name = "sandbox", mixinStandardHelpOptions = true,
    description = "Serve a Clarion sandbox on this machine until stopped (Ctrl-C). Point "
        + "CLARION_BASE_URL and CLARION_API_KEY at it.")
final class SandboxCommand implements Callable<Integer> {
  @ParentCommand
  ClarionCli cli;

  @Option(names = "--port", paramLabel = "P", defaultValue = "8089",
      description = "The port on 127.0.0.1, 0 for any free one. Default: ${DEFAULT-VALUE}.")
  int port;

  @Option(names = "--seed-calls", paramLabel = "N", defaultValue = "3000",
      description = "Calls to seed between 2026-01-01 and 2026-03-01. Default: ${DEFAULT-VALUE}.")
  int seedCalls;

  @Override
  public Integer call() {
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("--port must be within 0..65535, was " + port);
    }
    if (seedCalls < 0) {
      throw new IllegalArgumentException("--seed-calls must not be negative, was " + seedCalls);
    }
    CountDownLatch stopped = new CountDownLatch(1);
    boolean interrupted = false;
    try (EmbeddedSandbox sandbox = EmbeddedSandbox.start(port, seedCalls)) {
      Thread hook = new Thread(stopped::countDown, "clarion-sandbox-stop");
      Runtime.getRuntime().addShutdownHook(hook);
      cli.console.out.println("Clarion sandbox with " + seedCalls + " calls at " + sandbox.baseUrl());
      cli.console.out.println("  export CLARION_BASE_URL=" + sandbox.baseUrl());
      cli.console.out.println("  export CLARION_API_KEY=" + sandbox.apiKey());
      cli.console.out.println("Stop with Ctrl-C.");
      try {
        stopped.await();
      } catch (InterruptedException e) {
        interrupted = true; // stopped by the embedding program rather than Ctrl-C: shut down cleanly first
      }
      try {
        Runtime.getRuntime().removeShutdownHook(hook);
      } catch (IllegalStateException shuttingDown) {
        // the JVM is stopping: the hook has run
      }
    } finally {
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
    }
    return 0;
  }
}
