package com.clarionhealth.benchmarks;

import com.clarionhealth.benchmarks.contestant.Contestant;
import com.clarionhealth.client.CallQuery;
import com.clarionhealth.client.blocking.ClarionClient;
import com.clarionhealth.client.model.Call;
import com.clarionhealth.client.reactive.ReactiveClarionClient;
import com.clarionhealth.benchmarks.contestant.Contestants;
import com.clarionhealth.benchmarks.contestant.CreateLoad;
import com.clarionhealth.benchmarks.contestant.Tally;
import com.clarionhealth.benchmarks.contestant.Workload;
import com.clarionhealth.benchmarks.data.CallBodies;
import com.clarionhealth.benchmarks.data.Dataset;
import com.clarionhealth.benchmarks.data.Distribution;
import com.clarionhealth.benchmarks.harness.Fork;
import com.clarionhealth.benchmarks.harness.ForkedRuns;
import com.clarionhealth.benchmarks.harness.JfrSummary;
import com.clarionhealth.benchmarks.harness.Results.CreateLoadResult;
import com.clarionhealth.benchmarks.harness.Results.CreateLoadRow;
import com.clarionhealth.benchmarks.harness.Results.CreateResult;
import com.clarionhealth.benchmarks.harness.Results.MemoryResult;
import com.clarionhealth.benchmarks.harness.Results.Run;
import com.clarionhealth.benchmarks.harness.Results.StreamResult;
import com.clarionhealth.benchmarks.harness.Stats;
import com.clarionhealth.benchmarks.server.CallServer;
import com.clarionhealth.benchmarks.server.FaultyCreateServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The six scenarios: each forks what it measures, then writes its section and its targets. */
final class Scenarios {
  private static final List<String> THROUGHPUT = List.of("floor", "tuned-floor", "blocking", "reactive-c1",
      "reactive-c4", "stock-native", "stock-webclient");
  private static final List<String> EFFICIENCY = List.of("blocking", "blocking-c4", "reactive-c1", "reactive-c4");
  private static final List<String> LATENCY = List.of("blocking", "blocking-c4", "blocking-c8", "reactive-c1",
      "reactive-c4", "reactive-c8");
  /** Every contestant of ours at concurrency 1 and 4, in the memory scenario's heap. */
  private static final List<String> MEMORY = List.of("blocking", "blocking-c4", "reactive-c1", "reactive-c4");
  /** Concurrency 1 of each of ours, also in the smaller heap. */
  private static final List<String> MEMORY_SMALL = List.of("blocking", "reactive-c1");
  private static final List<String> CREATE = List.of("floor", "blocking", "reactive-c1", "stock-native",
      "stock-webclient");
  private static final List<String> CREATE_LOAD = List.of("blocking", "reactive");
  private static final double CREATE_TARGET = 1.2;

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
        return "floor: JDK HttpClient + Jackson 2 defaults, known windows";
      case "tuned-floor":
        return "tuned floor: the floor + Jackson's fast number parsers, a page bound as one `Call[]`";
      case "stock-native":
        return "stock openapi-generator `native`";
      case "stock-webclient":
        return "stock openapi-generator `webclient`";
      default:
        return (id.startsWith("blocking") ? "ours: blocking `stream`" : "ours: reactive `stream`")
            + ", concurrency " + Contestants.concurrency(id);
    }
  }

  /** A reference contestant as a target names it. */
  private static String shortLabel(String id) {
    switch (id) {
      case "floor":
        return "floor";
      case "tuned-floor":
        return "tuned floor";
      case "stock-webclient":
        return "stock `webclient`";
      default:
        return id;
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

  /** @param bodies {@code realistic} or {@code lean} */
  private StreamResult forkStream(String id, int n, int warmup, int runs, int latencyMillis, String bodies, Path jfr)
      throws IOException, InterruptedException {
    Map<String, String> params = new LinkedHashMap<>();
    params.put("contestant", id);
    params.put("n", String.valueOf(n));
    params.put("warmup", String.valueOf(warmup));
    params.put("runs", String.valueOf(runs));
    params.put("latencyMs", String.valueOf(latencyMillis));
    params.put("pool", String.valueOf(config.pool()));
    params.put("bodies", bodies);
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

  /**
   * The order of round {@code r}: the contestants rotated by a stride that moves each one to another place
   * every round, and reversed every other round, so that no contestant always runs first, last, or right
   * after the same one. A slow period of the shared machine then falls on different contestants in
   * different rounds, and the per-round ratios compare contestants that ran minutes apart.
   */
  static List<String> roundOrder(List<String> contestants, int r, int rounds) {
    int size = contestants.size();
    int stride = Math.max(1, (size + rounds - 1) / rounds);
    List<String> order = new ArrayList<>(contestants);
    Collections.rotate(order, -((r * stride) % size));
    if (r % 2 == 1) {
      Collections.reverse(order);
    }
    return order;
  }

  void throughput() throws IOException, InterruptedException {
    int n = config.throughputCalls();
    int rounds = config.throughputRounds();
    System.out.printf("== throughput: %,d calls, %d interleaved rounds; each a fresh JVM per contestant: %d warm-up "
        + "+ 1 measured stream%n", n, rounds, config.throughputWarmup());
    List<Map<String, StreamResult>> byRound = new ArrayList<>();
    List<List<String>> orders = new ArrayList<>();
    for (int r = 0; r < rounds; r++) {
      List<String> order = roundOrder(THROUGHPUT, r, rounds);
      orders.add(order);
      System.out.printf("  round %d of %d: %s%n", r + 1, rounds, String.join(", ", order));
      Map<String, StreamResult> results = new LinkedHashMap<>();
      for (String id : order) {
        System.out.println("  " + id);
        results.put(id, forkStream(id, n, config.throughputWarmup(), 1, 0, "realistic", null));
      }
      byRound.add(results);
    }
    Throughput t = new Throughput(byRound);
    floorCallsPerSecond = t.medianRate("floor");

    StreamResult any = t.anyCompleted("floor");
    StringBuilder s = new StringBuilder("## 1. Throughput\n\n");
    s.append(String.format("Stream %,d calls (uniform over seven days, %.1f KB a call on average, %.0f MB of JSON a "
            + "stream) from a newest-first server with no added latency. %d interleaved rounds: in each, every "
            + "contestant in a fresh JVM (`-Xmx%s`, G1) makes %d warm-up stream and 1 measured stream; the order "
            + "changes from round to round (below). Every stream is checked to deliver each call exactly once. The "
            + "floors and the stock clients walk %d windows known in advance.%n%n", n,
        any == null ? 0 : any.meanCallBytes() / 1024, any == null ? 0 : n * any.meanCallBytes() / 1e6, rounds,
        config.forkHeap(), config.throughputWarmup(), any == null ? 0 : any.windows()));
    s.append("**Why rounds.** This machine is shared: a contestant measured a few minutes after another may run in "
        + "a slower period. So each ratio is taken within a round (contestants that ran minutes apart), and the "
        + "figure the targets use is the median over the rounds of these per-round ratios; their range shows how "
        + "much the machine moved them.\n\n");
    s.append("**The Jackson fast paths our clients use**, each on a mapper of its own (Jackson 2 in the blocking "
        + "client, Jackson 3 in the reactive one): exactly two features, `StreamReadFeature.USE_FAST_DOUBLE_PARSER` "
        + "and `USE_FAST_BIG_NUMBER_PARSER`; one parser per page, binding it as a `Call[]`; the page split by our "
        + "own scanner (core's `PageSplitter`) as its bytes arrive; and a full page (as many calls as the limit, "
        + "which the pager discards) counted by that scanner and never bound. The tuned floor has the first two "
        + "(the same features, one parser per page as `Call[]`) on the floor's loop; the plain floor has Jackson's "
        + "defaults and reads a `List<Call>`.\n\n");
    s.append("| contestant | calls/s (median of rounds) | min – max | spread | vs floor (median of per-round ratios) "
        + "| per-round ratios to the floor: min – max (spread) | vs tuned floor | requests a stream (full pages) | "
        + "bytes transferred a stream | calls decoded/s, discarded pages included | server CPU share | each call "
        + "exactly once |\n|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|\n");
    List<String> roundFailures = new ArrayList<>();
    for (String id : THROUGHPUT) {
      s.append("| ").append(label(id)).append(" | ");
      List<Run> runs = t.measured(id);
      for (int r = 0; r < rounds; r++) {
        StreamResult result = byRound.get(r).get(id);
        if (result.failure() != null) {
          roundFailures.add("round " + (r + 1) + ", " + id + ": " + result.failure());
        }
      }
      if (runs.isEmpty()) {
        s.append("**failed** in every round (below) | | | | | | | | | | |\n");
        continue;
      }
      Stats rates = new Stats(rates(runs));
      Stats toFloor = new Stats(t.ratios(id, "floor"));
      Stats toTuned = new Stats(t.ratios(id, "tuned-floor"));
      double served = 0;
      List<Double> bytes = new ArrayList<>();
      for (Run run : runs) {
        served += run.servedPerSecond() / runs.size();
        bytes.add((double) run.bytesServed());
      }
      s.append(String.format("%,.0f | %,.0f – %,.0f | %.1f%% | %.2f | %.2f – %.2f (%.1f%%) | %.2f | %d (%d) | %s | "
              + "%,.0f | %.1f%% | %s |%n",
          rates.median(), rates.min(), rates.max(), 100 * rates.relativeSpread(), toFloor.median(), toFloor.min(),
          toFloor.max(), 100 * toFloor.relativeSpread(), toTuned.median(), medianRequests(runs),
          runs.get(runs.size() / 2).fullPages(), megabytes(new Stats(bytes).median()), served,
          100 * new Stats(shares(runs)).median(), t.exactness(id)));
    }
    s.append("\nspread = (max − min) / median. Ratios: each contestant's calls/s over the floor's (or the tuned "
        + "floor's) of the same round; a contestant's row gives their median and range over the rounds. Bytes "
        + "transferred: every response body the stream took, full pages included, as the server wrote them "
        + "(1 MB = 10⁶ bytes). Full pages: responses holding `limit` calls, which a paging client must discard and "
        + "narrow (it cannot know they are complete). Calls decoded/s: what the server sent per second (mean of the "
        + "rounds), so a client that decodes discarded pages as fast as the floor decodes its pages shows the "
        + "floor's figure here. Server CPU share = CPU time of the server's threads / CPU time of the whole process "
        + "during the stream (median).\n\n");
    if (!roundFailures.isEmpty()) {
      s.append("Failures: ").append(String.join("; ", roundFailures)).append(".\n\n");
    }
    s.append("Each round, in the order it ran: calls/s (ratio to the floor of that round).\n\n| round | order |");
    for (String id : THROUGHPUT) {
      s.append(" `").append(id).append("` |");
    }
    s.append("\n|---|---|").append("---:|".repeat(THROUGHPUT.size())).append('\n');
    for (int r = 0; r < rounds; r++) {
      s.append("| ").append(r + 1).append(" | ").append(String.join(", ", orders.get(r))).append(" |");
      Double floorRate = t.rate(r, "floor");
      for (String id : THROUGHPUT) {
        Double rate = t.rate(r, id);
        s.append(' ').append(rate == null ? "failed" : String.format("%,.0f (%s)", rate,
            floorRate == null ? "–" : String.format("%.2f", rate / floorRate))).append(" |");
      }
      s.append('\n');
    }
    s.append('\n');

    Set<String> profiled = new LinkedHashSet<>(List.of("floor"));
    List<String> missedContestants = new ArrayList<>();
    ratioTarget(t, n, "blocking", "floor", 1.0, profiled, missedContestants);
    ratioTarget(t, n, "reactive-c1", "floor", 1.0, profiled, missedContestants);
    ratioTarget(t, n, "reactive-c1", "stock-webclient", 1.05, profiled, missedContestants);
    ratioTarget(t, n, "blocking", "tuned-floor", 0.95, profiled, missedContestants);
    ratioTarget(t, n, "reactive-c1", "tuned-floor", 0.95, profiled, missedContestants);
    if (!missedContestants.isEmpty()) {
      profiled.addAll(missedContestants);
      s.append("### Profiles of the misses\n\nEach below is one more fork of the contestant: 1 warm-up stream, then "
          + "1 stream recorded by JFR (a `jdk.jfr.Recording` with the `profile` settings, started after the warm-up), "
          + "beside the floor's and those of the references it missed (tuned floor, stock `webclient`). Where the "
          + "contestant's samples differ from its reference's is where its extra time goes.\n\n");
      for (String id : profiled) {
        Path jfr = Files.createTempFile("clarion-bench-" + id + "-", ".jfr");
        System.out.println("  profiling " + id);
        Files.delete(jfr);
        StreamResult r = forkStream(id, n, 1, 1, 0, "realistic", jfr);
        s.append(profile(jfr, label(id), r.failure()));
      }
    }
    report.section(s.toString());
  }

  /** A target on the median of per-round ratios; a miss adds the contestant and its reference to be profiled. */
  private void ratioTarget(Throughput t, int n, String id, String reference, double target, Set<String> profiled,
      List<String> missed) {
    String name = String.format("%,d realistic calls: %s ≥ %.2f × %s", n, label(id), target, shortLabel(reference));
    List<Double> ratios = t.ratios(id, reference);
    if (ratios.isEmpty()) {
      report.target("throughput", name, "no round where both completed", false);
      return;
    }
    Stats stats = new Stats(ratios);
    boolean met = stats.median() >= target;
    report.target("throughput", name, String.format("%.2f × (median of %d rounds; %.2f – %.2f)", stats.median(),
        stats.count(), stats.min(), stats.max()), met);
    if (!met) {
      profiled.add(reference);
      if (!missed.contains(id)) {
        missed.add(id);
      }
    }
  }

  /** A JFR summary, or why there is none; the recording is deleted. */
  private static String profile(Path jfr, String title, String failure) throws IOException {
    try {
      if (failure != null || !Files.exists(jfr)) {
        return "_Profile of " + title + " failed: " + failure + "_\n\n";
      }
      return JfrSummary.read(jfr).markdown(title);
    } finally {
      Files.deleteIfExists(jfr);
    }
  }

  /** The throughput rounds, by contestant. */
  private static final class Throughput {
    private final List<Map<String, StreamResult>> byRound;

    Throughput(List<Map<String, StreamResult>> byRound) {
      this.byRound = byRound;
    }

    /** The calls/s of the measured stream of {@code id} in round {@code r}; null if it failed. */
    Double rate(int r, String id) {
      StreamResult result = byRound.get(r).get(id);
      return result == null || result.measured().isEmpty() ? null : result.measured().get(0).callsPerSecond();
    }

    List<Run> measured(String id) {
      List<Run> runs = new ArrayList<>();
      for (Map<String, StreamResult> round : byRound) {
        runs.addAll(round.get(id).measured());
      }
      return runs;
    }

    Double medianRate(String id) {
      List<Run> runs = measured(id);
      return runs.isEmpty() ? Double.NaN : new Stats(rates(runs)).median();
    }

    /** {@code id}'s calls/s over {@code reference}'s, in each round where both completed. */
    List<Double> ratios(String id, String reference) {
      List<Double> ratios = new ArrayList<>();
      for (int r = 0; r < byRound.size(); r++) {
        Double a = rate(r, id);
        Double b = rate(r, reference);
        if (a != null && b != null) {
          ratios.add(a / b);
        }
      }
      return ratios;
    }

    StreamResult anyCompleted(String id) {
      for (Map<String, StreamResult> round : byRound) {
        if (!round.get(id).measured().isEmpty()) {
          return round.get(id);
        }
      }
      return null;
    }

    String exactness(String id) {
      List<Run> warm = new ArrayList<>();
      List<Run> measured = new ArrayList<>();
      int n = 0;
      for (Map<String, StreamResult> round : byRound) {
        warm.addAll(round.get(id).warmup());
        measured.addAll(round.get(id).measured());
        n = round.get(id).n();
      }
      String exactness = new StreamResult(id, n, 0, 0, warm, measured, null).exactness();
      return exactness.isEmpty() ? "yes" : exactness;
    }
  }

  private static String exactly(StreamResult r) {
    String exactness = r.exactness();
    return exactness.isEmpty() ? "yes" : exactness;
  }

  private static String megabytes(double bytes) {
    return String.format(bytes < 10e6 ? "%.1f MB" : "%,.0f MB", bytes / 1e6);
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
    s.append("Distributions (every value of the harness's `Distribution`; each one but uniform is held to the "
        + "bursty target):\n\n");
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
    firstCall(s, n);
    // Read from the enum, not a fixed list: a shape added to Distribution gets its target here too.
    for (Distribution distribution : Distribution.values()) {
      double target = distribution == Distribution.UNIFORM ? 1.15 : 1.4;
      for (String id : List.of("blocking", "reactive-c1")) {
        Double ratio = worst.get(id + "/" + distribution);
        report.target("requests", String.format("%s ≤ %.2f × minimum, %s (worse of the two server orders)", label(id),
            target, distribution.label()), ratio == null ? "failed" : String.format("%.2f", ratio),
            ratio != null && ratio <= target);
      }
    }
    report.section(s.toString());
  }

  /**
   * What a stream costs before its first call: the requests (full pages among them) and the bytes it takes
   * until it hands out a call, with realistic bodies, so that the bytes are what a user would pay.
   */
  private void firstCall(StringBuilder s, int n) throws IOException {
    s.append(String.format("**Before the first call.** Requests (full pages) and bytes transferred until each "
        + "client's `stream` hands out its first call, at concurrency 1, from the newest-first server, on the same "
        + "%,d calls but with realistic bodies (full pages count in the bytes). Both clients walk one plan, so "
        + "the two should agree.%n%n", n));
    s.append("| distribution | blocking: requests (full) | blocking: bytes | reactive: requests (full) | reactive: bytes |\n"
        + "|---|---:|---:|---:|---:|\n");
    CallBodies realistic = CallBodies.realistic(config.pool(), ForkedRuns.BODY_SEED);
    for (Distribution distribution : Distribution.values()) {
      Dataset data = Dataset.generate(distribution, n, config.pool(), ForkedRuns.DATA_SEED);
      CallQuery range = CallQuery.between(data.start(), data.end());
      s.append("| ").append(distribution.label()).append(" |");
      try (CallServer server = new CallServer(data, realistic, CallServer.Order.NEWEST_FIRST, Duration.ZERO)) {
        for (boolean blocking : new boolean[] {true, false}) {
          long requests = server.getRequests();
          long full = server.fullPages();
          long bytes = server.bytesServed();
          String cell;
          try {
            if (blocking) {
              ClarionClient client = ClarionClient.builder().apiKey("bench").baseUrl(server.baseUrl()).build();
              try (java.util.stream.Stream<Call> calls = client.calls().stream(range)) {
                calls.findFirst().orElseThrow();
              }
            } else {
              ReactiveClarionClient.builder().apiKey("bench").baseUrl(server.baseUrl()).build().calls()
                  .stream(range).next().blockOptional().orElseThrow();
            }
            cell = String.format(" %d (%d) | %s |", server.getRequests() - requests, server.fullPages() - full,
                megabytes(server.bytesServed() - bytes));
          } catch (RuntimeException e) {
            cell = " failed: " + e + " | |";
          }
          System.out.printf("  first call   %-20s %-9s%s%n", distribution.label(), blocking ? "blocking" : "reactive",
              cell);
          s.append(cell);
        }
      }
      s.append('\n');
    }
    s.append('\n');
  }

  // ---------------------------------------------------------------------------------------------------------
  // 3. Latency-bound

  void latency() throws IOException, InterruptedException {
    int n = config.latencyCalls();
    System.out.printf("== latency-bound: %,d calls, %d ms added to every response%n", n, config.latencyMillis());
    Map<String, StreamResult> lean = new LinkedHashMap<>();
    for (String id : LATENCY) {
      System.out.println("  " + id + ", lean calls");
      lean.put(id, forkStream(id, n, config.latencyWarmup(), config.latencyRuns(), config.latencyMillis(), "lean",
          null));
    }
    Map<String, StreamResult> realistic = new LinkedHashMap<>();
    for (String id : LATENCY) {
      System.out.println("  " + id + ", realistic calls");
      realistic.put(id, forkStream(id, n, config.latencyWarmup(), config.latencyRealisticRuns(),
          config.latencyMillis(), "realistic", null));
    }
    StringBuilder s = new StringBuilder("## 3. Latency-bound\n\n");
    s.append(String.format("Stream %,d calls (uniform over seven days) from a server that adds %d ms to every "
        + "response (a scheduled delay: concurrent requests wait together), through each of our clients at "
        + "concurrency 1, 4 and 8 (`CallQuery.concurrency(n)`), each in its own JVM. In flight = requests the server "
        + "held at once (time-weighted mean over the stream, and the maximum): the concurrency the client really "
        + "achieved. Speed-up = the same client's concurrency 1 time over this one's.%n%n", n,
        config.latencyMillis()));
    s.append(String.format("**Lean calls** (a status only, so that waiting, not decoding, is what the time is made "
        + "of; the targets use these): %d warm-up and %d measured streams each.%n%n", config.latencyWarmup(),
        config.latencyRuns()));
    latencyTable(s, lean, n);
    waitingBounds(s, lean);
    s.append(String.format("%n**Realistic calls** (%s a call): %d warm-up and %d measured streams each. Here "
        + "decoding takes CPU of its own: on 2 cores it bounds what concurrency can gain.%n%n",
        realisticSize(realistic), config.latencyWarmup(), config.latencyRealisticRuns()));
    latencyTable(s, realistic, n);
    if (floorCallsPerSecond != null && !floorCallsPerSecond.isNaN()) {
      s.append(String.format("%nDecoding %,d realistic calls at the floor's rate (%,.0f calls/s, scenario 1) takes "
          + "%.2f s of CPU, whatever the concurrency.%n", n, floorCallsPerSecond, n / floorCallsPerSecond));
    }
    for (String client : List.of("blocking", "reactive")) {
      String c1 = client.equals("blocking") ? "blocking" : "reactive-c1";
      String c8 = client + "-c8";
      String name = String.format("50 ms a response, %,d lean calls: %s `stream` at concurrency 8 ≥ 5 × "
          + "concurrency 1", n, client);
      StreamResult one = lean.get(c1);
      StreamResult eight = lean.get(c8);
      if (one.measured().isEmpty() || eight.measured().isEmpty()) {
        report.target("latency", name, "failed", false);
        continue;
      }
      double s1 = new Stats(seconds(one.measured())).median();
      double s8 = new Stats(seconds(eight.measured())).median();
      report.target("latency", name, String.format("%.2f × (%.2f s vs %.2f s; %.2f requests in flight on average)",
          s1 / s8, s8, s1, eight.measured().get(eight.measured().size() / 2).meanInFlight()), s1 / s8 >= 5);
    }
    report.section(s.append('\n').toString());
  }

  private static String realisticSize(Map<String, StreamResult> results) {
    for (StreamResult r : results.values()) {
      if (r.meanCallBytes() > 0) {
        return String.format("%.1f KB", r.meanCallBytes() / 1024);
      }
    }
    return "about 11 KB";
  }

  private void latencyTable(StringBuilder s, Map<String, StreamResult> results, int n) {
    s.append("| contestant | seconds (median) | min – max | calls/s | requests (full pages) | bytes transferred | "
        + "in flight: mean / max | speed-up over the same client's concurrency 1 | each call exactly once |\n"
        + "|---|---:|---:|---:|---:|---:|---:|---:|---|\n");
    for (StreamResult r : results.values()) {
      s.append("| ").append(label(r.contestant())).append(" | ");
      if (r.measured().isEmpty()) {
        s.append("**failed**: ").append(r.failure()).append(" | | | | | | | |\n");
        continue;
      }
      StreamResult one = results.get(r.contestant().startsWith("blocking") ? "blocking" : "reactive-c1");
      double oneSeconds = one.measured().isEmpty() ? Double.NaN : new Stats(seconds(one.measured())).median();
      Stats secs = new Stats(seconds(r.measured()));
      Run mid = r.measured().get(r.measured().size() / 2);
      s.append(String.format("%.2f | %.2f – %.2f | %,.0f | %d (%d) | %s | %.2f / %d | %.2f × | %s |%n", secs.median(),
          secs.min(), secs.max(), n / secs.median(), medianRequests(r.measured()), mid.fullPages(),
          megabytes(mid.bytesServed()), mid.meanInFlight(), mid.maxInFlight(), oneSeconds / secs.median(),
          exactly(r)));
    }
  }

  /** What concurrency 8 cannot beat: its own requests, 8 at a time, each waiting the added latency. */
  private void waitingBounds(StringBuilder s, Map<String, StreamResult> results) {
    List<String> bounds = new ArrayList<>();
    for (String id : List.of("blocking-c8", "reactive-c8")) {
      StreamResult c8 = results.get(id);
      if (c8 != null && !c8.measured().isEmpty()) {
        long requests = medianRequests(c8.measured());
        bounds.add(String.format("%s, %d requests × %d ms / 8 = %.2f s", label(id), requests, config.latencyMillis(),
            requests * config.latencyMillis() / 8000.0));
      }
    }
    if (!bounds.isEmpty()) {
      s.append("\nThe waiting concurrency 8 cannot avoid: ").append(String.join("; ", bounds)).append(".\n");
    }
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
    System.out.printf("== memory: %,d calls through each of our clients in -Xmx%s (concurrency 1 also in -Xmx%s)%n",
        n, config.memoryHeap(), config.memorySmallHeap());
    Dataset data = Dataset.generate(Distribution.UNIFORM, n, config.pool(), ForkedRuns.DATA_SEED);
    CallBodies bodies = CallBodies.realistic(config.pool(), ForkedRuns.BODY_SEED);
    List<String[]> cases = new ArrayList<>();
    for (String id : MEMORY) {
      cases.add(new String[] {id, config.memoryHeap()});
    }
    for (String id : MEMORY_SMALL) {
      cases.add(new String[] {id, config.memorySmallHeap()});
    }
    List<MemoryResult> results = new ArrayList<>();
    List<String> heaps = new ArrayList<>();
    List<Boolean> retry = new ArrayList<>();
    try (CallServer server = new CallServer(data, bodies, CallServer.Order.NEWEST_FIRST, Duration.ZERO)) {
      for (String[] c : cases) {
        System.out.println("  " + c[0] + " in -Xmx" + c[1]);
        MemoryResult result = forkMemory(server, data, c[0], c[1]);
        results.add(result);
        heaps.add(c[1]);
        retry.add(false);
        if (!result.finished() && c[1].equals(config.memoryHeap())) {
          // How much it needed: the same stream in a heap four times larger.
          System.out.println("  " + c[0] + " again in -Xmx1g, to see what it needs");
          results.add(forkMemory(server, data, c[0], "1g"));
          heaps.add("1g");
          retry.add(true);
        }
      }
    }
    StringBuilder s = new StringBuilder("## 4. Memory\n\n");
    s.append(String.format("Stream %,d calls (uniform over seven days, %.1f KB a call, %.1f GB of JSON) through each "
        + "of our clients at concurrency 1 and 4 in a child JVM started with `-Xmx%s -XX:+UseG1GC "
        + "-XX:+ExitOnOutOfMemoryError`, and at concurrency 1 also in `-Xmx%s`, from the harness's server. Heap "
        + "after GC = the heap in use right after each collection (GC notifications): its peak, which may include "
        + "garbage already promoted, and its median; peak heap used = the most heap in use at any time, garbage "
        + "included, sampled every 50 ms; direct = Netty's and NIO's off-heap buffers, sampled every 50 ms. A client "
        + "that does not finish in `-Xmx%s` is run once more in `-Xmx1g`, to show what it needs.%n%n", n,
        bodies.meanCallBytes() / 1024, n * bodies.meanCallBytes() / 1e9, config.memoryHeap(),
        config.memorySmallHeap(), config.memoryHeap()));
    s.append("| client | heap | finished | each call exactly once | calls | seconds | calls/s | heap after GC: peak / "
        + "median | peak heap used | GCs | peak direct |\n|---|---|---|---|---:|---:|---:|---:|---:|---:|---:|\n");
    for (int i = 0; i < results.size(); i++) {
      MemoryResult r = results.get(i);
      s.append(String.format("| %s | `-Xmx%s`%s | %s | %s | %,d | %.1f | %,.0f | %.1f / %.1f MB | %.1f MB | %d | "
              + "%.1f MB |%n", label(r.contestant()), heaps.get(i), retry.get(i) ? " (again, to see what it needs)" : "",
          r.finished() ? "yes" : "**no**: " + r.failure(), r.finished() ? (r.exactlyOnce() ? "yes" : "**no**") : "",
          r.calls(), r.seconds(), r.seconds() > 0 ? r.calls() / r.seconds() : 0.0, mb(r.peakHeapAfterGcBytes()),
          mb(r.medianHeapAfterGcBytes()), mb(r.peakHeapUsedBytes()), r.gcCount(), mb(r.peakDirectBytes())));
      if (retry.get(i)) {
        continue;
      }
      boolean met = r.finished() && r.exactlyOnce();
      report.target("memory", String.format("%,d realistic calls stream through %s in `-Xmx%s`", n,
          label(r.contestant()), heaps.get(i)), r.finished()
              ? String.format("finished%s; peak heap after GC %.0f MB", r.exactlyOnce() ? "" : ", **not each call once**",
                  mb(r.peakHeapAfterGcBytes()))
              : "did not finish: " + r.failure(), met);
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
    Map<String, CreateResult> results = new LinkedHashMap<>();
    for (String id : CREATE) {
      System.out.println("  " + id);
      results.put(id, forkCreate(id, config.createCount(), null));
    }
    StringBuilder s = new StringBuilder("## 5. Create\n\n");
    s.append(String.format("`POST /call` round trips, one at a time on one connection, each contestant in its own JVM: "
        + "%,d untimed, then %,d timed. The server answers at once with a small pre-serialized call.%n%n",
        config.createWarmup(), config.createCount()));
    s.append("| contestant | median | p90 | p99 | mean | max | median vs floor |\n|---|---:|---:|---:|---:|---:|---:|\n");
    CreateResult floor = results.get("floor");
    for (CreateResult r : results.values()) {
      if (r.failure() != null) {
        s.append("| ").append(createLabel(r.contestant())).append(" | **failed**: ").append(r.failure())
            .append(" | | | | | |\n");
        continue;
      }
      s.append(String.format("| %s | %.0f µs | %.0f µs | %.0f µs | %.0f µs | %.0f µs | %.2f |%n",
          createLabel(r.contestant()), r.medianMicros(), r.p90Micros(), r.p99Micros(), r.meanMicros(), r.maxMicros(),
          r.medianMicros() / floor.medianMicros()));
    }
    List<String> missed = new ArrayList<>();
    for (String id : List.of("blocking", "reactive-c1")) {
      CreateResult r = results.get(id);
      String name = String.format("%s median ≤ %.1f × the floor's", createLabel(id), CREATE_TARGET);
      if (r.failure() != null || floor.failure() != null) {
        report.target("create", name, "failed: " + (r.failure() != null ? r.failure() : "the floor's run failed"),
            false);
        continue;
      }
      double ratio = r.medianMicros() / floor.medianMicros();
      report.target("create", name, String.format("%.2f × (%.0f µs vs %.0f µs)", ratio, r.medianMicros(),
          floor.medianMicros()), ratio <= CREATE_TARGET);
      if (ratio > CREATE_TARGET) {
        missed.add(id);
      }
    }
    if (!missed.isEmpty()) {
      // Enough samples: a create is a fraction of a millisecond, most of it waiting (not sampled).
      int count = 10 * config.createCount();
      s.append(String.format("%n### Profiles of the misses%n%nOne more fork each, beside the floor's: %,d untimed "
          + "creates, then %,d recorded by JFR (`profile` settings). The server's threads are left out.%n%n",
          config.createWarmup(), count));
      List<String> profiled = new ArrayList<>(List.of("floor"));
      profiled.addAll(missed);
      for (String id : profiled) {
        Path jfr = Files.createTempFile("clarion-bench-create-" + id + "-", ".jfr");
        Files.delete(jfr);
        System.out.println("  profiling create of " + id);
        CreateResult r = forkCreate(id, count, jfr);
        s.append(profile(jfr, createLabel(id), r.failure()));
      }
    }
    report.section(s.append('\n').toString());
  }

  private CreateResult forkCreate(String id, int count, Path jfr) throws IOException, InterruptedException {
    Map<String, String> params = new LinkedHashMap<>();
    params.put("contestant", id);
    params.put("warmup", String.valueOf(config.createWarmup()));
    params.put("count", String.valueOf(count));
    if (jfr != null) {
      params.put("jfr", jfr.toString());
    }
    Fork.Outcome<CreateResult> outcome = Fork.run(List.of("-Xms512m", "-Xmx512m", "-XX:+UseG1GC"), "create",
        params, CreateResult.class, Duration.ofMinutes(5));
    return outcome.result() != null ? outcome.result()
        : new CreateResult(id, 0, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, childFailure(outcome));
  }

  // ---------------------------------------------------------------------------------------------------------
  // 6. Creates under load

  void createLoad() throws IOException, InterruptedException {
    int count = config.createLoadCount();
    int callers = config.createLoadCallers();
    System.out.printf("== create-load: %,d POST /call from %d callers at once, 5%% failed by the server%n", count,
        callers);
    List<CreateLoadResult> results = new ArrayList<>();
    for (String id : CREATE_LOAD) {
      System.out.println("  " + id);
      Map<String, String> params = new LinkedHashMap<>();
      params.put("contestant", id);
      params.put("count", String.valueOf(count));
      params.put("callers", String.valueOf(callers));
      params.put("timeoutMs", String.valueOf(config.createLoadTimeoutMillis()));
      // Reactor Netty warns of every reset connection, which this scenario makes on purpose: errors only.
      Fork.Outcome<CreateLoadResult> outcome = Fork.run(List.of("-Xms512m", "-Xmx512m", "-XX:+UseG1GC",
              "-Dorg.slf4j.simpleLogger.log.reactor.netty=error"), "create-load", params, CreateLoadResult.class, Duration.ofMinutes(config.quick() ? 5 : 10));
      results.add(outcome.result() != null ? outcome.result()
          : new CreateLoadResult(id, count, callers, config.createLoadTimeoutMillis(), 0, 0, Double.NaN, Double.NaN,
              0, 0, 0, List.of(), Map.of(), Map.of(), 0, 0, 0, List.of(), 0, 0, 0, 0, List.of(), List.of(),
              childFailure(outcome)));
    }
    StringBuilder s = new StringBuilder("## 6. Creates under load\n\n");
    s.append(String.format("%,d `POST /call` from %d callers at once, sharing one client of each kind (the blocking "
        + "client from %d threads; the reactive one as `Flux.range(0, %d).flatMap(create, %d)`), request timeout "
        + "%d ms, default retries, each client in its own JVM, after %d untimed creates one at a time (never "
        + "failed by the server, left out of every figure). Every request has its own `name`. The server (plain "
        + "sockets, in the same JVM) fails every %dth create it receives, the kinds taking turns, 1%% each:%n%n",
        count, callers, callers, count, callers, config.createLoadTimeoutMillis(), CreateLoad.warmUps(count),
        FaultyCreateServer.FAULT_EVERY));
    for (FaultyCreateServer.Fault f : FaultyCreateServer.Fault.values()) {
      s.append("- ").append(f.label()).append(f.created() ? ": the call **was created**" : ": not created")
          .append('\n');
    }
    s.append("\nLatency: of the successes, as the callers saw them (retries included). Created: calls the server "
        + "created for the run's requests. A duplicate is a `name` created twice: one caller request that placed "
        + "two calls.\n\n");
    s.append("| client | seconds | successes | latency p50 / p99 | POSTs received | created | duplicates | failures by "
        + "type | failures: may have been placed / not | untyped failures |\n"
        + "|---|---:|---:|---:|---:|---:|---:|---|---:|---:|\n");
    for (CreateLoadResult r : results) {
      if (r.failure() != null) {
        s.append("| ").append(r.contestant()).append(" | **failed**: ").append(r.failure())
            .append(" | | | | | | | | |\n");
        continue;
      }
      List<String> types = new ArrayList<>();
      r.failuresByType().forEach((type, n) -> types.add("`" + type + "` " + n));
      s.append(String.format("| %s | %.1f | %,d | %.1f / %.1f ms | %,d | %,d | %d | %s | %d / %d | %d |%n",
          r.contestant(), r.seconds(), r.successes(), r.p50Micros() / 1000, r.p99Micros() / 1000, r.serverPosts(),
          r.created(), r.duplicates(), types.isEmpty() ? "none" : String.join(", ", types),
          r.failuresMayHaveBeenPlaced(), r.failuresNotPlaced(), r.untypedFailures()));
    }
    s.append("\n**Checks.** `callMayHaveBeenPlaced()` must be true for every failure whose call was created (else an "
        + "application that trusts it rings the patient twice). Note that a 503 says the same on the wire whether or "
        + "not the server created the call first, so the client cannot tell \"503 before creating\" from \"503 "
        + "after creating\": for the former it says the call *may* have been placed, and the strict check (true "
        + "exactly when created) counts those apart.\n\n");
    s.append("| client | zero duplicates | every failure a typed `ClarionException` | created but not flagged (must be 0) "
        + "| `callMayHaveBeenPlaced()` true exactly when created | created = successes + flagged failures that were "
        + "created |\n|---|---|---|---:|---|---|\n");
    for (CreateLoadResult r : results) {
      if (r.failure() != null) {
        s.append("| ").append(r.contestant()).append(" | failed | | | | |\n");
        report.target("create-load", r.contestant() + ": zero duplicates, every failure typed",
            "failed: " + r.failure(), false);
        continue;
      }
      boolean balanced = r.created() == r.successes() + r.flaggedAndCreated();
      Set<String> falseAlarms = new LinkedHashSet<>();
      for (CreateLoadRow row : r.rows()) {
        if (!row.created() && !row.outcome().equals("success") && row.mayHaveBeenPlaced()) {
          falseAlarms.add(row.serverFaults());
        }
      }
      String exact = r.flaggedNotCreated() == 0 && r.unflaggedButCreated() == 0 ? "yes"
          : "no: " + (r.flaggedNotCreated() == 0 ? "" : r.flaggedNotCreated() + " flagged but not created ("
              + String.join("; ", falseAlarms) + ")") + (r.unflaggedButCreated() == 0 ? ""
              : (r.flaggedNotCreated() == 0 ? "" : ", ") + "**" + r.unflaggedButCreated()
                  + " created but not flagged**");
      s.append(String.format("| %s | %s | %s | %d | %s | %s: %,d %s %,d + %,d |%n", r.contestant(),
          r.duplicates() == 0 ? "yes" : "**no**: " + r.duplicates() + " (" + String.join(", ", r.duplicateExamples())
              + ")",
          r.untypedFailures() == 0 ? "yes" : "**no**: " + r.untypedFailures() + " ("
              + String.join("; ", r.untypedExamples()).replace('|', '/') + ")",
          r.unflaggedButCreated(), exact, balanced ? "yes" : "**no**", r.created(),
          balanced ? "=" : "≠", r.successes(), r.flaggedAndCreated()));
      boolean met = r.duplicates() == 0 && r.untypedFailures() == 0;
      report.target("create-load", String.format("%s, %,d creates from %d callers, 5%% failed: zero duplicates, every "
          + "failure typed", r.contestant(), count, callers), String.format("%d duplicates, %d untyped of %d failures",
          r.duplicates(), r.untypedFailures(), r.requests() - r.successes()), met);
    }
    s.append("\nEvery way a request ended: what the server did to it (the faults its attempts got, in order, and "
        + "whether it created the call) and what the caller saw.\n\n");
    s.append("| client | server's faults | created | caller saw | `callMayHaveBeenPlaced()` | requests | a message |\n"
        + "|---|---|---|---|---|---:|---|\n");
    for (CreateLoadResult r : results) {
      for (CreateLoadRow row : r.rows()) {
        s.append(String.format("| %s | %s | %s | %s | %s | %,d | %s |%n", r.contestant(), row.serverFaults(),
            row.created() ? "yes" : "no", row.outcome().equals("success") ? "success" : "`" + row.outcome() + "`",
            row.outcome().equals("success") ? "" : String.valueOf(row.mayHaveBeenPlaced()), row.count(),
            row.example() == null ? "" : row.example()));
      }
      if (!r.serverProblems().isEmpty()) {
        s.append("\nThe server could not make sense of some requests from ").append(r.contestant()).append(": ")
            .append(String.join("; ", r.serverProblems()).replace('|', '/')).append("\n\n");
      }
    }
    List<String> injected = new ArrayList<>();
    for (CreateLoadResult r : results) {
      if (r.failure() == null) {
        List<String> kinds = new ArrayList<>();
        r.faultsInjected().forEach((kind, n) -> kinds.add(kind + " " + n));
        injected.add(r.contestant() + ": " + String.join(", ", kinds));
      }
    }
    s.append("\nFaults the server injected: ").append(String.join("; ", injected)).append(".\n");
    report.section(s.append('\n').toString());
  }
}
