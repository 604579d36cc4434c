package com.clarionhealth.client.internal;

import static java.util.Objects.requireNonNull;

import java.net.URI;
import java.time.Clock;
import java.util.function.LongSupplier;

/**
 * Every decision about a request, in one place and without I/O: which headers and key an attempt
 * carries, whether an answer is delivered, followed, retried or thrown, how long to wait, and what
 * the failure says. Both transports ask it through an {@link Exchange} per request and only perform
 * what it decides. Immutable and thread-safe.
 */
public final class RequestEngine {
  final URI baseUrl;
  final ApiKey apiKey;
  final RetryPolicy retryPolicy;
  final String userAgent;
  final TransportErrors transportErrors;
  final LongSupplier nanoTime;

  public RequestEngine(URI baseUrl, ApiKey apiKey, RetryPolicy retryPolicy, String userAgent,
      TransportErrors transportErrors) {
    this(baseUrl, apiKey, retryPolicy, userAgent, transportErrors, System::nanoTime);
  }

  RequestEngine(URI baseUrl, ApiKey apiKey, RetryPolicy retryPolicy, String userAgent,
      TransportErrors transportErrors, LongSupplier nanoTime) {
    this.baseUrl = requireNonNull(baseUrl, "baseUrl == null");
    this.apiKey = requireNonNull(apiKey, "apiKey == null");
    this.retryPolicy = requireNonNull(retryPolicy, "retryPolicy == null");
    this.userAgent = requireNonNull(userAgent, "userAgent == null");
    this.transportErrors = requireNonNull(transportErrors, "transportErrors == null");
    this.nanoTime = requireNonNull(nanoTime, "nanoTime == null");
  }

  /** A {@code GET} of {@code path} (relative to the base URL) with an encoded query, or "" for none. */
  public Exchange get(String path, String query) {
    return new Exchange(this, "GET", path, query, null, null);
  }

  /** {@link #get(String, String)} as one request of a stream: it honours and sets the stream's {@code pause}. */
  public Exchange get(String path, String query, Pause pause) {
    return new Exchange(this, "GET", path, query, null, requireNonNull(pause, "pause == null"));
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
