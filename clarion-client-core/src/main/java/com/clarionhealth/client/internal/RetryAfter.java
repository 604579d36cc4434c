package com.clarionhealth.client.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Parses the HTTP {@code Retry-After} header (RFC 9110 section 10.2.3).
 *
 * <p>Not API: see the {@linkplain com.clarionhealth.client.internal package documentation}.
 */
public final class RetryAfter {

  /** The header name, for lookups in response headers. */
  public static final String HEADER = "Retry-After";

  // The RFC allows only digits; a leading minus is accepted so that "-5" means "now" rather than "unknown".
  private static final Pattern DELTA_SECONDS = Pattern.compile("-?[0-9]+");

  // Long.MAX_VALUE has 19 digits; anything longer is simply "a very long time".
  private static final int MAX_PARSEABLE_DIGITS = 18;

  private RetryAfter() {
  }

  /**
   * Parses a {@code Retry-After} value.
   *
   * @param headerValue delta-seconds ({@code "120"}) or an RFC 1123 HTTP-date
   *                    ({@code "Wed, 21 Oct 2015 07:28:00 GMT"}); may be {@code null}
   * @param clock       the current time, to turn an HTTP-date into a delay
   * @return the delay; {@link Duration#ZERO} for a negative number or a date in the past; empty when the value is
   *         absent or cannot be parsed
   */
  public static Optional<Duration> parse(String headerValue, Clock clock) {
    Objects.requireNonNull(clock, "clock == null");
    if (headerValue == null || headerValue.isBlank()) {
      return Optional.empty();
    }
    String value = headerValue.strip();
    if (DELTA_SECONDS.matcher(value).matches()) {
      return Optional.of(parseSeconds(value));
    }
    try {
      ZonedDateTime date = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME);
      return Optional.of(nonNegative(Duration.between(clock.instant(), date.toInstant())));
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }

  private static Duration parseSeconds(String value) {
    if (value.startsWith("-")) {
      return Duration.ZERO;
    }
    String digits = value.replaceFirst("^0+(?=.)", "");
    if (digits.length() > MAX_PARSEABLE_DIGITS) {
      return Duration.ofSeconds(Long.MAX_VALUE);
    }
    return Duration.ofSeconds(Long.parseLong(digits));
  }

  private static Duration nonNegative(Duration d) {
    return d.isNegative() ? Duration.ZERO : d;
  }
}
