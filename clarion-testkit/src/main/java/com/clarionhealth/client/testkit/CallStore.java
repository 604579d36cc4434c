package com.clarionhealth.client.testkit;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;

/**
 * Every call of the sandbox, indexed by creation time, in a few bytes per call.
 *
 * <p>The index is two parallel primitive arrays sorted by (creation time in microseconds, id): a window
 * query is two binary searches, and a page is read straight off the matching slice, so a request costs
 * {@code O(log n + limit)} however many calls are stored. A call is only its id and creation time here;
 * everything else a response shows is derived when it is written ({@link CallScript}), from the call's id,
 * creation time and the seed of the batch it came from (seeded calls), or from the few fields of its
 * {@code POST} (created calls).
 *
 * <p>Thread-safe: every method holds the store's lock, and none does more than {@code O(log n + limit)} work
 * under it except adding calls (an insertion or a merge, {@code O(n)} copies at worst).
 */
final class CallStore {
  /** What the sandbox keeps of a created call: what its {@code POST} said that the call shows. */
  static final class Posted {
    final long assistantId;
    final String destinationNumber;
    final Long sourcePhoneNumberId;

    Posted(long assistantId, String destinationNumber, Long sourcePhoneNumberId) {
      this.assistantId = assistantId;
      this.destinationNumber = destinationNumber;
      this.sourcePhoneNumberId = sourcePhoneNumberId;
    }
  }

  /** One seeded batch: consecutive ids from {@code firstId}, creation times ascending, one seed. */
  static final class Batch {
    final long firstId;
    final long[] micros;
    final long seed;

    Batch(long firstId, long[] micros, long seed) {
      this.firstId = firstId;
      this.micros = micros;
      this.seed = seed;
    }

    long lastId() {
      return firstId + micros.length - 1;
    }
  }

  /** A stored call as the writer needs it. {@code posted} is null for a seeded call. */
  static final class Ref {
    final long id;
    final long createdMicros;
    final Posted posted;
    final long seed;

    Ref(long id, long createdMicros, Posted posted, long seed) {
      this.id = id;
      this.createdMicros = createdMicros;
      this.posted = posted;
      this.seed = seed;
    }
  }

  private final long postedSeed;
  private long[] at = new long[64];
  private long[] ids = new long[64];
  private int size;
  private long nextId = 1;
  private final Map<Long, Posted> posted = new HashMap<>();
  private final Map<Long, Long> postedAt = new HashMap<>();
  private final TreeMap<Long, Batch> batches = new TreeMap<>();
  private long examined;

  /** @param postedSeed the seed from which the content of created (not seeded) calls is derived */
  CallStore(long postedSeed) {
    this.postedSeed = postedSeed;
  }

  synchronized void clear() {
    at = new long[64];
    ids = new long[64];
    size = 0;
    nextId = 1;
    posted.clear();
    postedAt.clear();
    batches.clear();
    examined = 0;
  }

  synchronized int size() {
    return size;
  }

  /** Index entries probed and calls returned by {@link #select} since the last {@link #clear()}. */
  synchronized long examined() {
    return examined;
  }

  /** Stores a created call at {@code createdMicros} under the next id. */
  synchronized Ref create(long createdMicros, Posted call) {
    long id = nextId++;
    ensureCapacity(size + 1);
    int position = size > 0 && at[size - 1] <= createdMicros ? size : upperBound(createdMicros, false);
    System.arraycopy(at, position, at, position + 1, size - position);
    System.arraycopy(ids, position, ids, position + 1, size - position);
    at[position] = createdMicros;
    ids[position] = id;
    size++;
    posted.put(id, call);
    postedAt.put(id, createdMicros);
    return new Ref(id, createdMicros, call, postedSeed);
  }

  /**
   * Stores seeded calls under consecutive new ids, in the order of {@code sortedMicros} (which must ascend),
   * merging them into the index in one pass.
   */
  synchronized Batch addSeeded(long[] sortedMicros, long seed) {
    int n = sortedMicros.length;
    if ((long) size + n > Integer.MAX_VALUE - 16) {
      throw new IllegalArgumentException("the sandbox holds at most " + (Integer.MAX_VALUE - 16) + " calls");
    }
    Batch batch = new Batch(nextId, sortedMicros, seed);
    if (n == 0) {
      return batch;
    }
    nextId += n;
    batches.put(batch.firstId, batch);
    int capacity = (int) Math.min(Integer.MAX_VALUE - 16L, size + n + 64L + (size + n) / 8);
    long[] mergedAt = new long[capacity];
    long[] mergedIds = new long[capacity];
    int i = 0;
    int j = 0;
    int k = 0;
    while (i < size && j < n) {
      // On equal times the existing call comes first: its id is lower.
      if (at[i] <= sortedMicros[j]) {
        mergedAt[k] = at[i];
        mergedIds[k++] = ids[i++];
      } else {
        mergedAt[k] = sortedMicros[j];
        mergedIds[k++] = batch.firstId + j++;
      }
    }
    while (i < size) {
      mergedAt[k] = at[i];
      mergedIds[k++] = ids[i++];
    }
    while (j < n) {
      mergedAt[k] = sortedMicros[j];
      mergedIds[k++] = batch.firstId + j++;
    }
    at = mergedAt;
    ids = mergedIds;
    size = k;
    return batch;
  }

