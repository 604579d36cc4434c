package com.clarionhealth.benchmarks;

import com.clarionhealth.benchmarks.contestant.Contestant;
import com.clarionhealth.benchmarks.contestant.Contestants;
import com.clarionhealth.benchmarks.contestant.Tally;
import com.clarionhealth.benchmarks.contestant.Workload;
import com.clarionhealth.benchmarks.data.CallBodies;
import com.clarionhealth.benchmarks.data.Dataset;
import com.clarionhealth.benchmarks.data.Distribution;
import com.clarionhealth.benchmarks.harness.Fork;
import com.clarionhealth.benchmarks.harness.ForkedRuns;
import com.clarionhealth.benchmarks.harness.JfrSummary;
import com.clarionhealth.benchmarks.harness.Results.CreateResult;
import com.clarionhealth.benchmarks.harness.Results.MemoryResult;
import com.clarionhealth.benchmarks.harness.Results.Run;
import com.clarionhealth.benchmarks.harness.Results.StreamResult;
import com.clarionhealth.benchmarks.harness.Stats;
import com.clarionhealth.benchmarks.server.CallServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The five scenarios: each forks what it measures, then writes its section and its targets. */
final class Scenarios {
  private static final List<String> THROUGHPUT = List.of("floor", "blocking", "reactive-c1", "reactive-c4",
      "stock-native", "stock-webclient");
  private static final List<String> EFFICIENCY = List.of("blocking", "reactive-c1", "reactive-c4");
  private static final List<String> LATENCY = List.of("blocking", "reactive-c1", "reactive-c4", "reactive-c8");
  private static final List<String> MEMORY = List.of("blocking", "reactive-c1", "reactive-c4");
  private static final List<String> CREATE = List.of("floor", "blocking", "reactive-c1", "stock-native",
      "stock-webclient");
  private static final double THROUGHPUT_TARGET = 0.9;

  private final Config config;
  private final Report report;
  private Double floorCallsPerSecond; // from the throughput scenario, for the latency one's context

  Scenarios(Config config, Report report) {
    this.config = config;
    this.report = report;
  }

  static String label(String id) {
    switch (id) {
      case "floor":
        return "floor: JDK HttpClient + Jackson 2, known windows";
      case "blocking":
        return "ours: blocking `stream`";
      case "stock-native":
        return "stock openapi-generator `native`";
      case "stock-webclient":
        return "stock openapi-generator `webclient`";
      default:
        return "ours: reactive `stream`, concurrency " + id.substring("reactive-c".length());
    }
  }

  private static String createLabel(String id) {
    switch (id) {
      case "floor":
        return "floor: JDK HttpClient + Jackson 2";
      case "blocking":
        return "ours: blocking `create`";
      case "reactive-c1":
        return "ours: reactive `create`";
      default:
        return label(id);
    }
  }

  private List<String> streamJvm() {
    return List.of("-Xms" + config.forkHeap(), "-Xmx" + config.forkHeap(), "-XX:+UseG1GC");
  }

  private StreamResult forkStream(String id, int n, int warmup, int runs, int latencyMillis, Path jfr)
      throws IOException, InterruptedException {
    Map<String, String> params = new LinkedHashMap<>();
    params.put("contestant", id);
    params.put("n", String.valueOf(n));
    params.put("warmup", String.valueOf(warmup));
    params.put("runs", String.valueOf(runs));
    params.put("latencyMs", String.valueOf(latencyMillis));
    params.put("pool", String.valueOf(config.pool()));
    if (jfr != null) {
      params.put("jfr", jfr.toString());
    }
    Fork.Outcome<StreamResult> outcome = Fork.run(streamJvm(), "stream", params, StreamResult.class,
        Duration.ofMinutes(config.quick() ? 5 : 12));
    if (outcome.result() != null) {
      return outcome.result();
    }
    return new StreamResult(id, n, 0, 0, List.of(), List.of(), childFailure(outcome));
  }

