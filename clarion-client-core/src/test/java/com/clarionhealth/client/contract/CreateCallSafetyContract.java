package com.clarionhealth.client.contract;

import static com.clarionhealth.client.contract.ContractSupport.API_KEY;
import static com.clarionhealth.client.contract.ContractSupport.BEARER;
import static com.clarionhealth.client.contract.ContractSupport.CALLS;
import static com.clarionhealth.client.contract.ContractSupport.CREATE_CALL_BODY;
import static com.clarionhealth.client.contract.ContractSupport.MAY_HAVE_BEEN_PLACED;
import static com.clarionhealth.client.contract.ContractSupport.createCall;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.clarionhealth.client.AuthenticationException;
import com.clarionhealth.client.ClarionTimeoutException;
import com.clarionhealth.client.ClarionTransportException;
import com.clarionhealth.client.InternalServerException;
import com.clarionhealth.client.RateLimitException;
import com.clarionhealth.client.UnexpectedStatusException;
import com.clarionhealth.client.model.Call;
import com.github.tomakehurst.wiremock.http.Fault;
import java.io.IOException;
import java.net.InetAddress;
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
public abstract class CreateCallSafetyContract extends ClientContract {
  @RegisterExtension
  protected static final FakeApi api = new FakeApi();

  private static final String POST = "POST " + CALLS;

  static void verifySentOnce() {
    api.verify(1, postRequestedFor(urlEqualTo(CALLS))
        .withHeader("Authorization", equalTo(BEARER)).withRequestBody(equalToJson(CREATE_CALL_BODY)));
    assertThat(api.served()).hasSize(1);
    assertThat(api.timeline().arrivals()).isEqualTo(1);
  }

  @ParameterizedTest
  @ValueSource(ints = {500, 502, 503, 504})
  void aServerErrorIsNotRetriedAndSaysTheCallMayHaveBeenPlaced(int status) {
    // even when the server itself asks for a retry
    api.stubFor(post(CALLS).willReturn(aResponse().withStatus(status).withHeader("Retry-After", "1")));
    ClientDriver client = connect(api.config());

    InternalServerException e = catchThrowableOfType(InternalServerException.class, () -> client.create(createCall()));

    assertThat(e.statusCode()).isEqualTo(status);
    assertThat(e.callMayHaveBeenPlaced()).isTrue();
    assertThat(e.getMessage()).contains(MAY_HAVE_BEEN_PLACED);
    verifySentOnce();
    assertThat(client.waits()).isEmpty();
  }

  @Test
  void aConnectionResetAfterSendingIsNotRetried() {
    api.stubFor(post(CALLS).willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
    ClientDriver client = connect(api.config());

    ClarionTransportException e = catchThrowableOfType(ClarionTransportException.class,
        () -> client.create(createCall()));

    assertThat(e).isExactlyInstanceOf(ClarionTransportException.class);
    assertThat(e.requestSent()).isTrue();
    assertThat(e.callMayHaveBeenPlaced()).isTrue();
    // named like every other exception: relative to the base URL, not /v1/call
    assertThat(e.method() + " " + e.path()).isEqualTo("POST /call");
    assertThat(e.getMessage()).startsWith("POST /call ").contains(MAY_HAVE_BEEN_PLACED);
    verifySentOnce();
    assertThat(client.waits()).isEmpty();
  }

  @Test
  void anEmptyResponseIsNotRetried() {
    api.stubFor(post(CALLS).willReturn(aResponse().withFault(Fault.EMPTY_RESPONSE)));
    ClientDriver client = connect(api.config());

    ClarionTransportException e = catchThrowableOfType(ClarionTransportException.class,
        () -> client.create(createCall()));

    assertThat(e.requestSent()).isTrue();
    assertThat(e.callMayHaveBeenPlaced()).isTrue();
    verifySentOnce();
    assertThat(client.waits()).isEmpty();
  }

  @Test
  void aResponseSlowerThanTheRequestTimeoutIsNotRetried() {
    api.stubFor(post(CALLS).willReturn(okJson("{\"id\":1}").withTransformers(HeldAnswers.NAME)));
    ClientDriver impatient = connect(api.config().timeoutsRunOnceHeld(Duration.ofMillis(50)));

    ClarionTimeoutException e = catchThrowableOfType(ClarionTimeoutException.class,
        () -> impatient.create(createCall()));

    assertThat(e.requestSent()).isTrue();
    assertThat(e.callMayHaveBeenPlaced()).isTrue();
    assertThat(e.getMessage()).contains(MAY_HAVE_BEEN_PLACED);
    // the client has given up without a retry: its failure ended the call
    assertThat(api.timeline().events()).containsExactly(POST);
    api.releaseAndAwaitAnswered(1);
    verifySentOnce();
    assertThat(impatient.waits()).isEmpty();
  }

  @Test
  void aRateLimitIsRetriedAfterTheBackoffBecauseTheServerDidNothing() {
    api.stubFor(post(CALLS).inScenario("429").whenScenarioStateIs(STARTED)
        .willReturn(aResponse().withStatus(429)).willSetStateTo("free"));
    api.stubFor(post(CALLS).inScenario("429").whenScenarioStateIs("free")
        .willReturn(okJson("{\"id\":77,\"call_status\":\"queued\"}")));
    ClientDriver client = connect(api.config());

    Call call = client.create(createCall());

    assertThat(call.getId()).isEqualTo(77L);
    api.verify(2, postRequestedFor(urlEqualTo(CALLS))
        .withHeader("Authorization", equalTo(BEARER)).withRequestBody(equalToJson(CREATE_CALL_BODY)));
    assertThat(client.waits()).containsExactly(Duration.ofMillis(250));
  }

  @Test
  void aRateLimitIsRetriedAfterExactlyItsRetryAfter() {
    api.stubFor(post(CALLS).inScenario("429").whenScenarioStateIs(STARTED)
        .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "2")).willSetStateTo("ok"));
    api.stubFor(post(CALLS).inScenario("429").whenScenarioStateIs("ok")
        .willReturn(okJson("{\"id\":77,\"call_status\":\"queued\"}")));
    ClientDriver client = connect(api.config());

