package com.clarionhealth.cli;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Reads {@code 2026-01-01T00:00:00Z}, {@code 2026-01-01T02:00:00+02:00} or {@code 2026-01-01} (UTC). */
final class Instants implements ITypeConverter<Instant> {
  @Override
  public Instant convert(String value) {
    try {
      return OffsetDateTime.parse(value).toInstant();
    } catch (DateTimeParseException notADateTime) {
      try {
        return LocalDate.parse(value).atStartOfDay(ZoneOffset.UTC).toInstant();
      } catch (DateTimeParseException notADate) {
        throw new TypeConversionException("'" + value + "' is not a date-time: use ISO-8601, like "
            + "2026-01-01T00:00:00Z or 2026-01-01");
      }
    }
  }
}
