package com.clarionhealth.client.blocking;

import static java.util.Objects.requireNonNull;

import com.clarionhealth.client.internal.ApiKey;
import com.clarionhealth.client.internal.BaseUrls;
import com.clarionhealth.client.internal.RequestEngine;
import com.clarionhealth.client.internal.RetryPolicy;
import com.clarionhealth.client.internal.UserAgent;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.function.DoubleSupplier;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The blocking client of the Clarion calls API, on the JDK's {@link HttpClient}. Immutable and safe
 * to share between threads; build one per application and reuse it.
 *
 * <pre>{@code
 * ClarionClient client = ClarionClient.builder().apiKey(key).build();
 * Call call = client.calls().create(new CreateCall().assistantId(7L).destinationPhoneNumber("+14155550123"));
 * try (Stream<Call> calls = client.calls().stream(CallQuery.between(from, to))) { ... }
 * }</pre>
 */
public final class ClarionClient {
  // The version comes from client.properties, which the build writes into the jar.
  static final String USER_AGENT = UserAgent.of("blocking", ClarionClient.class.getResourceAsStream("client.properties"));

  private final Calls calls;
  private final URI baseUrl;

  private ClarionClient(Builder builder) {
    ApiKey apiKey = ApiKey.resolve(builder.apiKey, builder.apiKeySupplier, builder.env);
    this.baseUrl = builder.baseUrl != null
        ? BaseUrls.checkBaseUrl(builder.baseUrl)
        : BaseUrls.resolve(null, builder.env);
    RetryPolicy retryPolicy =
        new RetryPolicy(builder.maxRetries, builder.maxRetryAfter, builder.random, builder.clock);
    HttpClient http = builder.httpClient != null ? builder.httpClient : HttpClient.newBuilder()
        .connectTimeout(builder.connectTimeout)
        .followRedirects(HttpClient.Redirect.NEVER)
        .build();
    RequestEngine engine = new RequestEngine(baseUrl, apiKey, retryPolicy, USER_AGENT, Transport.ERRORS);
    this.calls = new Calls(engine, new Transport(http, builder.requestTimeout, builder.sleeper), new JsonCodec());
  }

  public static Builder builder() {
    return new Builder();
  }

  /** The {@code /call} resource: create, list, stream and page through calls. */
  public Calls calls() {
    return calls;
  }

  @Override
  public String toString() {
    return "ClarionClient{baseUrl=" + baseUrl + '}';
  }

  /** Builds a {@link ClarionClient}. Not thread-safe; the client it builds is. */
  public static final class Builder {
    private String apiKey;
    private Supplier<String> apiKeySupplier;
    private String baseUrl;
    private Duration connectTimeout = Duration.ofSeconds(10);
    private Duration requestTimeout = Duration.ofSeconds(60);
    private int maxRetries = RetryPolicy.DEFAULT_MAX_RETRIES;
    private Duration maxRetryAfter = RetryPolicy.DEFAULT_MAX_RETRY_AFTER;
    private HttpClient httpClient;
    // Seams for tests of this package: the environment, time, randomness and waiting.
    private Function<String, String> env = System::getenv;
    private Clock clock = Clock.systemUTC();
    private DoubleSupplier random = Math::random;
    private Sleeper sleeper = Sleeper.THREAD;

    private Builder() {}

    /**
     * The API key, sent as {@code Authorization: Bearer <key>} to the base URL's host only. Default:
     * the environment variable {@code CLARION_API_KEY}. Never logged or shown in messages.
     */
    public Builder apiKey(String apiKey) {
      this.apiKey = requireNonNull(apiKey, "apiKey == null");
      return this;
    }

    /**
     * Where to get the API key, asked on every request so that a rotated key is picked up. Used when
     * {@link #apiKey(String)} is not set. Default: none (then {@code CLARION_API_KEY}).
     */
    public Builder apiKeySupplier(Supplier<String> apiKeySupplier) {
      this.apiKeySupplier = requireNonNull(apiKeySupplier, "apiKeySupplier == null");
      return this;
    }

