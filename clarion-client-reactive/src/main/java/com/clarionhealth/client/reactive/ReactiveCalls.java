package com.clarionhealth.client.reactive;

import static java.util.Objects.requireNonNull;

import com.clarionhealth.client.CallPage;
import com.clarionhealth.client.CallQuery;
import com.clarionhealth.client.ListCallsParams;
import com.clarionhealth.client.CreateCallValidator;
import com.clarionhealth.client.internal.EdgeDeduplicator;
import com.clarionhealth.client.internal.PagingPlan;
import com.clarionhealth.client.internal.Window;
import com.clarionhealth.client.internal.WindowPlanner;
import com.clarionhealth.client.internal.WireFormat;
import com.clarionhealth.client.model.Call;
import com.clarionhealth.client.model.CreateCall;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.reactivestreams.Subscription;
import reactor.core.CoreSubscriber;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Operators;
import reactor.util.context.Context;

/**
 * The {@code /call} resource, reactively: the same methods and semantics as the blocking client's.
 * Every publisher is cold (nothing is sent before subscription) and validates its arguments before
 * that, at assembly. Errors are {@link com.clarionhealth.client.ClarionException} subclasses.
 */
public final class ReactiveCalls {
  private final ReactiveTransport transport;
  private final ReactiveJson json;
  private final Clock clock;

  ReactiveCalls(ReactiveTransport transport, ReactiveJson json, Clock clock) {
    this.transport = transport;
    this.json = json;
    this.clock = clock;
  }

  /**
   * Places a call: {@code POST /call}, when subscribed. This rings a phone. It is never re-sent once it
   * may have reached the server; when its outcome is unknown the error says the call may have been
   * placed. Each subscription sends its own request.
   *
   * @throws IllegalArgumentException at once, naming the field, if {@code createCall} is invalid
   */
  public Mono<Call> create(CreateCall createCall) {
    CreateCallValidator.check(createCall);
    byte[] body = json.write(createCall); // taken now: later changes to createCall are not sent
    return transport.post(WireFormat.CALLS_PATH, body, json::readCall);
  }

  /** Exactly one {@code GET /call} with the server's defaults (at most 100 calls). */
  public Flux<Call> list() {
    return list(ListCallsParams.defaults());
  }

  /** Exactly one {@code GET /call} (retries aside): at most {@code limit} calls, in server order. */
  public Flux<Call> list(ListCallsParams params) {
    requireNonNull(params, "params == null");
    String query = WireFormat.listQuery(params);
    return transport.get(WireFormat.CALLS_PATH, query, body -> json.readCalls(body).collectList())
        .flatMapIterable(calls -> calls);
  }

  /**
   * Every call of the query's range, each exactly once, driven by demand: the next window is fetched
   * only when the calls already fetched have been requested, so {@code stream(q).take(5)} sends one
   * request, and cancelling aborts the request in flight. Calls come in ascending windows of creation
   * time, within a window in server order; with {@link CallQuery#concurrency(int)} above 1, segments of
   * the range are fetched at once and the output keeps that order.
   */
  public Flux<Call> stream(CallQuery query) {
    // Prefetch 1: the next page is asked for only once this one has been handed out whole
    // (measured: concatMap with prefetch 0 asks for a second page before the first is consumed).
    return pages(query).concatMapIterable(CallPage::calls, 1);
  }

  /** The query's range page by page, each a completed window with its resume cursor. */
  public Flux<CallPage> pages(CallQuery query) {
    requireNonNull(query, "query == null");
    return Flux.defer(() -> {
      // "to", when left open, is the moment of subscription, and stays fixed so that the walk ends.
      PagingPlan plan = PagingPlan.of(query, clock.instant());
      EdgeDeduplicator<Call> dedup = plan.deduplicator(Call::getId);
      List<WindowPlanner> segments = plan.segments();
      Flux<Completed> completed = segments.size() <= 1
          ? Flux.fromIterable(segments).concatMap(this::windows, 0)
          : Flux.fromIterable(segments).flatMapSequential(this::windows, segments.size(), 1);
      // Pages reach the deduplicator one at a time and in window order, whatever the concurrency.
      return completed.map(page -> new CallPage(dedup.accept(page.window, page.calls),
          plan.cursorAfter(page.window, page.widthHintMillis, dedup),
          page.window.createdAtGe(), page.window.createdAtLe(), page.requests));
    });
  }

  /** The completed windows of one segment, one request at a time, each only on demand. */
  private Flux<Completed> windows(WindowPlanner segment) {
    return Flux.<WindowPlanner>generate(sink -> {
      if (segment.isDone()) {
        sink.complete();
      } else {
        sink.next(segment);
      }
    }).concatMap(planner -> whenRequested(nextCompleted(planner, 1)), 0);
  }

  /**
   * {@code mono}, subscribed to only once it is requested. concatMap subscribes to the next inner
   * publisher as soon as the previous one completes, demand or not, and a request starts on
   * subscription: without this gate, the request of the next window would be sent before the
   * subscriber asked for another page.
   */
  private static <T> Mono<T> whenRequested(Mono<T> mono) {
    return new Mono<T>() {
      @Override
      public void subscribe(CoreSubscriber<? super T> actual) {
        actual.onSubscribe(new RequestGate<>(mono, actual));
      }
    };
  }

  /** Subscribes to its source on the first request, and relays the source's signals. */
  private static final class RequestGate<T> extends Operators.DeferredSubscription
      implements CoreSubscriber<T> {
    private final Mono<T> source;
    private final CoreSubscriber<? super T> actual;
    private final AtomicBoolean started = new AtomicBoolean();

    RequestGate(Mono<T> source, CoreSubscriber<? super T> actual) {
      this.source = source;
      this.actual = actual;
    }

    @Override
    public void request(long n) {
      super.request(n); // kept until the source's subscription is set
      if (!isCancelled() && started.compareAndSet(false, true)) {
        source.subscribe(this);
      }
    }

    @Override
    public void onSubscribe(Subscription s) {
      set(s);
    }

    @Override
    public void onNext(T value) {
      actual.onNext(value);
    }

    @Override
    public void onError(Throwable e) {
      actual.onError(e);
    }

    @Override
    public void onComplete() {
      actual.onComplete();
    }

    @Override
    public Context currentContext() {
      return actual.currentContext();
    }
  }

  /** Fetches until the segment's current window completes: full pages are discarded and narrowed. */
  private Mono<Completed> nextCompleted(WindowPlanner segment, int requests) {
    return Mono.defer(() -> {
      if (segment.isDone()) {
        return Mono.empty();
      }
      Window window = segment.nextWindow();
      return transport.get(WireFormat.CALLS_PATH, WireFormat.listQuery(window),
              body -> json.readCalls(body).collectList())
          .flatMap(calls -> segment.onPage(window, calls.size())
              ? Mono.just(new Completed(window, calls, segment.widthHintMillis(), requests))
              : nextCompleted(segment, requests + 1));
    });
  }

  private static final class Completed {
    final Window window;
    final List<Call> calls;
    final long widthHintMillis; // taken now: with concurrency the segment moves on meanwhile
    final int requests;

    Completed(Window window, List<Call> calls, long widthHintMillis, int requests) {
      this.window = window;
      this.calls = calls;
      this.widthHintMillis = widthHintMillis;
      this.requests = requests;
    }
  }
}
