package com.clarionhealth.client.blocking;

import com.clarionhealth.client.internal.Decision;
import com.clarionhealth.client.internal.Exchange;
import com.clarionhealth.client.internal.RequestEngine;
import com.clarionhealth.client.internal.TransportErrors;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * Performs what the {@link RequestEngine} decides, on the JDK {@link HttpClient}: sends, reads, sleeps
 * and throws. Every decision (retry, redirect, the {@code POST /call} rule, error mapping, logging) is
 * the engine's.
 */
final class Transport {
  /** What only the JDK client raises: its own connect and response timeouts. */
  static final TransportErrors ERRORS = new TransportErrors(
      e -> e instanceof HttpConnectTimeoutException, e -> e instanceof HttpTimeoutException);

  private final HttpClient http;
  private final Duration requestTimeout;
  private final Sleeper sleeper;

  Transport(HttpClient http, Duration requestTimeout, Sleeper sleeper) {
    this.http = http;
    this.requestTimeout = requestTimeout;
    this.sleeper = sleeper;
  }

  /** Decodes a 2xx body; its exceptions become {@link com.clarionhealth.client.ClarionDecodingException}s. */
  interface BodyDecoder<T> {
    T decode(byte[] body) throws IOException;
  }

  <T> T execute(Exchange exchange, BodyDecoder<T> decoder) {
    while (true) {
      exchange.begin();
      HttpResponse<byte[]> response = null;
      Decision decision;
      try {
        response = send(exchange);
        decision = exchange.onResponse(response.statusCode(), response.headers().map());
        if (decision.action() == Decision.Action.READ_BODY) {
          decision = exchange.onBody(response.body());
        }
      } catch (ExecutionException e) {
        decision = exchange.onFailure(e.getCause() == null ? e : e.getCause());
      } catch (Exception e) {
        if (e instanceof InterruptedException) {
          Thread.currentThread().interrupt();
        }
        decision = exchange.onFailure(e);
      }
      switch (decision.action()) {
        case DELIVER:
          return decode(exchange, response.body(), decoder);
        case FOLLOW:
          continue;
        case RETRY:
          pause(exchange, decision.delay());
          continue;
        default:
          throw decision.failure();
      }
    }
  }

  /**
   * Sends and reads the whole body within the request timeout. The JDK's own timeout stops at the
   * response headers, which would let a stalled body hang the calling thread forever.
   */
  private HttpResponse<byte[]> send(Exchange exchange) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(exchange.uri()).timeout(requestTimeout);
    exchange.headers(request::header);
    request = exchange.body() == null ? request.GET()
        : request.POST(HttpRequest.BodyPublishers.ofByteArray(exchange.body()));
    CompletableFuture<HttpResponse<byte[]>> response =
        http.sendAsync(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    try {
      return response.get(requestTimeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (Exception e) {
      response.cancel(true);
      throw e;
    }
  }

  private static <T> T decode(Exchange exchange, byte[] body, BodyDecoder<T> decoder) {
    try {
      return decoder.decode(body);
    } catch (IOException | RuntimeException e) {
      throw exchange.undecodable(body, e);
    }
  }

  private void pause(Exchange exchange, Duration delay) {
    try {
      sleeper.sleep(delay);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw exchange.interruptedWhileWaiting(e);
    }
  }
}
