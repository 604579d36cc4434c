package com.clarionhealth.client.internal;

import com.clarionhealth.client.model.Call;
import java.util.List;

/**
 * A window whose page was not full, as its segment's walker completed it: before deduplication, which
 * must see the windows of every segment in order, so this is what travels from a segment to the
 * {@link PageAssembler}.
 */
public final class CompletedWindow {
  final Window window;
  final List<Call> calls;
  final List<String> rawJson; // the text of each call, when the query asked for it; else null
  final long widthHintMillis; // taken at completion: with concurrency the segment moves on meanwhile
  final int requests;
  final long bytes; // of the page's body: what the stream holds for it until the consumer takes it

  CompletedWindow(Window window, List<Call> calls, List<String> rawJson, long widthHintMillis, int requests,
      long bytes) {
    this.window = window;
    this.calls = calls;
    this.rawJson = rawJson;
    this.widthHintMillis = widthHintMillis;
    this.requests = requests;
    this.bytes = bytes;
  }

  /** The length of the page's body, counted against the stream's {@link FetchAhead} budget. */
  public long bytes() {
    return bytes;
  }

  @Override
  public String toString() {
    return "CompletedWindow{" + window + ", " + calls.size() + " calls, " + requests + " requests}";
  }
}
