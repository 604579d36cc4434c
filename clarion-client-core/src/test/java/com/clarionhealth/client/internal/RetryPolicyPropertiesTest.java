package com.clarionhealth.client.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;

class RetryPolicyPropertiesTest {

  @Provide
  Arbitrary<Failure> reachedServerExcept429() {
    Arbitrary<Integer> status = Arbitraries.integers().between(100, 599)
        .filter(s -> (s < 200 || s >= 300) && s != 429);
    Arbitrary<Optional<Duration>> retryAfter =
        Arbitraries.longs().between(0, 120).map(Duration::ofSeconds).optional();
    Arbitrary<Failure> statuses = Combinators.combine(status, retryAfter).as(Failure::status);
    return Arbitraries.oneOf(statuses, Arbitraries.of(Failure.timeout(true), Failure.ioAfterSend()));
  }

  @Provide
  Arbitrary<RetryPolicy> anyPolicy() {
    Arbitrary<Integer> maxRetries = Arbitraries.integers().between(0, 50);
    Arbitrary<Duration> durations = Arbitraries.longs().between(0, 600_000).map(Duration::ofMillis);
    Arbitrary<Double> random = Arbitraries.doubles().between(0, 1);
    return Combinators.combine(maxRetries, durations, durations, durations, random)
        .as((n, initial, max, cap, r) -> RetryPolicy.builder().maxRetries(n).initialBackoff(initial)
            .maxBackoff(max).maxRetryAfter(cap).random(() -> r).build());
  }

  @Property
  void createCallIsNeverRetriedAfterItMayHaveReachedTheServer(
      @ForAll("anyPolicy") RetryPolicy policy,
      @ForAll("reachedServerExcept429") Failure failure,
      @ForAll @IntRange(min = 0, max = 100) int retriesDone) {
    assertThat(policy.delayBeforeRetry(RequestKind.CREATE_CALL, retriesDone, failure)).isEmpty();
  }

  @Property
  void jitteredDelayIsBetweenZeroAndTheCeiling(
      @ForAll @DoubleRange(min = 0, max = 1, maxIncluded = false) double r,
      @ForAll @IntRange(min = 0, max = 9) int retriesDone) {
    RetryPolicy policy = RetryPolicy.builder().maxRetries(10).random(() -> r).build();
    Duration ceiling = Duration.ofMillis(Math.min(8000, 500L << retriesDone));
    Duration delay = policy.delayBeforeRetry(RequestKind.IDEMPOTENT, retriesDone, Failure.notSent()).orElseThrow();
    assertThat(delay).isBetween(Duration.ZERO, ceiling);
  }
}
