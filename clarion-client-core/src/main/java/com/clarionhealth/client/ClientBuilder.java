package com.clarionhealth.client;

import static java.util.Objects.requireNonNull;

import com.clarionhealth.client.internal.ClientSettings;
import java.time.Duration;
import java.util.function.Supplier;

/**
 * What the builders of both clients share: the key, the base URL, timeouts and retries, with the
 * same names, defaults and checks. Each client's builder adds what only its HTTP library has.
 *
 * @param <B> the client's own builder, returned by every option so that calls chain
 */
public abstract class ClientBuilder<B extends ClientBuilder<B>> {
  static {
    ClientSettings.access(builder -> builder.settings);
  }

  private final ClientSettings settings = new ClientSettings();

  /** For the builders of the two clients. */
  protected ClientBuilder() {}

  /**
   * The API key, sent as {@code Authorization: Bearer <key>} to the base URL's host only. Default:
   * the environment variable {@code CLARION_API_KEY}. Never logged or shown in messages.
   */
  public B apiKey(String apiKey) {
    settings.apiKey(requireNonNull(apiKey, "apiKey == null"));
    return self();
  }

  /**
   * Where to get the API key, asked before every attempt so that a rotated key is picked up. Used
   * when {@link #apiKey(String)} is not set. In the reactive client it must not block. Default: none
   * (then {@code CLARION_API_KEY}).
   */
  public B apiKeySupplier(Supplier<String> apiKeySupplier) {
    settings.apiKeySupplier(requireNonNull(apiKeySupplier, "apiKeySupplier == null"));
    return self();
  }

  /**
   * The API's base URL. Default: the environment variable {@code CLARION_BASE_URL}, else
   * {@code https://api.clarionhealth.com/v1}. Must be {@code https}, except on a loopback host.
   */
  public B baseUrl(String baseUrl) {
    settings.baseUrl(requireNonNull(baseUrl, "baseUrl == null"));
    return self();
  }

  /**
   * How long to wait for a connection. Default: 10 seconds. Not used when the application gives the
   * client its own HTTP client or connector, which has its own.
   */
  public B connectTimeout(Duration connectTimeout) {
    settings.connectTimeout(positive(connectTimeout, "connectTimeout"));
    return self();
  }

  /**
   * How long one attempt may take, from sending to the last byte of the response body. Default: 60
   * seconds.
   */
  public B requestTimeout(Duration requestTimeout) {
    settings.requestTimeout(positive(requestTimeout, "requestTimeout"));
    return self();
  }

  /**
   * How many times a failed request is retried, 0 to 10. Default: 2. {@code POST /call} is only
   * ever retried when it certainly did not reach the server, or was refused with 429.
   */
  public B maxRetries(int maxRetries) {
    if (maxRetries < 0 || maxRetries > 10) {
      throw new IllegalArgumentException("maxRetries must be within 0..10, was " + maxRetries);
    }
    settings.maxRetries(maxRetries);
    return self();
  }

  /**
   * The longest {@code Retry-After} the client waits for before retrying; a longer one fails at
   * once with the {@link RateLimitException}. Default: 60 seconds.
   */
  public B maxRetryAfter(Duration maxRetryAfter) {
    requireNonNull(maxRetryAfter, "maxRetryAfter == null");
    if (maxRetryAfter.isNegative()) {
      throw new IllegalArgumentException("maxRetryAfter must not be negative, was " + maxRetryAfter);
    }
    settings.maxRetryAfter(fitsInNanos(maxRetryAfter, "maxRetryAfter"));
    return self();
  }

  /**
   * Adds a listener that hears every request attempt, retry, window and stream of this client
   * ({@link ClarionListener}). Listeners are called in the order added; whatever one throws is logged once
   * per callback and dropped, and changes neither what the client does nor what the listeners after it hear.
   * Default: none.
   */
  public B listener(ClarionListener listener) {
    settings.listener(java.util.Objects.requireNonNull(listener, "listener == null"));
    return self();
  }

  /**
   * How much a stream at {@link CallQuery#concurrency(int) concurrency} above 1 may fetch ahead of
   * its consumer, in bytes of response bodies: the pages it has fetched (decoded or not) and not yet
   * handed over, plus a full page for each request in flight. One budget per stream, shared by all its
   * requests, whatever the concurrency: a stream that fetches faster than it is consumed stops there,
   * and memory does not grow with the concurrency. The page the consumer waits for is always fetched,
   * so a budget smaller than a page (0 included) means one page at a time. Default: 32 MiB, about
   * three full pages of calls with long transcripts, hundreds of short ones.
   */
  public B maxBytesAhead(long maxBytesAhead) {
    if (maxBytesAhead < 0) {
      throw new IllegalArgumentException("maxBytesAhead must not be negative, was " + maxBytesAhead);
    }
    settings.maxBytesAhead(maxBytesAhead);
    return self();
  }

  @SuppressWarnings("unchecked")
  private B self() {
    return (B) this;
  }

  private static Duration positive(Duration duration, String name) {
    requireNonNull(duration, name + " == null");
    if (duration.isZero() || duration.isNegative()) {
      throw new IllegalArgumentException(name + " must be positive, was " + duration);
    }
    return fitsInNanos(duration, name);
  }

  // Beyond ~292 years the HTTP clients and timed waits overflow: a request would then fail with an
  // ArithmeticException, or "could not connect", or never end.
  private static Duration fitsInNanos(Duration duration, String name) {
    try {
      duration.toNanos();
    } catch (ArithmeticException e) {
      throw new IllegalArgumentException(name + " is too large (at most about 292 years), was " + duration, e);
    }
    return duration;
  }
}
