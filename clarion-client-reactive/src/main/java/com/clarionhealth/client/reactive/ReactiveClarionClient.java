package com.clarionhealth.client.reactive;

import static java.util.Objects.requireNonNull;

import com.clarionhealth.client.ClientBuilder;
import com.clarionhealth.client.internal.CallCodec;
import com.clarionhealth.client.internal.ClientSettings;
import com.clarionhealth.client.internal.RequestEngine;
import com.clarionhealth.client.internal.UserAgent;
import io.netty.channel.ChannelOption;
import java.net.URI;
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
  private final CallCodec json;

  private ReactiveClarionClient(Builder builder) {
    ClientSettings settings = ClientSettings.of(builder);
    RequestEngine engine = settings.engine(USER_AGENT, ReactiveTransport.ERRORS);
    this.baseUrl = engine.baseUrl();
    // Before the connector: a class path with no usable Jackson fails build() without having opened anything.
    this.json = JsonBinding.choose();
    WebClient webClient = builder.webClientBuilder != null
        // A clone: the application's builder is never changed, its connector and filters are kept.
        ? builder.webClientBuilder.clone().build()
        : WebClient.builder().clientConnector(new ReactorClientHttpConnector(HttpClient.create()
            .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) Math.min(Integer.MAX_VALUE,
                settings.connectTimeout().toMillis()))))
            .build();
    this.calls = new ReactiveCalls(engine, new ReactiveTransport(webClient, settings.requestTimeout(), builder.timer),
        new ReactiveCodec(json, builder.maxCallSize), settings.maxBytesAhead());
  }

  /** Which Jackson this client binds JSON with: {@code jackson3} or {@code jackson2}. */
  String jsonBinding() {
    return JsonBinding.nameOf(json);
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

  /**
   * Builds a {@link ReactiveClarionClient}: the options both clients share (key, base URL, timeouts,
   * retries), the application's {@link WebClient.Builder} and the largest call decoded. Not
   * thread-safe; the client it builds is.
   */
  public static final class Builder extends ClientBuilder<Builder> {
    private WebClient.Builder webClientBuilder;
    private int maxCallSize = DEFAULT_MAX_CALL_SIZE;
    private Scheduler timer = Schedulers.parallel(); // a seam for tests: waits on virtual time

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
     * The largest single call, in bytes of JSON, that the client decodes. A page is held as its bytes
     * while it arrives and each call is bound from its own; a larger call fails the request with a
     * {@link com.clarionhealth.client.ClarionDecodingException} as soon as its bytes exceed this.
     * Default: 16 MiB.
     */
    public Builder maxCallSize(int maxCallSize) {
      if (maxCallSize < 1024) {
        throw new IllegalArgumentException("maxCallSize must be at least 1024 bytes, was " + maxCallSize);
      }
      this.maxCallSize = maxCallSize;
      return this;
    }

    Builder timer(Scheduler timer) {
      this.timer = requireNonNull(timer, "timer == null");
      return this;
    }

    /**
     * Binds JSON with the application's Jackson: Jackson 3 where it is present and works (Spring Boot 4),
     * else Jackson 2 with its Java time module (Spring Boot 3), decided here, once.
     *
     * @throws IllegalStateException if no API key is configured anywhere, or if neither Jackson 3
     *     ({@code tools.jackson.core:jackson-databind}) nor Jackson 2
     *     ({@code com.fasterxml.jackson.core:jackson-databind} and {@code jackson-datatype-jsr310}) can be used
     * @throws IllegalArgumentException if the base URL is not allowed
     */
    public ReactiveClarionClient build() {
      return new ReactiveClarionClient(this);
    }

    @Override
    public String toString() {
      return "ReactiveClarionClient.Builder";
    }
  }
}
