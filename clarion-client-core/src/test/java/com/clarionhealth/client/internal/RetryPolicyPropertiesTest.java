package com.clarionhealth.client.internal;

import static com.clarionhealth.client.internal.RetryPolicyTest.CLOCK;
import static com.clarionhealth.client.internal.RetryPolicyTest.CREATE_CALL;
import static com.clarionhealth.client.internal.RetryPolicyTest.GET;
import static org.assertj.core.api.Assertions.assertThat;

import com.clarionhealth.client.ClarionApiException;
import com.clarionhealth.client.ClarionDecodingException;
import com.clarionhealth.client.ClarionException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
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
  Arbitrary<ClarionException> reachedServerExcept429() {
    Arbitrary<Integer> status = Arbitraries.integers().between(100, 599)
        .filter(s -> (s < 200 || s >= 300) && s != 429);
    Arbitrary<Optional<String>> retryAfter = Arbitraries.longs().between(0, 120).map(String::valueOf).optional();
    Arbitrary<ClarionException> statuses = Combinators.combine(status, retryAfter).as((s, ra) ->
        ClarionApiException.create("POST", "/call", s,
            ra.map(v -> Map.of("Retry-After", List.of(v))).orElse(null), null, CLOCK));
    return Arbitraries.oneOf(statuses, Arbitraries.of(
        RetryPolicyTest.responseTimeout(), RetryPolicyTest.ioAfterSend(),
        ClarionDecodingException.create("POST", "/call", 201, null, null, null)));
  }

  @Provide
  Arbitrary<RetryPolicy> anyPolicy() {
    Arbitrary<Integer> maxRetries = Arbitraries.integers().between(0, 50);
    Arbitrary<Duration> maxRetryAfter = Arbitraries.longs().between(0, 600_000).map(Duration::ofMillis);
    Arbitrary<Double> random = Arbitraries.doubles().between(0, 1);
    return Combinators.combine(maxRetries, maxRetryAfter, random)
        .as((n, cap, r) -> new RetryPolicy(n, cap, () -> r, CLOCK));
  }

  @Property
  void createCallIsNeverRetriedAfterItMayHaveReachedTheServer(
      @ForAll("anyPolicy") RetryPolicy policy,
      @ForAll("reachedServerExcept429") ClarionException failure,
      @ForAll @IntRange(min = 0, max = 100) int retriesDone) {
    assertThat(policy.delayBeforeRetry(CREATE_CALL, retriesDone, failure)).isEmpty();
  }

  @Property
  void jitteredDelayIsBetweenZeroAndTheCeiling(
      @ForAll @DoubleRange(min = 0, max = 1, maxIncluded = false) double r,
      @ForAll @IntRange(min = 0, max = 9) int retriesDone) {
    RetryPolicy policy = new RetryPolicy(10, RetryPolicy.DEFAULT_MAX_RETRY_AFTER, () -> r, CLOCK);
    Duration ceiling = Duration.ofMillis(Math.min(8000, 500L << retriesDone));
    Duration delay = policy.delayBeforeRetry(GET, retriesDone, RetryPolicyTest.notSent()).orElseThrow();
    assertThat(delay).isBetween(Duration.ZERO, ceiling);
  }

  @Property
  void aRetryAfterWithinTheCapIsWaitedExactlyAndNoneAboveIt(
      @ForAll @IntRange(min = 0, max = 600_000) int capMillis,
      @ForAll @IntRange(min = 0, max = 1200) int seconds,
      @ForAll @DoubleRange(min = 0, max = 1) double r,
      @ForAll boolean get) {
    Duration cap = Duration.ofMillis(capMillis);
    RetryPolicy policy = new RetryPolicy(1, cap, () -> r, CLOCK);
    ClarionApiException limited = ClarionApiException.create(
        "GET", "/call", 429, Map.of("Retry-After", List.of(Integer.toString(seconds))), null, CLOCK);
    Duration asked = Duration.ofSeconds(seconds);
    // Exactly what was asked (never jittered, never shortened), or not at all.
    assertThat(policy.delayBeforeRetry(get, 0, limited))
        .isEqualTo(asked.compareTo(cap) <= 0 ? Optional.of(asked) : Optional.empty());
  }
}
