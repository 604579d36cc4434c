package com.clarionhealth.client.internal;

import static java.util.Objects.requireNonNull;

import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.function.Function;

/**
 * Walks a {@link PagingPlan} one request at a time on the calling thread, yielding each completed
 * window as a page of new calls with its cursor. Lazy: nothing is fetched before {@link #hasNext()}.
 * Pages with no new calls are yielded too, because their cursor still marks progress.
 */
public final class PageIterator<T> implements Iterator<PageIterator.Page<T>> {
  private final PagingPlan plan;
  private final Iterator<WindowPlanner> segments;
  private final EdgeDeduplicator<T> dedup;
  private final Function<Window, List<T>> fetch;
  private WindowPlanner segment;
  private Page<T> next;

  /**
   * @param fetch sends one {@code GET /call} for a window and returns the calls in server order; its
   *     exceptions propagate to the caller of {@link #hasNext()}
   */
  public PageIterator(PagingPlan plan, Function<? super T, Long> idOf, Function<Window, List<T>> fetch) {
    this.plan = requireNonNull(plan, "plan == null");
    this.segments = plan.segments().iterator();
    this.dedup = plan.deduplicator(requireNonNull(idOf, "idOf == null"));
    this.fetch = requireNonNull(fetch, "fetch == null");
  }

  @Override
  public boolean hasNext() {
    int requests = 0;
    while (next == null) {
      if (segment == null || segment.isDone()) {
        if (!segments.hasNext()) {
          return false;
        }
        segment = segments.next();
      }
      Window window = segment.nextWindow();
      List<T> calls = fetch.apply(window);
      requests++;
      if (segment.onPage(window, calls.size())) {
        List<T> fresh = dedup.accept(window, calls);
        next = new Page<>(window, fresh, plan.cursorAfter(window, segment.widthHintMillis(), dedup),
            requests);
      }
    }
    return true;
  }

  @Override
  public Page<T> next() {
    if (!hasNext()) {
      throw new NoSuchElementException();
    }
    Page<T> page = next;
    next = null;
    return page;
  }

  /** A completed window: the calls not delivered before, and where to resume after them. */
  public static final class Page<T> {
    private final Window window;
    private final List<T> calls;
    private final String cursor;
    private final int requests;

    public Page(Window window, List<T> calls, String cursor, int requests) {
      this.window = window;
      this.calls = List.copyOf(calls);
      this.cursor = cursor;
      this.requests = requests;
    }

    public Window window() {
      return window;
    }

    public List<T> calls() {
      return calls;
    }

    public String cursor() {
      return cursor;
    }

    /** The requests this window took, the discarded full pages included. */
    public int requests() {
      return requests;
    }
  }
}
