package com.clarionhealth.client.reactive;

import com.clarionhealth.client.CallPage;
import com.clarionhealth.client.internal.CompletedWindow;
import com.clarionhealth.client.internal.FetchedPage;
import com.clarionhealth.client.internal.PageAssembler;
import com.clarionhealth.client.internal.PagingPlan;
import com.clarionhealth.client.internal.Window;
import com.clarionhealth.client.internal.WindowPlanner;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import org.reactivestreams.Subscription;
import reactor.core.CoreSubscriber;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Operators;
import reactor.util.context.Context;

/**
 * The reactive paging loop, twin of the blocking client's {@code PageLoop}: each segment of a plan
 * walks its windows one request at a time, only on demand; with several segments they run at once and
 * their completed windows still reach the one assembler in window order.
 */
final class ReactivePages {
  private ReactivePages() {}

  /** @param fetch one {@code GET /call} of a window, cold */
  static Flux<CallPage> pages(PagingPlan plan, Function<Window, Mono<FetchedPage>> fetch) {
    PageAssembler assembler = plan.assembler();
    List<WindowPlanner> segments = plan.segments();
    if (segments.size() <= 1) {
      return Flux.fromIterable(segments).concatMap(segment -> windows(segment, fetch), 0).map(assembler::page);
    }
    // A segment's failure travels as an item, in its place: flatMapSequential would signal it at once,
    // dropping the pages of earlier segments still on their way, so that calls before the failure
    // would be skipped (the paging properties found it).
    return Flux.fromIterable(segments)
        .flatMapSequential(segment -> windows(segment, fetch).map(Step::of).onErrorResume(e -> Mono.just(Step.failed(e))),
            segments.size(), 1)
        .handle((step, sink) -> {
          if (step.failure != null) {
            sink.error(step.failure);
          } else {
            sink.next(assembler.page(step.window));
          }
        });
  }

  /** A completed window, or the failure that ended its segment. */
  private static final class Step {
    final CompletedWindow window;
    final Throwable failure;

    private Step(CompletedWindow window, Throwable failure) {
      this.window = window;
      this.failure = failure;
    }

    static Step of(CompletedWindow window) {
      return new Step(window, null);
    }

    static Step failed(Throwable failure) {
      return new Step(null, failure);
    }
  }

  /** The completed windows of one segment, each fetched only once it is requested. */
  private static Flux<CompletedWindow> windows(WindowPlanner segment, Function<Window, Mono<FetchedPage>> fetch) {
    return Flux.<WindowPlanner>generate(sink -> {
      if (segment.isDone()) {
        sink.complete();
      } else {
        sink.next(segment);
      }
    }).concatMap(planner -> whenRequested(nextCompleted(planner, fetch)), 0);
  }

  /** Fetches until the segment's current window completes: full pages are discarded and narrowed. */
  private static Mono<CompletedWindow> nextCompleted(WindowPlanner segment, Function<Window, Mono<FetchedPage>> fetch) {
    return Mono.defer(() -> {
      if (segment.isDone()) {
        return Mono.empty();
      }
      Window window = segment.nextWindow();
      return fetch.apply(window).flatMap(page -> {
        CompletedWindow completed = segment.onPage(window, page);
        return completed != null ? Mono.just(completed) : nextCompleted(segment, fetch);
      });
    });
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
}
