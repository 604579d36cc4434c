package com.clarionhealth.benchmarks.harness;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs a part of a scenario in a fresh JVM started from the same jar (as JMH forks do): each contestant's
 * JIT profile is its own, and the memory runs get their own small heap. The child writes its result as
 * JSON to a file; its output is echoed, indented.
 */
public final class Fork {
  public static final ObjectMapper JSON = new ObjectMapper();

  private Fork() {}

  /** What a child reported, or why it did not. */
  public record Outcome<T>(T result, int exitCode, boolean timedOut, String lastLines) {}

  public static <T> Outcome<T> run(List<String> jvmArgs, String mode, Map<String, String> params, Class<T> type,
      Duration timeout) throws IOException, InterruptedException {
    Path out = Files.createTempFile("clarion-bench-", ".json");
    Files.delete(out);
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(jvmArgs);
    command.add("-Dorg.slf4j.simpleLogger.defaultLogLevel=warn");
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add("com.clarionhealth.benchmarks.Main");
    command.add("--fork");
    command.add(mode);
    params.forEach((k, v) -> command.add(k + "=" + v));
    command.add("out=" + out);
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    Deque<String> last = new ArrayDeque<>();
    Thread pump = new Thread(() -> {
      try (BufferedReader reader = new BufferedReader(
          new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
        for (String line = reader.readLine(); line != null; line = reader.readLine()) {
          System.out.println("    | " + line);
          synchronized (last) {
            last.addLast(line);
            if (last.size() > 12) {
              last.removeFirst();
            }
          }
        }
      } catch (IOException e) {
        // the child is gone
      }
    }, "fork-output");
    pump.setDaemon(true);
    pump.start();
    boolean finished = process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
    if (!finished) {
      process.destroyForcibly();
      process.waitFor(10, TimeUnit.SECONDS);
    }
    pump.join(2000);
    String lastLines;
    synchronized (last) {
      lastLines = String.join(" / ", last);
    }
    T result = null;
    if (Files.exists(out)) {
      result = JSON.readValue(out.toFile(), type);
      Files.delete(out);
    }
    return new Outcome<>(result, finished ? process.exitValue() : -1, !finished, lastLines);
  }
}
