package com.clarionhealth.client.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.clarionhealth.client.CallQuery;
import com.clarionhealth.client.internal.DataSets.Kind;
import com.clarionhealth.client.internal.FakeListServer.Order;
import com.clarionhealth.client.model.Call;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * How many requests a full stream takes against the minimum, {@code ceil(N / limit)}, on realistic
 * data sets, through each client's paging loop (fixed seeds, so the counts are exact and repeatable).
 * The bounds are the product's targets; the counts are printed for the record.
 */
public abstract class PagingEfficiency {
  private static final long SEVEN_DAYS = 7L * 86_400_000;

  protected abstract PagingDriver driver();

  @ParameterizedTest(name = "{0} N={1} {3}")
  @CsvSource({
    "UNIFORM,        200000, 1000, NEWEST_FIRST,     1.2",
    "UNIFORM,        200000, 1000, ARBITRARY_SUBSET, 1.2",
    "UNIFORM,        200000,  100, RANDOM,           1.4",
    "BUSINESS_HOURS, 200000, 1000, NEWEST_FIRST,     1.55",
    "BUSINESS_HOURS, 200000, 1000, ARBITRARY_SUBSET, 1.55",
    "BURSTY,         200000, 1000, NEWEST_FIRST,     1.75",
    "BURSTY,         200000, 1000, ARBITRARY_SUBSET, 1.75",
    "UNIFORM,           999, 1000, OLDEST_FIRST,     1.0",
    "EMPTY,               0, 1000, NEWEST_FIRST,     1.0",
  })
  public void requestsStayCloseToTheMinimum(Kind kind, int n, int limit, Order order, double bound) {
    // 200,000 calls over seven days at limit 1000: the scale of the benchmarks' scenario.
    FakeListServer server = new FakeListServer(DataSets.generate(kind, n, SEVEN_DAYS, limit, 42), order, 7);
    CallQuery query = CallQuery.between(
            Instant.ofEpochMilli(DataSets.T0_MILLIS), Instant.ofEpochMilli(DataSets.T0_MILLIS + SEVEN_DAYS))
        .pageSize(limit);
    int[] delivered = {0};
    int[] requestsReported = {0};

    driver().walk(PagingPlan.of(query, Instant.EPOCH), window -> {
      List<Long> ids = server.list(window);
      List<Call> calls = new ArrayList<>(ids.size());
      ids.forEach(id -> calls.add(new Call().id(id)));
      return FetchedPage.of(ids.size(), calls);
    }, Integer.MAX_VALUE, page -> {
      delivered[0] += page.calls().size();
      requestsReported[0] += page.requests();
    });

    int minimum = Math.max(1, (n + limit - 1) / limit);
    double ratio = (double) server.requests() / minimum;
    System.out.printf("paging efficiency: %-14s N=%d limit=%d %-16s requests=%d minimum=%d ratio=%.3f%n",
        kind, n, limit, order, server.requests(), minimum, ratio);
    assertThat(delivered[0]).isEqualTo(n);
    assertThat(requestsReported[0]).isEqualTo(server.requests());
    assertThat(ratio).isLessThanOrEqualTo(bound);
  }
}