  private static String childFailure(Fork.Outcome<?> outcome) {
    return (outcome.timedOut() ? "timed out" : "the JVM exited with code " + outcome.exitCode())
        + "; its last output: " + outcome.lastLines().replace('|', '/');
  }

  // ---------------------------------------------------------------------------------------------------------
  // 1. Throughput

  void throughput() throws IOException, InterruptedException {
    int n = config.throughputCalls();
    System.out.printf("== throughput: %,d calls, %d warm-up + %d measured runs per contestant%n", n,
        config.throughputWarmup(), config.throughputRuns());
    Map<String, StreamResult> results = new LinkedHashMap<>();
    for (String id : THROUGHPUT) {
      System.out.println("  " + id);
      results.put(id, forkStream(id, n, config.throughputWarmup(), config.throughputRuns(), 0, null));
    }
    StreamResult floor = results.get("floor");
    double floorRate = floor.failure() == null ? new Stats(rates(floor.measured())).median() : Double.NaN;
    floorCallsPerSecond = floorRate;

    StringBuilder s = new StringBuilder("## 1. Throughput\n\n");
    s.append(String.format("Stream %,d calls (uniform over seven days, %.1f KB a call on average, %.0f MB of JSON a "
            + "stream) from a newest-first server with no added latency. Each contestant in its own JVM (`-Xmx%s`, "
            + "G1): %d warm-up streams, then %d measured; every stream is checked to deliver each call exactly once. "
            + "The floor and the stock clients walk %d windows known in advance.%n%n", n,
        floor.meanCallBytes() / 1024, n * floor.meanCallBytes() / 1e6, config.forkHeap(), config.throughputWarmup(),
        config.throughputRuns(), floor.windows()));
    s.append("| contestant | calls/s (median) | min – max | spread | vs floor | requests a stream (full pages) | "
        + "calls decoded/s, discarded pages included | server CPU share | each call exactly once |\n"
        + "|---|---:|---:|---:|---:|---:|---:|---:|---|\n");
    for (StreamResult r : results.values()) {
      s.append("| ").append(label(r.contestant())).append(" | ");
      if (r.failure() != null && r.measured().isEmpty()) {
        s.append("**failed**: ").append(r.failure()).append(" | | | | | | | |\n");
        continue;
      }
      Stats rates = new Stats(rates(r.measured()));
      Run mid = r.measured().get(r.measured().size() / 2);
      double served = 0;
      for (Run run : r.measured()) {
        served += run.servedPerSecond() / r.measured().size();
      }
      s.append(String.format("%,.0f | %,.0f – %,.0f | %.1f%% | %.2f | %d (%d) | %,.0f | %.1f%% | %s |%n",
          rates.median(), rates.min(), rates.max(), 100 * rates.relativeSpread(), rates.median() / floorRate,
          medianRequests(r.measured()), mid.fullPages(), served, 100 * new Stats(shares(r.measured())).median(),
          exactly(r)));
    }
    s.append("\nspread = (max − min) / median of the measured runs. Full pages: responses holding `limit` calls, "
        + "which a paging client must discard and narrow (it cannot know they are complete). Calls decoded/s: what "
        + "the server sent per second (mean of the runs), so a client that decodes discarded pages as fast as the "
        + "floor decodes its pages shows the floor's figure here. Server CPU share = CPU time of the server's "
        + "threads / CPU time of the whole process during the stream (median).\n\n");

    List<String> missed = new ArrayList<>();
    for (String id : List.of("blocking", "reactive-c1")) {
      StreamResult r = results.get(id);
      if (r.failure() != null && r.measured().isEmpty()) {
        report.target("throughput of " + label(id) + " ≥ 0.9 × floor", "failed: " + r.failure(), false);
        continue;
      }
      double ratio = new Stats(rates(r.measured())).median() / floorRate;
      boolean met = ratio >= THROUGHPUT_TARGET;
      report.target("throughput of " + label(id) + " ≥ 0.9 × floor", String.format("%.2f × floor", ratio), met);
      if (!met) {
        missed.add(id);
      }
    }
    if (!missed.isEmpty()) {
      s.append("### Profiles of the misses\n\nEach below is one more fork of the contestant: 1 warm-up stream, then "
          + "1 stream recorded by JFR (a `jdk.jfr.Recording` with the `profile` settings, started after the warm-up), "
          + "beside the floor's. Where the contestant's samples differ from the floor's is where its extra time "
          + "goes.\n\n");
      List<String> profiled = new ArrayList<>(List.of("floor"));
      profiled.addAll(missed);
      for (String id : profiled) {
        Path jfr = Files.createTempFile("clarion-bench-" + id + "-", ".jfr");
        System.out.println("  profiling " + id);
        Files.delete(jfr);
        StreamResult r = forkStream(id, n, 1, 1, 0, jfr);
        if (r.failure() != null || !Files.exists(jfr)) {
          s.append("_Profile of ").append(id).append(" failed: ").append(r.failure()).append("_\n\n");
        } else {
          s.append(JfrSummary.read(jfr).markdown(label(id)));
        }
        Files.deleteIfExists(jfr);
      }
    }
    report.section(s.toString());
  }

