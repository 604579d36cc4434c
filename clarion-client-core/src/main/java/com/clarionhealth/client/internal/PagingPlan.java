package com.clarionhealth.client.internal;

import static java.util.Objects.requireNonNull;

import com.clarionhealth.client.CallQuery;
import com.clarionhealth.client.model.Call;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Function;

/**
 * A {@link CallQuery} resolved at the moment its stream starts: the fixed range in milliseconds, the
 * page size, and the segments to page. Both clients drive it the same way: each segment's
 * {@link WindowPlanner} gives the windows to fetch and completes them, and the completed windows go,
 * in window order, through the one {@link PageAssembler}.
 */
public final class PagingPlan {
  private final long startMillis;
  private final long endMillis;
  private final int limit;
  private final long widthHintMillis;
  private final int concurrency;
  private final PagingCursor resumedFrom;

  private PagingPlan(long startMillis, long endMillis, int limit, long widthHintMillis,
      int concurrency, PagingCursor resumedFrom) {
    this.startMillis = startMillis;
    this.endMillis = endMillis;
    this.limit = limit;
    this.widthHintMillis = widthHintMillis;
    this.concurrency = concurrency;
    this.resumedFrom = resumedFrom;
  }

  /** Resolves {@code query}; {@code now} is the end of a range left open. */
  public static PagingPlan of(CallQuery query, Instant now) {
    requireNonNull(query, "query == null");
    requireNonNull(now, "now == null");
    if (query.cursor().isPresent()) {
      PagingCursor cursor = PagingCursor.decode(query.cursor().get());
      int limit = query.pageSize().orElse(cursor.limit());
      return new PagingPlan(cursor.positionMillis(), cursor.endMillis(), limit,
          cursor.widthHintMillis(), query.concurrency(), cursor);
    }
    long start = query.from().orElseThrow().toEpochMilli();
    long end = ceilMillis(query.to().orElse(now));
    if (end < start) {
      throw new IllegalArgumentException(
          "from (" + query.from().get() + ") is after the moment the stream started (" + now + ")");
    }
    int limit = query.pageSize().orElse(WindowPlanner.MAX_LIMIT);
    return new PagingPlan(start, end, limit, end - start, query.concurrency(), null);
  }

  /** Whether there is nothing left to fetch: a cursor taken after the last page of its range. */
  public boolean isComplete() {
    return resumedFrom != null && resumedFrom.isComplete();
  }

  /**
   * The planners of the range's segments, in ascending order. Adjacent segments share their edge
   * instant, like adjacent windows, so the one deduplicator over the ordered pages covers both.
   */
  public List<WindowPlanner> segments() {
    if (isComplete()) {
      return Collections.emptyList();
    }
    long span = endMillis - startMillis;
    int count = (int) Math.max(1, Math.min(concurrency, span));
    List<WindowPlanner> planners = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      long from = startMillis + span * i / count;
      long to = i == count - 1 ? endMillis : startMillis + span * (i + 1) / count;
      long width = count == 1 ? widthHintMillis : to - from;
      planners.add(WindowPlanner.forRange(from, to, limit, width));
    }
    return planners;
  }

  /** The assembler of this plan's pages, primed by the cursor it resumes from. */
  public PageAssembler assembler() {
    return new PageAssembler(endMillis, limit, deduplicator(Call::getId));
  }

  /** The deduplicator for the ordered pages of this plan, primed by the cursor it resumes from. */
  <T> EdgeDeduplicator<T> deduplicator(Function<? super T, Long> idOf) {
    return resumedFrom == null
        ? EdgeDeduplicator.fresh(idOf)
        : EdgeDeduplicator.resuming(idOf, resumedFrom);
  }

  private static long ceilMillis(Instant instant) {
    long millis = instant.toEpochMilli();
    return instant.getNano() % 1_000_000 == 0 ? millis : millis + 1;
  }
}
