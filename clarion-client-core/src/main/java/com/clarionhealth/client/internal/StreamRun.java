package com.clarionhealth.client.internal;

import com.clarionhealth.client.ClarionListener;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One walk of a {@link PagingPlan}, as its listener sees it: its counters, and its start and end, each
 * told once. The engine raises the events (the first {@link Exchange} of the walk starts it, the
 * {@link WindowPlanner}s report discarded pages, the {@link PageAssembler} completed windows), so that
 * the clients only say when the walk ended ({@link PagingPlan#ended}). Also the walk's {@link Pause}.
 * Thread-safe: at concurrency above 1, slots report from several threads at once.
 */
public final class StreamRun implements ClarionListener.Stream {
  final Pause pause = new Pause(); // one per walk: a 429 seen by one slot pauses them all

  private final int concurrency;
  private final ClarionListener listener;
  private final boolean listening;
  private final AtomicLong requests = new AtomicLong();
  private final AtomicLong fullPagesDiscarded = new AtomicLong();
  private final AtomicLong callsDelivered = new AtomicLong();
  private final AtomicBoolean started = new AtomicBoolean();
  private final AtomicBoolean ended = new AtomicBoolean();
  private final Map<Object, Object> attributes;

  /** @param listener guarded already, or {@link ClarionListener#NONE} */
  StreamRun(int concurrency, ClarionListener listener) {
    this.concurrency = concurrency;
    this.listener = listener;
    this.listening = listener != ClarionListener.NONE;
    this.attributes = listening ? new ConcurrentHashMap<>() : Map.of();
  }

  /** An exchange of this walk sends its first attempt: the first one starts the walk. */
  void requestSent() {
    if (!listening) {
      return;
    }
    if (!started.get() && !ended.get() && started.compareAndSet(false, true)) {
      listener.streamStarted(this);
    }
    requests.incrementAndGet();
  }

  void fullPageDiscarded(Window window) {
    if (!listening) {
      return;
    }
    fullPagesDiscarded.incrementAndGet();
    listener.fullPageDiscarded(this, window.createdAtGe(), window.createdAtLe());
  }

  void windowCompleted(Window window, int calls) {
    if (!listening) {
      return;
    }
    callsDelivered.addAndGet(calls);
    listener.windowCompleted(this, window.createdAtGe(), window.createdAtLe(), calls);
  }

  /**
   * The walk ended: {@code failure} is what it ended with, or null when it completed or its consumer
   * stopped. Only the first call counts; a walk that never sent a request was never started, so its
   * end is not told either.
   */
  void ended(Throwable failure) {
    if (listening && ended.compareAndSet(false, true) && started.get()) {
      listener.streamEnded(this, failure);
    }
  }

  @Override
  public int concurrency() {
    return concurrency;
  }

  @Override
  public long requests() {
    return requests.get();
  }

  @Override
  public long fullPagesDiscarded() {
    return fullPagesDiscarded.get();
  }

  @Override
  public long callsDelivered() {
    return callsDelivered.get();
  }

  @Override
  public Map<Object, Object> attributes() {
    return attributes;
  }

  @Override
  public String toString() {
    return "Stream{concurrency " + concurrency + ", " + requests + " requests, " + fullPagesDiscarded
        + " full pages discarded, " + callsDelivered + " calls delivered}";
  }
}
