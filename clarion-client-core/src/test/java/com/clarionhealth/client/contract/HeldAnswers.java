package com.clarionhealth.client.contract;

import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Answers that the server holds back until the test releases them: a response that is certainly
 * later than any request timeout, without a race between a delay and a timer. A client's request
 * timeout is made to run only from the moment the server holds the answer (see
 * {@link ClientConfig#timeoutsRunOnceHeld}), so a timeout always happens, and always after the request
 * reached the server. Attach it to a stub with {@code withTransformers(HeldAnswers.NAME)}.
 */
public final class HeldAnswers implements ResponseDefinitionTransformerV2 {
  public static final String NAME = "held";

  private final List<Waiter> waiters = new ArrayList<>();
  private int held;
  private CountDownLatch release = new CountDownLatch(1);

  private static final class Waiter {
    final int count;
    final CompletableFuture<Void> reached = new CompletableFuture<>();

    Waiter(int count) {
      this.count = count;
    }
  }

  /** How many answers have been held back so far. */
  public synchronized int count() {
    return held;
  }

  /** Completes once {@code count} answers are (or were) held back. */
  public synchronized CompletableFuture<Void> whenHeld(int count) {
    Waiter waiter = new Waiter(count);
    if (held >= count) {
      waiter.reached.complete(null);
    } else {
      waiters.add(waiter);
    }
    return waiter.reached;
  }

  /** Lets every answer held so far go (to a client that has long given up on it). */
  public void releaseAll() {
    CountDownLatch toRelease;
    synchronized (this) {
      toRelease = release;
    }
    toRelease.countDown();
  }

  synchronized void reset() {
    release.countDown();
    release = new CountDownLatch(1);
    held = 0;
    waiters.clear();
  }

  @Override
  public ResponseDefinition transform(ServeEvent serveEvent) {
    holdUntilReleased();
    return serveEvent.getResponseDefinition();
  }

  /**
   * Counts one more answer held back, then blocks the calling server thread until the test releases
   * the answers (or {@link ContractSupport#TIMEOUT} passes). For servers of a test's own too.
   */
  public void holdUntilReleased() {
    CountDownLatch latch;
    List<Waiter> reached = new ArrayList<>();
    synchronized (this) {
      latch = release;
      held++;
      for (Iterator<Waiter> i = waiters.iterator(); i.hasNext(); ) {
        Waiter waiter = i.next();
        if (held >= waiter.count) {
          reached.add(waiter);
          i.remove();
        }
      }
    }
    reached.forEach(waiter -> waiter.reached.complete(null));
    try {
      latch.await(ContractSupport.TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public boolean applyGlobally() {
    return false;
  }

  @Override
  public String getName() {
    return NAME;
  }
}
