package com.clarionhealth.client.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * An in-memory {@code GET /call} with microsecond creation times (finer than the wire's millisecond),
 * inclusive bounds and a chosen order, counting requests. Calls are represented by their ids.
 */
final class FakeListServer {
  enum Order { NEWEST_FIRST, OLDEST_FIRST, RANDOM, ARBITRARY_SUBSET }

  private final long[] micros; // sorted ascending
  private final long[] ids; // ids[i] was created at micros[i]
  private final Order order;
  private final Random random;
  int requests;

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
  }

  List<Long> list(Window window) {
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
      case ARBITRARY_SUBSET:
        Collections.shuffle(matching, random);
        break;
      default:
        throw new AssertionError(order);
    }
    int limit = window.limit();
    return matching.size() <= limit ? matching : new ArrayList<>(matching.subList(0, limit));
  }

  /** The ids created in {@code [fromMillis, toMillis]} (inclusive), as the stream must deliver them. */
  List<Long> expected(long fromMillis, long toMillis) {
    List<Long> result = new ArrayList<>();
    for (int i = lowerBound(fromMillis * 1000); i < lowerBound(toMillis * 1000 + 1); i++) {
      result.add(ids[i]);
    }
    return result;
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
