package com.clarionhealth.client.internal;

import com.clarionhealth.client.ClarionListener;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The application's {@link ClarionListener} as the engine calls it: whatever a callback throws is
 * logged and dropped, so that a listener never changes what the client does. A failing listener
 * usually fails on every call, so each kind of callback warns once per client, not once per request.
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

  private final ClarionListener delegate;
  private final AtomicInteger warned = new AtomicInteger();

  private GuardedListener(ClarionListener delegate) {
    this.delegate = delegate;
  }

  /** {@code listener}, guarded; {@link ClarionListener#NONE} as it is, so that the engine can skip it. */
  static ClarionListener of(ClarionListener listener) {
    return listener == ClarionListener.NONE ? listener : new GuardedListener(listener);
  }

  @Override
  public void requestStarted(Request request) {
    try {
      delegate.requestStarted(request);
    } catch (RuntimeException e) {
      threw(REQUEST_STARTED, "requestStarted", e);
    }
  }

  @Override
  public void requestEnded(Request request, int status, Throwable failure) {
    try {
      delegate.requestEnded(request, status, failure);
    } catch (RuntimeException e) {
      threw(REQUEST_ENDED, "requestEnded", e);
    }
  }

  @Override
  public void retryScheduled(Request request, Duration delay) {
    try {
      delegate.retryScheduled(request, delay);
    } catch (RuntimeException e) {
      threw(RETRY_SCHEDULED, "retryScheduled", e);
    }
  }

  @Override
  public void streamStarted(Stream stream) {
    try {
      delegate.streamStarted(stream);
    } catch (RuntimeException e) {
      threw(STREAM_STARTED, "streamStarted", e);
    }
  }

  @Override
  public void windowCompleted(Stream stream, Instant start, Instant end, int calls) {
    try {
      delegate.windowCompleted(stream, start, end, calls);
    } catch (RuntimeException e) {
      threw(WINDOW_COMPLETED, "windowCompleted", e);
    }
  }

  @Override
  public void fullPageDiscarded(Stream stream, Instant start, Instant end) {
    try {
      delegate.fullPageDiscarded(stream, start, end);
    } catch (RuntimeException e) {
      threw(FULL_PAGE_DISCARDED, "fullPageDiscarded", e);
    }
  }

  @Override
  public void streamEnded(Stream stream, Throwable failure) {
    try {
      delegate.streamEnded(stream, failure);
    } catch (RuntimeException e) {
      threw(STREAM_ENDED, "streamEnded", e);
    }
  }

  private void threw(int kind, String callback, RuntimeException e) {
    if ((warned.getAndUpdate(w -> w | kind) & kind) == 0) {
      log.warn("{}.{} threw; ignored, and not reported again for this callback", delegate.getClass().getName(),
          callback, e);
    }
  }

  @Override
  public String toString() {
    return "GuardedListener{" + delegate.getClass().getName() + "}";
  }
}
