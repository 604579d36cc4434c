package com.clarionhealth.client.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.clarionhealth.client.ClarionDecodingException;
import com.clarionhealth.client.ClarionException;
import com.clarionhealth.client.ClarionTimeoutException;
import com.clarionhealth.client.ClarionTransportException;
import com.clarionhealth.client.InternalServerException;
import com.clarionhealth.client.RateLimitException;
import com.clarionhealth.client.blocking.ClarionClient;
import com.clarionhealth.client.model.Call;
import com.clarionhealth.client.model.CreateCall;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Faults by method and share, reproducible from the seed; and what each means for POST /call. */
class FaultTest {
  static final String VALID = "{\"assistant_id\":1,\"destination_phone_number\":\"+14155550123\"}";
  static ClarionSandbox sandbox;
  static Http http;
  static ClarionClient noRetries;

  @BeforeAll
  static void start() {
    sandbox = ClarionSandbox.start();
    http = new Http(sandbox);
    noRetries = ClarionClient.builder().baseUrl(sandbox.baseUrl()).apiKey(sandbox.apiKey()).maxRetries(0).build();
  }

  @AfterAll
  static void stop() {
    sandbox.close();
  }

  @BeforeEach
  void reset() {
    sandbox.reset();
    sandbox.seed(50, Instant.parse("2026-03-01T00:00:00Z"), Instant.parse("2026-03-02T00:00:00Z"),
        Distribution.UNIFORM, 1);
  }

  private static CreateCall createCall() {
    return new CreateCall().assistantId(1L).destinationPhoneNumber("+14155550123");
  }

  @Test
  void aRuleOnGetLeavesPostAloneAndAnswers429WithRetryAfterInSeconds() {
    sandbox.addFault(FaultRule.rateLimited(Duration.ofMillis(2500)).onGet());

    Http.Response get = http.get("");
    assertThat(get.status()).isEqualTo(429);
    assertThat(get.raw().headers().firstValue("Retry-After")).hasValue("3");
    assertThat(http.post(VALID).status()).isEqualTo(200);
    assertThatThrownBy(() -> noRetries.calls().list()).isInstanceOfSatisfying(RateLimitException.class,
        e -> assertThat(e.retryAfter()).contains(Duration.ofSeconds(3)));
    assertThat(sandbox.requests()).extracting(r -> r.fault().orElse(null))
        .containsExactly(FaultRule.Kind.RATE_LIMITED, null, FaultRule.Kind.RATE_LIMITED);
  }

  @Test
  void sharesAreDrawnPerMethodReproduciblyFromTheSeed() {
    sandbox.addFault(FaultRule.serviceUnavailable().onGet().share(0.3));
    List<Integer> alone = new ArrayList<>();
    for (int i = 0; i < 200; i++) {
      alone.add(http.get("limit=1").status());
    }
    long faulted = alone.stream().filter(s -> s == 503).count();
    assertThat(faulted).isBetween(35L, 85L);
    assertThat(alone).containsOnly(200, 503);

    // The same seed gives the same pattern, even with POSTs in between...
    sandbox.clearFaults();
    sandbox.addFault(FaultRule.serviceUnavailable().onGet().share(0.3));
    sandbox.addFault(FaultRule.rateLimited(Duration.ZERO).onPost().share(0.5));
    List<Integer> interleaved = new ArrayList<>();
    for (int i = 0; i < 200; i++) {
      interleaved.add(http.get("limit=1").status());
      http.post(VALID);
    }
    assertThat(interleaved).isEqualTo(alone);
    // ...and another sandbox with the same seed too; another seed does not.
    try (ClarionSandbox same = ClarionSandbox.start();
         ClarionSandbox other = ClarionSandbox.builder().seed(ClarionSandbox.DEFAULT_SEED + 1).start()) {
      assertThat(statuses(same, 200)).isEqualTo(alone);
      assertThat(statuses(other, 200)).isNotEqualTo(alone);
    }
  }

