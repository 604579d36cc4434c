package com.clarionhealth.client.blocking;

import com.clarionhealth.client.contract.ContractSupport;
import com.clarionhealth.client.contract.HeldAnswers;
import java.io.IOException;
import java.net.Authenticator;
import java.net.CookieHandler;
import java.net.ProxySelector;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;

/**
 * A JDK {@link HttpClient} that hands an exchange back only once its outcome is settled: answered, or
 * held back by the fake server ({@link HeldAnswers}). The JDK's own timeout, which would race an
 * ordinary answer still on its way on a loaded machine, is left off the requests it sends, and
 * {@link #send} applies the request's timeout itself once the exchange is settled: it can then fire
 * only for an answer the server holds.
 */
final class SettledHttpClient extends HttpClient {
  private final HttpClient http;
  private final HeldAnswers held;

  SettledHttpClient(HttpClient http, HeldAnswers held) {
    this.http = http;
    this.held = held;
  }

  @Override
  public <T> CompletableFuture<HttpResponse<T>> sendAsync(HttpRequest request,
      HttpResponse.BodyHandler<T> handler) {
    CompletableFuture<Void> heldBack = held.whenHeld(held.count() + 1);
    CompletableFuture<HttpResponse<T>> exchange = http.sendAsync(withoutTimeout(request), handler);
    try {
      CompletableFuture.anyOf(exchange, heldBack).get(ContractSupport.TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    } catch (ExecutionException e) {
      // the exchange failed: settled too, and the client maps the failure
    } catch (TimeoutException e) {
      throw new AssertionError("the exchange neither ended nor was held back within " + ContractSupport.TIMEOUT);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return exchange;
  }

  @Override
  public <T> CompletableFuture<HttpResponse<T>> sendAsync(HttpRequest request,
      HttpResponse.BodyHandler<T> handler, HttpResponse.PushPromiseHandler<T> pushPromiseHandler) {
    return sendAsync(request, handler);
  }

  @Override
  public <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> handler)
      throws IOException, InterruptedException {
    CompletableFuture<HttpResponse<T>> exchange = sendAsync(request, handler);
    try {
      return request.timeout().isPresent()
          ? exchange.get(request.timeout().get().toMillis(), TimeUnit.MILLISECONDS)
          : exchange.get();
    } catch (ExecutionException e) {
      throw e.getCause() instanceof IOException ? (IOException) e.getCause() : new IOException(e.getCause());
    } catch (java.util.concurrent.TimeoutException e) {
      exchange.cancel(true);
      throw new java.net.http.HttpTimeoutException("request timed out");
    } catch (InterruptedException e) {
      exchange.cancel(true);
      throw e;
    }
  }

  private static HttpRequest withoutTimeout(HttpRequest request) {
    HttpRequest.Builder copy = HttpRequest.newBuilder(request.uri())
        .method(request.method(), request.bodyPublisher().orElse(HttpRequest.BodyPublishers.noBody()))
        .expectContinue(request.expectContinue());
    request.version().ifPresent(copy::version);
    request.headers().map().forEach((name, values) -> values.forEach(value -> copy.header(name, value)));
    return copy.build();
  }

  @Override
  public Optional<CookieHandler> cookieHandler() {
    return http.cookieHandler();
  }

  @Override
  public Optional<Duration> connectTimeout() {
    return http.connectTimeout();
  }

  @Override
  public Redirect followRedirects() {
    return http.followRedirects();
  }

  @Override
  public Optional<ProxySelector> proxy() {
    return http.proxy();
  }

  @Override
  public SSLContext sslContext() {
    return http.sslContext();
  }

  @Override
  public SSLParameters sslParameters() {
    return http.sslParameters();
  }

  @Override
  public Optional<Authenticator> authenticator() {
    return http.authenticator();
  }

  @Override
  public Version version() {
    return http.version();
  }

  @Override
  public Optional<Executor> executor() {
    return http.executor();
  }
}
