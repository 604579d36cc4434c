package com.clarionhealth.benchmarks.contestant;

import com.clarionhealth.client.ClarionException;
import com.clarionhealth.client.blocking.ClarionClient;
import com.clarionhealth.client.reactive.ReactiveClarionClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Many {@code POST /call} at once through one shared client of each kind, as an application would: the
 * blocking client from a pool of caller threads, the reactive one from a {@code flatMap} of that many
 * creates at once. Request {@code i} is named {@link #name(int)}, so that the server can count creations
 * per caller request. Each outcome is kept, with its latency as the caller saw it (retries included).
 */
public final class CreateLoad {
  /** What one caller request ended with. */
  public record Outcome(String name, boolean ok, long nanos, String exception, boolean typed,
      boolean mayHaveBeenPlaced, String message) {
    static Outcome ok(String name, long nanos) {
      return new Outcome(name, true, nanos, null, true, false, null);
    }

    static Outcome failed(String name, long nanos, Throwable e) {
      boolean typed = e instanceof ClarionException;
      return new Outcome(name, false, nanos, e.getClass().getSimpleName(), typed,
          typed && ((ClarionException) e).callMayHaveBeenPlaced(), String.valueOf(e.getMessage()));
    }
  }

  /** The outcomes by request index, and how long the run took (the warm-up create left out). */
  public record Result(Outcome[] outcomes, double seconds) {}

  /**
   * The names of the creates each client makes one at a time before the run ({@code warm-up-<i>}): the first
   * builds Jackson's serializers and the connection pool, which can take longer than the run's short timeout;
   * the rest let the JIT compile the path. The server never fails them and the results leave them out.
   */
  public static final String WARM_UP = "warm-up-";

  /** How many warm-up creates precede a run of {@code count}. */
  public static int warmUps(int count) {
    return Math.max(1, Math.min(200, count / 10));
  }

  private CreateLoad() {}

  /** The unique {@code name} of request {@code i}: at most 50 characters, as the API allows. */
  public static String name(int i) {
    return "load-" + i;
  }

  /**
   * {@code count} creates from {@code callers} threads sharing one blocking client with the given request
   * timeout; returns the outcomes by request index.
   */
  public static Result blocking(String baseUrl, int count, int callers, Duration requestTimeout)
      throws InterruptedException {
    ClarionClient client = ClarionClient.builder().apiKey("bench").baseUrl(baseUrl).requestTimeout(requestTimeout)
        .build();
    // The first create builds Jackson's serializers and opens the HttpClient: not part of the run.
    for (int i = 0; i < warmUps(count); i++) {
      try {
        client.calls().create(Contestants.createCall(WARM_UP + i));
      } catch (RuntimeException e) {
        // a slow first create: the warm-up is not measured
      }
    }
    Outcome[] outcomes = new Outcome[count];
    long begin = System.nanoTime();
    AtomicInteger next = new AtomicInteger();
    ExecutorService pool = Executors.newFixedThreadPool(callers, runnable -> {
      Thread t = new Thread(runnable, "caller");
      t.setDaemon(true);
      return t;
    });
    try {
      List<Future<?>> done = new ArrayList<>();
      for (int c = 0; c < callers; c++) {
        done.add(pool.submit(() -> {
          for (int i = next.getAndIncrement(); i < count; i = next.getAndIncrement()) {
            String name = name(i);
            long start = System.nanoTime();
            try {
              client.calls().create(Contestants.createCall(name));
              outcomes[i] = Outcome.ok(name, System.nanoTime() - start);
            } catch (RuntimeException e) {
              outcomes[i] = Outcome.failed(name, System.nanoTime() - start, e);
            }
          }
        }));
      }
      for (Future<?> f : done) {
        try {
          f.get();
        } catch (java.util.concurrent.ExecutionException e) {
          throw new IllegalStateException("a caller thread died", e.getCause());
        }
      }
    } finally {
      pool.shutdownNow();
    }
    return new Result(outcomes, (System.nanoTime() - begin) / 1e9);
  }

  /**
   * {@code count} creates through one reactive client, {@code callers} subscribed at once
   * ({@code Flux.range(0, count).flatMap(create, callers)}); returns the outcomes by request index.
   */
  public static Result reactive(String baseUrl, int count, int callers, Duration requestTimeout) {
    ReactiveClarionClient client = ReactiveClarionClient.builder().apiKey("bench").baseUrl(baseUrl)
        .requestTimeout(requestTimeout).build();
    for (int i = 0; i < warmUps(count); i++) {
      client.calls().create(Contestants.createCall(WARM_UP + i)).onErrorResume(e -> Mono.empty()).block();
    }
    Outcome[] outcomes = new Outcome[count];
    long begin = System.nanoTime();
    Flux.range(0, count)
        .flatMap(i -> Mono.defer(() -> {
          String name = name(i);
          long start = System.nanoTime(); // at subscription: when this caller's create starts
          return client.calls().create(Contestants.createCall(name))
              .map(call -> Outcome.ok(name, System.nanoTime() - start))
              .onErrorResume(e -> Mono.just(Outcome.failed(name, System.nanoTime() - start, e)))
              .doOnNext(outcome -> outcomes[i] = outcome);
        }), callers)
        .then()
        .block();
    return new Result(outcomes, (System.nanoTime() - begin) / 1e9);
  }
}
