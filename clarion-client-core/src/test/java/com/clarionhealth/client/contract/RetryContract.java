package com.clarionhealth.client.contract;

import static com.clarionhealth.client.contract.ContractSupport.BEARER;
import static com.clarionhealth.client.contract.ContractSupport.CALLS;
import static com.clarionhealth.client.contract.ContractSupport.page;
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
import com.clarionhealth.client.CallQuery;
import com.clarionhealth.client.InternalServerException;
import com.clarionhealth.client.ListCallsParams;
import com.clarionhealth.client.RateLimitException;
import com.clarionhealth.client.model.Call;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Fault;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Retries of {@code GET /call}: which failures, how many times, after which waits. The waits are
 * recorded, not slept, and the {@link Timeline} shows that nothing was sent during one.
 */
public abstract class RetryContract extends ClientContract {
  @RegisterExtension
  protected static final FakeApi api = new FakeApi();

  private static final String WAIT_250_MS = "wait 250 ms";
  private static final String GET = "GET " + CALLS;

  /** The first GET gets {@code failure}, every later one the list of call 1. */
  protected static void failOnceThenServe(ResponseDefinitionBuilder failure) {
    failThenServe(1, failure);
  }

  /** The first {@code times} GETs get {@code failure}, every later one the list of call 1. */
  protected static void failThenServe(int times, ResponseDefinitionBuilder failure) {
    String state = STARTED;
    for (int i = 1; i <= times; i++) {
      String next = i == times ? "recovered" : "failed " + i;
      api.stubFor(get(urlPathEqualTo(CALLS)).inScenario("retry").whenScenarioStateIs(state)
          .willReturn(failure).willSetStateTo(next));
      state = next;
    }
    api.stubFor(get(urlPathEqualTo(CALLS)).inScenario("retry").whenScenarioStateIs("recovered")
        .willReturn(okJson(page(1))));
  }

  @ParameterizedTest
  @ValueSource(ints = {408, 500, 502, 503, 504})
  void aTransientStatusIsRetriedAfterAJitteredBackoff(int status) {
    failOnceThenServe(aResponse().withStatus(status));
    ClientDriver client = connect(api.config());

    List<Call> calls = client.list(ListCallsParams.builder().limit(5).build());

    assertThat(calls).extracting(Call::getId).containsExactly(1L);
    api.verify(2, getRequestedFor(urlEqualTo(CALLS + "?limit=5")).withHeader("Authorization", equalTo(BEARER)));
    // full jitter over a 500 ms ceiling, with the random source at one half; nothing sent meanwhile
    assertThat(client.waits()).containsExactly(Duration.ofMillis(250));
    assertThat(api.timeline().events()).containsExactly(GET + "?limit=5", WAIT_250_MS, GET + "?limit=5");
  }

  @Test
  void theBackoffDoublesUntilRetriesRunOut() {
    api.stubFor(get(urlPathEqualTo(CALLS)).willReturn(aResponse().withStatus(503).withBody("down")));
    ClientDriver client = connect(api.config());

    assertThatThrownBy(client::list)
        .isInstanceOfSatisfying(InternalServerException.class, e -> {
          assertThat(e.statusCode()).isEqualTo(503);
          assertThat(e.callMayHaveBeenPlaced()).isFalse();
          assertThat(e.getMessage()).doesNotContain("may have been placed");
        });

    api.verify(3, getRequestedFor(urlEqualTo(CALLS)));
    assertThat(client.waits()).containsExactly(Duration.ofMillis(250), Duration.ofMillis(500));
    assertThat(api.timeline().events()).containsExactly(GET, WAIT_250_MS, GET, "wait 500 ms", GET);
  }

  @Test
  void retryAfterInSecondsIsWaitedExactly() {
    failOnceThenServe(aResponse().withStatus(429).withHeader("Retry-After", "3"));
    ClientDriver client = connect(api.config());

    assertThat(client.list()).hasSize(1);

    api.verify(2, getRequestedFor(urlEqualTo(CALLS)));
    assertThat(client.waits()).containsExactly(Duration.ofSeconds(3));
    assertThat(api.timeline().events()).containsExactly(GET, "wait 3000 ms", GET);
  }

  @Test
  void retryAfterAsAnHttpDateIsMeasuredWithTheClientsClock() {
    // the clock is at ContractSupport.NOW, 2026-03-01T12:00:00Z, a Sunday
    failOnceThenServe(aResponse().withStatus(503).withHeader("Retry-After", "Sun, 01 Mar 2026 12:00:07 GMT"));
    ClientDriver client = connect(api.config());

    assertThat(client.list()).hasSize(1);

    api.verify(2, getRequestedFor(urlEqualTo(CALLS)));
    assertThat(client.waits()).containsExactly(Duration.ofSeconds(7));
  }

