package com.clarionhealth.client.blocking;

import com.clarionhealth.client.CallPage;
import com.clarionhealth.client.internal.CompletedWindow;
import com.clarionhealth.client.internal.FetchedPage;
import com.clarionhealth.client.internal.PageAssembler;
import com.clarionhealth.client.internal.PagingPlan;
import com.clarionhealth.client.internal.Window;
import com.clarionhealth.client.internal.WindowPlanner;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.function.Function;

/**
 * The blocking paging loop: the segments of a plan one after another, one request at a time on the
 * calling thread, each completed window assembled into a page. Lazy: nothing is fetched before
 * {@link #hasNext()}. The reactive client's twin is {@code ReactivePages}.
 */
final class PageLoop implements Iterator<CallPage> {
  private final Iterator<WindowPlanner> segments;
  private final PageAssembler assembler;
  private final Function<Window, FetchedPage> fetch;
  private WindowPlanner segment;
  private CallPage next;

  /** @param fetch one {@code GET /call} of a window; its exceptions reach the caller of {@link #hasNext()} */
  PageLoop(PagingPlan plan, Function<Window, FetchedPage> fetch) {
    this.segments = plan.segments().iterator();
    this.assembler = plan.assembler();
    this.fetch = fetch;
  }

  @Override
  public boolean hasNext() {
    while (next == null) {
      if (segment == null || segment.isDone()) {
        if (!segments.hasNext()) {
          return false;
        }
        segment = segments.next();
        continue;
      }
      Window window = segment.nextWindow();
      CompletedWindow completed = segment.onPage(window, fetch.apply(window));
      if (completed != null) {
        next = assembler.page(completed);
      }
    }
    return true;
  }

  @Override
  public CallPage next() {
    if (!hasNext()) {
      throw new NoSuchElementException();
    }
    CallPage page = next;
    next = null;
    return page;
  }
}
