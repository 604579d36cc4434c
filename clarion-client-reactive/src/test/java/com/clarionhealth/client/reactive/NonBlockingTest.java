package com.clarionhealth.client.reactive;

import static com.clarionhealth.client.contract.ContractSupport.CALLS;
import static com.clarionhealth.client.contract.ContractSupport.TIMEOUT;
import static com.clarionhealth.client.contract.ContractSupport.callJson;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;

import com.clarionhealth.client.CallQuery;
import com.clarionhealth.client.ListCallsParams;
import com.clarionhealth.client.model.Call;
import com.clarionhealth.client.model.CreateCall;
import com.clarionhealth.client.contract.FakeApi;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.blockhound.BlockingOperationError;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Flux;
import reactor.core.scheduler.Schedulers;
import reactor.test.StepVerifier;

/**
 * Nothing the client does blocks a Reactor or Netty thread. BlockHound is installed for the whole
 * test run by {@code blockhound-junit-platform} (so every test of the module is checked), allowing
 * only the test logger's console write ({@link TestLoggingBlockHoundIntegration}); the controls here
 * prove it is active on both kinds of thread.
 */
class NonBlockingTest {
  @RegisterExtension
  static final FakeApi server = new FakeApi();

  /** The threads the client's requests were sent from, seen by an application filter. */
  private final List<String> sentFrom = new CopyOnWriteArrayList<>();

  /** Real timers (the parallel scheduler), zero jitter: the retry waits 0 ms, on a parallel thread. */
  private final ReactiveClarionClient client = TestSupport.client(server)
      .webClientBuilder(WebClient.builder().filter((request, next) -> {
        sentFrom.add(Thread.currentThread().getName());
        return next.exchange(request);
      }))
      .build();

  static void sleep() {
    try {
      Thread.sleep(1);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Test
  void controlBlockHoundCatchesASleepOnAParallelThread() {
    StepVerifier.create(Mono.delay(Duration.ofMillis(1)).doOnNext(tick -> sleep()))
        .expectErrorSatisfies(e -> assertThat(e).isInstanceOf(BlockingOperationError.class)
            .hasMessageContaining("Thread.sleep"))
        .verify(TIMEOUT);
  }

  @Test
  void controlBlockHoundCatchesASleepOnANettyEventLoop() {
    server.stubFor(get(urlPathEqualTo("/ping")).willReturn(okJson("{}")));

    StepVerifier.create(WebClient.create(server.baseUrl()).get().uri("/ping").retrieve().bodyToMono(String.class)
            .doOnNext(body -> sleep()))
        .expectErrorSatisfies(e -> assertThat(e).isInstanceOf(BlockingOperationError.class))
        .verify(TIMEOUT);
  }

  @Test
  void aStreamWithARetryDoesNotBlock() {
    server.stubFor(get(urlPathEqualTo(CALLS)).inScenario("retry").whenScenarioStateIs(STARTED)
        .willReturn(aResponse().withStatus(503)).willSetStateTo("recovered"));
    server.stubFor(get(urlPathEqualTo(CALLS)).inScenario("retry").whenScenarioStateIs("recovered")
        .willReturn(okJson("[" + callJson(1) + "," + callJson(2) + "]")));
    Instant t0 = Instant.parse("2026-01-01T00:00:00Z");

    StepVerifier.create(client.calls().stream(CallQuery.between(t0, t0.plusSeconds(3600)))
            .map(Call::getId)
            .subscribeOn(Schedulers.parallel()))
        .expectNext(1L, 2L)
        .expectComplete()
        .verify(TIMEOUT);

    // both attempts were sent from non-blocking threads: the first where it was subscribed, the retry
    // where its (0 ms) wait ended
    assertThat(sentFrom).hasSize(2).allSatisfy(thread -> assertThat(thread).startsWith("parallel-"));
  }

  @Test
  void aCreateDoesNotBlock() {
    server.stubFor(post(CALLS).willReturn(okJson("{\"id\":5,\"call_status\":\"queued\"}")));

    StepVerifier.create(client.calls().create(new CreateCall().assistantId(7L).destinationPhoneNumber("+14155550123"))
            .subscribeOn(Schedulers.parallel()))
        .assertNext(call -> assertThat(call.getId()).isEqualTo(5L))
        .expectComplete()
        .verify(TIMEOUT);

    assertThat(sentFrom).singleElement().satisfies(thread -> assertThat(thread).startsWith("parallel-"));
  }

  @Test
  void aFreshClientsFirstConcurrentPagesDoNotBlock() {
    server.stubFor(get(urlPathEqualTo(CALLS)).willReturn(okJson("[" + callJson(1) + "]")));
    Instant t0 = Instant.parse("2026-01-01T00:00:00Z");

    // Jackson builds a deserializer on first use under a lock: four first decodes at once on event
    // loops waited on it, until the client built them up front
    for (int i = 0; i < 5; i++) {
      ReactiveClarionClient fresh = TestSupport.client(server).build();
      // Eight first decodes at once: eight requests in flight on a fresh client.
      StepVerifier.create(Flux.range(0, 8)
              .flatMap(n -> fresh.calls().list(ListCallsParams.builder()
                  .createdAtGe(t0.plusSeconds(n)).createdAtLe(t0.plusSeconds(3600)).build()), 8)
              .subscribeOn(Schedulers.parallel()))
          .expectNextCount(8)
          .expectComplete()
          .verify(TIMEOUT);
    }
  }

  @Test
  void aListOfALargePageDoesNotBlock() {
    StringBuilder page = new StringBuilder("[");
    for (int i = 1; i <= 1000; i++) {
      page.append(i == 1 ? "" : ",").append("{\"id\":").append(i).append(",\"transcript\":\"")
          .append("t".repeat(2000)).append("\"}");
    }
    server.stubFor(get(urlPathEqualTo(CALLS)).willReturn(okJson(page.append(']').toString())));

    StepVerifier.create(client.calls().list().subscribeOn(Schedulers.parallel()))
        .expectNextCount(1000)
        .expectComplete()
        .verify(TIMEOUT);
  }
}
