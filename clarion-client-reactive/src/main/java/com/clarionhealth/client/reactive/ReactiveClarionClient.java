package com.clarionhealth.client.reactive;

import static java.util.Objects.requireNonNull;

import com.clarionhealth.client.internal.ApiKey;
import com.clarionhealth.client.internal.BaseUrls;
import com.clarionhealth.client.internal.RequestEngine;
import com.clarionhealth.client.internal.RetryPolicy;
import com.clarionhealth.client.internal.UserAgent;
import io.netty.channel.ChannelOption;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.function.DoubleSupplier;
import java.util.function.Function;
import java.util.function.Supplier;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;
import reactor.netty.http.client.HttpClient;

/**
 * The reactive client of the Clarion calls API, on Spring's {@link WebClient}: {@code Mono} and
 * {@code Flux}, non-blocking from end to end. Immutable and safe to share; build one per application.
 */
public final class ReactiveClarionClient {
  /** The default of {@link Builder#maxCallSize(int)}: 16 MiB. */
  public static final int DEFAULT_MAX_CALL_SIZE = 16 * 1024 * 1024;

  // The version comes from client.properties, which the build writes into the jar.
  static final String USER_AGENT =
      UserAgent.of("reactive", ReactiveClarionClient.class.getResourceAsStream("client.properties"));

  private final ReactiveCalls calls;
  private final URI baseUrl;

  private ReactiveClarionClient(Builder builder) {
    ApiKey apiKey = ApiKey.resolve(builder.apiKey, builder.apiKeySupplier, builder.env);
    this.baseUrl = builder.baseUrl != null
        ? BaseUrls.checkBaseUrl(builder.baseUrl)
        : BaseUrls.resolve(null, builder.env);
    RetryPolicy retryPolicy =
        new RetryPolicy(builder.maxRetries, builder.maxRetryAfter, builder.random, builder.clock);
    WebClient webClient = builder.webClientBuilder != null
        // A clone: the application's builder is never changed, its connector and filters are kept.
        ? builder.webClientBuilder.clone().build()
        : WebClient.builder().clientConnector(new ReactorClientHttpConnector(HttpClient.create()
            .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) builder.connectTimeout.toMillis())))
            .build();
    RequestEngine engine = new RequestEngine(baseUrl, apiKey, retryPolicy, USER_AGENT, ReactiveTransport.ERRORS);
    this.calls = new ReactiveCalls(engine, new ReactiveTransport(webClient, builder.requestTimeout, builder.timer),
        new ReactiveCodec(builder.maxCallSize));
  }

  public static Builder builder() {
    return new Builder();
  }

  /** The {@code /call} resource: create, list, stream and page through calls. */
  public ReactiveCalls calls() {
    return calls;
  }

  @Override
  public String toString() {
    return "ReactiveClarionClient{baseUrl=" + baseUrl + '}';
  }

  /** Builds a {@link ReactiveClarionClient}. Not thread-safe; the client it builds is. */
  public static final class Builder {
    private WebClient.Builder webClientBuilder;
    private String apiKey;
    private Supplier<String> apiKeySupplier;
    private String baseUrl;
    private Duration connectTimeout = Duration.ofSeconds(10);
    private Duration requestTimeout = Duration.ofSeconds(60);
    private int maxRetries = RetryPolicy.DEFAULT_MAX_RETRIES;
    private Duration maxRetryAfter = RetryPolicy.DEFAULT_MAX_RETRY_AFTER;
    private int maxCallSize = DEFAULT_MAX_CALL_SIZE;
    // Seams for tests of this package: the environment, time, randomness and the timer of waits.
    private Function<String, String> env = System::getenv;
    private Clock clock = Clock.systemUTC();
    private DoubleSupplier random = Math::random;
    private Scheduler timer = Schedulers.parallel();

    private Builder() {}

    /**
     * The application's {@link WebClient.Builder}, to keep its connector, filters and observability.
     * The client works on a clone and adds only its URLs, auth, decoding and error handling; the
     * builder given is not changed. If its connector follows redirects itself, the client's rule that
     * the key never goes to another host depends on that connector. Default: a builder of its own on
     * Reactor Netty.
     */
    public Builder webClientBuilder(WebClient.Builder webClientBuilder) {
      this.webClientBuilder = requireNonNull(webClientBuilder, "webClientBuilder == null");
      return this;
    }

    /**
     * The API key, sent as {@code Authorization: Bearer <key>} to the base URL's host only. Default:
     * the environment variable {@code CLARION_API_KEY}. Never logged or shown in messages.
     */
    public Builder apiKey(String apiKey) {
      this.apiKey = requireNonNull(apiKey, "apiKey == null");
      return this;
    }

    /**
     * Where to get the API key, asked on every request. Used when {@link #apiKey(String)} is not set.
     * It must not block. Default: none (then {@code CLARION_API_KEY}).
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

    /**
     * How long to wait for a connection. Default: 10 seconds. Not used with
     * {@link #webClientBuilder}, whose connector has its own.
     */
    public Builder connectTimeout(Duration connectTimeout) {
      this.connectTimeout = positive(connectTimeout, "connectTimeout");
      return this;
    }

    /** How long one attempt may take, to the last byte of the response. Default: 60 seconds. */
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
     * The largest single call, in bytes of JSON, that the client decodes; a page is decoded call by
     * call, so this, not the page, bounds the text held at once. A larger call fails the request with
     * a {@link com.clarionhealth.client.ClarionDecodingException}. Default: 16 MiB.
     */
    public Builder maxCallSize(int maxCallSize) {
      if (maxCallSize < 1024) {
        throw new IllegalArgumentException("maxCallSize must be at least 1024 bytes, was " + maxCallSize);
      }
      this.maxCallSize = maxCallSize;
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

    Builder timer(Scheduler timer) {
      this.timer = requireNonNull(timer, "timer == null");
      return this;
    }

    /**
     * @throws IllegalStateException if no API key is configured anywhere
     * @throws IllegalArgumentException if the base URL is not allowed
     */
    public ReactiveClarionClient build() {
      return new ReactiveClarionClient(this);
    }

    @Override
    public String toString() {
      return "ReactiveClarionClient.Builder{baseUrl=" + baseUrl + '}';
    }

    private static Duration positive(Duration duration, String name) {
      requireNonNull(duration, name + " == null");
      if (duration.isZero() || duration.isNegative()) {
        throw new IllegalArgumentException(name + " must be positive, was " + duration);
      }
      return duration;
    }
  }
}