    assertThat(client.create(createCall()).getId()).isEqualTo(77L);

    // exactly as asked, no jitter, and nothing sent during the wait
    assertThat(client.waits()).containsExactly(Duration.ofSeconds(2));
    assertThat(api.timeline().events()).containsExactly(POST, "wait 2000 ms", POST);
    api.verify(2, postRequestedFor(urlEqualTo(CALLS)).withRequestBody(equalTo(CREATE_CALL_BODY)));
  }

  @ParameterizedTest
  @ValueSource(ints = {61, 3600})
  void aRateLimitLongerThanTheMaximumFailsAtOnceWithoutPlacingTheCall(int seconds) {
    api.stubFor(post(CALLS).willReturn(aResponse().withStatus(429).withHeader("Retry-After", String.valueOf(seconds))));
    ClientDriver client = connect(api.config());

    RateLimitException e = catchThrowableOfType(RateLimitException.class, () -> client.create(createCall()));

    assertThat(e.retryAfter()).contains(Duration.ofSeconds(seconds));
    assertThat(e.callMayHaveBeenPlaced()).isFalse();
    assertThat(e.getMessage()).doesNotContain("may have been placed");
    verifySentOnce();
    assertThat(client.waits()).isEmpty();
  }

  @Test
  void aRefusedConnectionIsRetriedAndDoesNotSayTheCallMayHaveBeenPlaced() throws IOException {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      closedPort = socket.getLocalPort();
    }
    ClientDriver nowhere = connect(api.config().baseUrl("http://127.0.0.1:" + closedPort + "/v1"));

    ClarionTransportException e = catchThrowableOfType(ClarionTransportException.class,
        () -> nowhere.create(createCall()));

    assertThat(e).isExactlyInstanceOf(ClarionTransportException.class);
    assertThat(e.requestSent()).isFalse();
    assertThat(e.path()).isEqualTo("/call");
    assertThat(e.callMayHaveBeenPlaced()).isFalse();
    assertThat(e.getMessage()).doesNotContain("may have been placed");
    // the default two retries, after 250 ms and 500 ms of (recorded) backoff: full jitter at one half
    assertThat(nowhere.waits()).containsExactly(Duration.ofMillis(250), Duration.ofMillis(500));
    assertThat(api.timeline().arrivals()).isZero();
  }

  @Test
  void aRejectedCreateIsFinal() {
    // a 401 on POST: not retried, and not "may have been placed"
    api.stubFor(post(CALLS).willReturn(aResponse().withStatus(401)));
    ClientDriver client = connect(api.config());

    AuthenticationException e = catchThrowableOfType(AuthenticationException.class, () -> client.create(createCall()));

    assertThat(e.callMayHaveBeenPlaced()).isFalse();
    verifySentOnce();
    assertThat(client.waits()).isEmpty();
  }

  @Test
  void aCreateIsNeverResentToAnotherPathNorWithAnotherBody() {
    // first refused with 429 (retried: the server did nothing), then redirected (never followed)
    api.stubFor(post(CALLS).inScenario("moved").whenScenarioStateIs(STARTED)
        .willReturn(aResponse().withStatus(429)).willSetStateTo("moved"));
    api.stubFor(post(CALLS).inScenario("moved").whenScenarioStateIs("moved")
        .willReturn(aResponse().withStatus(308).withHeader("Location", "/v1/call-elsewhere")));
    ClientDriver client = connect(api.config());

    UnexpectedStatusException e = catchThrowableOfType(UnexpectedStatusException.class,
        () -> client.create(createCall()));

    assertThat(e.statusCode()).isEqualTo(308);
    assertThat(e.callMayHaveBeenPlaced()).isFalse();
    // the retry is the same request, byte for byte in its body, to the same path; nothing went elsewhere
    assertThat(api.served()).hasSize(2).allSatisfy(sent -> {
      assertThat(sent.getRequest().getUrl()).isEqualTo(CALLS);
      assertThat(sent.getRequest().getBodyAsString()).isEqualTo(CREATE_CALL_BODY);
      assertThat(sent.getRequest().getHeader("Authorization")).isEqualTo("Bearer " + API_KEY);
    });
    api.verify(0, anyRequestedFor(urlEqualTo("/v1/call-elsewhere")));
    assertThat(api.timeline().arrivals()).isEqualTo(2);
  }
}
