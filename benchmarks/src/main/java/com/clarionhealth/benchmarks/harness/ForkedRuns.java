package com.clarionhealth.benchmarks.harness;

import com.clarionhealth.benchmarks.contestant.Contestant;
import com.clarionhealth.benchmarks.contestant.Contestants;
import com.clarionhealth.benchmarks.contestant.CreateLoad;
import com.clarionhealth.benchmarks.contestant.Tally;
import com.clarionhealth.benchmarks.contestant.Workload;
import com.clarionhealth.benchmarks.data.CallBodies;
import com.clarionhealth.benchmarks.data.Dataset;
import com.clarionhealth.benchmarks.data.Distribution;
import com.clarionhealth.benchmarks.harness.Results.CreateLoadResult;
import com.clarionhealth.benchmarks.harness.Results.CreateLoadRow;
import com.clarionhealth.benchmarks.harness.Results.CreateResult;
import com.clarionhealth.benchmarks.harness.Results.MemoryResult;
import com.clarionhealth.benchmarks.harness.Results.Run;
import com.clarionhealth.benchmarks.harness.Results.StreamResult;
import com.clarionhealth.benchmarks.server.CallServer;
import com.clarionhealth.benchmarks.server.FaultyCreateServer;
import com.sun.management.GarbageCollectionNotificationInfo;
import com.sun.management.OperatingSystemMXBean;
import java.io.IOException;
import java.lang.management.BufferPoolMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import javax.management.NotificationEmitter;
import jdk.jfr.Configuration;
import jdk.jfr.Recording;
import javax.management.openmbean.CompositeData;

/** What a forked JVM runs: one contestant, one scenario, then its result as JSON. */
public final class ForkedRuns {
  /** Windows for the floor and the stock clients hold at most this many calls (fewer than the limit). */
  public static final int KNOWN_WINDOW_CALLS = 999;
  /** Distinct pre-serialized bodies the calls share. */
  public static final int POOL = 2048;
  public static final long DATA_SEED = 42;
  public static final long BODY_SEED = 7;