  @Test
  void retryAfterAboveTheMaximumFailsAtOnceWithTheDelay() {
    api.stubFor(get(urlPathEqualTo(CALLS)).willReturn(aResponse().withStatus(429).withHeader("Retry-After", "61")));
    ClientDriver client = connect(api.config());

    assertThatThrownBy(client::list)
        .isInstanceOfSatisfying(RateLimitException.class, e -> {
          assertThat(e.retryAfter()).contains(Duration.ofSeconds(61));
          assertThat(e.statusCode()).isEqualTo(429);
        });

    api.verify(1, getRequestedFor(urlEqualTo(CALLS)));
    assertThat(client.waits()).isEmpty();
  }

  @Test
  void maxRetryAfterIsConfigurable() {
    failOnceThenServe(aResponse().withStatus(429).withHeader("Retry-After", "120"));
    ClientDriver patient = connect(api.config().maxRetryAfter(Duration.ofMinutes(5)));

    assertThat(patient.list()).hasSize(1);

    api.verify(2, getRequestedFor(urlEqualTo(CALLS)));
    assertThat(patient.waits()).containsExactly(Duration.ofSeconds(120));
  }

  @Test
  void maxRetriesZeroSendsOneRequest() {
    failOnceThenServe(aResponse().withStatus(503));
    ClientDriver once = connect(api.config().maxRetries(0));

    assertThatThrownBy(once::list).isInstanceOf(InternalServerException.class);

    api.verify(1, getRequestedFor(urlEqualTo(CALLS)));
    assertThat(once.waits()).isEmpty();
  }

  @Test
  void aClientErrorIsNotRetried() {
    failOnceThenServe(aResponse().withStatus(400).withBody("{\"error\":\"bad limit\"}"));
    ClientDriver client = connect(api.config());

    assertThatThrownBy(client::list).isInstanceOf(BadRequestException.class);

    api.verify(1, getRequestedFor(urlEqualTo(CALLS)));
    assertThat(client.waits()).isEmpty();
  }

  @Test
  void aConnectionResetIsRetried() {
    ClientDriver client = connect(api.config());
    // one failed attempt of the client's: the GET and the library's own resends of it all reset
    int sends = 1 + client.libraryResendsOfAnUnansweredGet();
    failThenServe(sends, aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER));

    assertThat(client.list()).extracting(Call::getId).containsExactly(1L);

    api.verify(sends + 1, getRequestedFor(urlEqualTo(CALLS)).withHeader("Authorization", equalTo(BEARER)));
    assertThat(client.waits()).containsExactly(Duration.ofMillis(250));
    List<String> expected = new ArrayList<>(Collections.nCopies(sends, GET));
    expected.add(WAIT_250_MS);
    expected.add(GET);
    assertThat(api.timeline().events()).containsExactlyElementsOf(expected);
  }

  @Test
  void anEmptyResponseIsRetried() {
    ClientDriver client = connect(api.config());
    int sends = 1 + client.libraryResendsOfAnUnansweredGet();
    failThenServe(sends, aResponse().withFault(Fault.EMPTY_RESPONSE));

    assertThat(client.list()).hasSize(1);

    api.verify(sends + 1, getRequestedFor(urlEqualTo(CALLS)));
    assertThat(client.waits()).containsExactly(Duration.ofMillis(250));
  }

  @Test
  void aSlowResponseTimesOutAndIsRetried() {
    // the first answer (call 1) is held back past the timeout; the retry's (call 2) comes at once
    api.stubFor(get(urlPathEqualTo(CALLS)).inScenario("slow").whenScenarioStateIs(STARTED)
        .willReturn(okJson(page(1)).withTransformers(HeldAnswers.NAME)).willSetStateTo("fast"));
    api.stubFor(get(urlPathEqualTo(CALLS)).inScenario("slow").whenScenarioStateIs("fast")
        .willReturn(okJson(page(2))));
    ClientDriver impatient = connect(api.config().timeoutsRunOnceHeld(Duration.ofMillis(50)));

    assertThat(impatient.list()).extracting(Call::getId).containsExactly(2L);

    assertThat(impatient.waits()).containsExactly(Duration.ofMillis(250));
    assertThat(api.timeline().events()).containsExactly(GET, WAIT_250_MS, GET);
    api.releaseAndAwaitAnswered(2);
    api.verify(2, getRequestedFor(urlEqualTo(CALLS)).withHeader("Authorization", equalTo(BEARER)));
  }

  @Test
  void aStreamRetriesItsWindowAndStillDeliversEveryCallOnce() {
    Instant t0 = Instant.parse("2026-01-01T00:00:00Z");
    failOnceThenServe(aResponse().withStatus(503));
    ClientDriver client = connect(api.config());

    assertThat(client.stream(CallQuery.between(t0, t0.plusSeconds(60)))).extracting(Call::getId).containsExactly(1L);

    // the same window, asked again
    String window = CALLS + "?limit=1000&createdAtGe=2026-01-01T00%3A00%3A00.000Z&createdAtLe=2026-01-01T00%3A01%3A00.000Z";
    assertThat(api.served()).extracting(e -> e.getRequest().getUrl()).containsExactly(window, window);
    assertThat(client.waits()).containsExactly(Duration.ofMillis(250));
  }
}
