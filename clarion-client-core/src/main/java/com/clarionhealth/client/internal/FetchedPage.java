package com.clarionhealth.client.internal;

import com.clarionhealth.client.model.Call;
import java.util.List;

/**
 * What one {@code GET /call} of a window answered: how many elements the array had (what decides
 * whether the page is full) and, unless it was full and so is discarded, its calls. A full page is
 * counted, never bound: binding a thousand calls to throw them away is most of a page's cost.
 */
public final class FetchedPage {
  private final int size;
  private final List<Call> calls;
  private final List<String> rawJson;
  private final long bytes;

  private FetchedPage(int size, List<Call> calls, List<String> rawJson, long bytes) {
    this.size = size;
    this.calls = calls;
    this.rawJson = rawJson;
    this.bytes = bytes;
  }

  /** A page whose calls are {@code calls}, JSON {@code null}s left out; {@code size} counts them. */
  public static FetchedPage of(int size, List<Call> calls) {
    return new FetchedPage(size, calls, null, 0);
  }

  /** {@link #of(int, List)} of a body of {@code bytes}: what a stream holds while the page waits. */
  static FetchedPage of(int size, List<Call> calls, long bytes) {
    return new FetchedPage(size, calls, null, bytes);
  }

  /**
   * {@link #of(int, List, long)} with the text of each call beside it ({@code rawJson.get(i)} is the JSON
   * of {@code calls.get(i)}), for a query that asked for it; what the stream holds for the page is then
   * the body and the texts, {@code bytes}.
   */
  static FetchedPage withRawJson(int size, List<Call> calls, List<String> rawJson, long bytes) {
    return new FetchedPage(size, calls, rawJson, bytes);
  }

  /** A full page of a body of {@code bytes}, to be discarded: only its size is known. */
  static FetchedPage full(int size, long bytes) {
    return new FetchedPage(size, null, null, bytes);
  }

  /** The elements of the array, JSON {@code null}s included: the server's limit counts them. */
  public int size() {
    return size;
  }

  /** The length of the body; 0 when not known. */
  long bytes() {
    return bytes;
  }

  /** The calls, when bound; null for a full page. */
  List<Call> calls() {
    return calls;
  }

  /** The JSON text of each call, when the query asked for it; null otherwise. */
  List<String> rawJson() {
    return rawJson;
  }
}
