package com.clarionhealth.client.reactive;

import com.clarionhealth.client.contract.ClientConfig;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import reactor.core.Disposable;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

/**
 * The reactive client's timer in the contract suite. A wait between attempts is recorded in the
 * config's timeline and its task run at once on the parallel scheduler, where a real wait would have
 * ended. The request timeout (told apart by its duration, the config's) runs on real time, or, when
 * the config says timeouts run once an answer is held, fires as soon as the server holds one back.
 */
final class RecordingTimer implements Scheduler {
  /** The builder's default request timeout, for a config that leaves it unset. */
  static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofSeconds(60);

  private final ClientConfig config;
  private final Duration requestTimeout;
  private final Scheduler real = Schedulers.parallel();

  RecordingTimer(ClientConfig config) {
    this.config = config;
    this.requestTimeout = config.requestTimeout() != null ? config.requestTimeout() : DEFAULT_REQUEST_TIMEOUT;
  }

  @Override
  public Disposable schedule(Runnable task) {
    return real.schedule(task);
  }

  @Override
  public Disposable schedule(Runnable task, long delay, TimeUnit unit) {
    Duration duration = Duration.ofNanos(unit.toNanos(delay));
    if (!duration.equals(requestTimeout)) {
      config.timeline().waited(duration);
      return real.schedule(task);
    }
    if (!config.timeoutsRunOnceHeld()) {
      return real.schedule(task, delay, unit);
    }
    AtomicBoolean cancelled = new AtomicBoolean();
    config.held().whenHeld(config.held().count() + 1).thenRun(() -> {
      if (!cancelled.get()) {
        real.schedule(task);
      }
    });
    return () -> cancelled.set(true);
  }

  @Override
  public Disposable schedulePeriodically(Runnable task, long initialDelay, long period, TimeUnit unit) {
    return real.schedulePeriodically(task, initialDelay, period, unit);
  }

  @Override
  public long now(TimeUnit unit) {
    return real.now(unit);
  }

  @Override
  public Worker createWorker() {
    return real.createWorker();
  }

  @Override
  public void dispose() {
    // the parallel scheduler is shared: not this timer's to dispose
  }
}
