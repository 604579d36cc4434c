package com.clarionhealth.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Starts the tool's main class in a new JVM with this test's class path: what a user runs, with a real
 * process to kill and the real stderr (where the client's log goes) to read.
 */
final class ChildJvm {
  private ChildJvm() {}

  /**
   * {@code clarion args...} with {@code env} added to the inherited environment (so a key set in the
   * developer's shell is replaced, never used), its stdout and stderr going to {@code stdout} and
   * {@code stderr}.
   */
  static Process start(Map<String, String> env, Path stdout, Path stderr, String... args) throws IOException {
    List<String> command = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        // A JVM that starts fast and stays small: the machine running the tests may have two cores.
        "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xmx256m",
        "-cp", System.getProperty("java.class.path"),
        ClarionCli.class.getName()));
    command.addAll(Arrays.asList(args));
    ProcessBuilder builder = new ProcessBuilder(command);
    builder.environment().remove("CLARION_API_KEY");
    builder.environment().remove("CLARION_BASE_URL");
    builder.environment().putAll(env);
    builder.redirectOutput(stdout.toFile());
    builder.redirectError(stderr.toFile());
    return builder.start();
  }
}
