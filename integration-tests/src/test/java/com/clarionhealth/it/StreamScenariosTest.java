package com.clarionhealth.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.clarionhealth.client.CallPage;
import com.clarionhealth.client.CallQuery;
import com.clarionhealth.client.ClarionException;
import com.clarionhealth.client.model.Call;
import com.clarionhealth.client.testkit.ClarionSandbox;
import com.clarionhealth.client.testkit.Distribution;
import com.clarionhealth.client.testkit.FaultRule;
import com.clarionhealth.client.testkit.ListOrder;
import com.clarionhealth.client.testkit.ListSelection;
import com.clarionhealth.client.testkit.RecordedRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Streaming 100,000 seeded calls: exactly once under every order and selection the sandbox offers, through
 * transient faults, and across an interruption resumed from a cursor. Request counts are printed.
 */
@ParameterizedClass
@EnumSource(Api.Kind.class)
class StreamScenariosTest {
  private static final int N = 100_000;
  private static final Instant FROM = Instant.parse("2026-01-01T00:00:00Z");
  private static final Instant TO = Instant.parse("2026-01-08T00:00:00Z");

  private static ClarionSandbox sandbox;
  private static List<Long> expected;

  @Parameter
  Api.Kind kind;

  @BeforeAll
  static void seed() {
    // Lean calls (no conversation): these tests look at ids, and a page is then about 6 times smaller.
    sandbox = ClarionSandbox.builder().conversations(false).seed(99).start();
    long first = sandbox.seed(N, FROM, TO, Distribution.BUSINESS_HOURS);
    expected = LongStream.range(first, first + N).boxed().collect(Collectors.toList());
  }

  @AfterAll
  static void stop() {
    sandbox.close();
  }

  private int requestsBefore;

  @BeforeEach
  void fresh() {
    // Not reset(): that would drop the seeded calls too.
    sandbox.clearFaults();
    sandbox.listOrder(ListOrder.NEWEST_FIRST);
    sandbox.listSelection(ListSelection.FIRST);
    requestsBefore = sandbox.requests().size();
  }

  private List<RecordedRequest> requestsOfThisTest() {
    List<RecordedRequest> all = sandbox.requests();
    return all.subList(requestsBefore, all.size());
  }

  @ParameterizedTest(name = "{0} order, {1} selection")
  @CsvSource({"NEWEST_FIRST, FIRST", "OLDEST_FIRST, FIRST", "RANDOM, FIRST", "RANDOM, RANDOM_SUBSET"})
  void everyCallExactlyOnceWhateverTheServerOrder(ListOrder order, ListSelection selection) {
    sandbox.listOrder(order);
    sandbox.listSelection(selection);

    List<Call> calls = kind.open(sandbox).stream(CallQuery.between(FROM, TO));

    assertThat(Api.ids(calls)).hasSize(N).containsExactlyInAnyOrderElementsOf(expected);
    int requests = requestsOfThisTest().size();
    System.out.printf("stream of %,d calls, %s client, %s order, %s selection: %d requests (minimum %d)%n",
        N, kind, order, selection, requests, N / 1000);
    assertThat(requests).isLessThan(3 * N / 1000);
  }

  @Test
  void transientFaultsOnTenPercentOfRequestsLoseAndRepeatNothing() {
    sandbox.listOrder(ListOrder.RANDOM);
    sandbox.addFault(FaultRule.serviceUnavailable().onGet().share(0.04));
    sandbox.addFault(FaultRule.connectionReset().onGet().share(0.03));
    sandbox.addFault(FaultRule.truncatedBody().onGet().share(0.03));

    List<Call> calls = kind.open(sandbox.baseUrl(), sandbox.apiKey(), 6, Duration.ofSeconds(30))
        .stream(CallQuery.between(FROM, TO));

    assertThat(Api.ids(calls)).hasSize(N).containsExactlyInAnyOrderElementsOf(expected);
    assertThat(requestsOfThisTest()).anySatisfy(r -> assertThat(r.fault()).isPresent());
  }

  @Test
  void anInterruptedStreamResumesFromItsLastCursor() {
    sandbox.addFault(FaultRule.serviceUnavailable().onGet().share(0.05));
    List<CallPage> before = new ArrayList<>();
    Api fragile = kind.open(sandbox.baseUrl(), sandbox.apiKey(), 0, Duration.ofSeconds(30));

    assertThatThrownBy(() -> fragile.pages(CallQuery.between(FROM, TO), before))
        .isInstanceOf(ClarionException.class);
    assertThat(before).isNotEmpty();

    sandbox.clearFaults();
    List<Call> rest = kind.open(sandbox).stream(CallQuery.resumeFrom(before.get(before.size() - 1).cursor()));

    List<Long> all = new ArrayList<>();
    before.forEach(page -> all.addAll(Api.ids(page.calls())));
    all.addAll(Api.ids(rest));
    assertThat(all).hasSize(N).containsExactlyInAnyOrderElementsOf(expected);
  }
}
