package com.clarionhealth.client.internal;

import com.clarionhealth.client.CallPage;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * A client's own paging loop, driven against an in-memory server: what the paging properties run
 * through, so that they hold for the code that users run, in each client, at every concurrency.
 */
@FunctionalInterface
public interface PagingDriver {
  /**
   * Walks {@code plan} as the client does, handing each page to {@code sink}, and stops after
   * {@code maxPages} pages (cancelling what is in flight) or at the end. What the walk throws is
   * thrown.
   *
   * @param server answers one window's {@code GET /call}; it may be called from any thread
   */
  void walk(PagingPlan plan, Function<Window, FetchedPage> server, int maxPages, Consumer<CallPage> sink);
}
