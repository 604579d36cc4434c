package com.clarionhealth.client.contract;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.QueryParameter;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A stateful {@code GET /call}: an in-memory list of (creation instant, id), served newest first within
 * the inclusive {@code createdAtGe}/{@code createdAtLe} bounds, at most {@code limit} (default 100).
 * Creation instants may be finer than the wire's millisecond, as the real server's may be. Safe for
 * concurrent requests. Attach it to a stub with {@code withTransformers(FakeCallsServer.NAME)}.
 */
public final class FakeCallsServer implements ResponseDefinitionTransformerV2 {
  public static final String NAME = "fake-calls";

  public record Created(Instant at, long id) {}

  /** One request as the fake understood it, and how many calls it answered with. */
  public record Asked(Instant ge, Instant le, int limit, int returned) {
    /** A full page: the window may hold more than was returned. */
    public boolean full() {
      return returned == limit;
    }
  }

  private volatile List<Created> calls = List.of();
  private final List<Asked> asked = new CopyOnWriteArrayList<>();
  private final AtomicInteger requests = new AtomicInteger();
  private volatile int unavailableOnRequest;
  private volatile int rateLimitedOnRequest;
  private volatile int retryAfterSeconds;

  public void reset(List<Created> newCalls) {
    List<Created> sorted = new ArrayList<>(newCalls);
    sorted.sort(Comparator.comparing(Created::at).reversed());
    calls = sorted;
    asked.clear();
    requests.set(0);
    unavailableOnRequest = 0;
    rateLimitedOnRequest = 0;
  }

  /** Answers the {@code n}-th request (from 1) with 503 instead; it is not counted in {@link #asked()}. */
  public void unavailableOnRequest(int n) {
    unavailableOnRequest = n;
  }

  /** Answers the {@code n}-th request (from 1) with 429 and {@code Retry-After}; not counted in {@link #asked()}. */
  public void rateLimitedOnRequest(int n, int retryAfterSeconds) {
    this.retryAfterSeconds = retryAfterSeconds;
    rateLimitedOnRequest = n;
  }

  /** The requests answered with a page, in order. */
  public List<Asked> asked() {
    return List.copyOf(asked);
  }

  /** Forgets the requests so far, keeping the calls. */
  public void forgetAsked() {
    asked.clear();
  }

  /** The ids created within {@code [from, to]}. */
  public List<Long> idsWithin(Instant from, Instant to) {
    return calls.stream().filter(c -> !c.at().isBefore(from) && !c.at().isAfter(to)).map(Created::id).toList();
  }

  /** The creation instant of the call with {@code id}. */
  public Instant createdAt(long id) {
    return calls.stream().filter(c -> c.id() == id).findFirst().orElseThrow().at();
  }

  @Override
  public ResponseDefinition transform(ServeEvent serveEvent) {
    int number = requests.incrementAndGet();
    if (number == unavailableOnRequest) {
      return ResponseDefinitionBuilder.responseDefinition().withStatus(503).build();
    }
    if (number == rateLimitedOnRequest) {
      return ResponseDefinitionBuilder.responseDefinition().withStatus(429)
          .withHeader("Retry-After", String.valueOf(retryAfterSeconds)).build();
    }
    var request = serveEvent.getRequest();
    int limit = intParam(request.queryParameter("limit"), 100);
    Instant ge = instantParam(request.queryParameter("createdAtGe"), Instant.MIN);
    Instant le = instantParam(request.queryParameter("createdAtLe"), Instant.MAX);
    StringBuilder body = new StringBuilder("[");
    int returned = 0;
    for (Created call : calls) {
      if (returned == limit) {
        break;
      }
      if (!call.at().isBefore(ge) && !call.at().isAfter(le)) {
        body.append(returned++ == 0 ? "" : ",").append(ContractSupport.callJson(call.id()));
      }
    }
    asked.add(new Asked(ge, le, limit, returned));
    return ResponseDefinitionBuilder.responseDefinition().withStatus(200)
        .withHeader("Content-Type", "application/json").withBody(body.append(']').toString()).build();
  }

  private static int intParam(QueryParameter p, int otherwise) {
    return p.isPresent() ? Integer.parseInt(p.firstValue()) : otherwise;
  }

  private static Instant instantParam(QueryParameter p, Instant otherwise) {
    return p.isPresent() ? Instant.parse(p.firstValue()) : otherwise;
  }

  @Override
  public boolean applyGlobally() {
    return false;
  }

  @Override
  public String getName() {
    return NAME;
  }
}
