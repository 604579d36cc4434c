package com.clarionhealth.client.reactive;

import com.clarionhealth.client.CallPage;
import com.clarionhealth.client.internal.CompletedWindow;
import com.clarionhealth.client.internal.FetchAhead;
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
import reactor.core.publisher.FluxSink;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Operators;
import reactor.util.concurrent.Queues;
import reactor.util.context.Context;

/**
 * The reactive paging loop, twin of the blocking client's {@code PageLoop}: the plan's head walks
 * its windows one request at a time, only on demand; at concurrency {@code n} it stops after its first
 * window; the frontier's slots are then walked, each request waiting for the stream's
 * {@code FetchAhead} to give it a place (at most {@code n} in flight, and a budget of bytes fetched
 * ahead), their completed windows still reaching the one assembler in window order. Every end of the
 * walk (completion, error, cancel) is reported to the plan, before it reaches the subscriber.
 */
final class ReactivePages {
  private ReactivePages() {}

  /** @param fetch one {@code GET /call} of a window, cold */
  static Flux<CallPage> pages(PagingPlan plan, Function<Window, Mono<FetchedPage>> fetch) {
    WindowPlanner head = plan.head();
    if (head == null) {
      return Flux.empty();
    }
    // A completion or an error is reported before the subscriber sees it (doFinally would run after,
    // when a blocked caller may have returned already); a cancel after the cancel reached the request
    // in flight, so that the request is told to have ended before its stream.
    return walk(plan, head, fetch)
        .doOnError(plan::ended)
        .doOnComplete(() -> plan.ended(null))
        .doFinally(signal -> plan.ended(null));
  }

  private static Flux<CallPage> walk(PagingPlan plan, WindowPlanner head, Function<Window, Mono<FetchedPage>> fetch) {
    PageAssembler assembler = plan.assembler();
    if (plan.concurrency() == 1) {
      return windows(head, fetch).map(assembler::page);
    }
    // Above 1: the head walks until its first window completes (which tells the density), then the
    // frontier's slots are walked, each request waiting for a place from the stream's FetchAhead.
    return whenRequested(nextCompleted(head, fetch)).flatMapMany(first -> {
      CallPage page = assembler.page(first);
      if (head.isDone()) {
        return Flux.just(page);
      }
      return Flux.just(page).concatWith(Flux.defer(() -> slots(plan, first, assembler, fetch)));
    });
  }

  /**
   * The pages of the frontier's slots, in window order. Slots run ahead of the consumer as far as the
   * budget allows, so that requests overlap even while the consumer waits for an earlier one.
   */
  private static Flux<CallPage> slots(PagingPlan plan, CompletedWindow first, PageAssembler assembler,
      Function<Window, Mono<FetchedPage>> fetch) {
    Frontier frontier = plan.frontierAfter(first);
    SlotSource source = new SlotSource(frontier);
    FetchAhead ahead = plan.fetchAhead(first, source::startSlots);
    source.ahead = ahead;
    // A slot's failure travels as an item, in its place: flatMapSequential would signal it at once,
    // dropping the pages of earlier slots still on their way, so that calls before the failure
    // would be skipped (the paging properties found it).
    return Flux.create(source::attach)
        .flatMapSequential(slot -> walk(slot, fetch).doOnNext(frontier::observe).map(Step::of)
            .concatWith(Mono.fromCallable(() -> Step.end(slot.index)))
            .onErrorResume(e -> Mono.just(Step.failed(e))), Queues.SMALL_BUFFER_SIZE, SLOT_PREFETCH)
        .<CallPage>handle((step, sink) -> {
          if (step.failure != null) {
            sink.error(step.failure);
          } else if (step.window == null) {
            ahead.slotDelivered(step.slot);
          } else {
            ahead.taken(step.window.bytes());
            sink.next(assembler.page(step.window));
          }
        })
        .doFinally(signal -> ahead.close());
  }

  /** Windows a slot may complete before the consumer takes its pages: beyond, the budget decides. */
  private static final int SLOT_PREFETCH = 32;

  /**
   * Starts slots while {@link FetchAhead} has room for one more (the slot the consumer needs always
   * starts), when the downstream asks and whenever a request ends or a page is taken.
   */
  private static final class SlotSource {
    private final Frontier frontier;
    FetchAhead ahead;
    private FluxSink<Slot> sink;
    private long started;
    private boolean done;

    SlotSource(Frontier frontier) {
      this.frontier = frontier;
    }

    void attach(FluxSink<Slot> sink) {
      synchronized (this) {
        this.sink = sink;
      }
      sink.onRequest(n -> startSlots());
    }

    synchronized void startSlots() {
      if (sink == null || done) {
        return;
      }
      while (sink.requestedFromDownstream() > 0 && !sink.isCancelled() && ahead.mayStartSlot(started)) {
        WindowPlanner planner = frontier.nextSlot();
        if (planner == null) {
          done = true;
          sink.complete();
          return;
        }
        sink.next(new Slot(started, planner, ahead));
        started++;
      }
    }
  }

  /** A slot of the frontier: its planner and the ticket of its next request. */
  private static final class Slot {
    final long index;
    final WindowPlanner planner;
    private final FetchAhead ahead;
    private FetchAhead.Ticket first;

    /** Asks for the slot's first request at once, so that the room it takes counts before the next slot. */
    Slot(long index, WindowPlanner planner, FetchAhead ahead) {
      this.index = index;
      this.planner = planner;
      this.ahead = ahead;
      this.first = ahead.request(index);
    }

    FetchAhead.Ticket nextTicket() {
      FetchAhead.Ticket ticket = first != null ? first : ahead.request(index);
      first = null;
      return ticket;
    }
  }

  /** The completed windows of one slot: one request at a time, each sent when its ticket is granted. */
  private static Flux<CompletedWindow> walk(Slot slot, Function<Window, Mono<FetchedPage>> fetch) {
    return Flux.<WindowPlanner>generate(sink -> {
      if (slot.planner.isDone()) {
        sink.complete();
      } else {
        sink.next(slot.planner);
      }
    }).concatMap(planner -> Mono.defer(() -> {
      FetchAhead.Ticket ticket = slot.nextTicket();
      return Mono.fromFuture(ticket.granted(), true)
          .then(Mono.defer(() -> {
            Window window = planner.nextWindow();
            return fetch.apply(window).<CompletedWindow>handle((page, sink) -> {
              CompletedWindow completed = planner.onPage(window, page);
              ticket.done(page, completed != null);
              if (completed != null) {
                sink.next(completed);
              }
            });
          }))
          .doFinally(signal -> ticket.cancel()); // a failure or a cancellation frees the place
    }), 0);
  }

  /** A completed window, the end of a slot, or the failure that ended a slot. */
  private static final class Step {
    final CompletedWindow window;
    final long slot;
    final Throwable failure;

    private Step(CompletedWindow window, long slot, Throwable failure) {
      this.window = window;
      this.slot = slot;
      this.failure = failure;
    }

    static Step of(CompletedWindow window) {
      return new Step(window, -1, null);
    }

    static Step end(long slot) {
      return new Step(null, slot, null);
    }

    static Step failed(Throwable failure) {
      return new Step(null, -1, failure);
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
