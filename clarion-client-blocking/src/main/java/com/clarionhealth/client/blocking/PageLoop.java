package com.clarionhealth.client.blocking;

import com.clarionhealth.client.CallPage;
import com.clarionhealth.client.ClarionTransportException;
import com.clarionhealth.client.internal.CompletedWindow;
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
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * The blocking paging loop, twin of the reactive client's {@code ReactivePages}: the plan's head walks
 * its windows one request at a time on the calling thread. At concurrency {@code n} it stops after its
 * first window, and the frontier's slots are walked by {@code n} threads of the stream's own, while
 * the calling thread takes their pages in window order. Lazy: nothing is fetched before
 * {@link #hasNext()}. Memory: at most {@code n} slots' pages wait ahead of the consumer.
 * {@link #close()} stops the threads, which aborts their requests in flight.
 */
final class PageLoop implements java.util.Iterator<CallPage>, AutoCloseable {
  private static final Object END = new Object();
  private static final AtomicInteger STREAMS = new AtomicInteger();

  private final PagingPlan plan;
  private final PageAssembler assembler;
  private final Function<Window, FetchedPage> fetch;
  private WindowPlanner head;
  private Frontier frontier;
  private final Deque<Slot> running = new ArrayDeque<>();
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
            head = null;
          }
          next = assembler.page(completed);
        }
        continue;
      }
      while (running.size() < plan.concurrency() && start(frontier.nextSlot())) {
        // started one more slot
      }
      if (running.isEmpty()) {
        close(); // every slot was taken: the threads have nothing left to do
        return false;
      }
      Object item = running.peekFirst().take();
      if (item == END) {
        running.removeFirst();
      } else if (item instanceof RuntimeException) {
        close();
        throw (RuntimeException) item;
      } else if (item instanceof Error) {
        close();
        throw (Error) item;
      } else {
        next = assembler.page((CompletedWindow) item);
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

  /** Stops the stream's threads: their requests in flight are aborted. */
  @Override
  public void close() {
    if (threads != null) {
      threads.shutdownNow();
    }
    running.clear();
  }

  private boolean start(WindowPlanner planner) {
    if (planner == null) {
      return false;
    }
    if (threads == null) {
      int stream = STREAMS.incrementAndGet();
      AtomicInteger thread = new AtomicInteger();
      threads = Executors.newFixedThreadPool(plan.concurrency(), task -> {
        Thread t = new Thread(task, "clarion-stream-" + stream + "-" + thread.incrementAndGet());
        t.setDaemon(true); // a stream left unclosed and unconsumed must not keep the JVM alive
        return t;
      });
    }
    Slot slot = new Slot();
    running.addLast(slot);
    threads.execute(() -> slot.walk(planner));
    return true;
  }

  /** One slot walked on a stream thread: its completed windows, then {@link #END} or a failure. */
  private final class Slot {
    private final BlockingQueue<Object> results = new LinkedBlockingQueue<>();

    void walk(WindowPlanner planner) {
      try {
        while (!planner.isDone() && !Thread.currentThread().isInterrupted()) {
          Window window = planner.nextWindow();
          CompletedWindow completed = planner.onPage(window, fetch.apply(window));
          if (completed != null) {
            frontier.observe(completed);
            results.add(completed);
          }
        }
        results.add(END);
      } catch (RuntimeException | Error e) {
        results.add(e);
      }
    }

    Object take() {
      try {
        return results.take();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        close();
        throw ClarionTransportException.create("GET", WireFormat.CALLS_PATH, true, e);
      }
    }
  }
}
