package com.clarionhealth.client;

import static java.util.Objects.requireNonNull;

import com.clarionhealth.client.model.Call;
import java.time.Instant;
import java.util.List;

/**
 * One completed time window of a stream: the calls created in it that no earlier page delivered, and
 * the cursor to resume after it. A page may be empty (a window with no new calls); its cursor still
 * marks progress. A page holds at most 1000 calls.
 */
public final class CallPage {
  private final List<Call> calls;
  private final List<String> rawJson;
  private final String cursor;
  private final Instant windowStart;
  private final Instant windowEnd;
  private final int requests;

  /**
   * Made by the clients; public only because they live in other packages.
   *
   * @param rawJson the text of each call, one per call in the same order, or null when not asked for
   */
  public CallPage(List<Call> calls, List<String> rawJson, String cursor, Instant windowStart, Instant windowEnd,
      int requests) {
    this.calls = List.copyOf(requireNonNull(calls, "calls == null"));
    this.rawJson = rawJson == null ? null : List.copyOf(rawJson);
    if (rawJson != null && rawJson.size() != calls.size()) {
      throw new IllegalArgumentException(
          "rawJson has " + rawJson.size() + " texts for " + calls.size() + " calls");
    }
    this.cursor = requireNonNull(cursor, "cursor == null");
    this.windowStart = requireNonNull(windowStart, "windowStart == null");
    this.windowEnd = requireNonNull(windowEnd, "windowEnd == null");
    this.requests = requests;
  }

  /** The calls of this page, in the order the server returned them; unmodifiable. */
  public List<Call> calls() {
    return calls;
  }

  /**
   * The JSON text of each call of {@link #calls()}, in the same order ({@code rawJson().get(i)} is the
   * text {@code calls().get(i)} was bound from), exactly as the server sent it: every field, unknown ones
   * and explicit {@code null}s included, numbers as written. Whitespace inside a call is the server's too,
   * line breaks included. Unmodifiable.
   *
   * @throws IllegalStateException if the query did not ask for it with {@link CallQuery#withRawJson()}
   */
  public List<String> rawJson() {
    if (rawJson == null) {
      throw new IllegalStateException("this page has no raw JSON: ask for it with CallQuery.withRawJson()");
    }
    return rawJson;
  }

  /**
   * Where to resume after this page: pass it to {@link CallQuery#resumeFrom(String)}. Opaque and
   * URL-safe; it carries the range and the page size, never the API key.
   */
  public String cursor() {
    return cursor;
  }

  /** The inclusive start of this page's window of creation time. */
  public Instant windowStart() {
    return windowStart;
  }

  /** The inclusive end of this page's window of creation time. */
  public Instant windowEnd() {
    return windowEnd;
  }

  /**
   * How many {@code GET /call} exchanges completing this window took: 1, plus one for each full page
   * that had to be discarded and narrowed. Retries of a failed request are not counted.
   */
  public int requests() {
    return requests;
  }

  @Override
  public String toString() {
    return "CallPage{" + calls.size() + " calls, window [" + windowStart + ", " + windowEnd + "]}";
  }
}
