package com.clarionhealth.client.reactive;

import com.clarionhealth.client.CallPage;
import com.clarionhealth.client.internal.CompletedWindow;
import com.clarionhealth.client.internal.FetchedPage;
import com.clarionhealth.client.internal.Frontier;
import com.clarionhealth.client.internal.PageAssembler;
import com.clarionhealth.client.internal.PagingPlan;
import com.clarionhealth.client.internal.Window;
import com.clarionhealth.client.internal.WindowPlanner;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import org.reactivestreams.Subscription;
import reactor.core.CoreSubscriber;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Operators;
import reactor.util.context.Context;

/**
 * The reactive paging loop, twin of the blocking client's {@code PageLoop}: the plan's head walks
 * its windows one request at a time, only on demand; at concurrency {@code n} it stops after its first
 * window and the frontier's slots are walked {@code n} at a time, their completed windows still
 * reaching the one assembler in window order. Memory: at most {@code n} completed pages wait ahead of
 * the consumer.
 */
final class ReactivePages {
  private ReactivePages() {}

  /** @param fetch one {@code GET /call} of a window, cold */
  static Flux<CallPage> pages(PagingPlan plan, Function<Window, Mono<FetchedPage>> fetch) {
    WindowPlanner head = plan.head();
    if (head == null) {
      return Flux.empty();
    }
    PageAssembler assembler = plan.assembler();
    if (plan.concurrency() == 1) {
      return windows(head, fetch).map(assembler::page);
    }
    // Above 1: the head walks until its first window completes (which tells the density), then the
    // frontier's slots are walked n at a time.
    return whenRequested(nextCompleted(head, fetch)).flatMapMany(first -> {
      CallPage page = assembler.page(first);
      if (head.isDone()) {
        return Flux.just(page);
      }
      Frontier frontier = plan.frontierAfter(first);
      Flux<WindowPlanner> slots = Flux.generate(sink -> {
        WindowPlanner slot = frontier.nextSlot();
        if (slot == null) {
          sink.complete();
        } else {
          sink.next(slot);
        }
      });
      // A slot's failure travels as an item, in its place: flatMapSequential would signal it at once,
      // dropping the pages of earlier slots still on their way, so that calls before the failure
      // would be skipped (the paging properties found it).
      Flux<CallPage> rest = slots
          .flatMapSequential(slot -> windows(slot, fetch).doOnNext(frontier::observe).map(Step::of)
              .onErrorResume(e -> Mono.just(Step.failed(e))), plan.concurrency(), 1)
          .handle((step, sink) -> {
            if (step.failure != null) {
              sink.error(step.failure);
            } else {
              sink.next(assembler.page(step.window));
            }
          });
      return Flux.just(page).concatWith(rest);
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
