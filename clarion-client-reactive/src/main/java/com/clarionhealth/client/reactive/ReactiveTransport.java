package com.clarionhealth.client.reactive;

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
import java.io.ByteArrayOutputStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import javax.net.ssl.SSLHandshakeException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.BodyExtractors;
import org.springframework.web.reactive.function.client.ClientResponse;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;

/**
 * One logical request on {@link WebClient}: attempts, retries by the shared {@link RetryPolicy} on
 * Reactor timers (never a sleeping thread), redirects, and the mapping of every failure to a
 * {@link ClarionException}. Cold: nothing is sent before subscription; cancelling aborts the exchange.
 */
final class ReactiveTransport {
  private static final Logger log = LoggerFactory.getLogger(ReactiveClarionClient.class);

  private final WebClient webClient;
  private final URI baseUrl;
  private final ApiKey apiKey;
  private final Duration requestTimeout;
  private final RetryPolicy retryPolicy;
  private final Scheduler timer;

  ReactiveTransport(WebClient webClient, URI baseUrl, ApiKey apiKey, Duration requestTimeout,
      RetryPolicy retryPolicy, Scheduler timer) {
    this.webClient = webClient;
    this.baseUrl = baseUrl;
    this.apiKey = apiKey;
    this.requestTimeout = requestTimeout;
    this.retryPolicy = retryPolicy;
    this.timer = timer;
  }

  /** Decodes a 2xx body; its errors become {@link ClarionDecodingException}s. */
  interface BodyDecoder<T> extends Function<Flux<DataBuffer>, Mono<T>> {}

  <T> Mono<T> get(String path, String query, BodyDecoder<T> decoder) {
    return execute(new Request<>(HttpMethod.GET, path, query, null, decoder));
  }

  <T> Mono<T> post(String path, byte[] json, BodyDecoder<T> decoder) {
    return execute(new Request<>(HttpMethod.POST, path, "", json, decoder));
  }

  private <T> Mono<T> execute(Request<T> request) {
    URI uri = URI.create(baseUrl + request.path + (request.query.isEmpty() ? "" : "?" + request.query));
    return Mono.defer(() -> attempt(request, uri, 0, 0));
  }

  private <T> Mono<T> attempt(Request<T> request, URI uri, int retriesDone, int redirects) {
    long started = System.nanoTime();
    return once(request, uri).flatMap(outcome -> {
      if (outcome.failure == null) {
        return Mono.just(outcome.value);
      }
      if (outcome.redirect != null && redirects < Redirects.MAX) {
        return attempt(request, outcome.redirect, retriesDone, redirects + 1);
      }
      ClarionException failure = outcome.failure;
      log.debug("{} {} failed (attempt {}, {} ms): {}", request.method, request.path, retriesDone + 1,
          Duration.ofNanos(System.nanoTime() - started).toMillis(), failure.getClass().getSimpleName());
      Optional<Duration> delay = retryPolicy.delayBeforeRetry(request.kind, retriesDone, failure);
      if (delay.isEmpty()) {
        return Mono.error(failure);
      }
      log.info("{} {} will be retried in {} ms (attempt {} failed: {})", request.method, request.path,
          delay.get().toMillis(), retriesDone + 1, failure.getClass().getSimpleName());
      // Deferred: the next attempt (its key from the supplier, its start time) is made after the wait.
      return Mono.delay(delay.get(), timer)
          .then(Mono.defer(() -> attempt(request, uri, retriesDone + 1, redirects)));
    });
  }

  private <T> Mono<Outcome<T>> once(Request<T> request, URI uri) {
    // The key goes to the configured origin only: never to a host a redirect points at.
    String authorization = BaseUrls.sameOrigin(baseUrl, uri) ? apiKey.bearer() : null;
    WebClient.RequestBodySpec spec = webClient.method(request.method).uri(uri)
        .headers(headers -> headers(headers, authorization));
    WebClient.RequestHeadersSpec<?> ready = request.json == null ? spec
        : spec.contentType(MediaType.APPLICATION_JSON).bodyValue(request.json);
    return ready.exchangeToMono(response -> handle(request, uri, response, authorization))
        .timeout(requestTimeout, timer)
        .onErrorResume(e -> Mono.just(Outcome.failure(
            e instanceof ClarionException ? (ClarionException) e : transportFailure(request, e))));
  }

  private static void headers(HttpHeaders headers, String authorization) {
    headers.setAccept(List.of(MediaType.APPLICATION_JSON));
    headers.set(HttpHeaders.USER_AGENT, UserAgent.VALUE);
    if (authorization != null) {
      headers.set(HttpHeaders.AUTHORIZATION, authorization);
    }
  }