  private static List<Integer> statuses(ClarionSandbox s, int n) {
    s.addFault(FaultRule.serviceUnavailable().onGet().share(0.3));
    Http h = new Http(s);
    List<Integer> statuses = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      statuses.add(h.get("limit=1").status());
    }
    return statuses;
  }

  @Test
  void sharesSplitOneDrawBetweenRulesInOrderAndTimesLimitsARule() {
    sandbox.addFault(FaultRule.serviceUnavailable().onGet().share(1.0).times(2));
    assertThat(List.of(http.get("").status(), http.get("").status(), http.get("").status()))
        .containsExactly(503, 503, 200);

    sandbox.clearFaults();
    sandbox.addFault(FaultRule.serviceUnavailable().share(0.5));
    sandbox.addFault(FaultRule.rateLimited(Duration.ZERO).share(0.5));
    List<Integer> statuses = new ArrayList<>();
    for (int i = 0; i < 100; i++) {
      statuses.add(http.get("").status());
    }
    assertThat(statuses).containsOnly(503, 429).contains(503, 429);

    assertThatThrownBy(() -> sandbox.addFault(FaultRule.connectionReset().onGet().share(0.01)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("more than 1");
    assertThat(sandbox.faults()).hasSize(2);
  }

  @Test
  void onlyRequestsThatWouldSucceedAreFaulted() {
    sandbox.addFault(FaultRule.serviceUnavailable().onPost().times(1));

    assertThat(http.post("{\"assistant_id\":1}").status()).isEqualTo(422);
    assertThat(http.post(VALID, "Bearer nope").status()).isEqualTo(401);
    assertThat(http.post(VALID).status()).isEqualTo(503);
    assertThat(http.post(VALID).status()).isEqualTo(200);
  }

  @Test
  void postFailingAfterCreatingIsTheDangerousCaseTheCallExists() {
    sandbox.addFault(FaultRule.serviceUnavailable().onPost().times(1)); // callCreated() is the default

    ClarionClient client = ClarionClient.builder().baseUrl(sandbox.baseUrl()).apiKey(sandbox.apiKey()).build();
    assertThatThrownBy(() -> client.calls().create(createCall()))
        .isInstanceOfSatisfying(InternalServerException.class, e -> {
          assertThat(e.statusCode()).isEqualTo(503);
          assertThat(e.callMayHaveBeenPlaced()).isTrue();
        });

    assertThat(sandbox.callsCreated()).isEqualTo(1);
    List<RecordedRequest> posts = posts();
    assertThat(posts).as("never re-sent").singleElement().satisfies(post -> {
      assertThat(post.status()).hasValue(503);
      assertThat(post.fault()).contains(FaultRule.Kind.SERVICE_UNAVAILABLE);
      assertThat(post.createdCallId()).hasValue(51L);
    });
    assertThat(client.calls().list()).extracting(Call::getId).contains(51L);
  }

  @Test
  void postRefusedBeforeCreatingCreatesNothing() {
    sandbox.addFault(FaultRule.serviceUnavailable().onPost().times(1).callNotCreated());

    assertThatThrownBy(() -> noRetries.calls().create(createCall())).isInstanceOf(InternalServerException.class);

    assertThat(sandbox.callsCreated()).isZero();
    assertThat(posts()).singleElement().satisfies(post -> assertThat(post.createdCallId()).isEmpty());
    assertThat(sandbox.callCount()).isEqualTo(50);
  }

  @Test
  void a429IsARefusalTheClientMayRetryAndExactlyOneCallIsCreated() {
    sandbox.addFault(FaultRule.rateLimited(Duration.ZERO).onPost().times(2));

    ClarionClient client = ClarionClient.builder().baseUrl(sandbox.baseUrl()).apiKey(sandbox.apiKey()).build();
    Call call = client.calls().create(createCall());

    assertThat(posts()).extracting(r -> r.status().orElse(0)).containsExactly(429, 429, 200);
    assertThat(sandbox.callsCreated()).isEqualTo(1);
    assertThat(call.getId()).isEqualTo(51L);
    assertThatThrownBy(() -> FaultRule.rateLimited(Duration.ZERO).callCreated())
        .isInstanceOf(IllegalStateException.class);
  }

  @Test
  void aResetAfterCreatingIsReportedAsMaybePlacedAndAResetGetIsRetried() {
    sandbox.addFault(FaultRule.connectionReset().onPost().times(1));
    sandbox.addFault(FaultRule.connectionReset().onGet().times(1));

    assertThatThrownBy(() -> noRetries.calls().create(createCall()))
        .isInstanceOfSatisfying(ClarionTransportException.class, e -> {
          assertThat(e.requestSent()).isTrue();
          assertThat(e.callMayHaveBeenPlaced()).isTrue();
        });
    assertThat(sandbox.callsCreated()).isEqualTo(1);
    assertThat(posts()).singleElement().satisfies(post -> {
      assertThat(post.status()).isEmpty();
      assertThat(post.fault()).contains(FaultRule.Kind.CONNECTION_RESET);
    });

    ClarionClient client = ClarionClient.builder().baseUrl(sandbox.baseUrl()).apiKey(sandbox.apiKey()).build();
    assertThat(client.calls().list()).hasSize(51);
    assertThat(sandbox.requests().stream().filter(r -> r.method().equals("GET")))
        .extracting(r -> r.status().orElse(0)).containsExactly(0, 200);
  }

  @Test
  void aTruncatedBodyBreaksTheConnectionMidResponse() {
    sandbox.addFault(FaultRule.truncatedBody().times(2));

    HttpClient jdk = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    assertThatThrownBy(() -> jdk.send(http.request("/call").header("Authorization", "Bearer " + sandbox.apiKey())
        .GET().build(), HttpResponse.BodyHandlers.ofString())).isInstanceOf(IOException.class);
    assertThatThrownBy(() -> noRetries.calls().create(createCall()))
        .isInstanceOfSatisfying(ClarionException.class, e -> assertThat(e.callMayHaveBeenPlaced()).isTrue());
    assertThat(sandbox.callsCreated()).isEqualTo(1);
    assertThatThrownBy(() -> FaultRule.truncatedBody().callNotCreated()).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void malformedJsonIsACompleteResponseWhoseBodyStopsHalfway() {
    sandbox.addFault(FaultRule.malformedJson().onGet().times(1));

    Http.Response cut = http.get("limit=3");
    Http.Response whole = http.get("limit=3");
    assertThat(cut.status()).isEqualTo(200);
    assertThat(cut.body()).isEqualTo(whole.body().substring(0, whole.body().length() / 2));

    sandbox.addFault(FaultRule.malformedJson().onGet().times(1));
    assertThatThrownBy(() -> noRetries.calls().list()).isInstanceOf(ClarionDecodingException.class);
  }

  @Test
  void aDelayedPostTimesTheClientOutAfterTheCallWasCreatedOrBeforeWhenSaid() {
    ClarionClient impatient = ClarionClient.builder().baseUrl(sandbox.baseUrl()).apiKey(sandbox.apiKey())
        .requestTimeout(Duration.ofMillis(200)).build();
    sandbox.addFault(FaultRule.delay(Duration.ofMillis(700)).onPost().times(1));

    assertThatThrownBy(() -> impatient.calls().create(createCall()))
        .isInstanceOfSatisfying(ClarionTimeoutException.class,
            e -> assertThat(e.callMayHaveBeenPlaced()).isTrue());
    assertThat(sandbox.callsCreated()).isEqualTo(1);

    sandbox.clearFaults();
    sandbox.addFault(FaultRule.delay(Duration.ofMillis(700)).onPost().times(1).callNotCreated());
    assertThatThrownBy(() -> impatient.calls().create(createCall())).isInstanceOf(ClarionTimeoutException.class);
    assertThat(sandbox.callsCreated()).isEqualTo(1);
    assertThat(posts()).hasSize(2).allSatisfy(p -> assertThat(p.fault()).contains(FaultRule.Kind.DELAY));
    assertThat(posts().get(1).status()).hasValue(503);
  }

  private static List<RecordedRequest> posts() {
    return sandbox.requests().stream().filter(r -> r.method().equals("POST")).collect(Collectors.toList());
  }
}
