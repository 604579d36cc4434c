package com.clarionhealth.benchmarks;

/**
 * The sizes of a full run and of a {@code --quick} smoke run.
 *
 * @param throughputRounds interleaved rounds of the throughput scenario: each contestant once per round, in a
 *     fresh JVM (its warm-up streams, then one measured stream), the order changing from round to round
 * @param latencyRuns measured streams of each contestant on lean calls (the latency targets)
 * @param latencyRealisticRuns measured streams of each contestant on realistic calls (reported beside them)
 * @param memorySmallHeap the second, smaller heap that concurrency 1 must also stream in
 */
public record Config(
    boolean quick,
    int throughputCalls, int throughputWarmup, int throughputRounds,
    int efficiencyCalls,
    int latencyCalls, int latencyMillis, int latencyWarmup, int latencyRuns, int latencyRealisticRuns,
    int memoryCalls, String memoryHeap, String memorySmallHeap,
    int createWarmup, int createCount,
    int createLoadCount, int createLoadCallers, int createLoadTimeoutMillis,
    int pool) {

  static Config fullRun() {
    return new Config(false, 200_000, 1, 4, 200_000, 100_000, 50, 1, 3, 2, 1_000_000, "256m", "128m", 2_000, 5_000,
        10_000, 64, 500, 2048);
  }

  static Config quickRun() {
    return new Config(true, 10_000, 1, 2, 20_000, 10_000, 50, 1, 1, 1, 50_000, "256m", "128m", 200, 500,
        1_000, 64, 500, 256);
  }

  /** The heap of the forked streaming runs: room for the server's data and a client's page, fixed. */
  String forkHeap() {
    return quick ? "1g" : "2g";
  }
}
