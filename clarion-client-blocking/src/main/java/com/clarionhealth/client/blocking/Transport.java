package com.clarionhealth.client.blocking;

import com.clarionhealth.client.internal.Decision;
import com.clarionhealth.client.internal.Exchange;
import com.clarionhealth.client.internal.PageSplitter;
import com.clarionhealth.client.internal.RequestEngine;
import com.clarionhealth.client.internal.TransportErrors;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodySubscriber;
import java.net.http.HttpResponse.BodySubscribers;
import java.net.http.HttpTimeoutException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * Performs what the {@link RequestEngine} decides, on the JDK {@link HttpClient}: sends, reads, sleeps
 * and throws. Every decision (retry, redirect, the {@code POST /call} rule, error mapping, logging) is
 * the engine's.
 */
final class Transport {
  /** What only the JDK client raises: its own connect and response timeouts. */
  static final TransportErrors ERRORS = new TransportErrors(
      e -> e instanceof HttpConnectTimeoutException, e -> e instanceof HttpTimeoutException);

  private final HttpClient http;
  private final Duration requestTimeout;
  private final Sleeper sleeper;

  Transport(HttpClient http, Duration requestTimeout, Sleeper sleeper) {
    this.http = http;
    this.requestTimeout = requestTimeout;
    this.sleeper = sleeper;
  }

  /**
   * How a 2xx body is read: as it arrives, on the HTTP client's thread ({@link #reader}), then made
   * into the value on the calling thread ({@link #decode}).
   */
  interface BodyDecoder<B, T> {
    BodySubscriber<B> reader(long contentLength);

    T decode(B body) throws IOException;

    /** The body's first bytes, for the message of one that could not be decoded. */
    byte[] head(B body);
  }

  /** A body whose bytes are decoded at once, once complete ({@code POST /call}'s answer). */
  static <T> BodyDecoder<byte[], T> bytes(Decoding<T> decoding) {
    return new BodyDecoder<>() {
      @Override
      public BodySubscriber<byte[]> reader(long contentLength) {
        return BodySubscribers.ofByteArray();
      }

      @Override
      public T decode(byte[] body) throws IOException {
        return decoding.decode(body);
      }

      @Override
      public byte[] head(byte[] body) {
        return body;
      }
    };
  }

  /** A JSON array of calls, split into its calls while it arrives. */
  static <T> BodyDecoder<PageSplitter, T> page(PageSplitter.Finish<T> finish) {
    return new BodyDecoder<>() {
      @Override
      public BodySubscriber<PageSplitter> reader(long contentLength) {
        return new Splitting(new PageSplitter(Integer.MAX_VALUE, contentLength));
      }

      @Override
      public T decode(PageSplitter page) throws IOException {
        return finish.apply(page);
      }

      @Override
      public byte[] head(PageSplitter page) {
        return page.head();
      }
    };
  }

  interface Decoding<T> {
    T decode(byte[] body) throws IOException;
  }


  <B, T> T execute(Exchange exchange, BodyDecoder<B, T> decoder) {
    while (true) {
      Duration hold = exchange.holdBeforeSending(); // another request of the stream was told to wait
      if (!hold.isZero()) {
        pause(exchange, hold);
      }
      exchange.begin();
      Attempt<B> attempt = new Attempt<>(exchange, decoder);
      Decision decision;
      try {
        decision = attempt.run(send(exchange, attempt));
      } catch (IOException | InterruptedException | RuntimeException e) {
        Undecodable undecodable = Undecodable.in(e);
        if (undecodable != null) {
          throw exchange.undecodable(undecodable.head, undecodable.getCause());
        }
        if (e instanceof InterruptedException) {
          Thread.currentThread().interrupt();
        }
        decision = attempt.abandon(e);
      }
      switch (decision.action()) {
        case DELIVER:
          return decode(exchange, decoder, attempt.body);
        case FOLLOW:
          continue;
        case RETRY:
          pause(exchange, decision.delay());
          continue;
        default:
          throw decision.failure();
      }
    }
  }

