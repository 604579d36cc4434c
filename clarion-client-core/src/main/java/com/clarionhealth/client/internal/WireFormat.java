package com.clarionhealth.client.internal;

import com.clarionhealth.client.ListCallsParams;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** How both clients write the list query, so that they send the very same bytes. */
public final class WireFormat {
  /** UTC, always with milliseconds and a {@code Z}: {@code 2026-01-01T00:00:00.000Z}. */
  private static final DateTimeFormatter INSTANT =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

  public static final String CALLS_PATH = "/call";

  private WireFormat() {}

  /** An instant as the API takes it, truncated to the millisecond. */
  public static String instant(Instant instant) {
    return INSTANT.format(instant);
  }

  /** The encoded query string of one window request (no leading {@code ?}). */
  public static String listQuery(Window window) {
    return "limit=" + window.limit()
        + "&createdAtGe=" + encode(instant(window.createdAtGe()))
        + "&createdAtLe=" + encode(instant(window.createdAtLe()));
  }

  /** The encoded query string of {@code params}; empty when it sets nothing. */
  public static String listQuery(ListCallsParams params) {
    StringBuilder query = new StringBuilder();
    params.limit().ifPresent(limit -> append(query, "limit", String.valueOf(limit)));
    params.createdAtGe().ifPresent(ge -> append(query, "createdAtGe", encode(instant(ge))));
    params.createdAtLe().ifPresent(le -> append(query, "createdAtLe", encode(instant(le))));
    return query.toString();
  }

  private static void append(StringBuilder query, String name, String encodedValue) {
    if (query.length() > 0) {
      query.append('&');
    }
    query.append(name).append('=').append(encodedValue);
  }

  /** Percent-encodes the only reserved character an instant has, {@code ':'}; digits and
   * {@code -.TZ} are unreserved. */
  private static String encode(String instant) {
    return instant.replace(":", "%3A");
  }
}
