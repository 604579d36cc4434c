package com.clarionhealth.client.blocking;

import static java.util.Objects.requireNonNull;

import com.clarionhealth.client.ClientBuilder;
import com.clarionhealth.client.internal.ClientSettings;
import com.clarionhealth.client.internal.Jackson2Codec;
import com.clarionhealth.client.internal.RequestEngine;
import com.clarionhealth.client.internal.UserAgent;
import java.net.URI;
import java.net.http.HttpClient;

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
    ClientSettings settings = ClientSettings.of(builder);
    RequestEngine engine = settings.engine(USER_AGENT, Transport.ERRORS);
    JdkResends.refuseAllMethods();
    this.baseUrl = engine.baseUrl();
    HttpClient http = builder.httpClient != null ? builder.httpClient : HttpClient.newBuilder()
        .connectTimeout(settings.connectTimeout())
        .followRedirects(HttpClient.Redirect.NEVER)
        // HTTP/2 where TLS negotiates it; on plain http (a sandbox, a local fake) no upgrade (h2c): it buys
        // nothing there, and with Jetty (WireMock) about one exchange in fifty with a large body failed.
        .version("https".equalsIgnoreCase(baseUrl.getScheme()) ? HttpClient.Version.HTTP_2
            : HttpClient.Version.HTTP_1_1)
        .build();
    this.calls = new Calls(engine, new Transport(http, settings.requestTimeout(), builder.sleeper), new Jackson2Codec(),
        settings.maxBytesAhead());
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

  /**
   * Builds a {@link ClarionClient}: the options both clients share (key, base URL, timeouts,
   * retries) and the application's own {@link HttpClient}. Not thread-safe; the client it builds is.
   */
  public static final class Builder extends ClientBuilder<Builder> {
    private HttpClient httpClient;
    private Sleeper sleeper = Sleeper.THREAD; // a seam for tests: retries then wait in no real time

    private Builder() {}

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

    Builder sleeper(Sleeper sleeper) {
      this.sleeper = requireNonNull(sleeper, "sleeper == null");
      return this;
    }

    /**
     * @throws IllegalStateException if no API key is configured anywhere, or if the JVM sets
     *     {@code jdk.httpclient.enableAllMethodRetry}, with which the JDK client would send a
     *     {@code POST /call} again by itself
     * @throws IllegalArgumentException if the base URL is not allowed
     */
    public ClarionClient build() {
      return new ClarionClient(this);
    }

    @Override
    public String toString() {
      return "ClarionClient.Builder";
    }
  }
}