    /**
     * The API's base URL. Default: the environment variable {@code CLARION_BASE_URL}, else
     * {@code https://api.clarionhealth.com/v1}. Must be {@code https}, except on a loopback host.
     */
    public Builder baseUrl(String baseUrl) {
      this.baseUrl = requireNonNull(baseUrl, "baseUrl == null");
      return this;
    }

    /** How long to wait for a connection. Default: 10 seconds. Ignored with {@link #httpClient}. */
    public Builder connectTimeout(Duration connectTimeout) {
      this.connectTimeout = positive(connectTimeout, "connectTimeout");
      return this;
    }

    /**
     * How long one attempt may take, from sending to the last byte of the response body. Default: 60
     * seconds.
     */
    public Builder requestTimeout(Duration requestTimeout) {
      this.requestTimeout = positive(requestTimeout, "requestTimeout");
      return this;
    }

    /**
     * How many times a failed request is retried, 0 to 10. Default: 2. {@code POST /call} is only
     * ever retried when it certainly did not reach the server, or was refused with 429.
     */
    public Builder maxRetries(int maxRetries) {
      if (maxRetries < 0 || maxRetries > 10) {
        throw new IllegalArgumentException("maxRetries must be within 0..10, was " + maxRetries);
      }
      this.maxRetries = maxRetries;
      return this;
    }

    /**
     * The longest {@code Retry-After} the client waits for before retrying; a longer one fails at
     * once with the {@link com.clarionhealth.client.RateLimitException}. Default: 60 seconds.
     */
    public Builder maxRetryAfter(Duration maxRetryAfter) {
      this.maxRetryAfter = requireNonNull(maxRetryAfter, "maxRetryAfter == null");
      if (maxRetryAfter.isNegative()) {
        throw new IllegalArgumentException("maxRetryAfter must not be negative, was " + maxRetryAfter);
      }
      return this;
    }

    /**
     * An {@link HttpClient} of the application's (a proxy, an executor, TLS settings). It must not
     * follow redirects: the client follows them itself so that the API key never leaves the API's
     * host. Default: a client of its own.
     */
    public Builder httpClient(HttpClient httpClient) {
      requireNonNull(httpClient, "httpClient == null");
      if (httpClient.followRedirects() != HttpClient.Redirect.NEVER) {
        throw new IllegalArgumentException(
            "httpClient must not follow redirects (HttpClient.Redirect.NEVER), was "
                + httpClient.followRedirects());
      }
      this.httpClient = httpClient;
      return this;
    }

    Builder env(Function<String, String> env) {
      this.env = requireNonNull(env, "env == null");
      return this;
    }

    Builder clock(Clock clock) {
      this.clock = requireNonNull(clock, "clock == null");
      return this;
    }

    Builder random(DoubleSupplier random) {
      this.random = requireNonNull(random, "random == null");
      return this;
    }

    Builder sleeper(Sleeper sleeper) {
      this.sleeper = requireNonNull(sleeper, "sleeper == null");
      return this;
    }

    /**
     * @throws IllegalStateException if no API key is configured anywhere
     * @throws IllegalArgumentException if the base URL is not allowed
     */
    public ClarionClient build() {
      return new ClarionClient(this);
    }

    @Override
    public String toString() {
      return "ClarionClient.Builder{baseUrl=" + baseUrl + '}';
    }

    private static Duration positive(Duration duration, String name) {
      requireNonNull(duration, name + " == null");
      if (duration.isZero() || duration.isNegative()) {
        throw new IllegalArgumentException(name + " must be positive, was " + duration);
      }
      try {
        // Beyond ~292 years the JDK's HttpClient and the timed wait overflow: a request then fails
        // with an ArithmeticException, or "could not connect", or never ends.
        duration.toNanos();
      } catch (ArithmeticException e) {
        throw new IllegalArgumentException(name + " is too large (at most about 292 years), was " + duration, e);
      }
      return duration;
    }
  }
}