  /**
   * Sends and reads the whole body within the request timeout: the JDK's own timeout runs until the
   * response headers, and the rest of it bounds the body ({@link Attempt#reader}), which would
   * otherwise let a stalled body hang the calling thread forever.
   *
   * <p>{@code send}, not {@code sendAsync(...).get()}: the future {@code sendAsync} returns completes
   * through the common pool, and where that pool has one thread (two cores or fewer)
   * {@code CompletableFuture} starts a new thread for every completion. That was most of what
   * {@code create} took over the floor (measured: 7,000 creates started 7,000 threads). An interrupt
   * cancels the exchange (JDK 16 and later; on 11 to 15 it only stops the wait).
   */
  private HttpResponse<Object> send(Exchange exchange, Attempt<?> attempt) throws IOException, InterruptedException {
    HttpRequest.Builder request = HttpRequest.newBuilder(exchange.uri()).timeout(requestTimeout);
    exchange.headers(request::header);
    request = exchange.body() == null ? request.GET()
        : request.POST(HttpRequest.BodyPublishers.ofByteArray(exchange.body()));
    attempt.deadlineNanos = System.nanoTime() + requestTimeout.toNanos();
    try {
      return http.send(request.build(), attempt::reader);
    } finally {
      attempt.settled();
    }
  }

  private static <B, T> T decode(Exchange exchange, BodyDecoder<B, T> decoder, B body) {
    T value;
    try {
      value = decoder.decode(body);
    } catch (IOException | RuntimeException e) {
      throw exchange.undecodable(decoder.head(body), e);
    }
    exchange.delivered();
    return value;
  }

  private void pause(Exchange exchange, Duration delay) {
    try {
      sleeper.sleep(delay);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw exchange.interruptedWhileWaiting(e);
    }
  }

  /**
   * One attempt. The engine decides what to read when the status line arrives, on the HTTP client's
   * thread; the calling thread takes over when the exchange ends or times out. The lock keeps a late
   * answer of an attempt given up from reaching the exchange after the calling thread moved on.
   */
  private static final class Attempt<B> {
    private final Exchange exchange;
    private final BodyDecoder<B, ?> decoder;
    private Decision decision;
    private boolean abandoned;
    private ScheduledFuture<?> deadline;
    long deadlineNanos;
    B body;

    Attempt(Exchange exchange, BodyDecoder<B, ?> decoder) {
      this.exchange = exchange;
      this.decoder = decoder;
    }

    @SuppressWarnings("unchecked")
    synchronized BodySubscriber<Object> reader(HttpResponse.ResponseInfo info) {
      if (abandoned) {
        return BodySubscribers.replacing(null);
      }
      decision = exchange.onResponse(info.statusCode(), info.headers().map());
      BodySubscriber<?> subscriber;
      switch (decision.action()) {
        case DELIVER:
          subscriber = decoder.reader(info.headers().firstValueAsLong("Content-Length").orElse(-1));
          break;
        case READ_BODY:
          subscriber = BodySubscribers.ofByteArray();
          break;
        default:
          subscriber = BodySubscribers.replacing(null); // a redirect's body is drained, not kept
          break;
      }
      Bounded<?> bounded = new Bounded<>(subscriber);
      deadline = DEADLINES.schedule(bounded::expire, Math.max(0, deadlineNanos - System.nanoTime()),
          TimeUnit.NANOSECONDS);
      return (BodySubscriber<Object>) bounded;
    }

    /** The exchange ended, one way or the other: the body's deadline is not needed any more. */
    synchronized void settled() {
      if (deadline != null) {
        deadline.cancel(false);
      }
    }

    @SuppressWarnings("unchecked")
    synchronized Decision run(HttpResponse<Object> response) {
      if (decision.action() == Decision.Action.READ_BODY) {
        return exchange.onBody((byte[]) response.body());
      }
      body = (B) response.body();
      return decision;
    }