  /** How many calls were created within [ge, le] (microseconds, both inclusive). */
  synchronized int count(long geMicros, long leMicros) {
    if (geMicros > leMicros) {
      return 0;
    }
    return upperBound(leMicros, false) - lowerBound(geMicros, false);
  }

  /**
   * At most {@code limit} of the calls created within [ge, le] (microseconds, both inclusive), chosen and
   * ordered as asked. Looks at {@code O(log n)} index entries to find the slice and at exactly the calls it
   * returns.
   */
  synchronized List<Ref> select(long geMicros, long leMicros, int limit, ListOrder order,
      ListSelection selection, SplittableRandom random) {
    if (geMicros > leMicros) {
      return new ArrayList<>(0);
    }
    int lo = lowerBound(geMicros, true);
    int hi = upperBound(leMicros, true);
    int matching = Math.max(0, hi - lo);
    int k = Math.min(limit, matching);
    int[] positions = new int[k];
    if (k == matching || (selection == ListSelection.FIRST && order == ListOrder.OLDEST_FIRST)) {
      for (int p = 0; p < k; p++) {
        positions[p] = lo + p;
      }
    } else if (selection == ListSelection.FIRST && order == ListOrder.NEWEST_FIRST) {
      for (int p = 0; p < k; p++) {
        positions[p] = hi - k + p;
      }
    } else {
      // A uniform subset of k positions of the slice (Floyd's algorithm): O(k), whatever the slice's size.
      Set<Integer> chosen = new HashSet<>(k * 2);
      for (int j = matching - k; j < matching; j++) {
        int t = random.nextInt(j + 1);
        chosen.add(chosen.contains(t) ? j : t);
      }
      int p = 0;
      for (int offset : chosen) {
        positions[p++] = lo + offset;
      }
      Arrays.sort(positions);
    }
    switch (order) {
      case NEWEST_FIRST:
        reverse(positions);
        break;
      case RANDOM:
        for (int p = k - 1; p > 0; p--) {
          int q = random.nextInt(p + 1);
          int swap = positions[p];
          positions[p] = positions[q];
          positions[q] = swap;
        }
        break;
      default:
        break;
    }
    examined += k;
    List<Ref> refs = new ArrayList<>(k);
    for (int position : positions) {
      refs.add(ref(ids[position], at[position]));
    }
    return refs;
  }

  /** The call with this id, if stored. */
  synchronized Optional<Ref> find(long id) {
    Long createdMicros = postedAt.get(id);
    if (createdMicros != null) {
      return Optional.of(ref(id, createdMicros));
    }
    Map.Entry<Long, Batch> entry = batches.floorEntry(id);
    if (entry == null || id > entry.getValue().lastId()) {
      return Optional.empty();
    }
    Batch batch = entry.getValue();
    return Optional.of(new Ref(id, batch.micros[(int) (id - batch.firstId)], null, batch.seed));
  }

  private Ref ref(long id, long createdMicros) {
    Posted call = posted.get(id);
    if (call != null) {
      return new Ref(id, createdMicros, call, postedSeed);
    }
    return new Ref(id, createdMicros, null, batches.floorEntry(id).getValue().seed);
  }

  /** The first index whose time is {@code >= micros}. */
  private int lowerBound(long micros, boolean counted) {
    int lo = 0;
    int hi = size;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (counted) {
        examined++;
      }
      if (at[mid] < micros) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }

  /** The first index whose time is {@code > micros}. */
  private int upperBound(long micros, boolean counted) {
    int lo = 0;
    int hi = size;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (counted) {
        examined++;
      }
      if (at[mid] <= micros) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }

  private void ensureCapacity(int needed) {
    if (needed > at.length) {
      int capacity = (int) Math.min(Integer.MAX_VALUE - 16L, Math.max(needed, at.length * 2L));
      at = Arrays.copyOf(at, capacity);
      ids = Arrays.copyOf(ids, capacity);
    }
  }

  private static void reverse(int[] a) {
    for (int i = 0, j = a.length - 1; i < j; i++, j--) {
      int swap = a[i];
      a[i] = a[j];
      a[j] = swap;
    }
  }
}
