package com.clarionhealth.client.internal;

import com.clarionhealth.client.CallPage;
import com.clarionhealth.client.model.Call;

/**
 * Turns the completed windows of a plan, given in window order whatever the concurrency, into the
 * pages a user sees: the calls no earlier page delivered, and the cursor to resume after them. Not
 * thread-safe: one per stream, fed one window at a time.
 */
public final class PageAssembler {
  private final long endMillis;
  private final int limit;
  private final EdgeDeduplicator<Call> dedup;
  private final StreamRun run;

  PageAssembler(long endMillis, int limit, EdgeDeduplicator<Call> dedup, StreamRun run) {
    this.endMillis = endMillis;
    this.limit = limit;
    this.dedup = dedup;
    this.run = run;
  }

  public CallPage page(CompletedWindow completed) {
    Window window = completed.window;
    boolean[] fresh = dedup.mark(window, completed.calls);
    CallPage page = new CallPage(EdgeDeduplicator.kept(completed.calls, fresh),
        completed.rawJson == null ? null : EdgeDeduplicator.kept(completed.rawJson, fresh),
        PagingCursor.after(window, endMillis, limit, completed.widthHintMillis, dedup).encode(),
        window.createdAtGe(), window.createdAtLe(), completed.requests);
    // Here, in window order on the consumer's side, and counting only what deduplication kept.
    run.windowCompleted(window, page.calls().size());
    return page;
  }
}
