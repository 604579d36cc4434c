package com.clarionhealth.client.internal;

import com.clarionhealth.client.ClarionException;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.DoubleSupplier;

/**
 * When to send a failed request again, and after how long. Immutable and thread-safe; it never sleeps, it only
 * computes delays, so the blocking and reactive clients can wait in their own way.
 *
 * <p>Whether a failure may be retried at all is decided by {@link RequestKind#mayRetry(Failure)}; this policy adds
 * the retry budget and the delay:
 * <ul>
 *   <li>Without {@code Retry-After}: exponential backoff with full jitter, a uniformly random delay in
 *       {@code [0, min(maxBackoff, initialBackoff * 2^retriesDone)]}.</li>
 *   <li>With {@code Retry-After} (typically on 429 or 503): exactly that delay, without jitter, because the server
 *       asked for it. If it exceeds {@link #maxRetryAfter()} the policy <em>gives up</em> rather than waiting less
 *       than asked (which would only earn another 429) or blocking the caller for minutes: the caller then surfaces
 *       the failure, e.g. a {@code RateLimitException} whose {@code retryAfter()} tells the application when to
 *       try again.</li>
 * </ul>
 *
 * <p>Not API: see the {@linkplain com.clarionhealth.client.internal package documentation}.
 */
public final class RetryPolicy {

  /** Default {@link #maxRetries()}: 2, so at most 3 attempts. */
  public static final int DEFAULT_MAX_RETRIES = 2;
  /** Default {@link #initialBackoff()}: 500 ms. */
  public static final Duration DEFAULT_INITIAL_BACKOFF = Duration.ofMillis(500);
  /** Default {@link #maxBackoff()}: 8 s. */
  public static final Duration DEFAULT_MAX_BACKOFF = Duration.ofSeconds(8);
  /** Default {@link #maxRetryAfter()}: 60 s. */
  public static final Duration DEFAULT_MAX_RETRY_AFTER = Duration.ofSeconds(60);

  private static final RetryPolicy DEFAULTS = builder().build();

  private final int maxRetries;
  private final Duration initialBackoff;
  private final Duration maxBackoff;
  private final Duration maxRetryAfter;
  private final DoubleSupplier random;
  private final Clock clock;

  private RetryPolicy(Builder b) {
    this.maxRetries = b.maxRetries;
    this.initialBackoff = b.initialBackoff;
    this.maxBackoff = b.maxBackoff;
    this.maxRetryAfter = b.maxRetryAfter;
    this.random = b.random;
    this.clock = b.clock;
  }

  /**
   * The policy with every default.
   *
   * @return the default policy
   */
  public static RetryPolicy defaults() {
    return DEFAULTS;
  }

  /**
   * A builder starting from the defaults.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * A builder starting from this policy.
   *
   * @return a new builder
   */
  public Builder toBuilder() {
    return new Builder()
        .maxRetries(maxRetries)
        .initialBackoff(initialBackoff)
        .maxBackoff(maxBackoff)
        .maxRetryAfter(maxRetryAfter)
        .random(random)
        .clock(clock);
  }

  /**
   * How long to wait before sending the request again, or empty to give up.
   *
   * @param kind        what the request may risk; {@link RequestKind#CREATE_CALL} is never repeated once it may
   *                    have reached the server, except on 429
   * @param retriesDone how many retries were already made for this request (0 after the first attempt)
   * @param failure     how the last attempt failed
   * @return the delay (possibly zero), or empty when the failure is not retryable for this kind, the budget of
   *         {@link #maxRetries()} is spent, or {@code Retry-After} exceeds {@link #maxRetryAfter()}
   */
  public Optional<Duration> delayBeforeRetry(RequestKind kind, int retriesDone, Failure failure) {
    Objects.requireNonNull(kind, "kind == null");
    Objects.requireNonNull(failure, "failure == null");
    if (retriesDone < 0) {
      throw new IllegalArgumentException("retriesDone must be >= 0, was " + retriesDone);
    }
    if (retriesDone >= maxRetries || !kind.mayRetry(failure)) {
      return Optional.empty();
    }
    Optional<Duration> retryAfter = failure.retryAfter();
    if (retryAfter.isPresent()) {
      return retryAfter.get().compareTo(maxRetryAfter) > 0 ? Optional.empty() : retryAfter;
    }
    return Optional.of(jittered(backoffCeiling(retriesDone)));
  }

  /**
   * Like {@link #delayBeforeRetry(RequestKind, int, Failure)} for the exception an attempt produced; the way both
   * clients should call it.
   *
   * @param kind        what the request may risk
   * @param retriesDone retries already made for this request
   * @param e           what the last attempt threw
   * @return the delay, or empty to give up and throw {@code e}; always empty for decoding and paging failures
   */
  public Optional<Duration> delayBeforeRetry(RequestKind kind, int retriesDone, ClarionException e) {
    Objects.requireNonNull(kind, "kind == null");
    return Failure.from(e, clock).flatMap(f -> delayBeforeRetry(kind, retriesDone, f));
  }

  /**
   * Parses a {@code Retry-After} header with this policy's clock.
   *
   * @param headerValue the header value, may be null
   * @return the delay, see {@link RetryAfter#parse(String, Clock)}
   */
  public Optional<Duration> parseRetryAfter(String headerValue) {
    return RetryAfter.parse(headerValue, clock);
  }