  private <T> Mono<Outcome<T>> handle(Request<T> request, URI uri, ClientResponse response,
      String authorization) {
    int status = response.statusCode().value();
    log.debug("{} {} -> {}", request.method, request.path, status);
    if (status >= 200 && status < 300) {
      return decode(request, response, authorization).map(Outcome::value);
    }
    return bounded(response.body(BodyExtractors.toDataBuffers())).map(body -> {
      ClarionApiException failure = ClarionApiException.create(request.method.name(), request.path, status,
          headerMap(response), Redaction.withoutKey(body, authorization), retryPolicy.clock());
      // A POST is never re-sent elsewhere.
      Optional<URI> target = Redirects.target(request.method.name(), uri, status,
          Optional.ofNullable(response.headers().asHttpHeaders().getFirst(HttpHeaders.LOCATION)));
      return target.isPresent() ? Outcome.redirect(target.get(), failure) : Outcome.failure(failure);
    });
  }

  /**
   * Decodes a 2xx body while keeping its first bytes, so that an undecodable body (an HTML page, cut
   * JSON, a call over the size limit) is shown, bounded, in the exception.
   */
  private <T> Mono<T> decode(Request<T> request, ClientResponse response, String authorization) {
    Optional<MediaType> contentType = response.headers().contentType();
    HeadCapture head = new HeadCapture(ClarionApiException.MAX_BODY_BYTES);
    Flux<DataBuffer> body = response.body(BodyExtractors.toDataBuffers()).doOnNext(head::capture);
    Mono<T> decoded = contentType.isPresent() && !isJson(contentType.get())
        // read to the end (the connection stays reusable), releasing each buffer once its head is kept
        ? body.doOnNext(DataBufferUtils::release)
            .then(Mono.error(new IllegalStateException("not JSON: " + contentType.get())))
        : request.decoder.apply(body);
    return decoded.onErrorMap(e -> !isTransport(e), e -> ClarionDecodingException.create(
        request.method.name(), request.path, response.statusCode().value(),
        headerMap(response), Redaction.withoutKey(head.bytes(), authorization), e));
  }

  private static boolean isJson(MediaType type) {
    return type.getSubtype().toLowerCase(Locale.ROOT).contains("json");
  }

  /** A connection or timeout problem while the body streams in is the network's, not the body's. */
  private static boolean isTransport(Throwable e) {
    return e instanceof ClarionException || e instanceof TimeoutException
        || e.getClass().getName().startsWith("reactor.netty.")
        || e instanceof java.io.IOException && !e.getClass().getName().startsWith("tools.jackson");
  }

  /** Only a connection that was never made proves the request did not reach the server. */
  private static ClarionTransportException transportFailure(Request<?> request, Throwable e) {
    String method = request.method.name();
    for (Throwable cause = e; cause != null; cause = cause.getCause()) {
      // No connection was ever lent from the pool (Reactor Netty's, a TimeoutException itself): not sent.
      if (cause.getClass().getSimpleName().startsWith("PoolAcquire")) {
        return ClarionTimeoutException.connectTimeout(method, request.path, e);
      }
    }
    if (e instanceof TimeoutException) {
      return ClarionTimeoutException.responseTimeout(method, request.path, e);
    }
    for (Throwable cause = e; cause != null; cause = cause.getCause()) {
      if (cause.getClass().getName().equals("io.netty.channel.ConnectTimeoutException")) {
        return ClarionTimeoutException.connectTimeout(method, request.path, e);
      }
      if (cause instanceof ConnectException || cause instanceof UnknownHostException
          || cause instanceof SSLHandshakeException) {
        return ClarionTransportException.create(method, request.path, false, e);
      }
    }
    return ClarionTransportException.create(method, request.path, true, e);
  }

  private static Map<String, List<String>> headerMap(ClientResponse response) {
    Map<String, List<String>> map = new LinkedHashMap<>();
    response.headers().asHttpHeaders().forEach(map::put);
    return map;
  }

  /** At most {@link ClarionApiException#MAX_BODY_BYTES} of an error body, the rest left unread. */
  private static Mono<byte[]> bounded(Flux<DataBuffer> body) {
    return DataBufferUtils.join(DataBufferUtils.takeUntilByteCount(body, ClarionApiException.MAX_BODY_BYTES))
        .map(buffer -> {
          byte[] bytes = new byte[buffer.readableByteCount()];
          buffer.read(bytes);
          DataBufferUtils.release(buffer);
          return bytes;
        })
        .defaultIfEmpty(new byte[0]);
  }

  private static final class Request<T> {
    final HttpMethod method;
    final String path;
    final String query;
    final byte[] json;
    final BodyDecoder<T> decoder;
    final RequestKind kind;

    Request(HttpMethod method, String path, String query, byte[] json, BodyDecoder<T> decoder) {
      this.method = method;
      this.path = path;
      this.query = query;
      this.json = json;
      this.decoder = decoder;
      this.kind = RequestKind.of(method.name(), path);
    }
  }

  /** Copies the first bytes of a streamed body without consuming them. */
  private static final class HeadCapture {
    private final ByteArrayOutputStream head = new ByteArrayOutputStream();
    private final int max;

    HeadCapture(int max) {
      this.max = max;
    }

    void capture(DataBuffer buffer) {
      int n = Math.min(buffer.readableByteCount(), max - head.size());
      for (int i = 0; i < n; i++) {
        head.write(buffer.getByte(buffer.readPosition() + i));
      }
    }

    byte[] bytes() {
      return head.toByteArray();
    }
  }
}
