package com.clarionhealth.client.blocking;

import com.clarionhealth.client.internal.Seams;
import static com.clarionhealth.client.blocking.TestSupport.BEARER;
import static com.clarionhealth.client.blocking.TestSupport.CALLS;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.clarionhealth.client.ClarionTimeoutException;
import com.clarionhealth.client.ClarionTransportException;
import com.clarionhealth.client.InternalServerException;
import com.clarionhealth.client.RateLimitException;
import com.clarionhealth.client.blocking.TestSupport.RecordingSleeper;
import com.clarionhealth.client.model.Call;
import com.clarionhealth.client.model.CreateCall;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code POST /call} rings a patient: it is never sent twice once it may have reached the server, and
 * every failure that leaves the outcome unknown says the call may have been placed.
 */
class CreateCallSafetyTest {
  @RegisterExtension
  static WireMockExtension server = TestSupport.server();

  static final String BODY = "{\"assistant_id\":7,\"destination_phone_number\":\"+14155550123\"}";

  private final RecordingSleeper sleeper = new RecordingSleeper();
  private final ClarionClient client = TestSupport.client(server, sleeper).build();

  private static CreateCall createCall() {
    return new CreateCall().assistantId(7L).destinationPhoneNumber("+14155550123");
  }

  private static void verifySentOnce() {
    server.verify(1, postRequestedFor(urlEqualTo(CALLS))
        .withHeader("Authorization", equalTo(BEARER)).withRequestBody(equalToJson(BODY)));
    assertThat(server.getAllServeEvents()).hasSize(1);
  }

  @ParameterizedTest
  @ValueSource(ints = {500, 502, 503, 504})
  void aServerErrorIsNotRetriedAndSaysTheCallMayHaveBeenPlaced(int status) {
    // even when the server suggests a retry
    server.stubFor(post(CALLS).willReturn(aResponse().withStatus(status).withHeader("Retry-After", "1")));

    assertThatThrownBy(() -> client.calls().create(createCall()))
        .isInstanceOfSatisfying(InternalServerException.class, e -> {
          assertThat(e.statusCode()).isEqualTo(status);
          assertThat(e.callMayHaveBeenPlaced()).isTrue();
          assertThat(e.getMessage()).contains("may have been placed");
        });

    verifySentOnce();
    assertThat(sleeper.sleeps).isEmpty();
  }

  @Test
  void aConnectionResetAfterSendingIsNotRetried() {
    server.stubFor(post(CALLS).willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));

    assertThatThrownBy(() -> client.calls().create(createCall()))
        .isExactlyInstanceOf(ClarionTransportException.class)
        .satisfies(e -> {
          ClarionTransportException t = (ClarionTransportException) e;
          assertThat(t.requestSent()).isTrue();
          assertThat(t.callMayHaveBeenPlaced()).isTrue();
          // named like every other exception: relative to the base URL, not /v1/call
          assertThat(t.method() + " " + t.path()).isEqualTo("POST /call");
          assertThat(t.getMessage()).startsWith("POST /call ").contains("may have been placed");
        });

    verifySentOnce();
    assertThat(sleeper.sleeps).isEmpty();
  }

  @Test
  void anEmptyResponseIsNotRetried() {
    server.stubFor(post(CALLS).willReturn(aResponse().withFault(Fault.EMPTY_RESPONSE)));

    assertThatThrownBy(() -> client.calls().create(createCall()))
        .isInstanceOfSatisfying(ClarionTransportException.class, e -> assertThat(e.callMayHaveBeenPlaced()).isTrue());

    verifySentOnce();
    assertThat(sleeper.sleeps).isEmpty();
  }

  @Test
  void aResponseSlowerThanTheRequestTimeoutIsNotRetried() throws InterruptedException {
    ClarionClient impatient = TestSupport.client(server, sleeper).requestTimeout(Duration.ofMillis(200)).build();
    server.stubFor(post(CALLS).willReturn(okJson("{\"id\":1}").withFixedDelay(1000)));

    assertThatThrownBy(() -> impatient.calls().create(createCall()))
        .isInstanceOfSatisfying(ClarionTimeoutException.class, e -> {
          assertThat(e.requestSent()).isTrue();
          assertThat(e.callMayHaveBeenPlaced()).isTrue();
          assertThat(e.getMessage()).contains("may have been placed");
        });

    // WireMock logs a request once it has answered it: wait out the delay, then count
    for (int i = 0; i < 40 && server.getAllServeEvents().isEmpty(); i++) {
      Thread.sleep(50);
    }
    verifySentOnce();
    assertThat(sleeper.sleeps).isEmpty();
  }

  @Test
  void aRateLimitIsRetriedBecauseTheServerDidNothing() {
    server.stubFor(post(CALLS).inScenario("429").whenScenarioStateIs(STARTED)
        .willReturn(aResponse().withStatus(429)).willSetStateTo("free"));
    server.stubFor(post(CALLS).inScenario("429").whenScenarioStateIs("free")
        .willReturn(okJson("{\"id\":77,\"call_status\":\"queued\"}")));

    Call call = client.calls().create(createCall());

    assertThat(call.getId()).isEqualTo(77L);
    server.verify(2, postRequestedFor(urlEqualTo(CALLS))
        .withHeader("Authorization", equalTo(BEARER)).withRequestBody(equalToJson(BODY)));
    assertThat(sleeper.sleeps).containsExactly(Duration.ofMillis(250));
  }

  @Test
  void aRefusedConnectionIsRetriedAndDoesNotSayTheCallMayHaveBeenPlaced() throws IOException {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }
    ClarionClient nowhere = Seams.random(Seams.env(ClarionClient.builder().baseUrl("http://127.0.0.1:" + closedPort + "/v1")
        .apiKey(TestSupport.API_KEY), name -> null), () -> 0.5).sleeper(sleeper).build();

    assertThatThrownBy(() -> nowhere.calls().create(createCall()))
        .isExactlyInstanceOf(ClarionTransportException.class)
        .satisfies(e -> {
          ClarionTransportException t = (ClarionTransportException) e;
          assertThat(t.requestSent()).isFalse();
          assertThat(t.path()).isEqualTo("/call");
          assertThat(t.callMayHaveBeenPlaced()).isFalse();
          assertThat(t.getMessage()).doesNotContain("may have been placed");
        });

    // the default two retries, after 250 ms and 500 ms of (recorded) backoff
    assertThat(sleeper.sleeps).containsExactly(Duration.ofMillis(250), Duration.ofMillis(500));
    assertThat(server.getAllServeEvents()).isEmpty();
  }

  @Test
  void aRateLimitLongerThanTheMaximumFailsAtOnceWithoutPlacingTheCall() {
    server.stubFor(post(CALLS).willReturn(aResponse().withStatus(429).withHeader("Retry-After", "3600")));

    assertThatThrownBy(() -> client.calls().create(createCall()))
        .isInstanceOfSatisfying(RateLimitException.class, e -> {
          assertThat(e.retryAfter()).contains(Duration.ofHours(1));
          assertThat(e.callMayHaveBeenPlaced()).isFalse();
          assertThat(e.getMessage()).doesNotContain("may have been placed");
        });

    verifySentOnce();
    assertThat(sleeper.sleeps).isEmpty();
  }
}
