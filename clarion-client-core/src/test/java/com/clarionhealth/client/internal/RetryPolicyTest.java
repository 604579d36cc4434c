package com.clarionhealth.client.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.clarionhealth.client.ClarionApiException;
import com.clarionhealth.client.ClarionDecodingException;
import com.clarionhealth.client.ClarionException;
import com.clarionhealth.client.ClarionPagingException;
import com.clarionhealth.client.ClarionTimeoutException;
import com.clarionhealth.client.ClarionTransportException;
import java.io.IOException;
import java.net.ConnectException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Which failed attempts are sent again and after how long: the table of the README's "Errors"
 * section, the budget, backoff and jitter, and {@code Retry-After}. {@code idempotent} is what the
 * engine passes: true for {@code GET}, false for {@code POST /call}, which rings a patient.
 */
class RetryPolicyTest {
  static final boolean GET = true;
  static final boolean CREATE_CALL = false;

  private static final Set<Integer> GET_RETRY_STATUSES = Set.of(408, 429, 500, 502, 503, 504);
  // One minute before the RFC 9110 example date, so that "Wed, 21 Oct 2015 07:28:00 GMT" is 60 s away.
  static final Clock CLOCK = Clock.fixed(Instant.parse("2015-10-21T07:27:00Z"), ZoneOffset.UTC);

  /** A policy with the default budget whose jitter always picks {@code r} of the ceiling. */
  static RetryPolicy withRandom(double r) {
    return new RetryPolicy(RetryPolicy.DEFAULT_MAX_RETRIES, RetryPolicy.DEFAULT_MAX_RETRY_AFTER, () -> r, CLOCK);
  }

  private static final RetryPolicy POLICY = withRandom(0.5);

  // The failures as the engine hands them to the policy: the exceptions the caller would get.

  static ClarionApiException status(int status) {
    return ClarionApiException.create("GET", "/call", status, null, null, CLOCK);
  }

  static ClarionApiException status(int status, String retryAfter) {
    return ClarionApiException.create("GET", "/call", status, Map.of("Retry-After", List.of(retryAfter)), null,
        CLOCK);
  }

  static ClarionTransportException notSent() {
    return ClarionTransportException.create("POST", "/call", false, new ConnectException("Connection refused"));
  }

  static ClarionTransportException connectTimeout() {
    return ClarionTimeoutException.connectTimeout("POST", "/call", null);
  }

  static ClarionTransportException responseTimeout() {
    return ClarionTimeoutException.responseTimeout("POST", "/call", null);
  }

  static ClarionTransportException ioAfterSend() {
    return ClarionTransportException.create("POST", "/call", true, new IOException("Connection reset"));
  }

  @Test
  void defaultsAreTheDocumentedOnes() {
    // README: "Retries (default 2, maxRetries(n)) wait with exponential backoff and full jitter (500 ms
    // doubling, at most 8 s) ... unless it exceeds maxRetryAfter (default 60 s)".
    assertThat(RetryPolicy.DEFAULT_MAX_RETRIES).isEqualTo(2);
    assertThat(RetryPolicy.INITIAL_BACKOFF).isEqualTo(Duration.ofMillis(500));
    assertThat(RetryPolicy.MAX_BACKOFF).isEqualTo(Duration.ofSeconds(8));
    assertThat(RetryPolicy.DEFAULT_MAX_RETRY_AFTER).isEqualTo(Duration.ofSeconds(60));
  }

  @ParameterizedTest(name = "{0} {1}: GET retried={2}, POST /call retried={3}")
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
  void whichFailuresAreRetried(String type, int status, boolean get, boolean createCall) {
    ClarionException failure = failure(type, status);
    assertThat(POLICY.delayBeforeRetry(GET, 0, failure).isPresent()).isEqualTo(get);
    assertThat(POLICY.delayBeforeRetry(CREATE_CALL, 0, failure).isPresent()).isEqualTo(createCall);
    assertThat(RetryPolicy.mayRetry(GET, failure)).isEqualTo(get);
    assertThat(RetryPolicy.mayRetry(CREATE_CALL, failure)).isEqualTo(createCall);
  }

  private static ClarionException failure(String type, int status) {
    switch (type) {
      case "status": return status(status);
      case "notSent": return notSent();
      case "connectTimeout": return connectTimeout();
      case "responseTimeout": return responseTimeout();
      case "ioAfterSend": return ioAfterSend();
      default: throw new IllegalArgumentException(type);
    }
  }

