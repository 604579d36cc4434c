package com.clarionhealth.client.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * Removes the calls a complete window shares with the one before it.
 *
 * <p>Consecutive windows share their edge instant, so a call created exactly on it comes back twice.
 * Which calls sit on the edge is unknown (a call has no creation time), but every one of them is in
 * the previous window's page, which was complete. So the ids of that one page are all the memory this
 * needs: bounded by a page, not by the number of calls. Pages must be given in window order.
 *
 * <p>A call without an id cannot be recognised again and is always delivered; a {@code null} element
 * (a JSON {@code null} in the array) is no call and is dropped.
 */
public final class EdgeDeduplicator<T> {
  private final Function<? super T, Long> idOf;
  private long edgeMillis;
  private long[] edgeIds;

  private EdgeDeduplicator(Function<? super T, Long> idOf, long edgeMillis, long[] edgeIds) {
    this.idOf = idOf;
    this.edgeMillis = edgeMillis;
    this.edgeIds = edgeIds;
  }

  /** A deduplicator for a fresh range: nothing delivered yet. */
  public static <T> EdgeDeduplicator<T> fresh(Function<? super T, Long> idOf) {
    return new EdgeDeduplicator<>(idOf, Long.MIN_VALUE, new long[0]);
  }

  /** A deduplicator that continues after the page a cursor was taken from. */
  public static <T> EdgeDeduplicator<T> resuming(Function<? super T, Long> idOf, PagingCursor cursor) {
    return new EdgeDeduplicator<>(idOf, cursor.positionMillis(), cursor.edgeIds());
  }

  /** Returns the calls of {@code window} not delivered with the previous window, in server order. */
  public List<T> accept(Window window, List<T> page) {
    return kept(page, mark(window, page));
  }

  /**
   * Which calls of {@code window} the previous window did not deliver: {@code fresh[i]} for
   * {@code page.get(i)}. What {@link #accept} keeps; a caller with something beside each call (its JSON
   * text) keeps that with {@link #kept} too.
   */
  boolean[] mark(Window window, List<T> page) {
    Set<Long> previous = window.geMillis() == edgeMillis ? asSet(edgeIds) : Set.of();
    boolean[] fresh = new boolean[page.size()];
    long[] ids = new long[page.size()];
    int n = 0;
    for (int i = 0; i < fresh.length; i++) {
      T call = page.get(i);
      if (call == null) {
        continue; // a JSON null in the array is no call; it must not end the stream
      }
      Long id = idOf.apply(call);
      if (id != null) {
        ids[n++] = id;
      }
      fresh[i] = id == null || !previous.contains(id);
    }
    edgeMillis = window.leMillis();
    edgeIds = n == ids.length ? ids : Arrays.copyOf(ids, n);
    return fresh;
  }

  /** The elements of {@code list} that {@code fresh} marks, in order. */
  static <U> List<U> kept(List<U> list, boolean[] fresh) {
    List<U> kept = new ArrayList<>(list.size());
    for (int i = 0; i < fresh.length; i++) {
      if (fresh[i]) {
        kept.add(list.get(i));
      }
    }
    return kept;
  }

  /** The ids of the last accepted page: what a cursor must carry to resume without duplicates. */
  long[] edgeIds() {
    return edgeIds.clone();
  }

  private static Set<Long> asSet(long[] ids) {
    Set<Long> set = new HashSet<>(ids.length * 2);
    for (long id : ids) {
      set.add(id);
    }
    return set;
  }
}
