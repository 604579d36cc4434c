package com.clarionhealth.client.reactive;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import reactor.core.Disposable;
import reactor.core.scheduler.Scheduler;
import reactor.test.scheduler.VirtualTimeScheduler;

/**
 * The client's timer on virtual time, recording every delay it is asked for: the retry waits and the
 * request timeouts. A test waits (for real, briefly) until the client has asked for a wait, then
 * advances virtual time past it; nothing sleeps for the wait itself.
 */
final class VirtualTimer implements Scheduler {
  final VirtualTimeScheduler time = VirtualTimeScheduler.create();
  private final List<Duration> delays = new CopyOnWriteArrayList<>();
  private final Duration requestTimeout;

  /** @param requestTimeout the client's request timeout, told apart from the waits between attempts */
  VirtualTimer(Duration requestTimeout) {
    this.requestTimeout = requestTimeout;
  }

  VirtualTimer() {
    this(Duration.ofSeconds(60));
  }

  /** The waits between attempts the client asked for, in order (request timeouts left out). */
  List<Duration> waits() {
    return delays.stream().filter(d -> !d.equals(requestTimeout)).toList();
  }

  /** Waits until the client has asked for its {@code n}-th wait, then returns that wait. */
  Duration awaitWait(int n) {
    TestSupport.await("wait #" + n + " to be scheduled", () -> waits().size() >= n);
    return waits().get(n - 1);
  }

  void advanceBy(Duration duration) {
    time.advanceTimeBy(duration);
  }

  @Override
  public Disposable schedule(Runnable task) {
    return time.schedule(task);
  }

  @Override
  public Disposable schedule(Runnable task, long delay, TimeUnit unit) {
    delays.add(Duration.ofNanos(unit.toNanos(delay)));
    return time.schedule(task, delay, unit);
  }

  @Override
  public Disposable schedulePeriodically(Runnable task, long initialDelay, long period, TimeUnit unit) {
    return time.schedulePeriodically(task, initialDelay, period, unit);
  }

  @Override
  public long now(TimeUnit unit) {
    return time.now(unit);
  }

  @Override
  public Worker createWorker() {
    return time.createWorker();
  }

  @Override
  public void dispose() {
    time.dispose();
  }
}