  /** Every failure the engine can report, every status with and without Retry-After. */
  static List<ClarionException> everyFailure() {
    List<ClarionException> all =
        new ArrayList<>(List.of(notSent(), connectTimeout(), responseTimeout(), ioAfterSend()));
    for (int status = 100; status <= 599; status++) {
      if (status >= 200 && status < 300) {
        continue;
      }
      all.add(status(status));
      all.add(status(status, "0"));
      all.add(status(status, "1"));
    }
    return all;
  }

  /** Whether a failure may have reached the server: only a connection never made proves it did not. */
  static boolean mayHaveReachedServer(ClarionException f) {
    return !(f instanceof ClarionTransportException) || ((ClarionTransportException) f).requestSent();
  }

  @Test
  void createCallIsNeverRetriedOnceItMayHaveReachedTheServer() {
    RetryPolicy generous = new RetryPolicy(100, Duration.ofDays(1), () -> 0.5, CLOCK);
    int checked = 0;
    for (ClarionException f : everyFailure()) {
      boolean allowed = !mayHaveReachedServer(f)
          || f instanceof ClarionApiException && ((ClarionApiException) f).statusCode() == 429;
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
    // What the POST /call rule rests on: a refused connection and a connect timeout are the only
    // failures that prove nothing was sent; any answer, and any failure after connecting, may not.
    assertThat(mayHaveReachedServer(notSent())).isFalse();
    assertThat(mayHaveReachedServer(connectTimeout())).isFalse();
    assertThat(mayHaveReachedServer(responseTimeout())).isTrue();
    assertThat(mayHaveReachedServer(ioAfterSend())).isTrue();
    assertThat(everyFailure().stream().filter(f -> !mayHaveReachedServer(f))).hasSize(2);
  }

  @Test
  void getRetriesTransportFailuresAndTheListedStatusesOnly() {
    for (ClarionException f : everyFailure()) {
      boolean expected = f instanceof ClarionTransportException
          || GET_RETRY_STATUSES.contains(((ClarionApiException) f).statusCode());
      assertThat(POLICY.delayBeforeRetry(GET, 0, f).isPresent()).as("%s", f).isEqualTo(expected);
    }
  }

  @Test
  void decodingAndPagingFailuresAreNeverRetried() {
    // Sending again changes nothing: the server answered 2xx, or the data itself cannot be paged.
    ClarionDecodingException undecodable = ClarionDecodingException.create("GET", "/call", 200, null, null, null);
    ClarionPagingException dense = new ClarionPagingException(
        Instant.parse("2026-01-01T00:00:00Z"), Instant.parse("2026-01-01T00:00:00.001Z"), 1000);
    for (ClarionException f : List.of(undecodable, dense)) {
      assertThat(POLICY.delayBeforeRetry(GET, 0, f)).as("%s", f).isEmpty();
      assertThat(POLICY.delayBeforeRetry(CREATE_CALL, 0, f)).as("%s", f).isEmpty();
    }
  }

  @Test
  void theRetryBudgetIsHonoured() {
    ClarionException unavailable = status(503);
    assertThat(POLICY.delayBeforeRetry(GET, 0, unavailable)).isPresent();
    assertThat(POLICY.delayBeforeRetry(GET, 1, unavailable)).isPresent();
    assertThat(POLICY.delayBeforeRetry(GET, 2, unavailable)).isEmpty();
    assertThat(POLICY.delayBeforeRetry(GET, 3, unavailable)).isEmpty();
    // The budget binds even where waiting is cheapest: a connection never made, Retry-After: 0.
    assertThat(POLICY.delayBeforeRetry(CREATE_CALL, 2, notSent())).isEmpty();
    assertThat(POLICY.delayBeforeRetry(GET, 2, status(429, "0"))).isEmpty();

    RetryPolicy none = new RetryPolicy(0, RetryPolicy.DEFAULT_MAX_RETRY_AFTER, () -> 0.5, CLOCK);
    assertThat(none.delayBeforeRetry(GET, 0, notSent())).isEmpty();
    assertThat(none.delayBeforeRetry(CREATE_CALL, 0, status(429, "1"))).isEmpty();
  }

  @Test
  void backoffCeilingDoublesUpToMaxBackoff() {
    assertThat(RetryPolicy.backoffCeiling(0)).isEqualTo(Duration.ofMillis(500));
    assertThat(RetryPolicy.backoffCeiling(1)).isEqualTo(Duration.ofSeconds(1));
    assertThat(RetryPolicy.backoffCeiling(2)).isEqualTo(Duration.ofSeconds(2));
    assertThat(RetryPolicy.backoffCeiling(3)).isEqualTo(Duration.ofSeconds(4));
    assertThat(RetryPolicy.backoffCeiling(4)).isEqualTo(Duration.ofSeconds(8));
    assertThat(RetryPolicy.backoffCeiling(5)).isEqualTo(Duration.ofSeconds(8));
    // Doubling stops at the cap: no overflow however large the count.
    assertThat(RetryPolicy.backoffCeiling(64)).isEqualTo(Duration.ofSeconds(8));
    assertThat(RetryPolicy.backoffCeiling(Integer.MAX_VALUE)).isEqualTo(Duration.ofSeconds(8));
  }

  @Test
  void fullJitterScalesTheCeilingByTheRandomValue() {
    RetryPolicy many = new RetryPolicy(10, RetryPolicy.DEFAULT_MAX_RETRY_AFTER, () -> 0.25, CLOCK);
    assertThat(many.delayBeforeRetry(GET, 0, notSent())).contains(Duration.ofMillis(125));
    assertThat(many.delayBeforeRetry(GET, 1, notSent())).contains(Duration.ofMillis(250));
    assertThat(many.delayBeforeRetry(GET, 2, notSent())).contains(Duration.ofMillis(500));
    assertThat(many.delayBeforeRetry(GET, 6, notSent())).contains(Duration.ofSeconds(2));
    // A Retry-After that cannot be read is no Retry-After: ordinary backoff.
    assertThat(many.delayBeforeRetry(GET, 0, status(503, "later"))).contains(Duration.ofMillis(125));
  }

  @Test
  void jitterStaysWithinZeroAndTheCeiling() {
    assertThat(withRandom(0.0).delayBeforeRetry(GET, 1, notSent())).contains(Duration.ZERO);
    assertThat(withRandom(Math.nextDown(1.0)).delayBeforeRetry(GET, 1, notSent()).orElseThrow())
        .isLessThanOrEqualTo(Duration.ofSeconds(1))
        .isGreaterThan(Duration.ofMillis(999));
    // A misbehaving random source is clamped, never turned into a negative or oversized delay.
    assertThat(withRandom(-3).delayBeforeRetry(GET, 1, notSent())).contains(Duration.ZERO);
    assertThat(withRandom(7).delayBeforeRetry(GET, 1, notSent())).contains(Duration.ofSeconds(1));
    assertThat(withRandom(Double.NaN).delayBeforeRetry(GET, 1, notSent())).contains(Duration.ZERO);
    assertThat(withRandom(Double.POSITIVE_INFINITY).delayBeforeRetry(GET, 1, notSent()))
        .contains(Duration.ofSeconds(1));
  }

  @Test
  void retryAfterIsWaitedExactlyWithoutJitter() {
    ClarionApiException limited = status(429, "7");
    assertThat(withRandom(0.0).delayBeforeRetry(CREATE_CALL, 0, limited)).contains(Duration.ofSeconds(7));
    assertThat(withRandom(0.9).delayBeforeRetry(GET, 1, limited)).contains(Duration.ofSeconds(7));
    assertThat(POLICY.delayBeforeRetry(GET, 0, status(503, "3"))).contains(Duration.ofSeconds(3));
    assertThat(POLICY.delayBeforeRetry(GET, 0, status(429, "0"))).contains(Duration.ZERO);
  }

  @Test
  void retryAfterAsAnHttpDateIsMeasuredWithTheClockTheExceptionWasMadeWith() {
    assertThat(POLICY.delayBeforeRetry(GET, 0, status(429, "Wed, 21 Oct 2015 07:28:00 GMT")))
        .contains(Duration.ofSeconds(60));
    // A date in the past means "now", not "never" and not a negative wait.
    assertThat(POLICY.delayBeforeRetry(GET, 0, status(429, "Tue, 20 Oct 2015 07:28:00 GMT")))
        .contains(Duration.ZERO);
  }

  @Test
  void negativeRetryAfterMeansNowNeverANegativeDelay() {
    assertThat(status(429, "-1").retryAfter()).contains(Duration.ZERO);
    assertThat(POLICY.delayBeforeRetry(CREATE_CALL, 0, status(429, "-1"))).contains(Duration.ZERO);
    assertThat(POLICY.delayBeforeRetry(GET, 0, status(503, "-99999999999999999999999"))).contains(Duration.ZERO);
  }

  @Test
  void unparseableRetryAfterFallsBackToBackoff() {
    for (String garbage : List.of("soon", "1.5", "+5", "5s", "2015-10-21T07:28:00Z", "")) {
      assertThat(status(429, garbage).retryAfter()).as(garbage).isEmpty();
      assertThat(POLICY.delayBeforeRetry(GET, 0, status(429, garbage))).as(garbage)
          .contains(Duration.ofMillis(250));
    }
  }

  @Test
  void retryAfterAboveTheCapGivesUp() {
    assertThat(POLICY.delayBeforeRetry(GET, 0, status(429, "60"))).contains(Duration.ofSeconds(60));
    assertThat(POLICY.delayBeforeRetry(GET, 0, status(429, "61"))).isEmpty();
    assertThat(POLICY.delayBeforeRetry(CREATE_CALL, 0, status(429, "3600"))).isEmpty();
    assertThat(POLICY.delayBeforeRetry(GET, 0, status(503, "Wed, 21 Oct 2015 07:28:01 GMT"))).isEmpty();
    // A huge value saturates rather than overflowing into a short (or negative) wait.
    assertThat(POLICY.delayBeforeRetry(GET, 0, status(429, "99999999999999999999999999"))).isEmpty();
    RetryPolicy patient = new RetryPolicy(2, Duration.ofDays(365), () -> 0.5, CLOCK);
    assertThat(patient.delayBeforeRetry(GET, 0, status(429, "99999999999999999999999999"))).isEmpty();
    // maxRetryAfter zero: only "Retry-After: 0" is waited for.
    RetryPolicy impatient = new RetryPolicy(2, Duration.ZERO, () -> 0.5, CLOCK);
    assertThat(impatient.delayBeforeRetry(GET, 0, status(429, "0"))).contains(Duration.ZERO);
    assertThat(impatient.delayBeforeRetry(GET, 0, status(429, "1"))).isEmpty();
  }

  @Test
  void constructorRejectsNonsense() {
    assertThatThrownBy(() -> new RetryPolicy(-1, Duration.ofSeconds(1), () -> 0.5, CLOCK))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("maxRetries");
    assertThatThrownBy(() -> new RetryPolicy(2, null, () -> 0.5, CLOCK))
        .isInstanceOf(NullPointerException.class).hasMessage("maxRetryAfter == null");
    assertThatThrownBy(() -> new RetryPolicy(2, Duration.ofSeconds(1), null, CLOCK))
        .isInstanceOf(NullPointerException.class).hasMessage("random == null");
    assertThatThrownBy(() -> new RetryPolicy(2, Duration.ofSeconds(1), () -> 0.5, null))
        .isInstanceOf(NullPointerException.class).hasMessage("clock == null");
  }

  @Test
  void maxRetryAfterMustBeAWaitThatCanBeMade() {
    // A negative cap is nonsense, and a cap beyond what a Duration holds in nanoseconds (about 292
    // years) would let a huge Retry-After through to a delay no transport can convert: refused up front.
    assertThatThrownBy(() -> new RetryPolicy(2, Duration.ofSeconds(-1), () -> 0.5, CLOCK))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("maxRetryAfter");
    assertThatThrownBy(() -> new RetryPolicy(2, ChronoUnit.FOREVER.getDuration(), () -> 0.5, CLOCK))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("maxRetryAfter");
    assertThatThrownBy(() -> new RetryPolicy(2, Duration.ofSeconds(Long.MAX_VALUE), () -> 0.5, CLOCK))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("maxRetryAfter");

    Duration largest = Duration.ofNanos(Long.MAX_VALUE);
    RetryPolicy longest = new RetryPolicy(2, largest, () -> 0.5, CLOCK);
    Duration delay = longest.delayBeforeRetry(GET, 0, status(429, Long.toString(largest.getSeconds())))
        .orElseThrow();
    assertThat(delay).isEqualTo(Duration.ofSeconds(largest.getSeconds()));
    assertThat(delay.toMillis()).isPositive(); // what the transports and the log line convert it with
  }

  @Test
  void toStringShowsTheSettings() {
    assertThat(POLICY.toString()).isEqualTo("RetryPolicy[maxRetries=2, maxRetryAfter=PT1M]");
  }
}