  private static String exactly(StreamResult r) {
    String exactness = r.exactness();
    return exactness.isEmpty() ? "yes" : exactness;
  }

  private static List<Double> rates(List<Run> runs) {
    List<Double> rates = new ArrayList<>();
    for (Run run : runs) {
      rates.add(run.callsPerSecond());
    }
    return rates;
  }

  private static List<Double> shares(List<Run> runs) {
    List<Double> shares = new ArrayList<>();
    for (Run run : runs) {
      shares.add(run.serverCpuShare());
    }
    return shares;
  }

  private static long medianRequests(List<Run> runs) {
    List<Double> requests = new ArrayList<>();
    for (Run run : runs) {
      requests.add((double) run.requests());
    }
    return Math.round(new Stats(requests).median());
  }

  // ---------------------------------------------------------------------------------------------------------
  // 2. Request efficiency

  void efficiency() throws IOException {
    int n = config.efficiencyCalls();
    int minimum = Math.max(1, (n + 999) / 1000);
    System.out.printf("== request efficiency: %,d calls over seven days%n", n);
    StringBuilder s = new StringBuilder("## 2. Request efficiency\n\n");
    s.append(String.format("Requests a full stream of %,d calls over seven days takes, over the minimum "
        + "ceil(N / 1000) = %d, one stream per cell, in this JVM. Request counts do not depend on the bodies, so "
        + "these calls carry lean ones. Each cell: ratio (requests; of which full pages, discarded and narrowed). "
        + "The floor is 1.0 by construction (it knows the data; its windows of at most 999 calls take %s).%n%n",
        n, minimum, "ceil(N / 999)"));
    s.append("Distributions:\n\n");
    for (Distribution d : Distribution.values()) {
      s.append("- **").append(d.label()).append("**: ").append(d.definition()).append('\n');
    }
    s.append("\nServers: **newest-first** returns the newest `limit` calls of a full window; **arbitrary subset** "
        + "returns a random `limit` of them.\n\n");
    s.append("| distribution | server |");
    for (String id : EFFICIENCY) {
      s.append(' ').append(label(id).replace("ours: ", "")).append(" |");
    }
    s.append("\n|---|---|").append("---:|".repeat(EFFICIENCY.size())).append('\n');
    Map<String, Double> worst = new LinkedHashMap<>();
    List<String> inexact = new ArrayList<>();
    CallBodies lean = CallBodies.lean();
    for (Distribution distribution : Distribution.values()) {
      Dataset data = Dataset.generate(distribution, n, 1, ForkedRuns.DATA_SEED);
      Workload workload = new Workload(data.start(), data.end(), List.of());
      for (CallServer.Order order : CallServer.Order.values()) {
        s.append("| ").append(distribution.label()).append(" | ").append(order.label()).append(" |");
        try (CallServer server = new CallServer(data, lean, order, Duration.ZERO)) {
          for (String id : EFFICIENCY) {
            long before = server.getRequests();
            long fullBefore = server.fullPages();
            String cell;
            try (Contestant contestant = Contestants.create(id, server.baseUrl())) {
              Tally tally = contestant.stream(workload);
              long requests = server.getRequests() - before;
              double ratio = (double) requests / minimum;
              worst.merge(id + "/" + distribution, ratio, Math::max);
              cell = String.format("%.2f (%d; %d)", ratio, requests, server.fullPages() - fullBefore);
              if (tally.calls() != n || tally.idSum() != data.idSum()) {
                cell += " **but delivered " + tally.calls() + " calls, not each of the " + n + " once**";
                inexact.add(distribution.label() + "/" + order.label() + "/" + id);
              }
            } catch (RuntimeException e) {
              cell = "failed: " + e;
            }
            System.out.printf("  %-14s %-16s %-12s %s%n", distribution.label(), order.label(), id, cell);
            s.append(' ').append(cell).append(" |");
          }
        }
        s.append('\n');
      }
    }
    s.append('\n');
    if (!inexact.isEmpty()) {
      s.append("Streams that did not deliver each call exactly once: ").append(String.join(", ", inexact))
          .append(".\n\n");
    }
    for (String id : List.of("blocking", "reactive-c1")) {
      Double uniform = worst.get(id + "/" + Distribution.UNIFORM);
      Double bursty = worst.get(id + "/" + Distribution.BURSTY);
      report.target("requests of " + label(id) + " ≤ 1.2 × minimum, uniform (worse of the two servers)",
          uniform == null ? "failed" : String.format("%.2f", uniform), uniform != null && uniform <= 1.2);
      report.target("requests of " + label(id) + " ≤ 1.5 × minimum, bursty (worse of the two servers)",
          bursty == null ? "failed" : String.format("%.2f", bursty), bursty != null && bursty <= 1.5);
    }
    report.section(s.toString());
  }

