package com.clarionhealth.client.reactive;

import static com.clarionhealth.client.reactive.TestSupport.CALLS;
import static com.clarionhealth.client.reactive.TestSupport.TIMEOUT;
import static com.clarionhealth.client.reactive.TestSupport.callJson;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.clarionhealth.client.CallQuery;
import com.clarionhealth.client.ClarionTransportException;
import com.clarionhealth.client.ListCallsParams;
import com.clarionhealth.client.model.Call;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.Disposable;
import reactor.core.publisher.Signal;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;
import reactor.test.StepVerifier;

/**
 * Cancelling aborts the exchange in flight: the subscriber hears nothing more, and the connection goes
 * back to the pool. The pool here has one connection and gives up waiting for it after 300 ms, so a
 * second request right after the cancel can only succeed if the first one let its connection go.
 */
class CancellationTest {
  static final Duration SLOW = Duration.ofMillis(1000);

  @RegisterExtension
  static WireMockExtension server = TestSupport.server();

  private ConnectionProvider oneConnection;
  private ReactiveClarionClient client;

  @BeforeEach
  void clientWithOneConnection() {
    oneConnection = ConnectionProvider.builder("one-connection")
        .maxConnections(1)
        .pendingAcquireTimeout(Duration.ofMillis(300))
        .build();
    WebClient.Builder app = WebClient.builder()
        .clientConnector(new ReactorClientHttpConnector(HttpClient.create(oneConnection)));
    client = TestSupport.client(server).webClientBuilder(app).maxRetries(0).build();
    server.stubFor(get(urlEqualTo(CALLS + "?limit=1"))
        .willReturn(okJson("[" + callJson(1) + "]").withFixedDelay((int) SLOW.toMillis())));
    server.stubFor(get(urlEqualTo(CALLS + "?limit=2")).willReturn(okJson("[" + callJson(2) + "]")));
  }

  @AfterEach
  void closePool() {
    oneConnection.disposeLater().block(TIMEOUT);
  }

  /** Waits until the slow answer, had it been delivered, would have arrived. */
  static void outlive(long startedNanos) throws InterruptedException {
    long left = SLOW.plusMillis(300).toNanos() - (System.nanoTime() - startedNanos);
    if (left > 0) {
      Thread.sleep(Duration.ofNanos(left).toMillis());
    }
  }

  static ListCallsParams limit(int limit) {
    return ListCallsParams.builder().limit(limit).build();
  }

  @Test
  void aCancelledRequestDeliversNothingMoreAndReleasesItsConnection() throws InterruptedException {
    long started = System.nanoTime();
    List<Signal<Call>> signals = new CopyOnWriteArrayList<>();
    AtomicBoolean cancelled = new AtomicBoolean();
    Disposable subscription = client.calls().list(limit(1))
        .doOnCancel(() -> cancelled.set(true))
        .materialize()
        .subscribe(signals::add);
    TestSupport.await("the slow request to reach the server", () -> server.getAllServeEvents().size() == 1);

    subscription.dispose();

    assertThat(cancelled).isTrue();
    // the one connection is free again: were it still held by the slow exchange, acquiring it would
    // fail after 300 ms, long before the slow answer (1 s) could free it
    StepVerifier.create(client.calls().list(limit(2)).map(Call::getId))
        .expectNext(2L)
        .expectComplete()
        .verify(TIMEOUT);
    outlive(started); // the slow answer never reaches the cancelled subscriber
    assertThat(signals).isEmpty();
  }

  @Test
  void withoutTheCancelTheSecondRequestWouldFindThePoolExhausted() {
    // the control of the test above: the pool really holds one connection, so its success proves release
    Disposable slow = client.calls().list(limit(1)).subscribe();
    TestSupport.await("the slow request to reach the server", () -> server.getAllServeEvents().size() == 1);
    try {
      // No connection was lent, so the request was certainly not sent (a POST may be retried).
      StepVerifier.create(client.calls().list(limit(2)))
          .expectErrorSatisfies(e -> assertThat(e).isInstanceOfSatisfying(ClarionTransportException.class,
              failure -> assertThat(failure.requestSent()).isFalse()))
          .verify(TIMEOUT);
    } finally {
      slow.dispose();
    }
  }

  @Test
  void cancellingAStreamAbortsItsRequestInFlightAndSendsNoOther() throws InterruptedException {
    server.stubFor(get(urlPathEqualTo(CALLS)).atPriority(1)
        .willReturn(aResponse().withFixedDelay((int) SLOW.toMillis())
            .withHeader("Content-Type", "application/json").withBody("[" + callJson(3) + "]")));
    long started = System.nanoTime();
    List<Signal<Call>> signals = new CopyOnWriteArrayList<>();
    Instant t0 = Instant.parse("2026-01-01T00:00:00Z");
    Disposable subscription = client.calls().stream(CallQuery.between(t0, t0.plusSeconds(3600)))
        .materialize()
        .subscribe(signals::add);
    TestSupport.await("the slow request to reach the server", () -> server.getAllServeEvents().size() == 1);

    subscription.dispose();

    server.resetAll();
    server.stubFor(get(urlEqualTo(CALLS + "?limit=2")).willReturn(okJson("[" + callJson(2) + "]")));
    StepVerifier.create(client.calls().list(limit(2))).expectNextCount(1).expectComplete().verify(TIMEOUT);
    outlive(started);
    assertThat(signals).isEmpty();
    assertThat(server.getAllServeEvents()).hasSize(1); // only the list: the stream sent nothing more
  }
}
