package com.clarionhealth.client.internal;

import static java.util.Objects.requireNonNull;

import com.clarionhealth.client.ClientBuilder;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.DoubleSupplier;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * What a {@link ClientBuilder} collected, for the client it builds: both clients read their common
 * settings here and make their engine with {@link #engine}. Also the seams of tests (the
 * environment, the clock and the jitter), which no user sets.
 *
 * <p>Reached from a builder through {@link #of(ClientBuilder)} (azure-core's "access helper"
 * pattern): the builder's public API then mentions no internal type.
 */
public final class ClientSettings {
  private static Function<ClientBuilder<?>, ClientSettings> access;

  private String apiKey;
  private Supplier<String> apiKeySupplier;
  private String baseUrl;
  private Duration connectTimeout = Duration.ofSeconds(10);
  private Duration requestTimeout = Duration.ofSeconds(60);
  private int maxRetries = RetryPolicy.DEFAULT_MAX_RETRIES;
  private Duration maxRetryAfter = RetryPolicy.DEFAULT_MAX_RETRY_AFTER;
  private long maxBytesAhead = FetchAhead.DEFAULT_MAX_BYTES_AHEAD;
  private final List<com.clarionhealth.client.ClarionListener> listeners = new ArrayList<>();
  private Function<String, String> env = System::getenv;
  private Clock clock = Clock.systemUTC();
  private DoubleSupplier random = () -> ThreadLocalRandom.current().nextDouble();

  /** Called once, by {@link ClientBuilder}'s class initialiser. */
  public static void access(Function<ClientBuilder<?>, ClientSettings> access) {
    ClientSettings.access = access;
  }

  /** The settings of {@code builder}; changes to them are changes to the builder. */
  public static ClientSettings of(ClientBuilder<?> builder) {
    return access.apply(requireNonNull(builder, "builder == null"));
  }

  public void apiKey(String apiKey) {
    this.apiKey = apiKey;
  }

  public void apiKeySupplier(Supplier<String> apiKeySupplier) {
    this.apiKeySupplier = apiKeySupplier;
  }

  public void baseUrl(String baseUrl) {
    this.baseUrl = baseUrl;
  }

  public void connectTimeout(Duration connectTimeout) {
    this.connectTimeout = connectTimeout;
  }

  public void requestTimeout(Duration requestTimeout) {
    this.requestTimeout = requestTimeout;
  }

  public void maxRetries(int maxRetries) {
    this.maxRetries = maxRetries;
  }

  public void maxRetryAfter(Duration maxRetryAfter) {
    this.maxRetryAfter = maxRetryAfter;
  }

  public void listener(com.clarionhealth.client.ClarionListener listener) {
    listeners.add(listener);
  }

  public void maxBytesAhead(long maxBytesAhead) {
    this.maxBytesAhead = maxBytesAhead;
  }

  /** The budget of what a stream fetches ahead of its consumer ({@link FetchAhead}). */
  public long maxBytesAhead() {
    return maxBytesAhead;
  }

  /** Test seam: where {@code CLARION_API_KEY} and {@code CLARION_BASE_URL} are read. */
  public ClientSettings env(Function<String, String> env) {
    this.env = requireNonNull(env, "env == null");
    return this;
  }

  /** Test seam: the time of an open range's end and of {@code Retry-After} dates. */
  public ClientSettings clock(Clock clock) {
    this.clock = requireNonNull(clock, "clock == null");
    return this;
  }

  /** Test seam: the jitter of backoff, in {@code [0, 1)}. */
  public ClientSettings random(DoubleSupplier random) {
    this.random = requireNonNull(random, "random == null");
    return this;
  }

  public Duration connectTimeout() {
    return connectTimeout;
  }

  public Duration requestTimeout() {
    return requestTimeout;
  }

  /**
   * The base URL: the configured one, else {@code CLARION_BASE_URL}, else Clarion's.
   *
   * @throws IllegalArgumentException if it is not allowed (not https, except on loopback)
   */
  public URI baseUrl() {
    return baseUrl != null ? BaseUrls.checkBaseUrl(baseUrl) : BaseUrls.resolve(null, env);
  }

  /**
   * The engine of a client, {@code userAgent} naming it.
   *
   * @throws IllegalStateException if no API key is configured anywhere
   * @throws IllegalArgumentException if the base URL is not allowed
   */
  public RequestEngine engine(String userAgent, TransportErrors transportErrors) {
    ApiKey key = ApiKey.resolve(apiKey, apiKeySupplier, env);
    return new RequestEngine(baseUrl(), key, new RetryPolicy(maxRetries, maxRetryAfter, random, clock),
        userAgent, transportErrors, System::nanoTime, List.copyOf(listeners));
  }
}
