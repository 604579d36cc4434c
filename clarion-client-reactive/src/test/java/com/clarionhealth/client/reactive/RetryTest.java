package com.clarionhealth.client.reactive;

import com.clarionhealth.client.internal.Seams;
import static com.clarionhealth.client.reactive.TestSupport.BEARER;
import static com.clarionhealth.client.reactive.TestSupport.CALLS;
import static com.clarionhealth.client.reactive.TestSupport.TIMEOUT;
import static com.clarionhealth.client.reactive.TestSupport.callJson;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;

import com.clarionhealth.client.BadRequestException;
import com.clarionhealth.client.CallQuery;
import com.clarionhealth.client.InternalServerException;
import com.clarionhealth.client.ListCallsParams;
import com.clarionhealth.client.RateLimitException;
import com.clarionhealth.client.model.Call;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import reactor.test.StepVerifier;

/** Retries of {@code GET /call}: which failures, how many times, after which waits (on virtual time). */
class RetryTest {
  @RegisterExtension
  static WireMockExtension server = TestSupport.server();

  private final VirtualTimer timer = new VirtualTimer();
  private final ReactiveClarionClient client = Seams.random(TestSupport.client(server), () -> 0.5).timer(timer).build();

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

    StepVerifier.create(client.calls().list(ListCallsParams.builder().limit(5).build()).map(Call::getId))
        .then(() -> {
          // full jitter over a 500 ms ceiling, with the random source at one half
          assertThat(timer.awaitWait(1)).isEqualTo(Duration.ofMillis(250));
          assertThat(server.getAllServeEvents()).hasSize(1);
          timer.advanceBy(Duration.ofMillis(250));
        })
        .expectNext(1L)
        .expectComplete()
        .verify(TIMEOUT);

