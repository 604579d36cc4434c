package com.clarionhealth.client.reactive;

import static java.util.Objects.requireNonNull;

import com.clarionhealth.client.CallPage;
import com.clarionhealth.client.CallQuery;
import com.clarionhealth.client.CreateCallValidator;
import com.clarionhealth.client.ListCallsParams;
import com.clarionhealth.client.internal.CallCodec;
import com.clarionhealth.client.internal.FetchedPage;
import com.clarionhealth.client.internal.PagingPlan;
import com.clarionhealth.client.internal.RequestEngine;
import com.clarionhealth.client.internal.Window;
import com.clarionhealth.client.internal.WireFormat;
import com.clarionhealth.client.model.Call;
import com.clarionhealth.client.model.CreateCall;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The {@code /call} resource, reactively: the same methods and semantics as the blocking client's.
 * Every publisher is cold (nothing is sent before subscription) and validates its arguments before
 * that, at assembly. Errors are {@link com.clarionhealth.client.ClarionException} subclasses.
 */
public final class ReactiveCalls {
  private final RequestEngine engine;
  private final ReactiveTransport transport;
  private final ReactiveCodec bodies;
  private final CallCodec json;
  private final long maxBytesAhead;

  ReactiveCalls(RequestEngine engine, ReactiveTransport transport, ReactiveCodec bodies, long maxBytesAhead) {
    this.engine = engine;
    this.transport = transport;
    this.bodies = bodies;
    this.json = bodies.json();
    this.maxBytesAhead = maxBytesAhead;
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
    byte[] body = json.requestBody(createCall); // taken now: later changes to createCall are not sent
    return transport.execute(() -> engine.post(WireFormat.CALLS_PATH, body), bodies::one);
  }

  /** Exactly one {@code GET /call} with the server's defaults (at most 100 calls). */
  public Flux<Call> list() {
    return list(ListCallsParams.defaults());
  }

  /** Exactly one {@code GET /call} (retries aside): at most {@code limit} calls, in server order. */
  public Flux<Call> list(ListCallsParams params) {
    requireNonNull(params, "params == null");
    String query = WireFormat.listQuery(params);
    return transport.execute(() -> engine.get(WireFormat.CALLS_PATH, query),
            (body, length, exchange) -> bodies.array(body, length, exchange, page -> page.calls(json)))
        .flatMapIterable(calls -> calls);
  }

  /**
   * Every call of the query's range, each exactly once, driven by demand: the next window is fetched
   * only when the calls already fetched have been requested, so {@code stream(q).take(5)} sends one
   * request, and cancelling aborts the request in flight. Calls come in ascending windows of creation
   * time, within a window in server order; with {@link CallQuery#concurrency(int)} above 1, segments of
   * the range are fetched at once, ahead of demand as far as
   * {@link com.clarionhealth.client.ClientBuilder#maxBytesAhead(long)}, and the output keeps that order.
   */
  public Flux<Call> stream(CallQuery query) {
    // Prefetch 1: the next page is asked for only once this one has been handed out whole
    // (measured: concatMap with prefetch 0 asks for a second page before the first is consumed).
    return pages(query).concatMapIterable(CallPage::calls, 1);
  }

  /** The query's range page by page, each a completed window with its resume cursor. */
  public Flux<CallPage> pages(CallQuery query) {
    requireNonNull(query, "query == null");
    // A walk per subscription: "to", when left open, is the moment of subscription.
    return Flux.defer(() -> {
      PagingPlan plan = engine.plan(query, maxBytesAhead);
      return ReactivePages.pages(plan, window -> fetch(plan, window));
    });
  }

  private Mono<FetchedPage> fetch(PagingPlan plan, Window window) {
    String query = WireFormat.listQuery(window);
    return transport.execute(() -> engine.get(WireFormat.CALLS_PATH, query, plan.run()),
        (body, length, exchange) -> bodies.array(body, length, exchange, plan.pageOf(window, json)));
  }
}
