package com.clarionhealth.client.reactive;

import com.clarionhealth.client.internal.Seams;
import static com.clarionhealth.client.reactive.TestSupport.BEARER;
import static com.clarionhealth.client.reactive.TestSupport.CALLS;
import static com.clarionhealth.client.reactive.TestSupport.TIMEOUT;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;

import com.clarionhealth.client.ClarionTimeoutException;
import com.clarionhealth.client.ClarionTransportException;
import com.clarionhealth.client.InternalServerException;
import com.clarionhealth.client.RateLimitException;
import com.clarionhealth.client.model.CreateCall;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import reactor.test.StepVerifier;

/**
 * {@code POST /call} rings a patient: it is never sent twice once it may have reached the server, and
 * a failure that leaves its outcome unknown says the call may have been placed. Waits run on virtual
 * time; a test that waits for real waits for I/O only.
 */
class CreateCallSafetyTest {
  @RegisterExtension
  static WireMockExtension server = TestSupport.server();

  static final String MAY_HAVE_BEEN_PLACED = "the call may have been placed";

  private final VirtualTimer timer = new VirtualTimer();
  private final ReactiveClarionClient client = Seams.random(TestSupport.client(server), () -> 0.5).timer(timer).build();

  static CreateCall createCall() {
    return new CreateCall().assistantId(7L).destinationPhoneNumber("+14155550123");
  }

  static void verifySentOnce() {
    server.verify(1, postRequestedFor(urlEqualTo(CALLS)).withHeader("Authorization", equalTo(BEARER)));
    assertThat(server.getAllServeEvents()).hasSize(1);
  }

  @ParameterizedTest
  @ValueSource(ints = {500, 502, 503, 504})
  void aServerErrorIsNotRetriedAndSaysTheCallMayHaveBeenPlaced(int status) {
    // even when the server itself asks for a retry
    server.stubFor(post(CALLS).willReturn(aResponse().withStatus(status).withHeader("Retry-After", "1")));

    StepVerifier.create(client.calls().create(createCall()))
        .expectErrorSatisfies(e -> {
          assertThat(e).isInstanceOf(InternalServerException.class);
          InternalServerException ise = (InternalServerException) e;
          assertThat(ise.statusCode()).isEqualTo(status);
          assertThat(ise.callMayHaveBeenPlaced()).isTrue();
          assertThat(ise.getMessage()).contains(MAY_HAVE_BEEN_PLACED);
        })
        .verify(TIMEOUT);

    verifySentOnce();
    assertThat(timer.waits()).isEmpty();
  }

  @Test
  void aConnectionResetAfterSendingIsNotRetried() {
    server.stubFor(post(CALLS).willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));

    StepVerifier.create(client.calls().create(createCall()))
        .expectErrorSatisfies(e -> {
          assertThat(e).isExactlyInstanceOf(ClarionTransportException.class);
          ClarionTransportException te = (ClarionTransportException) e;
          assertThat(te.requestSent()).isTrue();
          assertThat(te.callMayHaveBeenPlaced()).isTrue();
          assertThat(te.getMessage()).contains(MAY_HAVE_BEEN_PLACED);
        })
        .verify(TIMEOUT);

