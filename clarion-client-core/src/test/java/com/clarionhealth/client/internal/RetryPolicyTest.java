package com.clarionhealth.client.internal;

import static com.clarionhealth.client.internal.RequestKind.CREATE_CALL;
import static com.clarionhealth.client.internal.RequestKind.IDEMPOTENT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RetryPolicyTest {

  private static final Set<Integer> IDEMPOTENT_RETRY_STATUSES = Set.of(408, 429, 500, 502, 503, 504);
  private static final Clock CLOCK = Clock.fixed(Instant.parse("2015-10-21T07:27:00Z"), ZoneOffset.UTC);

  /** A policy whose jitter always picks the given fraction of the ceiling. */
  private static RetryPolicy withRandom(double r) {
    return RetryPolicy.builder().random(() -> r).clock(CLOCK).build();
  }

  private static final RetryPolicy POLICY = withRandom(0.5);

  @Test
  void defaults() {
    RetryPolicy p = RetryPolicy.defaults();
    assertThat(p.maxRetries()).isEqualTo(2);
    assertThat(p.initialBackoff()).isEqualTo(Duration.ofMillis(500));
    assertThat(p.maxBackoff()).isEqualTo(Duration.ofSeconds(8));
    assertThat(p.maxRetryAfter()).isEqualTo(Duration.ofSeconds(60));
  }

  @ParameterizedTest(name = "{0} {1}: idempotent={2}, createCall={3}")
  @CsvSource({
      "status, 400, false, false",
      "status, 401, false, false",
      "status, 403, false, false",
      "status, 404, false, false",
      "status, 408, true,  false",
      "status, 409, false, false",
      "status, 422, false, false",
      "status, 429, true,  true",
      "status, 500, true,  false",
      "status, 501, false, false",
      "status, 502, true,  false",
      "status, 503, true,  false",
      "status, 504, true,  false",
      "status, 505, false, false",
      "status, 301, false, false",
      "notSent, 0, true, true",
      "connectTimeout, 0, true, true",
      "responseTimeout, 0, true, false",
      "ioAfterSend, 0, true, false"})
  void whichFailuresAreRetried(String type, int status, boolean idempotent, boolean createCall) {
    Failure failure = failure(type, status);
    assertThat(POLICY.delayBeforeRetry(IDEMPOTENT, 0, failure).isPresent()).isEqualTo(idempotent);
    assertThat(POLICY.delayBeforeRetry(CREATE_CALL, 0, failure).isPresent()).isEqualTo(createCall);
  }

  private static Failure failure(String type, int status) {
    switch (type) {
      case "status": return Failure.status(status);
      case "notSent": return Failure.notSent();
      case "connectTimeout": return Failure.timeout(false);
      case "responseTimeout": return Failure.timeout(true);
      case "ioAfterSend": return Failure.ioAfterSend();
      default: throw new IllegalArgumentException(type);
    }
  }

  /** Every failure the client can report, with and without Retry-After. */
  private static List<Failure> everyFailure() {
    List<Failure> all = new ArrayList<>(
        List.of(Failure.notSent(), Failure.timeout(false), Failure.timeout(true), Failure.ioAfterSend()));
    for (int status = 100; status <= 599; status++) {
      if (status >= 200 && status < 300) {
        continue;
      }
      all.add(Failure.status(status));
      all.add(Failure.status(status, Optional.of(Duration.ZERO)));
      all.add(Failure.status(status, Optional.of(Duration.ofSeconds(1))));
    }
    return all;
  }

  @Test
  void createCallIsNeverRetriedOnceItMayHaveReachedTheServer() {
    RetryPolicy generous = RetryPolicy.builder().maxRetries(100).maxRetryAfter(Duration.ofDays(1)).build();
    int checked = 0;
    for (Failure f : everyFailure()) {
      boolean allowed = !f.mayHaveReachedServer() || f.status().orElse(0) == 429;
      for (int retriesDone = 0; retriesDone < 5; retriesDone++) {
        assertThat(generous.delayBeforeRetry(CREATE_CALL, retriesDone, f).isPresent())
            .as("%s after %d retries", f, retriesDone)
            .isEqualTo(allowed);
        checked++;
      }
    }
    assertThat(checked).isEqualTo((4 + 400 * 3) * 5);
  }

  @Test
  void onlyConnectionFailuresCountAsNotReachingTheServer() {
    for (Failure f : everyFailure()) {
      boolean certainlyNotSent = f.equals(Failure.notSent()) || f.equals(Failure.timeout(false));
      assertThat(f.mayHaveReachedServer()).as("%s", f).isEqualTo(!certainlyNotSent);
    }
  }

  @Test
  void idempotentRetriesTransportFailuresAndTheListedStatusesOnly() {
    for (Failure f : everyFailure()) {
      boolean expected = f.status().isEmpty() || IDEMPOTENT_RETRY_STATUSES.contains(f.status().getAsInt());
      assertThat(POLICY.delayBeforeRetry(IDEMPOTENT, 0, f).isPresent()).as("%s", f).isEqualTo(expected);
    }
  }

  @Test
  void maxRetriesIsHonoured() {
    Failure f = Failure.status(503);
    assertThat(POLICY.delayBeforeRetry(IDEMPOTENT, 0, f)).isPresent();
    assertThat(POLICY.delayBeforeRetry(IDEMPOTENT, 1, f)).isPresent();
    assertThat(POLICY.delayBeforeRetry(IDEMPOTENT, 2, f)).isEmpty();
    assertThat(POLICY.delayBeforeRetry(CREATE_CALL, 2, Failure.notSent())).isEmpty();

    RetryPolicy none = RetryPolicy.builder().maxRetries(0).build();
    assertThat(none.delayBeforeRetry(IDEMPOTENT, 0, Failure.notSent())).isEmpty();
  }

  @Test
  void negativeRetriesDoneIsABug() {
    assertThatThrownBy(() -> POLICY.delayBeforeRetry(IDEMPOTENT, -1, Failure.notSent()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("retriesDone");
  }

  @Test
  void backoffCeilingDoublesUpToMaxBackoff() {
    RetryPolicy p = RetryPolicy.defaults();
    assertThat(p.backoffCeiling(0)).isEqualTo(Duration.ofMillis(500));
    assertThat(p.backoffCeiling(1)).isEqualTo(Duration.ofSeconds(1));
    assertThat(p.backoffCeiling(2)).isEqualTo(Duration.ofSeconds(2));
    assertThat(p.backoffCeiling(3)).isEqualTo(Duration.ofSeconds(4));
    assertThat(p.backoffCeiling(4)).isEqualTo(Duration.ofSeconds(8));
    assertThat(p.backoffCeiling(5)).isEqualTo(Duration.ofSeconds(8));
    assertThat(p.backoffCeiling(Integer.MAX_VALUE)).isEqualTo(Duration.ofSeconds(8));
  }

  @Test
  void fullJitterScalesTheCeilingByTheRandomValue() {
    RetryPolicy many = RetryPolicy.builder().maxRetries(10).random(() -> 0.25).build();
    assertThat(many.delayBeforeRetry(IDEMPOTENT, 0, Failure.notSent())).contains(Duration.ofMillis(125));
    assertThat(many.delayBeforeRetry(IDEMPOTENT, 1, Failure.notSent())).contains(Duration.ofMillis(250));
    assertThat(many.delayBeforeRetry(IDEMPOTENT, 6, Failure.notSent())).contains(Duration.ofSeconds(2));
  }

  @Test
  void jitterStaysWithinZeroAndTheCeiling() {
    assertThat(withRandom(0.0).delayBeforeRetry(IDEMPOTENT, 1, Failure.notSent())).contains(Duration.ZERO);
    assertThat(withRandom(Math.nextDown(1.0)).delayBeforeRetry(IDEMPOTENT, 1, Failure.notSent()).get())
        .isLessThanOrEqualTo(Duration.ofSeconds(1))
        .isGreaterThan(Duration.ofMillis(999));
    // A misbehaving random source is clamped, never turned into a negative or oversized delay.
    assertThat(withRandom(-3).delayBeforeRetry(IDEMPOTENT, 1, Failure.notSent())).contains(Duration.ZERO);
    assertThat(withRandom(7).delayBeforeRetry(IDEMPOTENT, 1, Failure.notSent())).contains(Duration.ofSeconds(1));
    assertThat(withRandom(Double.NaN).delayBeforeRetry(IDEMPOTENT, 1, Failure.notSent())).contains(Duration.ZERO);
  }

  @Test
  void retryAfterIsWaitedExactlyWithoutJitter() {
    Failure f = Failure.status(429, Optional.of(Duration.ofSeconds(7)));
    assertThat(withRandom(0.0).delayBeforeRetry(CREATE_CALL, 0, f)).contains(Duration.ofSeconds(7));
    assertThat(withRandom(0.9).delayBeforeRetry(IDEMPOTENT, 1, f)).contains(Duration.ofSeconds(7));
    Failure unavailable = Failure.status(503, Optional.of(Duration.ofSeconds(3)));
    assertThat(POLICY.delayBeforeRetry(IDEMPOTENT, 0, unavailable)).contains(Duration.ofSeconds(3));
    assertThat(POLICY.delayBeforeRetry(IDEMPOTENT, 0, Failure.status(429, Optional.of(Duration.ZERO))))
        .contains(Duration.ZERO);
  }

  @Test
  void retryAfterAboveTheCapGivesUp() {
    assertThat(POLICY.delayBeforeRetry(IDEMPOTENT, 0, Failure.status(429, Optional.of(Duration.ofSeconds(60)))))
        .contains(Duration.ofSeconds(60));
    assertThat(POLICY.delayBeforeRetry(IDEMPOTENT, 0, Failure.status(429, Optional.of(Duration.ofSeconds(61)))))
        .isEmpty();
    assertThat(POLICY.delayBeforeRetry(CREATE_CALL, 0, Failure.status(429, Optional.of(Duration.ofHours(1)))))
        .isEmpty();
  }

  @Test
  void retryAfterFromHeadersUsesThePolicyClock() {
    assertThat(POLICY.parseRetryAfter("Wed, 21 Oct 2015 07:28:00 GMT")).contains(Duration.ofSeconds(60));
    assertThat(POLICY.parseRetryAfter("Tue, 20 Oct 2015 07:28:00 GMT")).contains(Duration.ZERO);
    assertThat(POLICY.parseRetryAfter("garbage")).isEmpty();
    // Unreadable Retry-After: ordinary jittered backoff.
    Failure f = Failure.status(429, POLICY.parseRetryAfter("garbage"));
    assertThat(POLICY.delayBeforeRetry(IDEMPOTENT, 0, f)).contains(Duration.ofMillis(250));
  }

  @Test
  void builderRejectsNonsense() {
    assertThatThrownBy(() -> RetryPolicy.builder().maxRetries(-1))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("maxRetries");
    assertThatThrownBy(() -> RetryPolicy.builder().initialBackoff(Duration.ofMillis(-1)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("initialBackoff");
    assertThatThrownBy(() -> RetryPolicy.builder().maxBackoff(null))
        .isInstanceOf(NullPointerException.class).hasMessage("maxBackoff == null");
    assertThatThrownBy(() -> RetryPolicy.builder().maxRetryAfter(Duration.ofSeconds(Long.MAX_VALUE)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("maxRetryAfter");
  }

  @Test
  void toBuilderKeepsEveryOption() {
    RetryPolicy p = RetryPolicy.builder().maxRetries(5).initialBackoff(Duration.ofMillis(10))
        .maxBackoff(Duration.ofMillis(40)).maxRetryAfter(Duration.ofSeconds(3)).random(() -> 1.0).build();
    RetryPolicy copy = p.toBuilder().build();
    assertThat(copy.toString()).isEqualTo(p.toString());
    assertThat(copy.delayBeforeRetry(IDEMPOTENT, 4, Failure.notSent())).contains(Duration.ofMillis(40));
  }

  @Test
  void failureStatusRejectsSuccessAndNegativeRetryAfter() {
    assertThatThrownBy(() -> Failure.status(200)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Failure.status(99)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Failure.status(429, Optional.of(Duration.ofSeconds(-1))))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