  private static final OperatingSystemMXBean OS =
      (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

  private ForkedRuns() {}

  public static void main(String mode, Map<String, String> p) throws Exception {
    Path out = Path.of(p.get("out"));
    Object result;
    switch (mode) {
      case "stream":
        result = stream(p);
        break;
      case "create":
        result = create(p);
        break;
      case "memory":
        result = memory(p);
        break;
      case "create-load":
        result = createLoad(p);
        break;
      default:
        throw new IllegalArgumentException("unknown fork mode " + mode);
    }
    Fork.JSON.writeValue(out.toFile(), result);
  }

  /**
   * Streams the data set {@code warmup + runs} times through one contestant on an in-process server; each
   * run starts after a GC and is checked: every call exactly once.
   */
  static StreamResult stream(Map<String, String> p) throws IOException {
    String id = p.get("contestant");
    int n = Integer.parseInt(p.get("n"));
    int warmup = Integer.parseInt(p.get("warmup"));
    int runs = Integer.parseInt(p.get("runs"));
    Distribution distribution = Distribution.valueOf(p.getOrDefault("distribution", "UNIFORM"));
    CallServer.Order order = CallServer.Order.valueOf(p.getOrDefault("order", "NEWEST_FIRST"));
    Duration latency = Duration.ofMillis(Long.parseLong(p.getOrDefault("latencyMs", "0")));
    int pool = Integer.parseInt(p.getOrDefault("pool", String.valueOf(POOL)));

    // Lean bodies where the scenario is about waiting, not decoding (the latency-bound one). The lean pool has
    // one body, so the data must index a pool of one (creation times and ids do not depend on the pool).
    boolean lean = "lean".equals(p.get("bodies"));
    Dataset data = Dataset.generate(distribution, n, lean ? 1 : pool, DATA_SEED);
    CallBodies bodies = lean ? CallBodies.lean() : CallBodies.realistic(pool, BODY_SEED);
    Workload workload = new Workload(data.start(), data.end(), data.knownWindows(KNOWN_WINDOW_CALLS));
    List<Run> warm = new ArrayList<>();
    List<Run> measured = new ArrayList<>();
    String failure = null;
    String jfr = p.get("jfr");
    Recording recording = null;
    try (CallServer server = new CallServer(data, bodies, order, latency);
        Contestant contestant = Contestants.create(id, server.baseUrl())) {
      for (int i = 0; i < warmup + runs; i++) {
        boolean warming = i < warmup;
        settle();
        if (i == warmup && jfr != null) {
          // Profile the measured runs only: not the start-up, the data, the JIT's warm-up.
          recording = new Recording(Configuration.getConfiguration("profile"));
          recording.setToDisk(true);
          recording.setDestination(Path.of(jfr));
          recording.start();
        }
        Run run = timed(server, () -> contestant.stream(workload), data);
        (warming ? warm : measured).add(run);
        System.out.printf("%s %s run %d: %.2f s, %,.0f calls/s, %d requests (%d full), server CPU %.1f%%%n", id,
            warming ? "warm-up" : "measured", warming ? i + 1 : i - warmup + 1, run.seconds(),
            run.callsPerSecond(), run.requests(), run.fullPages(), 100 * run.serverCpuShare());
      }
    } catch (Throwable e) {
      failure = Failures.describe(e);
      System.out.println(id + " failed: " + failure);
    } finally {
      if (recording != null) {
        recording.stop(); // written to its destination
        recording.close();
      }
    }
    return new StreamResult(id, n, bodies.meanCallBytes(), workload.windows().size(), warm, measured, failure);
  }

  private static Run timed(CallServer server, java.util.function.Supplier<Tally> stream, Dataset data) {
    long requests = server.getRequests();
    long fullPages = server.fullPages();
    long served = server.callsServed();
    long bytes = server.bytesServed();
    long serverCpu = server.cpuNanos();
    long processCpu = OS.getProcessCpuTime();
    server.resetMaxInFlight();
    CallServer.Flight flight = server.flight();
    long start = System.nanoTime();
    Tally tally = stream.get();
    long elapsed = System.nanoTime() - start;
    CallServer.Flight after = server.flight();
    long processCpuUsed = OS.getProcessCpuTime() - processCpu;
    long serverCpuUsed = server.cpuNanos() - serverCpu;
    boolean exact = tally.calls() == data.size() && tally.idSum() == data.idSum();
    if (!exact) {
      // Kept as a result, not thrown: the timing of the run still stands, the table says what was lost.
      System.out.println("NOT EXACTLY ONCE: delivered " + tally.calls() + " calls (id sum " + tally.idSum()
          + ") instead of each of the " + data.size() + " once (id sum " + data.idSum() + ")");
    }
    return new Run(elapsed / 1e9, tally.calls(), exact, server.getRequests() - requests, server.fullPages() - fullPages,
        server.callsServed() - served, server.bytesServed() - bytes, processCpuUsed / 1e9,
        serverCpuUsed / 1e9, after.meanSince(flight), after.max());
  }

  /** {@code POST /call} round trips, one at a time: {@code warmup} untimed, then {@code count} timed. */
  static CreateResult create(Map<String, String> p) throws IOException {
    String id = p.get("contestant");
    int warmup = Integer.parseInt(p.get("warmup"));
    int count = Integer.parseInt(p.get("count"));
    Dataset none = Dataset.generate(Distribution.UNIFORM, 0, 1, DATA_SEED);
    try (CallServer server = new CallServer(none, CallBodies.lean(), CallServer.Order.NEWEST_FIRST, Duration.ZERO);
        Contestant contestant = Contestants.create(id, server.baseUrl())) {
      for (int i = 0; i < warmup; i++) {
        contestant.create();
      }
      settle();
      Recording recording = null;
      if (p.get("jfr") != null) {
        // The timed creates only, as for the streams.
        recording = new Recording(Configuration.getConfiguration("profile"));
        recording.setToDisk(true);
        recording.setDestination(Path.of(p.get("jfr")));
        recording.start();
      }
      double[] micros = new double[count];
      try {
        for (int i = 0; i < count; i++) {
          long start = System.nanoTime();
          contestant.create();
          micros[i] = (System.nanoTime() - start) / 1e3;
        }
      } finally {
        if (recording != null) {
          recording.stop();
          recording.close();
        }
      }
      Stats stats = new Stats(micros);
      System.out.printf("%s: median %.0f us, p99 %.0f us over %d calls (%d POSTs served)%n", id, stats.median(),
          stats.percentile(99), count, server.postRequests());
      return new CreateResult(id, count, stats.median(), stats.percentile(90), stats.percentile(99), stats.mean(),
          stats.max(), null);
    } catch (Throwable e) {
      String failure = Failures.describe(e);
      System.out.println(id + " failed: " + failure);
      return new CreateResult(id, 0, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, failure);
    }
  }

  /**
   * {@code count} creates from {@code callers} at once through one client ({@code blocking} or
   * {@code reactive}) with a short request timeout, against a server that fails 5% of them; then what the
   * callers saw is matched, request by request (by name), with what the server did.
   */
  static CreateLoadResult createLoad(Map<String, String> p) {
    String id = p.get("contestant");
    int count = Integer.parseInt(p.get("count"));
    int callers = Integer.parseInt(p.get("callers"));
    Duration timeout = Duration.ofMillis(Long.parseLong(p.get("timeoutMs")));
    try (FaultyCreateServer server = new FaultyCreateServer(CreateLoad.WARM_UP)) {
      CreateLoad.Result run = id.equals("blocking")
          ? CreateLoad.blocking(server.baseUrl(), count, callers, timeout)
          : CreateLoad.reactive(server.baseUrl(), count, callers, timeout);
      CreateLoad.Outcome[] outcomes = run.outcomes();
      double seconds = run.seconds();
      long posts = server.posts();
      List<Double> okMicros = new ArrayList<>();
      Map<String, Long> byType = new java.util.TreeMap<>();
      Map<List<Object>, Long> rows = new LinkedHashMap<>();
      Map<List<Object>, String> examples = new LinkedHashMap<>();
      List<String> untypedExamples = new ArrayList<>();
      long created = 0;
      long flagged = 0;
      long notFlagged = 0;
      long untyped = 0;
      long flaggedCreated = 0;
      long flaggedNotCreated = 0;
      long unflaggedCreated = 0;
      long successesNotCreated = 0;
      for (int i = 0; i < count; i++) {
        CreateLoad.Outcome o = outcomes[i];
        if (o == null) {
          o = new CreateLoad.Outcome(CreateLoad.name(i), false, 0, "no outcome", false, false, "never completed");
        }
        int creations = server.creations(o.name());
        created += creations;
        boolean wasCreated = creations > 0;
        List<String> faults = new ArrayList<>();
        for (FaultyCreateServer.Fault f : server.faults(o.name())) {
          faults.add(f.label());
        }
        String faultText = faults.isEmpty() ? "none" : String.join(", then ", faults);
        if (o.ok()) {
          okMicros.add(o.nanos() / 1e3);
          if (!wasCreated) {
            successesNotCreated++;
          }
        } else {
          byType.merge(o.exception(), 1L, Long::sum);
          if (!o.typed()) {
            untyped++;
            if (untypedExamples.size() < 5) {
              untypedExamples.add(o.exception() + ": " + o.message());
            }
          }
          if (o.mayHaveBeenPlaced()) {
            flagged++;
            if (wasCreated) {
              flaggedCreated++;
            } else {
              flaggedNotCreated++;
            }
          } else {
            notFlagged++;
            if (wasCreated) {
              unflaggedCreated++;
            }
          }
        }
        List<Object> key = List.of(faultText, wasCreated, o.ok() ? "success" : o.exception(), o.mayHaveBeenPlaced());
        rows.merge(key, 1L, Long::sum);
        if (!o.ok()) {
          String message = o.message().replace('|', '/').replace('\n', ' ');
          examples.putIfAbsent(key, message.length() > 200 ? message.substring(0, 200) + "…" : message);
        }
      }
      List<CreateLoadRow> rowList = new ArrayList<>();
      rows.forEach((k, v) -> rowList.add(new CreateLoadRow((String) k.get(0), (Boolean) k.get(1), (String) k.get(2),
          (Boolean) k.get(3), v, examples.get(k))));
      rowList.sort(java.util.Comparator.comparing(CreateLoadRow::serverFaults).thenComparing(CreateLoadRow::outcome)
          .thenComparing(r -> !r.created()));
      List<String> duplicates = new ArrayList<>(server.duplicates());
      Map<String, Integer> faults = new LinkedHashMap<>();
      server.faultCounts().forEach((f, n) -> faults.put(f.label(), n));
      Stats latency = new Stats(okMicros);
      System.out.printf("%s: %d creates from %d callers in %.1f s: %d successes (p50 %.0f us, p99 %.0f us), "
              + "%d created, %d duplicates, failures %s, %d untyped%n", id, count, callers, seconds, okMicros.size(),
          latency.median(), latency.percentile(99), created, duplicates.size(), byType, untyped);
      return new CreateLoadResult(id, count, callers, timeout.toMillis(), seconds, okMicros.size(), latency.median(),
          latency.percentile(99), posts, created, duplicates.size(),
          duplicates.subList(0, Math.min(5, duplicates.size())), faults, byType, flagged, notFlagged, untyped,
          untypedExamples, flaggedCreated, flaggedNotCreated, unflaggedCreated, successesNotCreated, rowList,
          server.problems(), null);
    } catch (Throwable e) {
      String failure = Failures.describe(e);
      System.out.println(id + " failed: " + failure);
      return new CreateLoadResult(id, count, callers, timeout.toMillis(), 0, 0, Double.NaN, Double.NaN, 0, 0, 0,
          List.of(), Map.of(), Map.of(), 0, 0, 0, List.of(), 0, 0, 0, 0, List.of(), List.of(), failure);
    }
  }

  /**
   * One stream from a server in the parent JVM, in this JVM's small heap, watching the heap after every GC.
   */
  static MemoryResult memory(Map<String, String> p) {
    String id = p.get("contestant");
    long n = Long.parseLong(p.get("n"));
    long idSum = Long.parseLong(p.get("idSum"));
    Workload workload = new Workload(Instant.parse(p.get("from")), Instant.parse(p.get("to")), List.of());
    AtomicLong peakAfterGc = new AtomicLong();
    AtomicInteger gcs = new AtomicInteger();
    List<Double> afterGc = java.util.Collections.synchronizedList(new ArrayList<>());
    for (var gc : ManagementFactory.getGarbageCollectorMXBeans()) {
      ((NotificationEmitter) gc).addNotificationListener((notification, handback) -> {
        if (!GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(notification.getType())) {
          return;
        }
        var info = GarbageCollectionNotificationInfo.from((CompositeData) notification.getUserData());
        long used = 0;
        for (Map.Entry<String, MemoryUsage> pool : info.getGcInfo().getMemoryUsageAfterGc().entrySet()) {
          if (isHeap(pool.getKey())) {
            used += pool.getValue().getUsed();
          }
        }
        peakAfterGc.accumulateAndGet(used, Math::max);
        afterGc.add((double) used);
        gcs.incrementAndGet();
      }, null, null);
    }
    AtomicLong peakDirect = new AtomicLong();
    AtomicLong peakUsed = new AtomicLong();
    Thread directWatch = new Thread(() -> {
      List<BufferPoolMXBean> pools = ManagementFactory.getPlatformMXBeans(BufferPoolMXBean.class);
      var heap = ManagementFactory.getMemoryMXBean();
      while (!Thread.currentThread().isInterrupted()) {
        for (BufferPoolMXBean pool : pools) {
          if (pool.getName().equals("direct")) {
            peakDirect.accumulateAndGet(pool.getMemoryUsed(), Math::max);
          }
        }
        peakUsed.accumulateAndGet(heap.getHeapMemoryUsage().getUsed(), Math::max);
        try {
          Thread.sleep(50);
        } catch (InterruptedException e) {
          return;
        }
      }
    }, "direct-memory-watch");
    directWatch.setDaemon(true);
    directWatch.start();
    long start = System.nanoTime();
    Tally tally = null;
    String failure = null;
    try (Contestant contestant = Contestants.create(id, p.get("baseUrl"))) {
      tally = contestant.stream(workload);
    } catch (Throwable e) {
      failure = Failures.describe(e);
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    directWatch.interrupt();
    boolean exact = tally != null && tally.calls() == n && tally.idSum() == idSum;
    long medianAfterGc;
    synchronized (afterGc) {
      medianAfterGc = (long) new Stats(afterGc).median();
    }
    MemoryResult result = new MemoryResult(id, String.valueOf(Runtime.getRuntime().maxMemory() >> 20) + " MB",
        failure == null, exact, tally == null ? 0 : tally.calls(), seconds, peakAfterGc.get(), medianAfterGc, peakUsed.get(),
        gcs.get(), peakDirect.get(), failure);
    System.out.printf("%s: %s%s, %,d calls in %.1f s, peak heap after GC %.1f MB over %d GCs%n", id,
        failure == null ? "finished" : "failed: " + failure, exact ? "" : " NOT EXACTLY ONCE", result.calls(), seconds,
        result.peakHeapAfterGcBytes() / 1048576.0, result.gcCount());
    return result;
  }

  private static boolean isHeap(String poolName) {
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getName().equals(poolName)) {
        return pool.getType() == MemoryType.HEAP;
      }
    }
    return false;
  }

  /** A GC and a pause, so that no run pays for the garbage of the one before. */
  private static void settle() {
    System.gc();
    try {
      Thread.sleep(300);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