  // ---------------------------------------------------------------------------------------------------------
  // 3. Latency-bound

  void latency() throws IOException, InterruptedException {
    int n = config.latencyCalls();
    System.out.printf("== latency-bound: %,d calls, %d ms added to every response%n", n, config.latencyMillis());
    Map<String, StreamResult> results = new LinkedHashMap<>();
    for (String id : LATENCY) {
      System.out.println("  " + id);
      results.put(id, forkStream(id, n, config.latencyWarmup(), config.latencyRuns(), config.latencyMillis(), null));
    }
    StringBuilder s = new StringBuilder("## 3. Latency-bound\n\n");
    s.append(String.format("Stream %,d calls (uniform over seven days, realistic bodies) from a server that adds %d ms "
        + "to every response (a scheduled delay: concurrent requests wait together). Each contestant in its own "
        + "JVM: %d warm-up and %d measured streams. In flight = requests the server held at once (time-weighted "
        + "mean over the stream, and the maximum).%n%n", n, config.latencyMillis(), config.latencyWarmup(),
        config.latencyRuns()));
    s.append("| contestant | seconds (median) | min – max | calls/s | requests | in flight: mean / max | "
        + "speed-up over concurrency 1 | each call exactly once |\n|---|---:|---:|---:|---:|---:|---:|---|\n");
    StreamResult c1 = results.get("reactive-c1");
    double c1Seconds = c1.measured().isEmpty() ? Double.NaN : new Stats(seconds(c1.measured())).median();
    for (StreamResult r : results.values()) {
      s.append("| ").append(label(r.contestant())).append(" | ");
      if (r.measured().isEmpty()) {
        s.append("**failed**: ").append(r.failure()).append(" | | | | | | |\n");
        continue;
      }
      Stats secs = new Stats(seconds(r.measured()));
      Run mid = r.measured().get(r.measured().size() / 2);
      s.append(String.format("%.2f | %.2f – %.2f | %,.0f | %d | %.2f / %d | %.2f × | %s |%n", secs.median(),
          secs.min(), secs.max(), n / secs.median(), medianRequests(r.measured()), mid.meanInFlight(),
          mid.maxInFlight(), c1Seconds / secs.median(), exactly(r)));
    }
    StreamResult c8 = results.get("reactive-c8");
    if (!c8.measured().isEmpty() && !Double.isNaN(c1Seconds)) {
      double c8Seconds = new Stats(seconds(c8.measured())).median();
      double speedup = c1Seconds / c8Seconds;
      long requests = medianRequests(c8.measured());
      s.append(String.format("%nLower bounds for concurrency 8: its %d requests × %d ms / 8 = %.2f s of waiting",
          requests, config.latencyMillis(), requests * config.latencyMillis() / 8000.0));
      if (floorCallsPerSecond != null && !floorCallsPerSecond.isNaN()) {
        s.append(String.format("; decoding %,d calls at the floor's unloaded rate (%,.0f calls/s, scenario 1) = "
            + "%.2f s of CPU", n, floorCallsPerSecond, n / floorCallsPerSecond));
      }
      s.append(".\n");
      report.target("latency-bound: reactive concurrency 8 ≥ 5 × faster than concurrency 1",
          String.format("%.2f × (%.2f s vs %.2f s)", speedup, c8Seconds, c1Seconds), speedup >= 5);
    } else {
      report.target("latency-bound: reactive concurrency 8 ≥ 5 × faster than concurrency 1", "failed", false);
    }
    report.section(s.append('\n').toString());
  }

