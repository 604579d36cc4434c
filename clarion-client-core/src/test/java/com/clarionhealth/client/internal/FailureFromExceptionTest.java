package com.clarionhealth.client.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.clarionhealth.client.ClarionApiException;
import com.clarionhealth.client.ClarionDecodingException;
import com.clarionhealth.client.ClarionTimeoutException;
import com.clarionhealth.client.ClarionTransportException;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class FailureFromExceptionTest {

  private static final Clock CLOCK = Clock.fixed(Instant.parse("2015-10-21T07:27:00Z"), ZoneOffset.UTC);
  private static final RetryPolicy POLICY = RetryPolicy.builder().random(() -> 0.5).clock(CLOCK).build();

  @Test
  void transportFailures() {
    assertThat(Failure.from(ClarionTransportException.create("POST", "/call", false, null), CLOCK))
        .contains(Failure.notSent());
    assertThat(Failure.from(ClarionTransportException.create("POST", "/call", true, new IOException()), CLOCK))
        .contains(Failure.ioAfterSend());
    assertThat(Failure.from(ClarionTimeoutException.connectTimeout("POST", "/call", null), CLOCK))
        .contains(Failure.timeout(false));
    assertThat(Failure.from(ClarionTimeoutException.responseTimeout("POST", "/call", null), CLOCK))
        .contains(Failure.timeout(true));
  }

  @Test
  void apiFailuresCarryStatusAndRetryAfter() {
    ClarionApiException unavailable = ClarionApiException.create(
        "GET", "/call", 503, Map.of("retry-after", List.of("Wed, 21 Oct 2015 07:27:10 GMT")), null, CLOCK);
    assertThat(Failure.from(unavailable, CLOCK)).contains(Failure.status(503, Optional.of(Duration.ofSeconds(10))));
    assertThat(Failure.from(ClarionApiException.create("GET", "/call", 404, null, null), CLOCK))
        .contains(Failure.status(404));
  }

  @Test
  void decodingFailuresAreNeverRetried() {
    ClarionDecodingException e = ClarionDecodingException.create("GET", "/call", 200, null, null, null);
    assertThat(Failure.from(e, CLOCK)).isEmpty();
    assertThat(POLICY.delayBeforeRetry(RequestKind.IDEMPOTENT, 0, e)).isEmpty();
  }

  @Test
  void policyDecidesFromTheException() {
    ClarionTimeoutException sentCall = ClarionTimeoutException.responseTimeout("POST", "/call", null);
    assertThat(POLICY.delayBeforeRetry(RequestKind.CREATE_CALL, 0, sentCall)).isEmpty();
    assertThat(POLICY.delayBeforeRetry(RequestKind.IDEMPOTENT, 0, sentCall)).contains(Duration.ofMillis(250));

    ClarionApiException limited = ClarionApiException.create(
        "POST", "/call", 429, Map.of("Retry-After", List.of("3")), null, CLOCK);
    assertThat(POLICY.delayBeforeRetry(RequestKind.CREATE_CALL, 0, limited)).contains(Duration.ofSeconds(3));

    ClarionApiException serverError = ClarionApiException.create("POST", "/call", 500, null, null);
    assertThat(POLICY.delayBeforeRetry(RequestKind.CREATE_CALL, 0, serverError)).isEmpty();
  }
}
