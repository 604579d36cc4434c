package com.clarionhealth.client.blocking;

import static com.clarionhealth.client.blocking.TestSupport.BEARER;
import static com.clarionhealth.client.blocking.TestSupport.CALLS;
import static com.clarionhealth.client.blocking.TestSupport.callJson;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.clarionhealth.client.BadRequestException;
import com.clarionhealth.client.ClarionTransportException;
import com.clarionhealth.client.InternalServerException;
import com.clarionhealth.client.ListCallsParams;
import com.clarionhealth.client.RateLimitException;
import com.clarionhealth.client.blocking.TestSupport.RecordingSleeper;
import com.clarionhealth.client.model.Call;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Retries of {@code GET /call}: which failures, how many times, after which waits (recorded, not slept). */
class RetryTest {
  @RegisterExtension
  static WireMockExtension server = TestSupport.server();

  private final RecordingSleeper sleeper = new RecordingSleeper();
  private final ClarionClient client = TestSupport.client(server, sleeper).build();

  /** The first GET gets {@code failure}, every later one the list. */
  static void failOnceThenServe(ResponseDefinitionBuilder failure) {
    server.stubFor(get(urlPathEqualTo(CALLS)).inScenario("retry").whenScenarioStateIs(STARTED)
        .willReturn(failure).willSetStateTo("recovered"));
    server.stubFor(get(urlPathEqualTo(CALLS)).inScenario("retry").whenScenarioStateIs("recovered")
        .willReturn(okJson("[" + callJson(1) + "]")));
  }

  @ParameterizedTest
  @ValueSource(ints = {408, 500, 502, 503, 504})
  void aTransientStatusIsRetriedAfterAJitteredBackoff(int status) {
    failOnceThenServe(aResponse().withStatus(status));

    List<Call> calls = client.calls().list(ListCallsParams.builder().limit(5).build());

    assertThat(calls).extracting(Call::getId).containsExactly(1L);
    server.verify(2, getRequestedFor(urlEqualTo(CALLS + "?limit=5")).withHeader("Authorization", equalTo(BEARER)));
    // full jitter over a 500 ms ceiling, with the random source at one half
    assertThat(sleeper.sleeps).containsExactly(Duration.ofMillis(250));
  }

  @Test
  void theBackoffDoublesUntilRetriesRunOut() {
    server.stubFor(get(urlPathEqualTo(CALLS)).willReturn(aResponse().withStatus(503).withBody("down")));

    assertThatThrownBy(() -> client.calls().list())
        .isInstanceOfSatisfying(InternalServerException.class, e -> {
          assertThat(e.statusCode()).isEqualTo(503);
          assertThat(e.callMayHaveBeenPlaced()).isFalse();
          assertThat(e.getMessage()).doesNotContain("may have been placed");
        });

    server.verify(3, getRequestedFor(urlEqualTo(CALLS)));
    assertThat(sleeper.sleeps).containsExactly(Duration.ofMillis(250), Duration.ofMillis(500));
  }

  @Test
  void retryAfterInSecondsIsWaitedExactly() {
    failOnceThenServe(aResponse().withStatus(429).withHeader("Retry-After", "3"));

    assertThat(client.calls().list()).hasSize(1);

    server.verify(2, getRequestedFor(urlEqualTo(CALLS)));
    assertThat(sleeper.sleeps).containsExactly(Duration.ofSeconds(3));
  }

  @Test
  void retryAfterAsAnHttpDateIsMeasuredWithTheClientsClock() {
    // TestSupport.NOW is 2026-03-01T12:00:00Z, a Sunday
    failOnceThenServe(aResponse().withStatus(503).withHeader("Retry-After", "Sun, 01 Mar 2026 12:00:07 GMT"));

    assertThat(client.calls().list()).hasSize(1);

    server.verify(2, getRequestedFor(urlEqualTo(CALLS)));
    assertThat(sleeper.sleeps).containsExactly(Duration.ofSeconds(7));
  }

  @Test
  void retryAfterAboveTheMaximumFailsAtOnceWithTheDelay() {
    server.stubFor(get(urlPathEqualTo(CALLS)).willReturn(aResponse().withStatus(429).withHeader("Retry-After", "61")));

    assertThatThrownBy(() -> client.calls().list())
        .isInstanceOfSatisfying(RateLimitException.class,
            e -> assertThat(e.retryAfter()).contains(Duration.ofSeconds(61)));

    server.verify(1, getRequestedFor(urlEqualTo(CALLS)));
    assertThat(sleeper.sleeps).isEmpty();
  }

  @Test
  void maxRetryAfterIsConfigurable() {
    ClarionClient patient = TestSupport.client(server, sleeper).maxRetryAfter(Duration.ofMinutes(5)).build();
    failOnceThenServe(aResponse().withStatus(429).withHeader("Retry-After", "120"));

    assertThat(patient.calls().list()).hasSize(1);

    server.verify(2, getRequestedFor(urlEqualTo(CALLS)));
    assertThat(sleeper.sleeps).containsExactly(Duration.ofSeconds(120));
  }

  @Test
  void maxRetriesZeroSendsOneRequest() {
    ClarionClient once = TestSupport.client(server, sleeper).maxRetries(0).build();
    failOnceThenServe(aResponse().withStatus(503));

    assertThatThrownBy(() -> once.calls().list()).isInstanceOf(InternalServerException.class);

    server.verify(1, getRequestedFor(urlEqualTo(CALLS)));
    assertThat(sleeper.sleeps).isEmpty();
  }

  @Test
  void aClientErrorIsNotRetried() {
    failOnceThenServe(aResponse().withStatus(400).withBody("{\"error\":\"bad limit\"}"));

    assertThatThrownBy(() -> client.calls().list()).isInstanceOf(BadRequestException.class);

    server.verify(1, getRequestedFor(urlEqualTo(CALLS)));
    assertThat(sleeper.sleeps).isEmpty();
  }

  @Test
  void aConnectionResetIsRetried() {
    failOnceThenServe(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER));

    assertThat(client.calls().list()).extracting(Call::getId).containsExactly(1L);

    server.verify(2, getRequestedFor(urlEqualTo(CALLS)).withHeader("Authorization", equalTo(BEARER)));
    assertThat(sleeper.sleeps).containsExactly(Duration.ofMillis(250));
  }

  @Test
  void anEmptyResponseIsRetried() {
    failOnceThenServe(aResponse().withFault(Fault.EMPTY_RESPONSE));

    assertThat(client.calls().list()).hasSize(1);

    server.verify(2, getRequestedFor(urlEqualTo(CALLS)));
    assertThat(sleeper.sleeps).hasSize(1);
  }

  @Test
  void anInterruptDuringTheBackoffEndsTheRequestAndKeepsTheInterruptFlag() {
    ClarionClient client = TestSupport.client(server, duration -> {
      throw new InterruptedException("shutting down");
    }).build();
    failOnceThenServe(aResponse().withStatus(503));

    try {
      assertThatThrownBy(() -> client.calls().list())
          .isInstanceOfSatisfying(ClarionTransportException.class, e -> assertThat(e.getCause())
              .isInstanceOf(InterruptedException.class));
      assertThat(Thread.currentThread().isInterrupted()).isTrue();
    } finally {
      Thread.interrupted();
    }
    server.verify(1, getRequestedFor(urlEqualTo(CALLS)));
  }
}
