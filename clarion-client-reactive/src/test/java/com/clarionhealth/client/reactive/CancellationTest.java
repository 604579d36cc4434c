package com.clarionhealth.client.reactive;

import static com.clarionhealth.client.contract.ContractSupport.CALLS;
import static com.clarionhealth.client.contract.ContractSupport.TIMEOUT;
import static com.clarionhealth.client.contract.ContractSupport.page;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.clarionhealth.client.CallQuery;
import com.clarionhealth.client.ClarionTransportException;
import com.clarionhealth.client.ListCallsParams;
import com.clarionhealth.client.contract.FakeApi;
import com.clarionhealth.client.contract.HeldAnswers;
import com.clarionhealth.client.model.Call;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
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
 * back to the pool. The pool here has one connection, and the slow answer is held back by the server
 * until the test releases it: a second request that succeeds before the release can only have had the
 * connection because the cancel let it go. No timing decides the outcome.
 */
class CancellationTest {
  @RegisterExtension
  static final FakeApi server = new FakeApi();

  private static final String FIRST_WINDOW = CALLS
      + "?limit=1000&createdAtGe=2026-01-01T00%3A00%3A00.000Z&createdAtLe=2026-01-01T01%3A00%3A00.000Z";

  private ConnectionProvider oneConnection;

  @BeforeEach
  void answers() {
    server.stubFor(get(urlEqualTo(CALLS + "?limit=1")).willReturn(okJson(page(1)).withTransformers(HeldAnswers.NAME)));
    server.stubFor(get(urlEqualTo(CALLS + "?limit=2")).willReturn(okJson(page(2))));
    server.stubFor(get(urlEqualTo(FIRST_WINDOW)).willReturn(okJson(page(3)).withTransformers(HeldAnswers.NAME)));
  }

  @AfterEach
  void closePool() {
    server.held().releaseAll();
    oneConnection.disposeLater().block(TIMEOUT);
  }

  /** A client whose pool has one connection, and waits up to {@code acquireTimeout} for it. */
  private ReactiveClarionClient clientWithOneConnection(Duration acquireTimeout) {
    oneConnection = ConnectionProvider.builder("one-connection")
        .maxConnections(1)
        .pendingAcquireTimeout(acquireTimeout)
        .build();
    WebClient.Builder app = WebClient.builder()
        .clientConnector(new ReactorClientHttpConnector(HttpClient.create(oneConnection)));
    return TestSupport.client(server).webClientBuilder(app).maxRetries(0).build();
  }

  static ListCallsParams limit(int limit) {
    return ListCallsParams.builder().limit(limit).build();
  }

  static void awaitHeld(int answers) throws Exception {
    server.held().whenHeld(answers).get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
  }

  @Test
  void aCancelledRequestDeliversNothingMoreAndReleasesItsConnection() throws Exception {
    // acquiring the connection may take as long as the test may: only a connection never released fails
    ReactiveClarionClient client = clientWithOneConnection(TIMEOUT);
    List<Signal<Call>> signals = new CopyOnWriteArrayList<>();
    AtomicBoolean cancelled = new AtomicBoolean();
    Disposable subscription = client.calls().list(limit(1))
        .doOnCancel(() -> cancelled.set(true))
        .materialize()
        .subscribe(signals::add);
    awaitHeld(1);

    subscription.dispose();

    assertThat(cancelled).isTrue();
    // the slow answer is still held back, so only the cancel can have freed the one connection
    StepVerifier.create(client.calls().list(limit(2)).map(Call::getId))
        .expectNext(2L)
        .expectComplete()
        .verify(TIMEOUT);
    server.releaseAndAwaitAnswered(2); // the slow answer goes out now, to a subscriber that has left
    assertThat(signals).isEmpty();
  }

  @Test
  void withoutTheCancelTheSecondRequestFindsThePoolExhausted() throws Exception {
    // the control of the test above: the pool really holds one connection, so its success proves release
    ReactiveClarionClient client = clientWithOneConnection(Duration.ofMillis(100));
    Disposable slow = client.calls().list(limit(1)).subscribe();
    awaitHeld(1);
    try {
      // No connection was lent, so the request was certainly not sent (a POST may be retried).
      StepVerifier.create(client.calls().list(limit(2)))
          .expectErrorSatisfies(e -> assertThat(e).isInstanceOfSatisfying(ClarionTransportException.class,
              failure -> assertThat(failure.requestSent()).isFalse()))
          .verify(TIMEOUT);
      assertThat(server.timeline().events()).containsExactly("GET " + CALLS + "?limit=1");
    } finally {
      slow.dispose();
    }
  }

  @Test
  void cancellingAStreamAbortsItsRequestInFlightAndSendsNoOther() throws Exception {
    ReactiveClarionClient client = clientWithOneConnection(TIMEOUT);
    List<Signal<Call>> signals = new CopyOnWriteArrayList<>();
    Instant t0 = Instant.parse("2026-01-01T00:00:00Z");
    Disposable subscription = client.calls().stream(CallQuery.between(t0, t0.plusSeconds(3600)))
        .materialize()
        .subscribe(signals::add);
    awaitHeld(1);

    subscription.dispose();

    StepVerifier.create(client.calls().list(limit(2))).expectNextCount(1).expectComplete().verify(TIMEOUT);
    server.releaseAndAwaitAnswered(2);
    assertThat(signals).isEmpty();
    // the window in flight, then only the list: the stream sent nothing more
    assertThat(server.timeline().events()).containsExactly("GET " + FIRST_WINDOW, "GET " + CALLS + "?limit=2");
  }
}
