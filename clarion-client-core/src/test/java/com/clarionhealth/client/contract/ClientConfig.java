package com.clarionhealth.client.contract;

import static java.util.Objects.requireNonNull;

import com.clarionhealth.client.ClarionListener;
import com.clarionhealth.client.ClientBuilder;
import com.clarionhealth.client.internal.ClientSettings;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * How a contract wants its client built, in the terms both builders share; a {@link ClientDriver}
 * turns it into its own builder calls. An option left {@code null} is not set, so the client's default
 * applies. Immutable: every {@code with} method returns a copy.
 */
public final class ClientConfig implements Cloneable {
  private String baseUrl;
  private String apiKey;
  private Supplier<String> apiKeySupplier;
  private Map<String, String> env = Map.of();
  private Clock clock = Clock.fixed(ContractSupport.NOW, ZoneOffset.UTC);
  private double random = 0.5;
  private Integer maxRetries;
  private Long maxBytesAhead;
  private List<ClarionListener> listeners = List.of();
  private Duration maxRetryAfter;
  private Duration requestTimeout;
  private Duration connectTimeout;
  private Set<String> givenNull = Set.of();
  private boolean timeoutsRunOnceHeld;
  private final Timeline timeline;
  private final HeldAnswers held;

  /** A client with no key, no base URL and an empty environment; see {@link FakeApi#config()}. */
  ClientConfig(Timeline timeline, HeldAnswers held) {
    this.timeline = requireNonNull(timeline);
    this.held = requireNonNull(held);
  }

  private ClientConfig copy() {
    try {
      return (ClientConfig) clone();
    } catch (CloneNotSupportedException e) {
      throw new AssertionError(e);
    }
  }

  public ClientConfig baseUrl(String baseUrl) {
    ClientConfig c = copy();
    c.baseUrl = baseUrl;
    return c;
  }

  public ClientConfig apiKey(String apiKey) {
    ClientConfig c = copy();
    c.apiKey = apiKey;
    return c;
  }

  /** Unsets the key: then the supplier, else the environment, provides it. */
  public ClientConfig noApiKey() {
    return apiKey(null);
  }

  public ClientConfig apiKeySupplier(Supplier<String> apiKeySupplier) {
    ClientConfig c = copy();
    c.apiKeySupplier = apiKeySupplier;
    return c;
  }

  /** The environment variables the client sees (no others: never the machine's). */
  public ClientConfig env(Map<String, String> env) {
    ClientConfig c = copy();
    c.env = Map.copyOf(env);
    return c;
  }

  public ClientConfig clock(Clock clock) {
    ClientConfig c = copy();
    c.clock = requireNonNull(clock);
    return c;
  }

  /** The value of the jitter's random source, in [0, 1): the backoff waits that fraction of its ceiling. */
  public ClientConfig random(double random) {
    ClientConfig c = copy();
    c.random = random;
    return c;
  }

  public ClientConfig maxRetries(int maxRetries) {
    ClientConfig c = copy();
    c.maxRetries = maxRetries;
    return c;
  }

  public ClientConfig maxBytesAhead(long maxBytesAhead) {
    ClientConfig c = copy();
    c.maxBytesAhead = maxBytesAhead;
    return c;
  }

  /** Adds {@code listener}, after those added before. */
  public ClientConfig listener(ClarionListener listener) {
    ClientConfig c = copy();
    List<ClarionListener> added = new ArrayList<>(listeners);
    added.add(listener);
    c.listeners = List.copyOf(added);
    return c;
  }

  public ClientConfig maxRetryAfter(Duration maxRetryAfter) {
    ClientConfig c = copy();
    c.maxRetryAfter = maxRetryAfter;
    return c;
  }

  public ClientConfig requestTimeout(Duration requestTimeout) {
    ClientConfig c = copy();
    c.requestTimeout = requestTimeout;
    return c;
  }

  public ClientConfig connectTimeout(Duration connectTimeout) {
    ClientConfig c = copy();
    c.connectTimeout = connectTimeout;
    return c;
  }

  /** Passes {@code null} to the builder's {@code option} ("apiKey", "baseUrl"), to see it refused. */
  public ClientConfig givenNull(String option) {
    ClientConfig c = copy();
    Set<String> options = new HashSet<>(givenNull);
    options.add(option);
    c.givenNull = Set.copyOf(options);
    return c;
  }

  /**
   * The request timeout runs only from the moment the server holds an answer back
   * ({@link HeldAnswers}): before that, no timeout can fire. So a test of a timeout neither waits for a
   * wall-clock race nor loses it when a loaded machine is slow to send. Only for tests whose slow
   * answers are all held.
   */
  public ClientConfig timeoutsRunOnceHeld(Duration requestTimeout) {
    ClientConfig c = requestTimeout(requestTimeout);
    c.timeoutsRunOnceHeld = true;
    return c;
  }

  /**
   * Sets every option of this config on a client's {@code builder}. Both builders share these options
   * through {@link ClientBuilder}, so one mapping serves both; the seams (environment, clock, jitter)
   * go through the settings the builder shares with its client.
   *
   * @return {@code builder}, for the client's own seams (its waits) to be set next
   */
  public <B extends ClientBuilder<B>> B applyTo(B builder) {
    ClientSettings.of(builder).env(env::get).clock(clock).random(this::random);
    if (baseUrl != null || isGivenNull("baseUrl")) {
      builder.baseUrl(baseUrl);
    }
    if (apiKey != null || isGivenNull("apiKey")) {
      builder.apiKey(apiKey);
    }
    if (apiKeySupplier != null) {
      builder.apiKeySupplier(apiKeySupplier);
    }
    if (maxRetries != null) {
      builder.maxRetries(maxRetries);
    }
    if (maxRetryAfter != null) {
      builder.maxRetryAfter(maxRetryAfter);
    }
    if (maxBytesAhead != null) {
      builder.maxBytesAhead(maxBytesAhead);
    }
    listeners.forEach(builder::listener);
    if (requestTimeout != null) {
      builder.requestTimeout(requestTimeout);
    }
    if (connectTimeout != null) {
      builder.connectTimeout(connectTimeout);
    }
    return builder;
  }

  public String baseUrl() {
    return baseUrl;
  }

  public String apiKey() {
    return apiKey;
  }

  public Supplier<String> apiKeySupplier() {
    return apiKeySupplier;
  }

  public Map<String, String> env() {
    return env;
  }

  public Clock clock() {
    return clock;
  }

  public double random() {
    return random;
  }

  public Integer maxRetries() {
    return maxRetries;
  }

  public Duration maxRetryAfter() {
    return maxRetryAfter;
  }

  public Duration requestTimeout() {
    return requestTimeout;
  }

  public Duration connectTimeout() {
    return connectTimeout;
  }

  public boolean isGivenNull(String option) {
    return givenNull.contains(option);
  }

  public boolean timeoutsRunOnceHeld() {
    return timeoutsRunOnceHeld;
  }

  /** Where the driver records each wait between attempts instead of waiting. */
  public Timeline timeline() {
    return timeline;
  }

  /** The server's held answers, which {@link #timeoutsRunOnceHeld()} timeouts follow. */
  public HeldAnswers held() {
    return held;
  }
}
