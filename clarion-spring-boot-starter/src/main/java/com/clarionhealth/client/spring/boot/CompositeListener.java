package com.clarionhealth.client.spring.boot;

import com.clarionhealth.client.ClarionListener;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** Every {@link ClarionListener} bean of the application, in order, as the one listener a client takes. */
final class CompositeListener implements ClarionListener {
  private final List<ClarionListener> listeners;

  private CompositeListener(List<ClarionListener> listeners) {
    this.listeners = List.copyOf(listeners);
  }

  static ClarionListener of(List<ClarionListener> listeners) {
    return listeners.isEmpty() ? ClarionListener.NONE
        : listeners.size() == 1 ? listeners.get(0) : new CompositeListener(listeners);
  }

  @Override
  public void requestStarted(Request request) {
    listeners.forEach(l -> l.requestStarted(request));
  }

  @Override
  public void requestEnded(Request request, int status, Throwable failure) {
    listeners.forEach(l -> l.requestEnded(request, status, failure));
  }

  @Override
  public void retryScheduled(Request request, Duration delay) {
    listeners.forEach(l -> l.retryScheduled(request, delay));
  }

  @Override
  public void streamStarted(Stream stream) {
    listeners.forEach(l -> l.streamStarted(stream));
  }

  @Override
  public void windowCompleted(Stream stream, Instant start, Instant end, int calls) {
    listeners.forEach(l -> l.windowCompleted(stream, start, end, calls));
  }

  @Override
  public void fullPageDiscarded(Stream stream, Instant start, Instant end) {
    listeners.forEach(l -> l.fullPageDiscarded(stream, start, end));
  }

  @Override
  public void streamEnded(Stream stream, Throwable failure) {
    listeners.forEach(l -> l.streamEnded(stream, failure));
  }
}
