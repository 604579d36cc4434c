package com.clarionhealth.client.internal;

import java.util.PriorityQueue;
import java.util.concurrent.CompletableFuture;

/**
 * When a stream at concurrency {@code n} may send another request: the one decision both clients'
 * paging loops ask before each {@code GET /call} of a slot, without I/O. Thread-safe.
 *
 * <p>Three limits, so that requests overlap while the consumer still takes pages in window order:
 * <ul>
 *   <li>at most {@code n} requests in flight, whatever the slots they belong to: a slot whose pages
 *       wait for an earlier one to be consumed does not hold a place (a slow or narrowed slot no
 *       longer stalls the others);
 *   <li>one budget in bytes for everything fetched ahead of the consumer and not yet taken: the bodies
 *       of completed pages (decoded or not) plus, for each request in flight, the size a full page
 *       has at the bytes per call seen so far. Memory then does not grow with {@code n};
 *   <li>at most {@code 4n} slots started ahead of the consumer, however small their pages.
 * </ul>
 * The slot the consumer waits for (the head) is never refused for the budget, only made to wait for a
 * place: what holds the budget are pages after it, which cannot be taken before it completes. Waiting
 * requests get places in slot order, the head's first.
 *
 * <p>Each request is a {@link Ticket}: {@linkplain Ticket#granted granted} (on the thread that made
 * room) and then {@linkplain Ticket#done done} exactly once, or cancelled while it waits. The
 * {@code onRoom} callback runs, outside any lock, whenever room may have appeared for a new slot.
 */
public final class FetchAhead {
  /** What a stream may hold ahead of its consumer unless the client is told otherwise. */
  static final long DEFAULT_MAX_BYTES_AHEAD = 32L * 1024 * 1024;

  /**
   * Slots started ahead of the consumer, per request in flight, whatever the budget: enough for the
   * requests to go on while a slot narrows a full page (a round trip more) without holding the others
   * up, and a bound on the stream's threads and bookkeeping where pages are small.
   */
  static final int SLOTS_AHEAD_PER_REQUEST = 4;

  private final int concurrency;
  private final long budget;
  private final int limit;
  private final Runnable onRoom;
  private final PriorityQueue<Ticket> waiting = new PriorityQueue<>((a, b) -> Long.compare(a.slot, b.slot));
  private int inFlight;
  private long heldBytes;
  private long headSlot;
  private long seenBytes;
  private long seenCalls;
  private boolean closed;

  FetchAhead(int concurrency, long budget, int limit, Runnable onRoom) {
    this.concurrency = concurrency;
    this.budget = budget;
    this.limit = limit;
    this.onRoom = onRoom;
  }

  /** Learns the bytes per call of a page (a discarded full one too): what a request in flight may bring. */
  synchronized void learn(long bytes, int calls) {
    seenBytes += bytes;
    seenCalls += calls;
  }

  /**
   * Whether slot {@code slot}, the next one, may start now: it is the slot the consumer waits for, or
   * a place is free, no request waits for one, and the budget has room for one more page. The loops
   * start slots only then, so that each slot is cut with the width learned last.
   */
  public synchronized boolean mayStartSlot(long slot) {
    return slot <= headSlot // the slot the consumer waits for
        || !closed && waiting.isEmpty() && inFlight < concurrency && withinBudget()
        && slot - headSlot < SLOTS_AHEAD_PER_REQUEST * concurrency;
  }

  /**
   * Asks for one request of slot {@code slot} (slots are numbered from 0 in window order): its
   * {@link Ticket#granted()} completes when the request may be sent, at once or later, on the thread
   * that made room.
   */
  public Ticket request(long slot) {
    Ticket ticket = new Ticket(slot);
    boolean now;
    synchronized (this) {
      now = (waiting.isEmpty() || waiting.peek().slot > slot) && placeFor(slot);
      if (now) {
        inFlight++;
        ticket.state = Ticket.GRANTED;
      } else {
        waiting.add(ticket);
      }
    }
    if (now) {
      ticket.granted.complete(null);
    }
    return ticket;
  }

  /** The consumer took a completed page of {@code bytes}: they no longer count against the budget. */
  public void taken(long bytes) {
    synchronized (this) {
      heldBytes -= bytes;
    }
    grantWaiting();
  }

  /** The consumer took the last page of slot {@code slot}: the next slot is the head now. */
  public void slotDelivered(long slot) {
    synchronized (this) {
      headSlot = Math.max(headSlot, slot + 1);
    }
    grantWaiting();
  }

  /** The stream ended or was cancelled: nothing waiting is granted any more. */
  public synchronized void close() {
    closed = true;
    waiting.clear();
  }

  /** Whether a request of {@code slot} may take a place now: one is free, and the budget allows it or it is the head's. */
  private boolean placeFor(long slot) {
    return !closed && inFlight < concurrency && (slot <= headSlot || withinBudget());
  }

  private boolean withinBudget() {
    return heldBytes + (inFlight + 1L) * pageEstimate() <= budget;
  }

  /** A full page at the bytes per call seen so far: the most one request can bring. */
  private long pageEstimate() {
    return seenCalls == 0 ? 0 : (long) ((double) seenBytes / seenCalls * limit);
  }

  private void grantWaiting() {
    while (true) {
      Ticket next;
      synchronized (this) {
        next = waiting.peek();
        if (next == null || !placeFor(next.slot)) {
          break;
        }
        waiting.poll();
        inFlight++;
        next.state = Ticket.GRANTED;
      }
      next.granted.complete(null);
    }
    onRoom.run();
  }

  /** One request of a slot, from its wait for a place to its answer. */
  public final class Ticket {
    static final int WAITING = 0;
    static final int GRANTED = 1;
    static final int DONE = 2;

    private final long slot;
    private final CompletableFuture<Void> granted = new CompletableFuture<>();
    private int state = WAITING;

    private Ticket(long slot) {
      this.slot = slot;
    }

    /** Completes when the request may be sent; never completes for a ticket cancelled while it waits. */
    public CompletableFuture<Void> granted() {
      return granted;
    }

    /**
     * The request ended: {@code page} is what it fetched (null if it failed or was cancelled), and
     * {@code kept} whether that page is held for the consumer (a completed window) rather than
     * discarded. Frees the place; only the first call counts, and a ticket still waiting is withdrawn.
     */
    public void done(FetchedPage page, boolean kept) {
      synchronized (FetchAhead.this) {
        if (state == DONE) {
          return;
        }
        if (state == WAITING) {
          waiting.remove(this);
        } else {
          inFlight--;
          if (page != null) {
            learn(page.bytes(), page.size());
            if (kept) {
              heldBytes += page.bytes();
            }
          }
        }
        state = DONE;
      }
      grantWaiting();
    }

    /** Withdraws the request: it was not sent, or its answer is not wanted. */
    public void cancel() {
      done(null, false);
    }
  }

  @Override
  public synchronized String toString() {
    return "FetchAhead{" + inFlight + " in flight of " + concurrency + ", " + heldBytes + " bytes held of "
        + budget + ", " + waiting.size() + " waiting, head slot " + headSlot + "}";
  }
}