  // min(maxBackoff, initialBackoff * 2^retriesDone), without overflowing for large retriesDone.
  Duration backoffCeiling(int retriesDone) {
    Duration ceiling = initialBackoff;
    for (int i = 0; i < retriesDone && !ceiling.isZero() && ceiling.compareTo(maxBackoff) < 0; i++) {
      ceiling = ceiling.multipliedBy(2);
    }
    return ceiling.compareTo(maxBackoff) > 0 ? maxBackoff : ceiling;
  }

  private Duration jittered(Duration ceiling) {
    double r = Math.max(0.0, Math.min(1.0, random.getAsDouble()));
    return Duration.ofNanos((long) (r * ceiling.toNanos()));
  }

  /**
   * Retries allowed after the first attempt. Default {@value #DEFAULT_MAX_RETRIES}.
   *
   * @return the retry budget; 0 disables retries
   */
  public int maxRetries() {
    return maxRetries;
  }

  /**
   * Backoff ceiling before the first retry, doubled for each further one. Default 500 ms.
   *
   * @return the initial backoff
   */
  public Duration initialBackoff() {
    return initialBackoff;
  }

  /**
   * Upper bound of the backoff ceiling. Default 8 s.
   *
   * @return the maximum backoff
   */
  public Duration maxBackoff() {
    return maxBackoff;
  }

  /**
   * Longest {@code Retry-After} that is waited out; a longer one ends retrying. Default 60 s.
   *
   * @return the cap
   */
  public Duration maxRetryAfter() {
    return maxRetryAfter;
  }

  /**
   * The clock used for HTTP-date {@code Retry-After} values. Default {@link Clock#systemUTC()}.
   *
   * @return the clock
   */
  public Clock clock() {
    return clock;
  }

  @Override
  public String toString() {
    return "RetryPolicy[maxRetries=" + maxRetries + ", initialBackoff=" + initialBackoff + ", maxBackoff="
        + maxBackoff + ", maxRetryAfter=" + maxRetryAfter + "]";
  }

  /** Builds a {@link RetryPolicy}; every option starts at its default. Not thread-safe. */
  public static final class Builder {

    private int maxRetries = DEFAULT_MAX_RETRIES;
    private Duration initialBackoff = DEFAULT_INITIAL_BACKOFF;
    private Duration maxBackoff = DEFAULT_MAX_BACKOFF;
    private Duration maxRetryAfter = DEFAULT_MAX_RETRY_AFTER;
    private DoubleSupplier random = () -> ThreadLocalRandom.current().nextDouble();
    private Clock clock = Clock.systemUTC();

    private Builder() {
    }

    /**
     * Retries allowed after the first attempt. Default {@value RetryPolicy#DEFAULT_MAX_RETRIES}.
     *
     * @param maxRetries 0 or more
     * @return this builder
     */
    public Builder maxRetries(int maxRetries) {
      if (maxRetries < 0) {
        throw new IllegalArgumentException("maxRetries must be >= 0, was " + maxRetries);
      }
      this.maxRetries = maxRetries;
      return this;
    }

    /**
     * Backoff ceiling before the first retry. Default 500 ms.
     *
     * @param initialBackoff zero or positive
     * @return this builder
     */
    public Builder initialBackoff(Duration initialBackoff) {
      this.initialBackoff = checkDuration(initialBackoff, "initialBackoff");
      return this;
    }

    /**
     * Upper bound of the backoff ceiling. Default 8 s.
     *
     * @param maxBackoff zero or positive
     * @return this builder
     */
    public Builder maxBackoff(Duration maxBackoff) {
      this.maxBackoff = checkDuration(maxBackoff, "maxBackoff");
      return this;
    }

    /**
     * Longest {@code Retry-After} that is waited out. Default 60 s.
     *
     * @param maxRetryAfter zero or positive; zero means a server-requested wait always ends retrying, except
     *                      {@code Retry-After: 0}
     * @return this builder
     */
    public Builder maxRetryAfter(Duration maxRetryAfter) {
      this.maxRetryAfter = checkDuration(maxRetryAfter, "maxRetryAfter");
      return this;
    }

    /**
     * Source of jitter, returning values in {@code [0, 1)}; values outside are clamped. Default
     * {@link ThreadLocalRandom}. Inject a fixed source in tests.
     *
     * @param random the random source
     * @return this builder
     */
    public Builder random(DoubleSupplier random) {
      this.random = Objects.requireNonNull(random, "random == null");
      return this;
    }

    /**
     * Clock for HTTP-date {@code Retry-After} values. Default {@link Clock#systemUTC()}.
     *
     * @param clock the clock
     * @return this builder
     */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock == null");
      return this;
    }

    /**
     * Builds the policy.
     *
     * @return the immutable policy
     */
    public RetryPolicy build() {
      return new RetryPolicy(this);
    }

    private static Duration checkDuration(Duration d, String name) {
      Objects.requireNonNull(d, name + " == null");
      if (d.isNegative()) {
        throw new IllegalArgumentException(name + " must not be negative, was " + d);
      }
      try {
        d.toNanos(); // jitter is computed in nanoseconds
      } catch (ArithmeticException e) {
        throw new IllegalArgumentException(name + " is too large, was " + d, e);
      }
      return d;
    }
  }
}
