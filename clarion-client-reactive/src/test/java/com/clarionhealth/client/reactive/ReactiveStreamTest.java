package com.clarionhealth.client.reactive;

import static com.clarionhealth.client.contract.ContractSupport.TIMEOUT;
import static org.assertj.core.api.Assertions.assertThat;

import com.clarionhealth.client.CallPage;
import com.clarionhealth.client.CallQuery;
import com.clarionhealth.client.contract.ClientConfig;
import com.clarionhealth.client.contract.ClientDriver;
import com.clarionhealth.client.contract.FakeCallsServer.Asked;
import com.clarionhealth.client.contract.StreamContract;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

/**
 * Reactive only beyond the contract: demand. The next window is fetched only when downstream demand
 * reaches it. The pauses below give a prefetch that should not happen the time to show; they cannot
 * make a correct client fail.
 */
class ReactiveStreamTest extends StreamContract {
  private static final Duration TIME_FOR_A_PREFETCH_TO_SHOW = Duration.ofMillis(300);

  @Override
  protected ClientDriver driver(ClientConfig config) {
    return new ReactiveDriver(config);
  }

  @Test
  void aStreamFetchesNoFurtherWindowWhileFetchedCallsAwaitDemand() {
    api.calls().reset(oneAMinute());
    ReactiveClarionClient client = ReactiveDriver.builder(api.config()).build();
    CallQuery query = CallQuery.between(T0, END).pageSize(100);
    List<CallPage> firstTwo = client.calls().pages(query).take(2).collectList().block(TIMEOUT); // deterministic
    CallPage first = firstTwo.get(0);
    int pageSize = first.calls().size();
    int firstTwoRequests = first.requests() + firstTwo.get(1).requests();
    api.calls().forgetAsked();

    StepVerifier.create(client.calls().stream(query), 5)
        .expectNextCount(5)
        .thenAwait(TIME_FOR_A_PREFETCH_TO_SHOW)
        .then(() -> assertThat(api.calls().asked()).hasSize(first.requests()))
        .thenRequest(pageSize - 5)
        .expectNextCount(pageSize - 5)
        .thenRequest(1) // the next call is in the next window
        .expectNextCount(1)
        .thenAwait(TIME_FOR_A_PREFETCH_TO_SHOW)
        // the second window's calls are not all requested yet: no third window
        .then(() -> assertThat(api.calls().asked()).hasSize(firstTwoRequests))
        .thenCancel()
        .verify(TIMEOUT);
  }

  @Test
  void pagesAreFetchedOnlyOnDemand() {
    api.calls().reset(spreadAndBurst());
    ReactiveClarionClient client = ReactiveDriver.builder(api.config()).build();
    int[] requestsForThePage = new int[1];

    StepVerifier.create(client.calls().pages(DAY), 1)
        .assertNext(first -> {
          assertThat(first.windowStart()).isEqualTo(T0);
          requestsForThePage[0] = first.requests();
        })
        .thenAwait(TIME_FOR_A_PREFETCH_TO_SHOW)
        .then(() -> {
          // exactly the requests of one completed window: full pages narrowed, then one short page
          List<Asked> asked = api.calls().asked();
          assertThat(asked).hasSize(requestsForThePage[0]);
          assertThat(asked.subList(0, asked.size() - 1)).allSatisfy(a -> assertThat(a.full()).isTrue());
          assertThat(asked.get(asked.size() - 1).full()).isFalse();
          assertThat(api.timeline().arrivals()).isEqualTo(asked.size());
        })
        .thenRequest(1)
        .assertNext(second -> {
          assertThat(second.windowStart()).isAfter(T0);
          assertThat(api.calls().asked()).hasSize(requestsForThePage[0] + second.requests());
        })
        .thenAwait(TIME_FOR_A_PREFETCH_TO_SHOW)
        .then(() -> assertThat(api.timeline().arrivals()).isEqualTo(api.calls().asked().size()))
        .thenCancel()
        .verify(TIMEOUT);
  }
}
