package com.clarionhealth.benchmarks.contestant;

/**
 * One client under measurement, bound to one server. {@link #stream} lists every call of the workload;
 * {@link #create} places one call. Not thread-safe: one harness thread drives it.
 */
public interface Contestant extends AutoCloseable {
  /** The id used on the command line and in the tables. */
  String id();

  /** Streams every call of {@code workload} and tallies what came. */
  Tally stream(Workload workload);

  /** One {@code POST /call}; returns the new call's id. */
  long create();

  @Override
  default void close() {}
}
