package com.clarionhealth.benchmarks.harness;

import java.util.List;
import java.util.Map;

/** What forked runs report back to the harness, as JSON. */
public final class Results {
  private Results() {}

  /**
   * One measured (or warm-up) stream. {@code bytesServed}: the bytes of every response body the stream
   * took, full pages included, as the server wrote them.
   */
  public record Run(double seconds, long calls, boolean exactlyOnce, long requests, long fullPages, long callsServed,
      long bytesServed, double processCpuSeconds, double serverCpuSeconds, double meanInFlight, int maxInFlight) {
    public double callsPerSecond() {
      return calls / seconds;
    }

    /** Calls the server sent per second, those of discarded full pages included. */
    public double servedPerSecond() {
      return callsServed / seconds;
    }

    public double serverCpuShare() {
      return processCpuSeconds <= 0 ? 0 : serverCpuSeconds / processCpuSeconds;
    }
  }

  /** The runs of one contestant in one streaming scenario; {@code failure} when it could not finish. */
  public record StreamResult(String contestant, int n, double meanCallBytes, int windows, List<Run> warmup,
      List<Run> measured, String failure) {
    /** Empty when every run delivered each call exactly once; else what went wrong, for a table cell. */
    public String exactness() {
      int bad = 0;
      long lost = 0;
      List<Run> all = new java.util.ArrayList<>(warmup);
      all.addAll(measured);
      for (Run run : all) {
        if (!run.exactlyOnce()) {
          bad++;
          lost = Math.max(lost, n - run.calls());
        }
      }
      return bad == 0 ? "" : "**no**: " + bad + " of " + all.size() + " streams did not deliver each call once (up to "
          + lost + " calls missing)";
    }
  }

  /**
   * The create-load scenario for one client: {@code requests} creates from {@code callers} at once against
   * a server that fails 5% of them. Latencies are those of the successes, as the callers saw them.
   * {@code rows}: how many requests ended each way, keyed by what the server did to the request (its faults,
   * in order, and whether it created the call) and what the caller saw (success or the exception's type, and
   * {@code callMayHaveBeenPlaced()}).
   */
  public record CreateLoadResult(String contestant, int requests, int callers, long timeoutMillis, double seconds,
      long successes, double p50Micros, double p99Micros, long serverPosts, long created, long duplicates,
      List<String> duplicateExamples, Map<String, Integer> faultsInjected, Map<String, Long> failuresByType,
      long failuresMayHaveBeenPlaced, long failuresNotPlaced, long untypedFailures, List<String> untypedExamples,
      long flaggedAndCreated, long flaggedNotCreated, long unflaggedButCreated, long successesNotCreated,
      List<CreateLoadRow> rows, List<String> serverProblems, String failure) {}

  /** One row of {@link CreateLoadResult#rows()}. */
  public record CreateLoadRow(String serverFaults, boolean created, String outcome, boolean mayHaveBeenPlaced,
      long count, String example) {}

  /** {@code POST /call} round-trip times of one contestant, in microseconds. */
  public record CreateResult(String contestant, int count, double medianMicros, double p90Micros,
      double p99Micros, double meanMicros, double maxMicros, String failure) {}

  /** One stream of many calls in a small heap. */
  public record MemoryResult(String contestant, String maxHeap, boolean finished, boolean exactlyOnce, long calls,
      double seconds, long peakHeapAfterGcBytes, long medianHeapAfterGcBytes, long peakHeapUsedBytes, int gcCount,
      long peakDirectBytes, String failure) {}
}
