package com.clarionhealth.client.testkit;

/**
 * How {@link ClarionSandbox#seed(int, java.time.Instant, java.time.Instant, Distribution, long)} spreads
 * creation times over its range. Every distribution is reproducible from the seed, and creation times are
 * drawn at microsecond resolution, finer than the millisecond the API's query parameters carry.
 */
public enum Distribution {
  /** Uniformly over the whole range. */
  UNIFORM,

  /**
   * Uniformly over the business hours inside the range: Monday to Friday, 09:00 to 17:00 UTC. The range must
   * contain some.
   */
  BUSINESS_HOURS,

  /**
   * In bursts: about 90% of the calls fall into bursts of ten minutes (one burst per 500 calls, at least one,
   * placed uniformly), the rest uniformly over the range.
   */
  BURSTS,

  /**
   * Every call at the very same instant, the start of the range (to the microsecond): many calls at one
   * instant, the case no time window can split.
   */
  SAME_INSTANT
}
