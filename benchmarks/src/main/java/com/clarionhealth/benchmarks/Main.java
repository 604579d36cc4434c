package com.clarionhealth.benchmarks;

import com.clarionhealth.benchmarks.harness.ForkedRuns;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code java -jar benchmarks/target/benchmarks.jar [--quick] [--only s1,s2] [--out FILE]}: runs every
 * scenario and writes {@code benchmarks/RESULTS.md}. See benchmarks/README.md.
 */
public final class Main {
  static final List<String> SCENARIOS = List.of("throughput", "efficiency", "latency", "memory", "create", "create-load");

  private Main() {}

  public static void main(String[] args) throws Exception {
    System.setProperty("org.slf4j.simpleLogger.defaultLogLevel",
        System.getProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn"));
    if (args.length > 0 && args[0].equals("--fork")) {
      Map<String, String> params = new LinkedHashMap<>();
      for (int i = 2; i < args.length; i++) {
        int eq = args[i].indexOf('=');
        params.put(args[i].substring(0, eq), args[i].substring(eq + 1));
      }
      ForkedRuns.main(args[1], params);
      System.exit(0); // clients' non-daemon threads (Reactor Netty) must not keep the fork alive
      return;
    }
    boolean quick = false;
    List<String> only = new ArrayList<>(SCENARIOS);
    Path out = null;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--quick":
          quick = true;
          break;
        case "--only":
          only = List.of(args[++i].split(","));
          for (String s : only) {
            if (!SCENARIOS.contains(s)) {
              usage("no scenario " + s);
            }
          }
          break;
        case "--out":
          out = Path.of(args[++i]);
          break;
        case "-h":
        case "--help":
          usage(null);
          break;
        default:
          usage("unknown argument " + args[i]);
      }
    }
    if (out == null) {
      String name = quick ? "RESULTS-quick.md" : "RESULTS.md";
      out = Files.isDirectory(Path.of("benchmarks")) ? Path.of("benchmarks", name) : Path.of(name);
    }
    Config config = quick ? Config.quickRun() : Config.fullRun();
    Report report = new Report(config);
    Scenarios scenarios = new Scenarios(config, report);
    long start = System.nanoTime();
    for (String scenario : SCENARIOS) {
      if (!only.contains(scenario)) {
        continue;
      }
      switch (scenario) {
        case "throughput":
          scenarios.throughput();
          break;
        case "efficiency":
          scenarios.efficiency();
          break;
        case "latency":
          scenarios.latency();
          break;
        case "memory":
          scenarios.memory();
          break;
        case "create":
          scenarios.create();
          break;
        default:
          scenarios.createLoad();
          break;
      }
    }
    StringBuilder command = new StringBuilder("java -jar benchmarks/target/benchmarks.jar");
    for (String arg : args) {
      command.append(' ').append(arg);
    }
    report.write(out, command.toString());
    System.out.printf("wrote %s in %.1f minutes%n", out, (System.nanoTime() - start) / 60e9);
    System.exit(0);
  }

  private static void usage(String problem) {
    if (problem != null) {
      System.err.println(problem);
    }
    System.err.println("usage: java -jar benchmarks/target/benchmarks.jar [--quick] [--only "
        + String.join(",", SCENARIOS) + "] [--out FILE]");
    System.err.println("  --quick  a smoke run: small sizes, one or two runs; writes RESULTS-quick.md");
    System.exit(problem == null ? 0 : 2);
  }
}