    server.verify(2, getRequestedFor(urlEqualTo(CALLS + "?limit=5")).withHeader("Authorization", equalTo(BEARER)));
  }

  @Test
  void theBackoffDoublesUntilRetriesRunOut() {
    server.stubFor(get(urlPathEqualTo(CALLS)).willReturn(aResponse().withStatus(503).withBody("down")));

    StepVerifier.create(client.calls().list())
        .then(() -> {
          timer.advanceBy(timer.awaitWait(1));
          timer.advanceBy(timer.awaitWait(2));
        })
        .expectErrorSatisfies(e -> {
          assertThat(e).isInstanceOf(InternalServerException.class);
          assertThat(((InternalServerException) e).statusCode()).isEqualTo(503);
          assertThat(((InternalServerException) e).callMayHaveBeenPlaced()).isFalse();
          assertThat(e.getMessage()).doesNotContain("may have been placed");
        })
        .verify(TIMEOUT);

    server.verify(3, getRequestedFor(urlEqualTo(CALLS)));
    assertThat(timer.waits()).containsExactly(Duration.ofMillis(250), Duration.ofMillis(500));
  }

  @Test
  void retryAfterInSecondsIsWaitedExactly() {
    failOnceThenServe(aResponse().withStatus(429).withHeader("Retry-After", "3"));

    StepVerifier.create(client.calls().list())
        .then(() -> timer.advanceBy(timer.awaitWait(1)))
        .expectNextCount(1)
        .expectComplete()
        .verify(TIMEOUT);

    server.verify(2, getRequestedFor(urlEqualTo(CALLS)));
    assertThat(timer.waits()).containsExactly(Duration.ofSeconds(3));
  }

  @Test
  void retryAfterAsAnHttpDateIsMeasuredWithTheClientsClock() {
    // TestSupport.NOW is 2026-03-01T12:00:00Z, a Sunday
    failOnceThenServe(aResponse().withStatus(503).withHeader("Retry-After", "Sun, 01 Mar 2026 12:00:07 GMT"));

    StepVerifier.create(client.calls().list())
        .then(() -> timer.advanceBy(timer.awaitWait(1)))
        .expectNextCount(1)
        .expectComplete()
        .verify(TIMEOUT);

    assertThat(timer.waits()).containsExactly(Duration.ofSeconds(7));
  }

  @Test
  void retryAfterAboveTheMaximumFailsAtOnceWithTheDelay() {
    server.stubFor(get(urlPathEqualTo(CALLS)).willReturn(aResponse().withStatus(429).withHeader("Retry-After", "61")));

    StepVerifier.create(client.calls().list())
        .expectErrorSatisfies(e -> {
          assertThat(e).isInstanceOf(RateLimitException.class);
          assertThat(((RateLimitException) e).retryAfter()).contains(Duration.ofSeconds(61));
          assertThat(((RateLimitException) e).statusCode()).isEqualTo(429);
        })
        .verify(TIMEOUT);

    server.verify(1, getRequestedFor(urlEqualTo(CALLS)));
    assertThat(timer.waits()).isEmpty();
  }

  @Test
  void maxRetryAfterIsConfigurable() {
    ReactiveClarionClient patient = TestSupport.client(server).maxRetryAfter(Duration.ofMinutes(5)).timer(timer).build();
    failOnceThenServe(aResponse().withStatus(429).withHeader("Retry-After", "120"));

    StepVerifier.create(patient.calls().list())
        .then(() -> timer.advanceBy(timer.awaitWait(1)))
        .expectNextCount(1)
        .expectComplete()
        .verify(TIMEOUT);

    assertThat(timer.waits()).containsExactly(Duration.ofSeconds(120));
  }

  @Test
  void maxRetriesZeroSendsOneRequest() {
    ReactiveClarionClient once = TestSupport.client(server).maxRetries(0).timer(timer).build();
    failOnceThenServe(aResponse().withStatus(503));

    StepVerifier.create(once.calls().list()).expectError(InternalServerException.class).verify(TIMEOUT);

    server.verify(1, getRequestedFor(urlEqualTo(CALLS)));
    assertThat(timer.waits()).isEmpty();
  }

  @Test
  void aClientErrorIsNotRetried() {
    failOnceThenServe(aResponse().withStatus(400).withBody("{\"error\":\"bad limit\"}"));

    StepVerifier.create(client.calls().list()).expectError(BadRequestException.class).verify(TIMEOUT);

    server.verify(1, getRequestedFor(urlEqualTo(CALLS)));
    assertThat(timer.waits()).isEmpty();
  }

  @Test
  void aConnectionResetIsRetried() {
    failOnceThenServe(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER));

    StepVerifier.create(client.calls().list().map(Call::getId))
        .then(() -> timer.advanceBy(timer.awaitWait(1)))
        .expectNext(1L)
        .expectComplete()
        .verify(TIMEOUT);

    server.verify(2, getRequestedFor(urlEqualTo(CALLS)).withHeader("Authorization", equalTo(BEARER)));
  }

  @Test
  void aSlowResponseTimesOutAndIsRetried() {
    Duration requestTimeout = Duration.ofSeconds(1);
    VirtualTimer timer = new VirtualTimer(requestTimeout);
    ReactiveClarionClient impatient = Seams.random(TestSupport.client(server).requestTimeout(requestTimeout), () -> 0.5).timer(timer).build();
    failOnceThenServe(okJson("[]").withFixedDelay(3000));

    StepVerifier.create(impatient.calls().list().map(Call::getId))
        .then(() -> {
          TestSupport.await("the first GET", () -> server.getAllServeEvents().size() == 1);
          timer.advanceBy(requestTimeout);
          timer.advanceBy(timer.awaitWait(1));
        })
        .expectNext(1L)
        .expectComplete()
        .verify(TIMEOUT);

    server.verify(2, getRequestedFor(urlEqualTo(CALLS)));
  }

  @Test
  void aStreamRetriesItsWindowAndStillDeliversEveryCallOnce() {
    Instant t0 = Instant.parse("2026-01-01T00:00:00Z");
    failOnceThenServe(aResponse().withStatus(503));

    StepVerifier.create(client.calls().stream(CallQuery.between(t0, t0.plusSeconds(60))).map(Call::getId))
        .then(() -> timer.advanceBy(timer.awaitWait(1)))
        .expectNext(1L)
        .expectComplete()
        .verify(TIMEOUT);

    // the same window, asked again
    assertThat(TestSupport.served(server)).extracting(e -> e.getRequest().getUrl()).containsExactly(
        CALLS + "?limit=1000&createdAtGe=2026-01-01T00%3A00%3A00.000Z&createdAtLe=2026-01-01T00%3A01%3A00.000Z",
        CALLS + "?limit=1000&createdAtGe=2026-01-01T00%3A00%3A00.000Z&createdAtLe=2026-01-01T00%3A01%3A00.000Z");
  }
}
