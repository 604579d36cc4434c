package com.clarionhealth.client;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * Hears what a client does: every request attempt, every retry it schedules, and for a stream (or its
 * pages) every window completed, every full page discarded, its start and its end. Set one on the client's
 * builder ({@link ClientBuilder#listener(ClarionListener)}); the Spring Boot starter binds one to Micrometer.
 *
 * <p>Called on the thread that does the work (for the reactive client, an event-loop thread): keep it quick and
 * never block. An exception it throws is logged and ignored: a listener never changes what the client does.
 * Nothing it is given holds the API key, a phone number or a query value.
 */
public interface ClarionListener {
  /** A listener that does nothing: the default. */
  ClarionListener NONE = new ClarionListener() {};

  /** One attempt of one request. The same instance is given to every callback of that attempt. */
  interface Request {
    /** {@code GET} or {@code POST}. */
    String method();

    /** The path without the base URL and the query: {@code /call}. */
    String pathTemplate();

    /** 1 for the first attempt, 2 for the first retry, and so on. */
    int attempt();

    /** The stream this request belongs to, or null for {@code list} and {@code create}. */
    Stream stream();

    /** Room for a listener's own state for this attempt (for example its observation), under its own keys. */
    Map<Object, Object> attributes();
  }

  /** One {@code stream} or {@code pages} walk; its counters grow while it runs. */
  interface Stream {
    /** The query's concurrency. */
    int concurrency();

    /** {@code GET /call} exchanges so far, retries not counted. */
    long requests();

    /** Full pages discarded (and their windows narrowed) so far. */
    long fullPagesDiscarded();

    /** Calls delivered so far. */
    long callsDelivered();

    /** Room for a listener's own state for this stream, under its own keys. */
    Map<Object, Object> attributes();
  }

  /** An attempt is about to be sent. */
  default void requestStarted(Request request) {}

  /**
   * An attempt ended: answered with {@code status} ({@code failure} null for a 2xx that was read, else the
   * exception it became), or not answered ({@code status} -1: a connection failure or a timeout).
   */
  default void requestEnded(Request request, int status, Throwable failure) {}

  /** The engine will send {@code request} again after {@code delay} (a retry of the attempt that just ended). */
  default void retryScheduled(Request request, Duration delay) {}

  /** A stream or pages walk sends its first request. */
  default void streamStarted(Stream stream) {}

  /** A window was completed: {@code calls} new calls delivered for {@code [start, end]}. */
  default void windowCompleted(Stream stream, Instant start, Instant end, int calls) {}

  /** A full page for {@code [start, end]} was discarded: the window is narrowed and asked again. */
  default void fullPageDiscarded(Stream stream, Instant start, Instant end) {}

  /**
   * The stream ended: {@code failure} is null when it delivered its whole range or its consumer stopped
   * (cancelled, closed); otherwise the exception the stream ended with.
   */
  default void streamEnded(Stream stream, Throwable failure) {}
}
