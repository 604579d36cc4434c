package com.clarionhealth.client.internal;

import com.clarionhealth.client.ClarionListener;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The application's {@link ClarionListener}s as the engine calls them, in the order they were added:
 * whatever a callback throws is logged and dropped, so that a listener changes neither what the client
 * does nor what the listeners after it hear. A failing listener usually fails on every call, so each
 * kind of callback of each listener warns once per client, not once per request.
 */
final class GuardedListener implements ClarionListener {
  private static final Logger log = LoggerFactory.getLogger("com.clarionhealth.client");

  private static final int REQUEST_STARTED = 1;
  private static final int REQUEST_ENDED = 1 << 1;
  private static final int RETRY_SCHEDULED = 1 << 2;
  private static final int STREAM_STARTED = 1 << 3;
  private static final int WINDOW_COMPLETED = 1 << 4;
  private static final int FULL_PAGE_DISCARDED = 1 << 5;
  private static final int STREAM_ENDED = 1 << 6;

  private final ClarionListener[] delegates;
  /** Per listener, the kinds of callback that have thrown (and warned) already. */
  private final AtomicIntegerArray warned;

  private GuardedListener(List<ClarionListener> delegates) {
    this.delegates = delegates.toArray(new ClarionListener[0]);
    this.warned = new AtomicIntegerArray(this.delegates.length);
  }

  /**
   * {@code listeners}, guarded; {@link ClarionListener#NONE} when there is none to call, so that the
   * engine can skip them.
   */
  static ClarionListener of(List<ClarionListener> listeners) {
    List<ClarionListener> called = listeners.stream().filter(l -> l != ClarionListener.NONE)
        .collect(Collectors.toList());
    return called.isEmpty() ? ClarionListener.NONE : new GuardedListener(called);
  }

  @Override
  public void requestStarted(Request request) {
    for (int i = 0; i < delegates.length; i++) {
      try {
        delegates[i].requestStarted(request);
      } catch (RuntimeException e) {
        threw(i, REQUEST_STARTED, "requestStarted", e);
      }
    }
  }

  @Override
  public void requestEnded(Request request, int status, Throwable failure) {
    for (int i = 0; i < delegates.length; i++) {
      try {
        delegates[i].requestEnded(request, status, failure);
      } catch (RuntimeException e) {
        threw(i, REQUEST_ENDED, "requestEnded", e);
      }
    }
  }

  @Override
  public void retryScheduled(Request request, Duration delay) {
    for (int i = 0; i < delegates.length; i++) {
      try {
        delegates[i].retryScheduled(request, delay);
      } catch (RuntimeException e) {
        threw(i, RETRY_SCHEDULED, "retryScheduled", e);
      }
    }
  }

  @Override
  public void streamStarted(Stream stream) {
    for (int i = 0; i < delegates.length; i++) {
      try {
        delegates[i].streamStarted(stream);
      } catch (RuntimeException e) {
        threw(i, STREAM_STARTED, "streamStarted", e);
      }
    }
  }

  @Override
  public void windowCompleted(Stream stream, Instant start, Instant end, int calls) {
    for (int i = 0; i < delegates.length; i++) {
      try {
        delegates[i].windowCompleted(stream, start, end, calls);
      } catch (RuntimeException e) {
        threw(i, WINDOW_COMPLETED, "windowCompleted", e);
      }
    }
  }

  @Override
  public void fullPageDiscarded(Stream stream, Instant start, Instant end) {
    for (int i = 0; i < delegates.length; i++) {
      try {
        delegates[i].fullPageDiscarded(stream, start, end);
      } catch (RuntimeException e) {
        threw(i, FULL_PAGE_DISCARDED, "fullPageDiscarded", e);
      }
    }
  }

  @Override
  public void streamEnded(Stream stream, Throwable failure) {
    for (int i = 0; i < delegates.length; i++) {
      try {
        delegates[i].streamEnded(stream, failure);
      } catch (RuntimeException e) {
        threw(i, STREAM_ENDED, "streamEnded", e);
      }
    }
  }

  private void threw(int listener, int kind, String callback, RuntimeException e) {
    if ((warned.getAndUpdate(listener, w -> w | kind) & kind) == 0) {
      log.warn("{}.{} threw; ignored, and not reported again for this callback",
          delegates[listener].getClass().getName(), callback, e);
    }
  }

  @Override
  public String toString() {
    StringBuilder names = new StringBuilder("GuardedListener{");
    for (int i = 0; i < delegates.length; i++) {
      names.append(i == 0 ? "" : ", ").append(delegates[i].getClass().getName());
    }
    return names.append('}').toString();
  }
}