  private static List<Double> seconds(List<Run> runs) {
    List<Double> seconds = new ArrayList<>();
    for (Run run : runs) {
      seconds.add(run.seconds());
    }
    return seconds;
  }

  // ---------------------------------------------------------------------------------------------------------
  // 4. Memory

  void memory() throws IOException, InterruptedException {
    int n = config.memoryCalls();
    System.out.printf("== memory: %,d calls through each of our clients in -Xmx%s%n", n, config.memoryHeap());
    Dataset data = Dataset.generate(Distribution.UNIFORM, n, config.pool(), ForkedRuns.DATA_SEED);
    CallBodies bodies = CallBodies.realistic(config.pool(), ForkedRuns.BODY_SEED);
    List<MemoryResult> results = new ArrayList<>();
    List<MemoryResult> retries = new ArrayList<>();
    try (CallServer server = new CallServer(data, bodies, CallServer.Order.NEWEST_FIRST, Duration.ZERO)) {
      for (String id : MEMORY) {
        System.out.println("  " + id);
        MemoryResult result = forkMemory(server, data, id, config.memoryHeap());
        results.add(result);
        if (!result.finished()) {
          // How much it needed: the same stream in a heap four times larger.
          System.out.println("  " + id + " again in -Xmx1g, to see what it needs");
          retries.add(forkMemory(server, data, id, "1g"));
        }
      }
    }
    StringBuilder s = new StringBuilder("## 4. Memory\n\n");
    s.append(String.format("Stream %,d calls (uniform over seven days, %.1f KB a call, %.1f GB of JSON) through each "
        + "of our clients in a child JVM started with `-Xmx%s -XX:+UseG1GC -XX:+ExitOnOutOfMemoryError`, from the "
        + "harness's server. Heap after GC = the heap in use right after each collection (GC notifications): its "
        + "peak, which may include garbage already promoted, and its median; peak heap used = the most heap in use at "
        + "any time, garbage included, sampled every 50 ms; direct = Netty's and NIO's "
        + "off-heap buffers, sampled every 50 ms. A client that does not finish is run once more in `-Xmx1g`, to "
        + "show what it needs.%n%n", n, bodies.meanCallBytes() / 1024,
        n * bodies.meanCallBytes() / 1e9, config.memoryHeap()));
    s.append("| client | finished | each call exactly once | calls | seconds | calls/s | heap after GC: peak / median | "
        + "peak heap used | GCs | peak direct |\n|---|---|---|---:|---:|---:|---:|---:|---:|---:|\n");
    List<MemoryResult> rows = new ArrayList<>(results);
    rows.addAll(retries);
    for (MemoryResult r : rows) {
      boolean retry = retries.contains(r);
      s.append(String.format("| %s | %s | %s | %,d | %.1f | %,.0f | %.1f / %.1f MB | %.1f MB | %d | %.1f MB |%n",
          label(r.contestant()) + (retry ? ", again in `-Xmx1g`" : ""), r.finished() ? "yes" : "**no**: " + r.failure(),
          r.finished() ? (r.exactlyOnce() ? "yes" : "**no**") : "", r.calls(), r.seconds(),
          r.seconds() > 0 ? r.calls() / r.seconds() : 0.0, mb(r.peakHeapAfterGcBytes()),
          mb(r.medianHeapAfterGcBytes()), mb(r.peakHeapUsedBytes()), r.gcCount(), mb(r.peakDirectBytes())));
      if (retry) {
        continue;
      }
      report.target(String.format("%,d calls stream through %s in %s of heap", n, label(r.contestant()),
          config.memoryHeap().replace("m", " MB")), r.finished()
              ? String.format("finished; peak heap after GC %.0f MB", mb(r.peakHeapAfterGcBytes()))
              : "did not finish: " + r.failure(), r.finished());
    }
    report.section(s.append('\n').toString());
  }