    synchronized Decision abandon(Throwable failure) {
      abandoned = true;
      return exchange.onFailure(failure);
    }
  }

  /** Runs the deadlines of bodies: one daemon thread for every client of the JVM, idle but for timeouts. */
  private static final ScheduledThreadPoolExecutor DEADLINES = deadlines();

  private static ScheduledThreadPoolExecutor deadlines() {
    ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(1, task -> {
      Thread thread = new Thread(task, "clarion-body-deadlines");
      thread.setDaemon(true);
      return thread;
    });
    executor.setRemoveOnCancelPolicy(true); // a cancelled deadline (nearly all of them) leaves nothing behind
    return executor;
  }

  /**
   * A body that fails with {@link HttpTimeoutException} if it is not complete by the request's
   * deadline: {@code send} then returns, and the rest of the body is cancelled.
   */
  private static final class Bounded<T> implements BodySubscriber<T> {
    private final BodySubscriber<T> delegate;
    private final CompletableFuture<T> body = new CompletableFuture<>();
    private volatile Flow.Subscription subscription;

    Bounded(BodySubscriber<T> delegate) {
      this.delegate = delegate;
      delegate.getBody().whenComplete((value, error) -> {
        if (error != null) {
          body.completeExceptionally(error);
        } else {
          body.complete(value);
        }
      });
    }

    void expire() {
      if (body.completeExceptionally(new HttpTimeoutException("request timed out while its body was read"))) {
        Flow.Subscription s = subscription;
        if (s != null) {
          s.cancel();
        }
      }
    }

    @Override
    public void onSubscribe(Flow.Subscription subscription) {
      this.subscription = subscription;
      delegate.onSubscribe(subscription);
    }

    @Override
    public void onNext(List<ByteBuffer> item) {
      delegate.onNext(item);
    }

    @Override
    public void onError(Throwable throwable) {
      delegate.onError(throwable);
    }

    @Override
    public void onComplete() {
      delegate.onComplete();
    }

    @Override
    public CompletionStage<T> getBody() {
      return body;
    }
  }

  /**
   * Feeds a body to a {@link PageSplitter} as it arrives. Once the splitter refuses the body, the rest
   * is drained, not kept: cancelling would make the JDK client report a cancelled stream instead.
   */
  private static final class Splitting implements BodySubscriber<PageSplitter> {
    private final PageSplitter page;
    private final CompletableFuture<PageSplitter> result = new CompletableFuture<>();
    private Undecodable refused;

    Splitting(PageSplitter page) {
      this.page = page;
    }

    @Override
    public void onSubscribe(Flow.Subscription subscription) {
      subscription.request(Long.MAX_VALUE);
    }

    @Override
    public void onNext(List<ByteBuffer> buffers) {
      if (refused != null) {
        return;
      }
      try {
        for (ByteBuffer buffer : buffers) {
          page.feed(buffer);
        }
      } catch (RuntimeException e) {
        refused = new Undecodable(page.head(), e);
      }
    }

    @Override
    public void onError(Throwable error) {
      result.completeExceptionally(error);
    }

    @Override
    public void onComplete() {
      if (refused != null) {
        result.completeExceptionally(refused);
      } else {
        result.complete(page);
      }
    }

    @Override
    public CompletionStage<PageSplitter> getBody() {
      return result;
    }
  }

  /** A body that is not what was expected, found while it arrived. */
  private static final class Undecodable extends IOException {
    private static final long serialVersionUID = 1L;
    final transient byte[] head;

    Undecodable(byte[] head, Throwable problem) {
      super(problem);
      this.head = head;
    }

    static Undecodable in(Throwable error) {
      for (Throwable e = error; e != null; e = e.getCause()) {
        if (e instanceof Undecodable) {
          return (Undecodable) e;
        }
      }
      return null;
    }
  }
}
