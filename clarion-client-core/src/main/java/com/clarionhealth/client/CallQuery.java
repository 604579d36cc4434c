package com.clarionhealth.client;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.Optional;

/**
 * What {@code calls().stream(query)} and {@code calls().pages(query)} deliver: every call created in a
 * time range, each exactly once. Immutable; each {@code with}-style method returns a new query.
 *
 * <p>The range is inclusive at both ends and widened to whole milliseconds ({@code from} rounded down,
 * {@code to} rounded up), the precision of the API. Calls come in ascending windows of creation time;
 * within one window, in the order the server returns them.
 */
public final class CallQuery {
  /** The earliest instant a query may start at. */
  public static final Instant EARLIEST = Instant.EPOCH;
  /** The latest instant a query may end at: the end of year 9999, the last the wire format can say. */
  public static final Instant LATEST = Instant.parse("9999-12-31T23:59:59.999Z");

  private static final int MAX_CONCURRENCY = 32;

  private final Instant from;
  private final Instant to;
  private final String cursor;
  private final Integer pageSize;
  private final int concurrency;
  private final boolean rawJson;

  private CallQuery(Instant from, Instant to, String cursor, Integer pageSize, int concurrency, boolean rawJson) {
    this.from = from;
    this.to = to;
    this.cursor = cursor;
    this.pageSize = pageSize;
    this.concurrency = concurrency;
    this.rawJson = rawJson;
  }

  /** Every call created from {@code from} to {@code to}, both inclusive. */
  public static CallQuery between(Instant from, Instant to) {
    requireNonNull(from, "from == null");
    requireNonNull(to, "to == null");
    checkBounds(from, "from");
    checkBounds(to, "to");
    if (from.isAfter(to)) {
      throw new IllegalArgumentException("from (" + from + ") is after to (" + to + ")");
    }
    return new CallQuery(from, to, null, null, 1, false);
  }

  /**
   * Every call created from {@code from} to the moment the stream starts. That moment is taken once,
   * when the stream sends its first request, and stays fixed, so the stream ends.
   */
  public static CallQuery since(Instant from) {
    requireNonNull(from, "from == null");
    checkBounds(from, "from");
    return new CallQuery(from, null, null, null, 1, false);
  }

  /**
   * The rest of an interrupted stream, from the {@link CallPage#cursor()} of the last page it
   * delivered: no call lost, none delivered twice. The cursor carries the range and the page size.
   *
   * @throws IllegalArgumentException if {@code cursor} was not made by this client
   */
  public static CallQuery resumeFrom(String cursor) {
    requireNonNull(cursor, "cursor == null");
    com.clarionhealth.client.internal.PagingCursor.decode(cursor); // fail now, before any request
    return new CallQuery(null, null, cursor, null, 1, false);
  }

  /**
   * The {@code limit} of each request, 1 to 1000. Default: 1000, the fewest requests. A smaller page
   * lowers the memory a page takes and the latency of the first call, for more requests.
   */
  public CallQuery pageSize(int pageSize) {
    if (pageSize < 1 || pageSize > 1000) {
      throw new IllegalArgumentException("pageSize must be within 1..1000, was " + pageSize);
    }
    return new CallQuery(from, to, cursor, pageSize, concurrency, rawJson);
  }

  /**
   * How many requests may be in flight at once, 1 to 32. Default: 1. Above 1, once the first window
   * has shown the density where the range starts, the rest is cut into slots about a page wide, and
   * up to that many requests are in flight at once (the blocking client on threads of the stream's
   * own). The output still comes in window order, each call once. Slots run ahead of the consumer,
   * whatever the concurrency, only as far as the client's {@link ClientBuilder#maxBytesAhead(long)}.
   */
  public CallQuery concurrency(int concurrency) {
    if (concurrency < 1 || concurrency > MAX_CONCURRENCY) {
      throw new IllegalArgumentException(
          "concurrency must be within 1.." + MAX_CONCURRENCY + ", was " + concurrency);
    }
    return new CallQuery(from, to, cursor, pageSize, concurrency, rawJson);
  }

  /**
   * Each page also carries the JSON text of each of its calls exactly as the server sent it
   * ({@link CallPage#rawJson()}): every field, the ones this version of the models does not declare
   * included, explicit {@code null}s, and numbers as written ({@code 1767977409575} stays so). For
   * archiving or re-exporting what the API said; the calls are bound as always. Costs a copy of each
   * page's text while the page is held, counted against {@link ClientBuilder#maxBytesAhead(long)}.
   */
  public CallQuery withRawJson() {
    return new CallQuery(from, to, cursor, pageSize, concurrency, true);
  }

  /** The start of the range; empty for a query resumed from a cursor. */
  public Optional<Instant> from() {
    return Optional.ofNullable(from);
  }

  /** The end of the range; empty when it is the moment the stream starts, or for a resumed query. */
  public Optional<Instant> to() {
    return Optional.ofNullable(to);
  }

  /** The cursor this query resumes from, if any. */
  public Optional<String> cursor() {
    return Optional.ofNullable(cursor);
  }

  /** The page size set with {@link #pageSize(int)}; empty means the default (or the cursor's). */
  public Optional<Integer> pageSize() {
    return Optional.ofNullable(pageSize);
  }

  /** The concurrency, 1 unless set. */
  public int concurrency() {
    return concurrency;
  }

  /** Whether pages carry the JSON text of their calls ({@link #withRawJson()}). */
  public boolean rawJson() {
    return rawJson;
  }

  private static void checkBounds(Instant instant, String name) {
    if (instant.isBefore(EARLIEST) || instant.isAfter(LATEST)) {
      throw new IllegalArgumentException(
          name + " must be between " + EARLIEST + " and " + LATEST + ", was " + instant);
    }
  }

  @Override
  public String toString() {
    StringBuilder s = new StringBuilder("CallQuery{");
    if (cursor != null) {
      s.append("resumed");
    } else {
      s.append("from=").append(from).append(", to=").append(to == null ? "stream start" : to);
    }
    if (pageSize != null) {
      s.append(", pageSize=").append(pageSize);
    }
    s.append(", concurrency=").append(concurrency);
    if (rawJson) {
      s.append(", rawJson");
    }
    return s.append('}').toString();
  }
}
