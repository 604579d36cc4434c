package com.clarionhealth.client.testkit;

/**
 * The order in which {@code GET /call} returns the calls it selected. The API does not document one, so a
 * client must not depend on it: run the same test with each.
 */
public enum ListOrder {
  /** Newest creation time first (ties: highest id first). The default. */
  NEWEST_FIRST,

  /** Oldest creation time first (ties: lowest id first). */
  OLDEST_FIRST,

  /** A random order, drawn afresh for every request (reproducibly, from the sandbox's seed). */
  RANDOM
}
