package com.clarionhealth.client.blocking;

import static java.util.Objects.requireNonNull;

import com.clarionhealth.client.CallPage;
import com.clarionhealth.client.CallQuery;
import com.clarionhealth.client.ListCallsParams;
import com.clarionhealth.client.CreateCallValidator;
import com.clarionhealth.client.internal.CallCodec;
import com.clarionhealth.client.internal.FetchedPage;
import com.clarionhealth.client.internal.PagingPlan;
import com.clarionhealth.client.internal.RequestEngine;
import com.clarionhealth.client.internal.Window;
import com.clarionhealth.client.internal.WireFormat;
import com.clarionhealth.client.model.Call;
import com.clarionhealth.client.model.CreateCall;
import java.lang.ref.Cleaner;
import java.util.Iterator;
import java.util.List;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * The {@code /call} resource. Every method validates its arguments before sending anything and throws
 * {@link com.clarionhealth.client.ClarionException} subclasses for what the server or the network
 * does.
 */
public final class Calls {
  private final RequestEngine engine;
  private final Transport transport;
  private final CallCodec json;
  private final long maxBytesAhead;

  Calls(RequestEngine engine, Transport transport, CallCodec json, long maxBytesAhead) {
    this.engine = engine;
    this.transport = transport;
    this.json = json;
    this.maxBytesAhead = maxBytesAhead;
  }

  /**
   * Places a call: {@code POST /call}. This rings a phone. It is never re-sent once it may have
   * reached the server; when its outcome is unknown the exception says that the call may have been
   * placed ({@link com.clarionhealth.client.ClarionException#callMayHaveBeenPlaced()}).
   *
   * @throws IllegalArgumentException naming the field, before any request, if {@code createCall} is
   *     invalid (missing {@code assistant_id} or {@code destination_phone_number}, a destination that
   *     is not E.164, a name over 50 characters)
   */
  public Call create(CreateCall createCall) {
    CreateCallValidator.check(createCall);
    byte[] body = json.requestBody(createCall);
    return transport.execute(engine.post(WireFormat.CALLS_PATH, body), Transport.bytes(json::bindOne));
  }

  /** Exactly one {@code GET /call} with the server's defaults (at most 100 calls). */
  public List<Call> list() {
    return list(ListCallsParams.defaults());
  }

  /**
   * Exactly one {@code GET /call} (retries aside): at most {@code limit} calls, in server order. For
   * every call of a range use {@link #stream(CallQuery)}.
   */
  public List<Call> list(ListCallsParams params) {
    requireNonNull(params, "params == null");
    return transport.execute(engine.get(WireFormat.CALLS_PATH, WireFormat.listQuery(params)),
        Transport.page(page -> page.calls(json)));
  }

  /**
   * Every call of the query's range, each exactly once, lazily: nothing is sent until the stream is
   * consumed, and {@code stream(q).limit(5)} sends one request. Calls come in ascending windows of
   * creation time, and within a window in server order. Memory is bounded by one page.
   *
   * <p>With {@link CallQuery#concurrency(int)} above 1, up to that many requests are in flight at once
   * on threads of the stream's own (daemon threads, ended when the stream is consumed or closed),
   * while the calling thread takes the pages in window order; what is fetched ahead of it is bounded
   * by {@link com.clarionhealth.client.ClientBuilder#maxBytesAhead(long)}. Close the stream (try-with-resources)
   * when you stop before its end: that aborts the requests in flight. At concurrency 1 nothing is
   * held between pages and closing is optional.
   *
   * @throws com.clarionhealth.client.ClarionPagingException from the stream's terminal operation if
   *     1000 or more calls were created within one millisecond, rather than skipping any
   */
  public Stream<Call> stream(CallQuery query) {
    requireNonNull(query, "query == null");
    AtomicReference<PageLoop> pages = new AtomicReference<>();
    return StreamSupport.stream(
            () -> Spliterators.spliteratorUnknownSize(pages.updateAndGet(p -> p != null ? p : pageLoop(query)),
                Spliterator.ORDERED | Spliterator.NONNULL),
            Spliterator.ORDERED | Spliterator.NONNULL, false)
        .onClose(() -> {
          PageLoop loop = pages.get();
          if (loop != null) {
            loop.close(); // at concurrency above 1: stops the stream's threads and their requests
          }
        })
        .flatMap(page -> page.calls().stream());
  }

  /**
   * The query's range page by page, each page a completed window with its resume cursor. Each
   * iteration starts the walk afresh; nothing is sent until the iterator is used.
   *
   * <p>An iterator has no close: at {@link CallQuery#concurrency(int) concurrency} above 1, an iteration
   * left before its end (a {@code break}) stops its threads and what they fetched ahead only once the
   * iterator is garbage-collected. To stop at once, use {@link #stream(CallQuery)} and close it.
   */
  public Iterable<CallPage> pages(CallQuery query) {
    requireNonNull(query, "query == null");
    return () -> new Pages(pageLoop(query));
  }

  /**
   * The iterator {@link #pages} hands out. When the application drops it before the end, its loop is
   * closed once it is unreachable (a {@link Cleaner} action holds the loop, never this iterator): the
   * stream's threads stop, what they fetched ahead is freed, and the listener hears the stream end.
   */
  private static final class Pages implements Iterator<CallPage> {
    private final PageLoop loop;

    Pages(PageLoop loop) {
      this.loop = loop;
      Unreachable.CLEANER.register(this, loop::close);
    }

    @Override
    public boolean hasNext() {
      return loop.hasNext();
    }

    @Override
    public CallPage next() {
      return loop.next();
    }
  }

  /** One daemon thread for the whole JVM, started by the first {@link #pages} iterator. */
  private static final class Unreachable {
    static final Cleaner CLEANER = Cleaner.create(task -> {
      Thread thread = new Thread(task, "clarion-pages-cleaner");
      thread.setDaemon(true);
      return thread;
    });
  }

  private PageLoop pageLoop(CallQuery query) {
    PagingPlan plan = engine.plan(query, maxBytesAhead);
    return new PageLoop(plan, window -> fetch(plan, window));
  }

  private FetchedPage fetch(PagingPlan plan, Window window) {
    return transport.execute(engine.get(WireFormat.CALLS_PATH, WireFormat.listQuery(window), plan.run()),
        Transport.page(plan.pageOf(window, json)));
  }
}
