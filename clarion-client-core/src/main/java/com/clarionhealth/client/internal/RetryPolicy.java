package com.clarionhealth.client.internal;

import com.clarionhealth.client.ClarionApiException;
import com.clarionhealth.client.ClarionException;
import com.clarionhealth.client.ClarionTransportException;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.function.DoubleSupplier;

/**
 * Whether a failed attempt is sent again, and after how long. Immutable; it never sleeps, it only
 * computes delays, so that each transport waits in its own way.
 *
 * <ul>
 *   <li>What may be retried: a {@code GET} after any transport failure, and on 408, 429, 500, 502,
 *       503 and 504. Any other method (that is, {@code POST /call}, which rings a patient) only when
 *       the request certainly never reached the server, or on 429, where the server says it did
 *       nothing.</li>
 *   <li>Without {@code Retry-After}: exponential backoff with full jitter, a uniformly random delay in
 *       {@code [0, min(maxBackoff, initialBackoff * 2^retriesDone)]}.</li>
 *   <li>With {@code Retry-After}: exactly that delay, because the server asked for it. Above
 *       {@code maxRetryAfter} the policy gives up rather than wait less than asked (which only earns
 *       another 429) or block the caller for minutes.</li>
 * </ul>
 */
public final class RetryPolicy {
  public static final int DEFAULT_MAX_RETRIES = 2;
  public static final Duration DEFAULT_MAX_RETRY_AFTER = Duration.ofSeconds(60);
  static final Duration INITIAL_BACKOFF = Duration.ofMillis(500);
  static final Duration MAX_BACKOFF = Duration.ofSeconds(8);

  private final int maxRetries;
  private final Duration maxRetryAfter;
  private final DoubleSupplier random;
  private final Clock clock;

  /**
   * @param random jitter in {@code [0, 1)}; values outside are clamped
   * @param clock the current time, for a {@code Retry-After} given as an HTTP date
   */
  public RetryPolicy(int maxRetries, Duration maxRetryAfter, DoubleSupplier random, Clock clock) {
    if (maxRetries < 0) {
      throw new IllegalArgumentException("maxRetries must be >= 0, was " + maxRetries);
    }
    Objects.requireNonNull(maxRetryAfter, "maxRetryAfter == null");
    if (maxRetryAfter.isNegative()) {
      throw new IllegalArgumentException("maxRetryAfter must not be negative, was " + maxRetryAfter);
    }
    try {
      // A Retry-After up to this cap becomes a delay that the log line and the transports convert to
      // milliseconds: beyond what fits in nanoseconds (about 292 years) that would overflow.
      maxRetryAfter.toNanos();
    } catch (ArithmeticException e) {
      throw new IllegalArgumentException("maxRetryAfter is too large, was " + maxRetryAfter, e);
    }
    this.maxRetries = maxRetries;
    this.maxRetryAfter = maxRetryAfter;
    this.random = Objects.requireNonNull(random, "random == null");
    this.clock = Objects.requireNonNull(clock, "clock == null");
  }

  Clock clock() {
    return clock;
  }

  /**
   * How long to wait before sending the request again, or empty to give up and throw
   * {@code failure}.
   *
   * @param idempotent whether the request may be sent twice ({@code GET})
   * @param retriesDone retries already made for this request (0 after the first attempt)
   */
  Optional<Duration> delayBeforeRetry(boolean idempotent, int retriesDone, ClarionException failure) {
    if (retriesDone >= maxRetries || !mayRetry(idempotent, failure)) {
      return Optional.empty();
    }
    Optional<Duration> retryAfter = failure instanceof ClarionApiException
        ? ((ClarionApiException) failure).retryAfter() : Optional.empty();
    if (retryAfter.isPresent()) {
      return retryAfter.get().compareTo(maxRetryAfter) > 0 ? Optional.empty() : retryAfter;
    }
    return Optional.of(jittered(backoffCeiling(retriesDone)));
  }

  /** Whether sending the request again after {@code failure} can do no harm, budget and delays aside. */
  static boolean mayRetry(boolean idempotent, ClarionException failure) {
    if (failure instanceof ClarionTransportException) {
      return idempotent || !((ClarionTransportException) failure).requestSent();
    }
    if (!(failure instanceof ClarionApiException)) {
      return false; // a body that could not be decoded, a paging failure: sending again changes nothing
    }
    int status = ((ClarionApiException) failure).statusCode();
    if (!idempotent) {
      return status == 429; // anything else that reached the server may have placed the call
    }
    return status == 408 || status == 429 || status == 500 || status == 502 || status == 503 || status == 504;
  }

  // min(MAX_BACKOFF, INITIAL_BACKOFF * 2^retriesDone), without overflowing for large retriesDone.
  static Duration backoffCeiling(int retriesDone) {
    Duration ceiling = INITIAL_BACKOFF;
    for (int i = 0; i < retriesDone && ceiling.compareTo(MAX_BACKOFF) < 0; i++) {
      ceiling = ceiling.multipliedBy(2);
    }
    return ceiling.compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : ceiling;
  }

  private Duration jittered(Duration ceiling) {
    double r = Math.max(0.0, Math.min(1.0, random.getAsDouble()));
    return Duration.ofNanos((long) (r * ceiling.toNanos()));
  }

  @Override
  public String toString() {
    return "RetryPolicy[maxRetries=" + maxRetries + ", maxRetryAfter=" + maxRetryAfter + "]";
  }
}