  private MemoryResult forkMemory(CallServer server, Dataset data, String id, String heap)
      throws IOException, InterruptedException {
    Map<String, String> params = new LinkedHashMap<>();
    params.put("contestant", id);
    params.put("baseUrl", server.baseUrl());
    params.put("from", data.start().toString());
    params.put("to", data.end().toString());
    params.put("n", String.valueOf(data.size()));
    params.put("idSum", String.valueOf(data.idSum()));
    Fork.Outcome<MemoryResult> outcome = Fork.run(List.of("-Xmx" + heap, "-XX:+UseG1GC", "-XX:+ExitOnOutOfMemoryError"),
        "memory", params, MemoryResult.class, Duration.ofMinutes(config.quick() ? 5 : 15));
    return outcome.result() != null ? outcome.result()
        : new MemoryResult(id, heap, false, false, 0, 0, 0, 0, 0, 0, 0, childFailure(outcome));
  }

  private static double mb(long bytes) {
    return bytes / 1048576.0;
  }

  // ---------------------------------------------------------------------------------------------------------
  // 5. Create

  void create() throws IOException, InterruptedException {
    System.out.printf("== create: %d warm-up + %d timed POST /call per contestant%n", config.createWarmup(),
        config.createCount());
    List<CreateResult> results = new ArrayList<>();
    for (String id : CREATE) {
      System.out.println("  " + id);
      Map<String, String> params = new LinkedHashMap<>();
      params.put("contestant", id);
      params.put("warmup", String.valueOf(config.createWarmup()));
      params.put("count", String.valueOf(config.createCount()));
      Fork.Outcome<CreateResult> outcome = Fork.run(List.of("-Xms512m", "-Xmx512m", "-XX:+UseG1GC"), "create",
          params, CreateResult.class, Duration.ofMinutes(5));
      results.add(outcome.result() != null ? outcome.result()
          : new CreateResult(id, 0, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN,
              childFailure(outcome)));
    }
    StringBuilder s = new StringBuilder("## 5. Create\n\n");
    s.append(String.format("`POST /call` round trips, one at a time on one connection, each contestant in its own JVM: "
        + "%,d untimed, then %,d timed. The server answers at once with a small pre-serialized call.%n%n",
        config.createWarmup(), config.createCount()));
    s.append("| contestant | median | p90 | p99 | mean | max |\n|---|---:|---:|---:|---:|---:|\n");
    for (CreateResult r : results) {
      if (r.failure() != null) {
        s.append("| ").append(createLabel(r.contestant())).append(" | **failed**: ").append(r.failure())
            .append(" | | | | |\n");
        continue;
      }
      s.append(String.format("| %s | %.0f µs | %.0f µs | %.0f µs | %.0f µs | %.0f µs |%n", createLabel(r.contestant()),
          r.medianMicros(), r.p90Micros(), r.p99Micros(), r.meanMicros(), r.maxMicros()));
    }
    report.section(s.append('\n').toString());
  }
}
