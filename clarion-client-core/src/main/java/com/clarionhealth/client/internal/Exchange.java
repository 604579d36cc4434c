package com.clarionhealth.client.internal;

import com.clarionhealth.client.ClarionApiException;
import com.clarionhealth.client.ClarionDecodingException;
import com.clarionhealth.client.ClarionException;
import com.clarionhealth.client.ClarionListener;
import com.clarionhealth.client.ClarionTransportException;
import com.clarionhealth.client.RateLimitException;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReferenceFieldUpdater;
import java.util.function.BiConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One logical request from its first attempt to its result: the transport reads what to send from it
 * ({@link #uri()}, {@link #headers}, {@link #body()}), reports each outcome, and gets back a
 * {@link Decision}. Used by one request at a time, never concurrently.
 *
 * <pre>
 *   holdBeforeSending() → begin() → send → onResponse(status, headers) → DELIVER | FOLLOW | READ_BODY → onBody(bytes) → RETRY | FAIL
 *                  ↘ onFailure(error) → RETRY | FAIL
 * </pre>
 *
 * <p>Every decision is logged here, once for both clients: each answer and failure at {@code DEBUG}
 * (method, path, status, attempt, duration; never the query, the key or a header), each retry at
 * {@code INFO}. And told to the client's {@link ClarionListener}: an attempt starts at its first
 * {@link #begin()} (a redirect hop is the same attempt) and ends where it settles, with its last
 * status: {@link #delivered()}, {@link #undecodable}, or an outcome the engine fails or retries.
 */
public final class Exchange {
  private static final Logger log = LoggerFactory.getLogger("com.clarionhealth.client");

  private final RequestEngine engine;
  private final String method;
  private final String path;
  private final URI firstUri;
  private final byte[] body;
  private final boolean idempotent;
  private final StreamRun stream; // the walk this request belongs to, or null
  private final Pause pause; // the stream's, or null
  private long waitedUntilMillis = Long.MIN_VALUE; // the end of a wait this exchange already made

  private URI uri;
  private int attempt = 1;
  private int redirects;
  private String authorization;
  private long startedNanos;
  private int status = -1; // of this hop's answer; -1 until one comes
  private Map<String, List<String>> responseHeaders = Map.of();
  // The attempt told to the listener and not yet ended; ended once, whichever thread settles it (a
  // reactive cancel may race the answer).
  private volatile RequestAttempt current;
  private static final AtomicReferenceFieldUpdater<Exchange, RequestAttempt> CURRENT =
      AtomicReferenceFieldUpdater.newUpdater(Exchange.class, RequestAttempt.class, "current");

  Exchange(RequestEngine engine, String method, String path, String query, byte[] body, StreamRun stream) {
    this.engine = engine;
    this.method = method;
    this.path = path;
    this.firstUri = URI.create(engine.baseUrl + path + (query.isEmpty() ? "" : "?" + query));
    this.uri = firstUri;
    this.body = body;
    this.idempotent = body == null;
    this.stream = stream;
    this.pause = stream == null ? null : stream.pause;
  }

  /**
   * How long to wait before the next attempt because another request of the same stream was told to
   * wait: zero unless the stream's {@link Pause} ends later than any wait this exchange made already.
   * Transports ask it before every {@link #begin()}, and wait that long.
   */
  public Duration holdBeforeSending() {
    if (pause == null) {
      return Duration.ZERO;
    }
    long until = pause.untilMillis();
    long from = Math.max(engine.clock().millis(), waitedUntilMillis);
    if (until <= from) {
      return Duration.ZERO;
    }
    waitedUntilMillis = until;
    log.info("{} {} will be sent in {} ms: the server asked the stream to wait", method, path, until - from);
    return Duration.ofMillis(until - from);
  }

  /**
   * Starts an attempt (a first one, a retry after its wait, or a redirect): takes the key now, so
   * that a rotated key is picked up, and only when the URI is on the base URL's origin.
   */
  public void begin() {
    authorization = BaseUrls.sameOrigin(engine.baseUrl, uri) ? engine.apiKey.bearer() : null;
    startedNanos = engine.nanoTime.getAsLong();
    status = -1;
    if (engine.listening && current == null) {
      if (stream != null && attempt == 1) {
        stream.requestSent();
      }
      RequestAttempt started = new RequestAttempt(method, path, attempt, stream);
      current = started;
      engine.listener.requestStarted(started);
    }
  }

  public String method() {
    return method;
  }

  /** The path relative to the base URL, without query: what messages and logs name. */
  public String path() {
    return path;
  }

  public URI uri() {
    return uri;
  }

  /** The JSON body of a {@code POST}; null for a {@code GET}. */
  public byte[] body() {
    return body;
  }

  /** The number of this attempt: 1, then 2 after a retry; a redirect is the same attempt. */
  public int attempt() {
    return attempt;
  }

  /** The headers of this attempt; {@code Authorization} only towards the base URL's origin. */
  public void headers(BiConsumer<String, String> header) {
    header.accept("Accept", "application/json");
    header.accept("User-Agent", engine.userAgent);
    if (authorization != null) {
      header.accept("Authorization", authorization);
    }
    if (body != null) {
      header.accept("Content-Type", "application/json");
    }
  }

  /** An answer's status line and headers arrived; its body is not read yet. */
  public Decision onResponse(int status, Map<String, List<String>> headers) {
    this.status = status;
    this.responseHeaders = headers;
    log.debug("{} {} -> {} (attempt {}, {} ms)", method, path, status, attempt, elapsedMillis());
    if (status >= 200 && status < 300) {
      return isJson(header("Content-Type")) ? Decision.DELIVER : Decision.READ_BODY;
    }
    // A POST is never re-sent elsewhere; a GET follows at most Redirects.MAX hops.
    Optional<URI> target = Redirects.target(method, uri, status, header("Location"));
    if (target.isPresent() && redirects < Redirects.MAX) {
      redirects++;
      uri = target.get();
      return Decision.FOLLOW;
    }
    return Decision.READ_BODY;
  }

  /** The first bytes of the body of an answer that {@link #onResponse} did not deliver. */
  public Decision onBody(byte[] boundedBody) {
    byte[] safe = Redaction.withoutKey(boundedBody, authorization);
    if (status >= 200 && status < 300) {
      ClarionDecodingException failure = ClarionDecodingException.create(method, path, status, safeHeaders(), safe,
          new IOException("not JSON: " + header("Content-Type").orElse("")));
      settle(failure);
      return Decision.fail(failure);
    }
    ClarionApiException failure = ClarionApiException.create(method, path, status, safeHeaders(), safe, engine.clock());
    return retryOrFail(settle(failure), failure);
  }

  /** The body of a {@link Decision.Action#DELIVER} answer was read and decoded: the attempt succeeded. */
  public void delivered() {
    settle(null);
  }

  /**
   * The attempt failed without an answer (or while its body streamed in). A {@link ClarionException}
   * the transport raised itself is taken as it is.
   */
  public Decision onFailure(Throwable error) {
    ClarionException failure = engine.transportErrors.classify(method, path, error);
    log.debug("{} {} failed (attempt {}, {} ms): {}", method, path, attempt, elapsedMillis(),
        failure.getClass().getSimpleName());
    RequestAttempt ended = settle(failure);
    if (TransportErrors.isAbort(error)) {
      return Decision.fail(failure);
    }
    return retryOrFail(ended, failure);
  }

  /**
   * The subscriber cancelled the attempt (the reactive client; the blocking one is interrupted, which
   * {@link #onFailure} hears): the listener is told it ended, as an aborted exchange, unless it had
   * settled already.
   */
  public void cancelled() {
    if (engine.listening && current != null) {
      settle(engine.transportErrors.classify(method, path, new CancellationException("cancelled by the subscriber")));
    }
  }

  /**
   * A 2xx body that is not what was expected. {@code head} is the body's first bytes, for the
   * message; {@code problem} the decoder's complaint (its message is not copied: it may quote the
   * body at length).
   */
  public ClarionDecodingException undecodable(byte[] head, Throwable problem) {
    ClarionDecodingException failure = ClarionDecodingException.create(method, path, status, safeHeaders(),
        Redaction.withoutKey(head, authorization), problem);
    settle(failure);
    return failure;
  }

  /** The thread was interrupted while waiting to retry: no new attempt was sent. */
  public ClarionTransportException interruptedWhileWaiting(InterruptedException e) {
    return ClarionTransportException.create(method, path, false, e);
  }

  /**
   * Tells the listener the attempt in flight ended with this hop's status (-1 if no answer came) and
   * {@code failure}, null for success.
   *
   * @return the attempt that ended, or null if none was in flight (or nobody listens)
   */
  private RequestAttempt settle(ClarionException failure) {
    if (!engine.listening) {
      return null;
    }
    RequestAttempt ended = CURRENT.getAndSet(this, null);
    if (ended != null) {
      engine.listener.requestEnded(ended, status, failure);
    }
    return ended;
  }

  /** @param ended the attempt that just ended, for the listener; null if nobody listens */
  private Decision retryOrFail(RequestAttempt ended, ClarionException failure) {
    Optional<Duration> delay = engine.retryPolicy.delayBeforeRetry(idempotent, attempt - 1, failure);
    if (delay.isEmpty()) {
      return Decision.fail(failure);
    }
    log.info("{} {} will be retried in {} ms (attempt {} failed: {})", method, path, delay.get().toMillis(),
        attempt, failure.getClass().getSimpleName());
    long until = engine.clock().millis() + delay.get().toMillis();
    waitedUntilMillis = Math.max(waitedUntilMillis, until);
    if (pause != null && (failure instanceof RateLimitException
        || failure instanceof ClarionApiException && ((ClarionApiException) failure).retryAfter().isPresent())) {
      pause.extendTo(until); // the server asked to wait: the whole stream waits, not only this request
    }
    attempt++;
    // A retry starts over from the request's own URI: a redirect may have been temporary.
    uri = firstUri;
    redirects = 0;
    if (ended != null) {
      engine.listener.retryScheduled(ended, delay.get());
    }
    return Decision.retry(delay.get(), failure);
  }

  /** The answer's headers for an exception: a server echoing the key (in a request id) must not put it there. */
  private Map<String, List<String>> safeHeaders() {
    return Redaction.headersWithoutKey(responseHeaders, authorization);
  }

  private Optional<String> header(String name) {
    for (Map.Entry<String, List<String>> e : responseHeaders.entrySet()) {
      if (e.getKey() != null && e.getKey().equalsIgnoreCase(name) && !e.getValue().isEmpty()) {
        return Optional.ofNullable(e.getValue().get(0));
      }
    }
    return Optional.empty();
  }

  /** No content type is taken as JSON (the body decides); any type whose subtype mentions json is. */
  private static boolean isJson(Optional<String> contentType) {
    return contentType.isEmpty() || contentType.get().toLowerCase(Locale.ROOT).contains("json");
  }

  private long elapsedMillis() {
    return TimeUnit.NANOSECONDS.toMillis(engine.nanoTime.getAsLong() - startedNanos);
  }

  @Override
  public String toString() {
    return "Exchange{" + method + " " + path + ", attempt " + attempt + "}";
  }

  /** One attempt as a listener sees it: the method, the path without its query, nothing else of the request. */
  private static final class RequestAttempt implements ClarionListener.Request {
    private final String method;
    private final String path;
    private final int attempt;
    private final StreamRun stream;
    private final Map<Object, Object> attributes = new ConcurrentHashMap<>();

    RequestAttempt(String method, String path, int attempt, StreamRun stream) {
      this.method = method;
      this.path = path;
      this.attempt = attempt;
      this.stream = stream;
    }

    @Override
    public String method() {
      return method;
    }

    @Override
    public String pathTemplate() {
      return path;
    }

    @Override
    public int attempt() {
      return attempt;
    }

    @Override
    public ClarionListener.Stream stream() {
      return stream;
    }

    @Override
    public Map<Object, Object> attributes() {
      return attributes;
    }

    @Override
    public String toString() {
      return "Request{" + method + " " + path + ", attempt " + attempt + (stream == null ? "" : ", of a stream")
          + "}";
    }
  }
}
