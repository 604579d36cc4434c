package com.clarionhealth.client.internal;

import static java.util.Objects.requireNonNull;

import com.clarionhealth.client.CallQuery;
import com.clarionhealth.client.ClarionListener;
import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.function.LongSupplier;

/**
 * Every decision about a request, in one place and without I/O: which headers and key an attempt
 * carries, whether an answer is delivered, followed, retried or thrown, how long to wait, and what
 * the failure says. Both transports ask it through an {@link Exchange} per request and only perform
 * what it decides; and what it does is told to the client's {@link ClarionListener} from here. Immutable
 * and thread-safe.
 */
public final class RequestEngine {
  final URI baseUrl;
  final ApiKey apiKey;
  final RetryPolicy retryPolicy;
  final String userAgent;
  final TransportErrors transportErrors;
  final LongSupplier nanoTime;
  final ClarionListener listener; // the listeners, each guarded, or NONE
  final boolean listening; // whether anything is told: NONE costs no event objects

  public RequestEngine(URI baseUrl, ApiKey apiKey, RetryPolicy retryPolicy, String userAgent,
      TransportErrors transportErrors) {
    this(baseUrl, apiKey, retryPolicy, userAgent, transportErrors, System::nanoTime, List.of());
  }

  RequestEngine(URI baseUrl, ApiKey apiKey, RetryPolicy retryPolicy, String userAgent,
      TransportErrors transportErrors, LongSupplier nanoTime) {
    this(baseUrl, apiKey, retryPolicy, userAgent, transportErrors, nanoTime, List.of());
  }

  RequestEngine(URI baseUrl, ApiKey apiKey, RetryPolicy retryPolicy, String userAgent,
      TransportErrors transportErrors, LongSupplier nanoTime, List<ClarionListener> listeners) {
    this.baseUrl = requireNonNull(baseUrl, "baseUrl == null");
    this.apiKey = requireNonNull(apiKey, "apiKey == null");
    this.retryPolicy = requireNonNull(retryPolicy, "retryPolicy == null");
    this.userAgent = requireNonNull(userAgent, "userAgent == null");
    this.transportErrors = requireNonNull(transportErrors, "transportErrors == null");
    this.nanoTime = requireNonNull(nanoTime, "nanoTime == null");
    this.listener = GuardedListener.of(requireNonNull(listeners, "listeners == null"));
    this.listening = this.listener != ClarionListener.NONE;
  }

  /** A {@code GET} of {@code path} (relative to the base URL) with an encoded query, or "" for none. */
  public Exchange get(String path, String query) {
    return new Exchange(this, "GET", path, query, null, null);
  }

  /**
   * {@link #get(String, String)} as one request of a stream's walk: it honours and sets the walk's
   * pause, and is counted and told as one of its requests.
   */
  public Exchange get(String path, String query, StreamRun stream) {
    return new Exchange(this, "GET", path, query, null, requireNonNull(stream, "stream == null"));
  }

  /**
   * The plan of one walk of {@code query}, as it starts: a range left open ends now, and stays fixed
   * so that the walk ends. Its {@link PagingPlan#run()} is the walk as this engine's listener hears it.
   */
  public PagingPlan plan(CallQuery query, long maxBytesAhead) {
    return PagingPlan.of(query, clock().instant(), maxBytesAhead, listener);
  }

  /** A {@code POST} of a JSON body: never re-sent once it may have reached the server. */
  public Exchange post(String path, byte[] json) {
    return new Exchange(this, "POST", path, "", requireNonNull(json, "json == null"), null);
  }

  public URI baseUrl() {
    return baseUrl;
  }

  public Clock clock() {
    return retryPolicy.clock();
  }

  @Override
  public String toString() {
    return "RequestEngine{baseUrl=" + baseUrl + ", " + retryPolicy + "}";
  }
}
