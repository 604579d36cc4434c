package com.clarionhealth.client.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.clarionhealth.client.CallQuery;
import com.clarionhealth.client.internal.DataSets.Kind;
import com.clarionhealth.client.internal.FakeListServer.Order;
import java.time.Instant;
import java.util.function.Function;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * How many requests a full stream takes against the minimum, {@code ceil(N / limit)}, on realistic
 * data sets (fixed seeds, so the counts are exact and repeatable). The bounds are the product's
 * targets; the counts are printed for the record.
 */
class PagingEfficiencyTest {
  private static final long SEVEN_DAYS = 7L * 86_400_000;

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
  void requestsStayCloseToTheMinimum(Kind kind, int n, int limit, Order order, double bound) {
    // 200,000 calls over seven days at limit 1000: the scale of the benchmarks' scenario.
    FakeListServer server =
        new FakeListServer(DataSets.generate(kind, n, SEVEN_DAYS, limit, 42), order, 7);
    CallQuery query = CallQuery.between(
            Instant.ofEpochMilli(DataSets.T0_MILLIS), Instant.ofEpochMilli(DataSets.T0_MILLIS + SEVEN_DAYS))
        .pageSize(limit);

    PageIterator<Long> pages =
        new PageIterator<>(PagingPlan.of(query, Instant.EPOCH), Function.identity(), server::list);
    int delivered = 0;
    int requestsReported = 0;
    while (pages.hasNext()) {
      PageIterator.Page<Long> page = pages.next();
      delivered += page.calls().size();
      requestsReported += page.requests();
    }

    int minimum = Math.max(1, (n + limit - 1) / limit);
    double ratio = (double) server.requests / minimum;
    System.out.printf("paging efficiency: %-14s N=%d limit=%d %-16s requests=%d minimum=%d ratio=%.3f%n",
        kind, n, limit, order, server.requests, minimum, ratio);
    assertThat(delivered).isEqualTo(n);
    assertThat(requestsReported).isEqualTo(server.requests);
    assertThat(ratio).isLessThanOrEqualTo(bound);
  }
}
