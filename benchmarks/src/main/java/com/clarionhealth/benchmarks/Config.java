package com.clarionhealth.benchmarks;

/** The sizes of a full run and of a {@code --quick} smoke run. */
public record Config(
    boolean quick,
    int throughputCalls, int throughputWarmup, int throughputRuns,
    int efficiencyCalls,
    int latencyCalls, int latencyMillis, int latencyWarmup, int latencyRuns,
    int memoryCalls, String memoryHeap,
    int createWarmup, int createCount,
    int pool) {

  static Config fullRun() {
    return new Config(false, 200_000, 1, 4, 200_000, 100_000, 50, 1, 3, 1_000_000, "256m", 2_000, 5_000, 2048);
  }

  static Config quickRun() {
    return new Config(true, 10_000, 1, 2, 20_000, 10_000, 50, 1, 1, 50_000, "256m", 200, 500, 256);
  }

  /** The heap of the forked streaming runs: room for the server's data and a client's page, fixed. */
  String forkHeap() {
    return quick ? "1g" : "2g";
  }
}
