package com.clarionhealth.client.blocking;

import com.clarionhealth.client.ClarionApiException;
import com.clarionhealth.client.ClarionDecodingException;
import com.clarionhealth.client.ClarionException;
import com.clarionhealth.client.ClarionTimeoutException;
import com.clarionhealth.client.ClarionTransportException;
import com.clarionhealth.client.internal.ApiKey;
import com.clarionhealth.client.internal.BaseUrls;
import com.clarionhealth.client.internal.Redaction;
import com.clarionhealth.client.internal.Redirects;
import com.clarionhealth.client.internal.RequestKind;
import com.clarionhealth.client.internal.RetryPolicy;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.net.ssl.SSLHandshakeException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One logical request: attempts, retries by the shared {@link RetryPolicy}, redirects, and the mapping
 * of every failure to a {@link ClarionException}. The retry decision for {@code POST /call} is the
 * policy's: never once the request may have reached the server.
 */
final class Transport {
  private static final Logger log = LoggerFactory.getLogger(ClarionClient.class);

  private final HttpClient http;
  private final URI baseUrl;
  private final ApiKey apiKey;
  private final Duration requestTimeout;
  private final RetryPolicy retryPolicy;
  private final Sleeper sleeper;
  private final String userAgent;

  Transport(HttpClient http, URI baseUrl, ApiKey apiKey, Duration requestTimeout,
      RetryPolicy retryPolicy, Sleeper sleeper, String userAgent) {
    this.http = http;
    this.baseUrl = baseUrl;
    this.apiKey = apiKey;
    this.requestTimeout = requestTimeout;
    this.retryPolicy = retryPolicy;
    this.sleeper = sleeper;
    this.userAgent = userAgent;
  }

  /** Decodes a 2xx body; an {@link IOException} from it means the body is not what was expected. */
  interface BodyDecoder<T> {
    T decode(byte[] body) throws IOException;
  }

  <T> T get(String path, String query, BodyDecoder<T> decoder) {
    return execute("GET", path, query, null, decoder);
  }

  <T> T post(String path, byte[] json, BodyDecoder<T> decoder) {
    return execute("POST", path, "", json, decoder);
  }

  private <T> T execute(String method, String path, String query, byte[] json, BodyDecoder<T> decoder) {
    RequestKind kind = RequestKind.of(method, path);
    URI uri = URI.create(baseUrl + path + (query.isEmpty() ? "" : "?" + query));
    int redirects = 0;
    for (int attempt = 1; ; attempt++) {
      long started = System.nanoTime();
      ClarionException failure;
      try {
        // The key goes to the configured origin only: never to a host a redirect points at.
        String authorization = BaseUrls.sameOrigin(baseUrl, uri) ? apiKey.bearer() : null;
        HttpResponse<byte[]> response = send(path, request(method, uri, json, authorization));
        int status = response.statusCode();
        log.debug("{} {} -> {} (attempt {}, {} ms)", method, path, status, attempt, millisSince(started));
        if (status >= 200 && status < 300) {
          return decode(method, path, response, authorization, decoder);
        }
        Optional<URI> target = Redirects.target(method, uri, status, response.headers().firstValue("Location"));
        if (target.isPresent() && redirects++ < Redirects.MAX) {
          uri = target.get();
          attempt--; // following a redirect is not a retry
          continue;
        }
        failure = ClarionApiException.create(method, path, status, response.headers().map(),
            Redaction.withoutKey(response.body(), authorization), retryPolicy.clock());
      } catch (ClarionTransportException e) {
        log.debug("{} {} failed (attempt {}, {} ms): {}", method, path, attempt, millisSince(started),
            e.getMessage());
        failure = e;
      }
      Optional<Duration> delay = retryPolicy.delayBeforeRetry(kind, attempt - 1, failure);
      if (delay.isEmpty()) {
        throw failure;
      }
      log.info("{} {} will be retried in {} ms (attempt {} failed: {})", method, path,
          delay.get().toMillis(), attempt, failure.getClass().getSimpleName());
      pause(method, path, delay.get());
    }
  }

  private HttpRequest request(String method, URI uri, byte[] json, String authorization) {
    HttpRequest.Builder request = HttpRequest.newBuilder(uri)
        .timeout(requestTimeout)
        .header("Accept", "application/json")
        .header("User-Agent", userAgent);
    if (authorization != null) {
      request.header("Authorization", authorization);
    }
    if (json == null) {
      return request.GET().build();
    }
    return request.header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofByteArray(json)).build();
  }

  /**
   * Sends and reads the whole body within the request timeout. Failures name {@code path}, relative to
   * the base URL like every other exception's. The JDK's own timeout stops at the
   * response headers, which would let a stalled body hang the calling thread forever.
   */
  private HttpResponse<byte[]> send(String path, HttpRequest request) {
    String method = request.method();
    CompletableFuture<HttpResponse<byte[]>> exchange =
        http.sendAsync(request, HttpResponse.BodyHandlers.ofByteArray());
    try {
      return exchange.get(requestTimeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      exchange.cancel(true);
      throw ClarionTimeoutException.responseTimeout(method, path, e);
    } catch (InterruptedException e) {
      exchange.cancel(true);
      Thread.currentThread().interrupt();
      throw ClarionTransportException.create(method, path, true, e);
    } catch (ExecutionException e) {
      throw transportFailure(method, path, e.getCause() == null ? e : e.getCause());
    }
  }

  /** Only a connection that was never made proves the request did not reach the server. */
  private static ClarionTransportException transportFailure(String method, String path, Throwable cause) {
    if (cause instanceof HttpConnectTimeoutException) {
      return ClarionTimeoutException.connectTimeout(method, path, cause);
    }
    if (cause instanceof HttpTimeoutException) {
      return ClarionTimeoutException.responseTimeout(method, path, cause);
    }
    boolean notSent = cause instanceof ConnectException
        || cause instanceof UnknownHostException
        || cause instanceof SSLHandshakeException
        || cause.getCause() instanceof ConnectException;
    return ClarionTransportException.create(method, path, !notSent, cause);
  }

  private static <T> T decode(String method, String path, HttpResponse<byte[]> response,
      String authorization, BodyDecoder<T> decoder) {
    byte[] body = response.body();
    Optional<String> contentType = response.headers().firstValue("Content-Type");
    IOException problem;
    if (contentType.isPresent() && !contentType.get().toLowerCase(java.util.Locale.ROOT).contains("json")) {
      problem = new IOException("not JSON: " + contentType.get());
    } else {
      try {
        return decoder.decode(body);
      } catch (IOException | RuntimeException e) {
        problem = e instanceof IOException ? (IOException) e : new IOException(e);
      }
    }
    throw ClarionDecodingException.create(method, path, response.statusCode(),
        response.headers().map(), Redaction.withoutKey(body, authorization), problem);
  }

  private void pause(String method, String path, Duration delay) {
    try {
      sleeper.sleep(delay);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw ClarionTransportException.create(method, path, false, e);
    }
  }

  private static long millisSince(long nanoStart) {
    return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - nanoStart);
  }
}
