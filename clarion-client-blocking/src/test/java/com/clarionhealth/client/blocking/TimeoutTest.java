package com.clarionhealth.client.blocking;

import static com.clarionhealth.client.blocking.TestSupport.CALLS;
import static com.clarionhealth.client.blocking.TestSupport.callJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.clarionhealth.client.ClarionTimeoutException;
import com.clarionhealth.client.blocking.TestSupport.RecordingSleeper;
import com.clarionhealth.client.model.Call;
import com.clarionhealth.client.model.CreateCall;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The request timeout covers the whole exchange, body included: a server that sends its headers and
 * then stalls does not hang the caller. These tests take real time, a few hundred milliseconds each.
 */
class TimeoutTest {
  @RegisterExtension
  static WireMockExtension server = TestSupport.server();

  private final RecordingSleeper sleeper = new RecordingSleeper();
  private final ClarionClient client = TestSupport.client(server, sleeper).requestTimeout(Duration.ofMillis(200))
      .build();

  /** WireMock logs a request once it has answered it: wait for the slow answers to be logged. */
  private static void awaitLogged(int requests) throws InterruptedException {
    for (int i = 0; i < 60 && server.getAllServeEvents().size() < requests; i++) {
      Thread.sleep(50);
    }
  }

  @Test
  void aCreateWhoseBodyStallsAfterTheHeadersTimesOutOnceAndMayHaveBeenPlaced() throws InterruptedException {
    server.stubFor(post(CALLS).willReturn(okJson("{\"id\":1,\"call_status\":\"queued\",\"transcript\":\"......\"}")
        .withChunkedDribbleDelay(10, 1000)));

    ClarionTimeoutException e = catchThrowableOfType(ClarionTimeoutException.class,
        () -> client.calls().create(new CreateCall().assistantId(7L).destinationPhoneNumber("+14155550123")));

    assertThat(e.requestSent()).isTrue();
    assertThat(e.callMayHaveBeenPlaced()).isTrue();
    assertThat(e.getMessage()).contains("POST /call").contains("may have been placed");
    awaitLogged(1);
    server.verify(1, postRequestedFor(urlEqualTo(CALLS)));
    assertThat(sleeper.sleeps).isEmpty();
  }

  @Test
  void aSlowListIsRetriedAfterItsTimeout() throws InterruptedException {
    // a timeout the fast retry meets even on a loaded machine with a cold JVM
    ClarionClient client = TestSupport.client(server, sleeper).requestTimeout(Duration.ofMillis(400)).build();
    server.stubFor(get(urlPathEqualTo(CALLS)).inScenario("slow").whenScenarioStateIs(STARTED)
        .willReturn(okJson("[" + callJson(1) + "]").withFixedDelay(1200)).willSetStateTo("fast"));
    server.stubFor(get(urlPathEqualTo(CALLS)).inScenario("slow").whenScenarioStateIs("fast")
        .willReturn(okJson("[" + callJson(2) + "]")));

    assertThat(client.calls().list()).extracting(Call::getId).containsExactly(2L);

    awaitLogged(2);
    server.verify(2, getRequestedFor(urlEqualTo(CALLS)));
    assertThat(sleeper.sleeps).containsExactly(Duration.ofMillis(250));
  }

  @Test
  void aListWhoseBodyStallsTimesOutOnEveryAttempt() throws InterruptedException {
    ClarionClient once = TestSupport.client(server, sleeper).requestTimeout(Duration.ofMillis(150)).maxRetries(1)
        .build();
    server.stubFor(get(urlPathEqualTo(CALLS)).willReturn(okJson("[" + callJson(1) + "," + callJson(2) + "]")
        .withChunkedDribbleDelay(10, 800)));

    ClarionTimeoutException e = catchThrowableOfType(ClarionTimeoutException.class, () -> once.calls().list());

    assertThat(e.requestSent()).isTrue();
    assertThat(e.callMayHaveBeenPlaced()).isFalse();
    awaitLogged(2);
    server.verify(2, getRequestedFor(urlEqualTo(CALLS)));
    assertThat(sleeper.sleeps).hasSize(1);
  }

  @Test
  void aCenturyLongTimeoutIsAccepted() {
    Duration century = Duration.ofDays(36_525);
    ClarionClient patient = TestSupport.client(server, sleeper).requestTimeout(century).connectTimeout(century).build();
    server.stubFor(get(urlPathEqualTo(CALLS)).willReturn(okJson("[" + callJson(3) + "]")));

    assertThat(patient.calls().list()).extracting(Call::getId).containsExactly(3L);

    server.verify(1, getRequestedFor(urlEqualTo(CALLS)));
  }
}
