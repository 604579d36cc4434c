package com.clarionhealth.client.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Random;

/**
 * An in-memory {@code GET /call} with microsecond creation times (finer than the wire's millisecond),
 * inclusive bounds and a chosen order, counting requests. Calls are represented by their ids.
 * Thread-safe: the reactive driver fetches segments at once.
 */
public final class FakeListServer {
  /**
   * Which calls a window's page holds and in what order. When more calls match than the limit, the
   * first three return a prefix of that order; {@code ARBITRARY_SUBSET} picks adversarially: the calls
   * on the window's two edge milliseconds first (those a neighbouring window also returns, so a full
   * page is mostly duplicates), then the rest at random, and shuffles the page.
   */
  public enum Order { NEWEST_FIRST, OLDEST_FIRST, RANDOM, ARBITRARY_SUBSET }

  private final long[] micros; // sorted ascending
  private final long[] ids; // ids[i] was created at micros[i]
  private final int[] position; // position[id - 1_000_000] is the index of that id in micros
  private final Order order;
  private final Random random;
  private int requests;

  FakeListServer(long[] createdMicros, Order order, long seed) {
    this.order = order;
    this.random = new Random(seed);
    Integer[] index = new Integer[createdMicros.length];
    for (int i = 0; i < index.length; i++) {
      index[i] = i;
    }
    Arrays.sort(index, (a, b) -> Long.compare(createdMicros[a], createdMicros[b]));
    micros = new long[index.length];
    ids = new long[index.length];
    for (int i = 0; i < index.length; i++) {
      micros[i] = createdMicros[index[i]];
      ids[i] = 1_000_000L + index[i]; // id follows insertion, not creation time
    }
    position = new int[index.length];
    for (int i = 0; i < index.length; i++) {
      position[index[i]] = i;
    }
  }

  synchronized int requests() {
    return requests;
  }

  synchronized List<Long> list(Window window) {
    requests++;
    int lo = lowerBound(window.geMillis() * 1000);
    int hi = lowerBound(window.leMillis() * 1000 + 1); // inclusive: created <= le.000000
    List<Long> matching = new ArrayList<>(hi - lo);
    for (int i = lo; i < hi; i++) {
      matching.add(ids[i]);
    }
    switch (order) {
      case NEWEST_FIRST:
        Collections.reverse(matching);
        break;
      case OLDEST_FIRST:
        break;
      case RANDOM:
        Collections.shuffle(matching, random);
        break;
      case ARBITRARY_SUBSET:
        Collections.shuffle(matching, random);
        long geEdge = window.geMillis();
        long leEdge = window.leMillis();
        matching.sort(Comparator.comparingInt(id -> {
          long millis = micros[indexOf(id)] / 1000;
          return millis == geEdge || millis == leEdge ? 0 : 1;
        }));
        int limit = window.limit();
        List<Long> page = new ArrayList<>(matching.subList(0, Math.min(limit, matching.size())));
        Collections.shuffle(page, random);
        return page;
      default:
        throw new AssertionError(order);
    }
    int limit = window.limit();
    return matching.size() <= limit ? matching : new ArrayList<>(matching.subList(0, limit));
  }

  /** The ids created in {@code [fromMillis, toMillis]} (inclusive), as the stream must deliver them. */
  synchronized List<Long> expected(long fromMillis, long toMillis) {
    List<Long> result = new ArrayList<>();
    for (int i = lowerBound(fromMillis * 1000); i < lowerBound(toMillis * 1000 + 1); i++) {
      result.add(ids[i]);
    }
    return result;
  }

  private int indexOf(long id) {
    return position[(int) (id - 1_000_000L)];
  }

  /** How many calls a window holds, to judge a paging exception. */
  int countIn(long geMillis, long leMillis) {
    return lowerBound(leMillis * 1000 + 1) - lowerBound(geMillis * 1000);
  }

  private int lowerBound(long value) {
    int lo = 0;
    int hi = micros.length;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (micros[mid] < value) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }
}
