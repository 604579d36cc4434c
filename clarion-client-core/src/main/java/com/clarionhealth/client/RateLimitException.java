package com.clarionhealth.client;

import java.time.Duration;
import java.util.Optional;

/**
 * HTTP 429: too many requests. The clients already retried while the server's {@code Retry-After} was short; this
 * exception means it was too long, or retries ran out. Wait {@link #retryAfter()} before trying again. A 429 means
 * the server did nothing, so even {@code POST /call} is safe to repeat.
 */
public final class RateLimitException extends ClarionApiException {
  private static final long serialVersionUID = 1L;

  private final Duration retryAfter;

  RateLimitException(Parts parts, Duration retryAfter) {
    super(parts);
    this.retryAfter = retryAfter;
  }

  /**
   * How long the server asked to wait, from {@code Retry-After} (seconds or an HTTP-date, measured when the
   * exception was made).
   *
   * @return the delay; empty if the header was absent or unreadable
   */
  public Optional<Duration> retryAfter() {
    return Optional.ofNullable(retryAfter);
  }
}
