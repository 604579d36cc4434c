package com.clarionhealth.client.blocking;

import com.clarionhealth.client.CallPage;
import com.clarionhealth.client.ClarionTransportException;
import com.clarionhealth.client.internal.CompletedWindow;
import com.clarionhealth.client.internal.FetchAhead;
import com.clarionhealth.client.internal.FetchedPage;
import com.clarionhealth.client.internal.Frontier;
import com.clarionhealth.client.internal.PageAssembler;
import com.clarionhealth.client.internal.PagingPlan;
import com.clarionhealth.client.internal.Window;
import com.clarionhealth.client.internal.WindowPlanner;
import com.clarionhealth.client.internal.WireFormat;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.NoSuchElementException;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * The blocking paging loop, twin of the reactive client's {@code ReactivePages}: the plan's head walks
 * its windows one request at a time on the calling thread. At concurrency {@code n} it stops after its
 * first window; the frontier's slots are then walked on threads of the stream's own, each request
 * waiting for the stream's {@link FetchAhead} to give it a place (at most {@code n} in flight, and a
 * budget of bytes fetched ahead), while the calling thread takes their pages in window order. Slots
 * run ahead of the consumer as far as the budget allows. Lazy: nothing is fetched before
 * {@link #hasNext()}. {@link #close()} stops the threads, which aborts their requests in flight.
 * Every end it sees (the last page, a failure, a close) is reported to the plan, which tells the
 * listener the first.
 */
final class PageLoop implements java.util.Iterator<CallPage>, AutoCloseable {
  private static final Object END = new Object();
  private static final AtomicInteger STREAMS = new AtomicInteger();

  private final PagingPlan plan;
  private final PageAssembler assembler;
  private final Function<Window, FetchedPage> fetch;
  private WindowPlanner head;
  private Frontier frontier;
  private FetchAhead ahead;
  private final Deque<Slot> slots = new ArrayDeque<>(); // started, not yet delivered; guarded by this
  private long slotsStarted;
  private boolean closed;
  private ExecutorService threads;
  private CallPage next;

  /** @param fetch one {@code GET /call} of a window; its exceptions reach the caller of {@link #hasNext()} */
  PageLoop(PagingPlan plan, Function<Window, FetchedPage> fetch) {
    this.plan = plan;
    this.assembler = plan.assembler();
    this.fetch = fetch;
    this.head = plan.head();
  }

  @Override
  public boolean hasNext() {
    boolean more;
    try {
      more = advance();
    } catch (RuntimeException | Error e) {
      plan.ended(e); // first: the close that follows (the Stream's onClose) would report an end too
      stop();
      throw e;
    }
    if (!more) {
      plan.ended(null);
    }
    return more;
  }

  private boolean advance() {
    while (next == null) {
      if (frontier == null) {
        if (head == null || head.isDone()) {
          return false;
        }
        Window window = head.nextWindow();
        CompletedWindow completed = head.onPage(window, fetch.apply(window));
        if (completed != null) {
          if (plan.concurrency() > 1 && !head.isDone()) {
            frontier = plan.frontierAfter(completed);
            ahead = plan.fetchAhead(completed, this::startSlots);
            head = null;
          }
          next = assembler.page(completed);
        }
        continue;
      }
      startSlots();
      Slot first;
      synchronized (this) {
        first = slots.peekFirst();
      }
      if (first == null) {
        stop(); // the slots covered the range: the threads have nothing left to do
        return false;
      }
      Object item = first.take();
      if (item == END) {
        synchronized (this) {
          slots.removeFirst();
        }
        ahead.slotDelivered(first.index);
      } else if (item instanceof RuntimeException) {
        throw (RuntimeException) item;
      } else if (item instanceof Error) {
        throw (Error) item;
      } else {
        CompletedWindow completed = (CompletedWindow) item;
        ahead.taken(completed.bytes());
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

  /** Stops the stream's threads, aborting their requests in flight: the consumer stopped. */
  @Override
  public void close() {
    stop();
    plan.ended(null);
  }

  private void stop() {
    synchronized (this) {
      closed = true;
      slots.clear();
    }
    if (ahead != null) {
      ahead.close();
    }
    if (threads != null) {
      threads.shutdownNow();
    }
  }

  /**
   * Starts slots while {@link FetchAhead} has room for one more (the slot the consumer needs always
   * starts). Runs on the calling thread and, through {@link FetchAhead}'s
   * callback, on the stream's threads whenever a request ends or a page is taken.
   */
  private synchronized void startSlots() {
    WindowPlanner planner;
    while (!closed && ahead.mayStartSlot(slotsStarted) && (planner = frontier.nextSlot()) != null) {
      Slot slot = new Slot(slotsStarted++, planner);
      slots.addLast(slot);
      threads().execute(slot::walk);
    }
  }

  private ExecutorService threads() {
    if (threads == null) {
      int stream = STREAMS.incrementAndGet();
      AtomicInteger thread = new AtomicInteger();
      // Not a fixed pool of n: a slot waiting for a place keeps its thread, and the slot the consumer
      // needs must never queue behind it.
      threads = Executors.newCachedThreadPool(task -> {
        Thread t = new Thread(task, "clarion-stream-" + stream + "-" + thread.incrementAndGet());
        t.setDaemon(true); // a stream left unclosed and unconsumed must not keep the JVM alive
        return t;
      });
    }
    return threads;
  }

  /** One slot walked on a stream thread: its completed windows, then {@link #END} or a failure. */
  private final class Slot {
    final long index;
    private final WindowPlanner planner;
    private final BlockingQueue<Object> results = new LinkedBlockingQueue<>();
    private FetchAhead.Ticket ticket;

    /** Asks for the slot's first request at once, so that the room it takes is counted before the next slot. */
    Slot(long index, WindowPlanner planner) {
      this.index = index;
      this.planner = planner;
      ask();
    }

    private void ask() {
      ticket = ahead.request(index);
    }

    void walk() {
      try {
        while (true) {
          ticket.granted().get();
          Window window = planner.nextWindow();
          FetchedPage page = fetch.apply(window);
          CompletedWindow completed = planner.onPage(window, page);
          ticket.done(page, completed != null);
          if (completed != null) {
            frontier.observe(completed);
            results.add(completed);
          }
          if (planner.isDone()) {
            break;
          }
          ask();
        }
        results.add(END);
      } catch (InterruptedException | ExecutionException e) {
        ticket.cancel(); // the stream was closed
      } catch (RuntimeException | Error e) {
        ticket.cancel();
        results.add(e);
      }
    }

    Object take() {
      try {
        return results.take();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw ClarionTransportException.create("GET", WireFormat.CALLS_PATH, true, e);
      }
    }
  }
}
