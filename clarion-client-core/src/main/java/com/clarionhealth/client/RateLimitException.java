package com.clarionhealth.client;

/**
 * HTTP 429: too many requests. The clients already retried while the server's {@code Retry-After} was short; this
 * exception means it was too long, or retries ran out. Wait {@link #retryAfter()} before trying again. A 429 means
 * the server did nothing, so even {@code POST /call} is safe to repeat.
 */
public final class RateLimitException extends ClarionApiException {
  private static final long serialVersionUID = 1L;

  RateLimitException(Parts parts) {
    super(parts);
  }
}
