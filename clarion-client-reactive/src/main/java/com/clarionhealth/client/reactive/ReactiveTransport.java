package com.clarionhealth.client.reactive;

import com.clarionhealth.client.ClarionApiException;
import com.clarionhealth.client.ClarionDecodingException;
import com.clarionhealth.client.internal.Decision;
import com.clarionhealth.client.internal.Exchange;
import com.clarionhealth.client.internal.RequestEngine;
import com.clarionhealth.client.internal.TransportErrors;
import io.netty.channel.ConnectTimeoutException;
import io.netty.handler.timeout.ReadTimeoutException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpMethod;
import org.springframework.web.reactive.function.BodyExtractors;
import org.springframework.web.reactive.function.client.ClientResponse;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;

/**
 * Performs what the {@link RequestEngine} decides, on {@link WebClient}: sends, reads, waits on Reactor
 * timers (never a sleeping thread) and signals errors. Every decision (retry, redirect, the
 * {@code POST /call} rule, error mapping, logging) is the engine's. Cold: nothing is sent before
 * subscription, and each subscription is a request of its own; cancelling aborts the exchange.
 */
final class ReactiveTransport {
  /**
   * What only Reactor Netty raises. Its pool's acquire timeout means no connection was ever lent, so
   * nothing was sent; it is matched by name because Reactor Netty shades reactor-pool, which moves the
   * class's package from one release to the next.
   */
  static final TransportErrors ERRORS = new TransportErrors(
      e -> e instanceof ConnectTimeoutException || e.getClass().getSimpleName().equals("PoolAcquireTimeoutException"),
      e -> e instanceof ReadTimeoutException);

  private final WebClient webClient;
  private final Duration requestTimeout;
  private final Scheduler timer;

  ReactiveTransport(WebClient webClient, Duration requestTimeout, Scheduler timer) {
    this.webClient = webClient;
    this.requestTimeout = requestTimeout;
    this.timer = timer;
  }

  /** The request attribute WebClient's observation reads its {@code uri} tag from (DefaultWebClient's name). */
  static final String URI_TEMPLATE = WebClient.class.getName() + ".uriTemplate";

  /**
   * Decodes a 2xx body; it signals a {@link ClarionDecodingException} (made by
   * {@link Exchange#undecodable}) when the body is not what was expected, and any other error when the
   * body did not arrive, which the engine then classifies as a transport failure.
   */
  interface BodyDecoder<T> {
    /** @param contentLength the body's {@code Content-Length}, or -1 */
    Mono<T> decode(Flux<DataBuffer> body, long contentLength, Exchange exchange);
  }

  /** @param exchange makes the exchange of each subscription */
  <T> Mono<T> execute(Supplier<Exchange> exchange, BodyDecoder<T> decoder) {
    return Mono.defer(() -> attempt(exchange.get(), decoder));
  }

  private <T> Mono<T> attempt(Exchange exchange, BodyDecoder<T> decoder) {
    return Mono.defer(() -> {
      Duration hold = exchange.holdBeforeSending(); // another request of the stream was told to wait
      return hold.isZero() ? send(exchange, decoder) : Mono.delay(hold, timer).then(send(exchange, decoder));
    });
  }

  private <T> Mono<T> send(Exchange exchange, BodyDecoder<T> decoder) {
    // Deferred: after a wait the attempt starts then, taking the key then.
    return Mono.defer(() -> {
      exchange.begin();
      return exchanged(exchange, decoder)
          .timeout(requestTimeout, timer)
          .onErrorResume(e -> !(e instanceof ClarionDecodingException),
              e -> Mono.just(Outcome.of(exchange.onFailure(e))))
          // Below the timeout, which cancels the exchange itself before it fails it.
          .doOnCancel(exchange::cancelled)
          .flatMap(outcome -> {
            if (outcome.decision == null) {
              exchange.delivered();
              return Mono.just(outcome.value);
            }
            Decision decision = outcome.decision;
            switch (decision.action()) {
              case FOLLOW:
                return attempt(exchange, decoder);
              case RETRY:
                return Mono.delay(decision.delay(), timer).then(attempt(exchange, decoder));
              default:
                return Mono.error(decision.failure());
            }
          });
    });
  }

  private <T> Mono<Outcome<T>> exchanged(Exchange exchange, BodyDecoder<T> decoder) {
    WebClient.RequestBodySpec request = webClient.method(HttpMethod.valueOf(exchange.method()))
        .uri(exchange.uri())
        // What WebClient's own observation (http.client.requests) tags as "uri": the path, never a query value.
        // Set by WebClient only for uri(String template, ...); the client builds its URIs itself.
        .attribute(URI_TEMPLATE, exchange.path())
        .headers(headers -> exchange.headers(headers::set));
    WebClient.RequestHeadersSpec<?> ready = exchange.body() == null ? request : request.bodyValue(exchange.body());
    return ready.exchangeToMono(response -> {
      Decision decision = exchange.onResponse(response.statusCode().value(), headers(response));
      switch (decision.action()) {
        case DELIVER:
          return decoder.decode(response.body(BodyExtractors.toDataBuffers()),
              response.headers().contentLength().orElse(-1), exchange).map(Outcome::value);
        case READ_BODY:
          return bounded(response.body(BodyExtractors.toDataBuffers()))
              .map(body -> Outcome.<T>of(exchange.onBody(body)));
        default:
          return response.releaseBody().thenReturn(Outcome.<T>of(decision));
      }
    });
  }

  private static Map<String, List<String>> headers(ClientResponse response) {
    Map<String, List<String>> map = new LinkedHashMap<>();
    response.headers().asHttpHeaders().forEach(map::put);
    return map;
  }

  /** At most {@link ClarionApiException#MAX_BODY_BYTES} of an error body; the rest is not read. */
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

  /** What one attempt ended with: a decoded value, or the engine's decision about it. */
  private static final class Outcome<T> {
    final T value;
    final Decision decision;

    private Outcome(T value, Decision decision) {
      this.value = value;
      this.decision = decision;
    }

    static <T> Outcome<T> value(T value) {
      return new Outcome<>(value, null);
    }

    static <T> Outcome<T> of(Decision decision) {
      return new Outcome<>(null, decision);
    }
  }
}
