package com.clarionhealth.benchmarks.harness;

import java.util.List;

/** What forked runs report back to the harness, as JSON. */
public final class Results {
  private Results() {}

  /** One measured (or warm-up) stream. */
  public record Run(double seconds, long calls, boolean exactlyOnce, long requests, long fullPages, long callsServed,
      double processCpuSeconds, double serverCpuSeconds, double meanInFlight, int maxInFlight) {
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

  /** {@code POST /call} round-trip times of one contestant, in microseconds. */
  public record CreateResult(String contestant, int count, double medianMicros, double p90Micros,
      double p99Micros, double meanMicros, double maxMicros, String failure) {}

  /** One stream of many calls in a small heap. */
  public record MemoryResult(String contestant, String maxHeap, boolean finished, boolean exactlyOnce, long calls,
      double seconds, long peakHeapAfterGcBytes, long medianHeapAfterGcBytes, long peakHeapUsedBytes, int gcCount,
      long peakDirectBytes, String failure) {}
}