    verifySentOnce();
    assertThat(timer.waits()).isEmpty();
  }

  @Test
  void anEmptyResponseIsNotRetried() {
    server.stubFor(post(CALLS).willReturn(aResponse().withFault(Fault.EMPTY_RESPONSE)));

    StepVerifier.create(client.calls().create(createCall()))
        .expectErrorSatisfies(e -> {
          assertThat(e).isInstanceOf(ClarionTransportException.class);
          assertThat(((ClarionTransportException) e).requestSent()).isTrue();
          assertThat(((ClarionTransportException) e).callMayHaveBeenPlaced()).isTrue();
        })
        .verify(TIMEOUT);

    verifySentOnce();
  }

  @Test
  void aResponseSlowerThanTheRequestTimeoutIsNotRetried() {
    Duration requestTimeout = Duration.ofMillis(300);
    VirtualTimer timer = new VirtualTimer(requestTimeout);
    ReactiveClarionClient impatient = TestSupport.client(server).requestTimeout(requestTimeout).timer(timer).build();
    server.stubFor(post(CALLS).willReturn(okJson("{\"id\":1}").withFixedDelay(2000)));

    StepVerifier.create(impatient.calls().create(createCall()))
        .then(() -> {
          TestSupport.await("the POST to reach the server", () -> server.getAllServeEvents().size() == 1);
          timer.advanceBy(requestTimeout); // the request timeout, on virtual time
        })
        .expectErrorSatisfies(e -> {
          assertThat(e).isInstanceOf(ClarionTimeoutException.class);
          ClarionTimeoutException te = (ClarionTimeoutException) e;
          assertThat(te.requestSent()).isTrue();
          assertThat(te.callMayHaveBeenPlaced()).isTrue();
          assertThat(te.getMessage()).contains(MAY_HAVE_BEEN_PLACED);
        })
        .verify(TIMEOUT);

    timer.advanceBy(Duration.ofMinutes(5)); // were a retry pending, it would go now
    verifySentOnce();
    assertThat(timer.waits()).isEmpty();
  }

  @Test
  void aRateLimitIsRetriedAfterRetryAfterBecauseTheServerDidNothing() {
    server.stubFor(post(CALLS).inScenario("429").whenScenarioStateIs(STARTED)
        .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "2")).willSetStateTo("ok"));
    server.stubFor(post(CALLS).inScenario("429").whenScenarioStateIs("ok")
        .willReturn(okJson("{\"id\":77,\"call_status\":\"queued\"}")));
    long started = System.nanoTime();

    StepVerifier.create(client.calls().create(createCall()))
        .then(() -> {
          assertThat(timer.awaitWait(1)).isEqualTo(Duration.ofSeconds(2)); // exactly as asked, no jitter
          assertThat(server.getAllServeEvents()).hasSize(1); // nothing sent during the wait
          timer.advanceBy(Duration.ofSeconds(2));
        })
        .assertNext(call -> assertThat(call.getId()).isEqualTo(77L))
        .expectComplete()
        .verify(TIMEOUT);

    server.verify(2, postRequestedFor(urlEqualTo(CALLS))
        .withRequestBody(equalTo("{\"assistant_id\":7,\"destination_phone_number\":\"+14155550123\"}")));
    assertThat(timer.waits()).containsExactly(Duration.ofSeconds(2));
    assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(2));
  }

  @Test
  void aRateLimitWithARetryAfterOverTheMaximumFailsAtOnce() {
    server.stubFor(post(CALLS).willReturn(aResponse().withStatus(429).withHeader("Retry-After", "61")));

    StepVerifier.create(client.calls().create(createCall()))
        .expectErrorSatisfies(e -> {
          assertThat(e).isInstanceOf(RateLimitException.class);
          assertThat(((RateLimitException) e).retryAfter()).contains(Duration.ofSeconds(61));
          assertThat(((RateLimitException) e).callMayHaveBeenPlaced()).isFalse();
        })
        .verify(TIMEOUT);

    verifySentOnce();
    assertThat(timer.waits()).isEmpty();
  }

  @Test
  void aRefusedConnectionIsRetriedAndDoesNotSayTheCallMayHaveBeenPlaced() throws IOException {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      closedPort = socket.getLocalPort();
    }
    ReactiveClarionClient nowhere = Seams.random(TestSupport.client(server).baseUrl("http://127.0.0.1:" + closedPort + "/v1"), () -> 0.5).timer(timer).build();

    StepVerifier.create(nowhere.calls().create(createCall()))
        .then(() -> {
          // full jitter over 500 ms then 1 s, with the random source at one half
          assertThat(timer.awaitWait(1)).isEqualTo(Duration.ofMillis(250));
          timer.advanceBy(Duration.ofMillis(250));
          assertThat(timer.awaitWait(2)).isEqualTo(Duration.ofMillis(500));
          timer.advanceBy(Duration.ofMillis(500));
        })
        .expectErrorSatisfies(e -> {
          assertThat(e).isExactlyInstanceOf(ClarionTransportException.class);
          ClarionTransportException te = (ClarionTransportException) e;
          assertThat(te.requestSent()).isFalse();
          assertThat(te.callMayHaveBeenPlaced()).isFalse();
          assertThat(te.getMessage()).doesNotContain(MAY_HAVE_BEEN_PLACED);
        })
        .verify(TIMEOUT);

    assertThat(timer.waits()).hasSize(2); // three attempts: the default two retries
  }
}
