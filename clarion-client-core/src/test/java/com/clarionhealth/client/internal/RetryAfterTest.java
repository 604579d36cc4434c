package com.clarionhealth.client.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class RetryAfterTest {

  // 2015-10-21T07:27:00Z: one minute before the RFC example date.
  private static final Clock CLOCK = Clock.fixed(Instant.parse("2015-10-21T07:27:00Z"), ZoneOffset.UTC);

  @Test
  void deltaSeconds() {
    assertThat(RetryAfter.parse("120", CLOCK)).contains(Duration.ofSeconds(120));
    assertThat(RetryAfter.parse(" 7 ", CLOCK)).contains(Duration.ofSeconds(7));
    assertThat(RetryAfter.parse("0", CLOCK)).contains(Duration.ZERO);
    assertThat(RetryAfter.parse("007", CLOCK)).contains(Duration.ofSeconds(7));
  }

  @Test
  void negativeSecondsMeanNow() {
    assertThat(RetryAfter.parse("-5", CLOCK)).contains(Duration.ZERO);
    assertThat(RetryAfter.parse("-99999999999999999999999", CLOCK)).contains(Duration.ZERO);
  }

  @Test
  void hugeSecondsSaturateInsteadOfFailing() {
    assertThat(RetryAfter.parse("99999999999999999999999999", CLOCK)).contains(Duration.ofSeconds(Long.MAX_VALUE));
    assertThat(RetryAfter.parse("999999999999999999", CLOCK)).contains(Duration.ofSeconds(999999999999999999L));
  }

  @Test
  void httpDateInTheFuture() {
    assertThat(RetryAfter.parse("Wed, 21 Oct 2015 07:28:00 GMT", CLOCK)).contains(Duration.ofSeconds(60));
  }

  @Test
  void httpDateUsesTheClockNotTheSystemTime() {
    Clock later = Clock.fixed(Instant.parse("2015-10-21T07:27:30Z"), ZoneOffset.UTC);
    assertThat(RetryAfter.parse("Wed, 21 Oct 2015 07:28:00 GMT", later)).contains(Duration.ofSeconds(30));
  }

  @Test
  void httpDateInThePastMeansNow() {
    assertThat(RetryAfter.parse("Tue, 20 Oct 2015 07:28:00 GMT", CLOCK)).contains(Duration.ZERO);
  }

  @ParameterizedTest
  @NullAndEmptySource
  @ValueSource(strings = {" ", "soon", "1.5", "+5", "5s", "0x10", "Wed, 32 Oct 2015 07:28:00 GMT",
      "2015-10-21T07:28:00Z", "Wed, 21 Oct 2015 07:28:00"})
  void garbageIsEmpty(String value) {
    assertThat(RetryAfter.parse(value, CLOCK)).isEmpty();
  }
}
