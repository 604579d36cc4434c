package com.clarionhealth.client.spring.boot;

import static io.micrometer.observation.tck.TestObservationRegistryAssert.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.clarionhealth.client.CallQuery;
import com.clarionhealth.client.ClarionListener;
import com.clarionhealth.client.blocking.ClarionClient;
import com.clarionhealth.client.reactive.ReactiveClarionClient;
import com.clarionhealth.client.testkit.ClarionSandbox;
import com.clarionhealth.client.testkit.Distribution;
import com.clarionhealth.client.testkit.FaultRule;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.observation.tck.TestObservationRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.core.Ordered;

/**
 * The observations and meters of a stream with a discarded full page and a retried 503, through both clients: what
 * an application sees of the client in its metrics and traces.
 */
class ObservationTest {
  private static final Instant FROM = Instant.parse("2026-01-01T00:00:00Z");
  private static final Instant TO = Instant.parse("2026-01-02T00:00:00Z");
  private static final int CALLS = 250;

  private ClarionSandbox sandbox;
  private TestObservationRegistry observations;
  private SimpleMeterRegistry meters;
  private final List<Observation.Context> stopped = new CopyOnWriteArrayList<>();

  @BeforeEach
  void start() {
    sandbox = ClarionSandbox.builder().conversations(false).start();
    sandbox.seed(CALLS, FROM, TO, Distribution.UNIFORM);
    observations = TestObservationRegistry.create();
    observations.observationConfig().observationHandler(new ObservationHandler<Observation.Context>() {
      @Override
      public void onStop(Observation.Context context) {
        stopped.add(context);
      }

      @Override
      public boolean supportsContext(Observation.Context context) {
        return true;
      }
    });
    meters = new SimpleMeterRegistry();
  }

  @AfterEach
  void stop() {
    sandbox.close();
  }

  private void run(Consumer<AssertableApplicationContext> streamOnce) {
    runner().run(streamOnce::accept);
  }

  private ApplicationContextRunner runner() {
    return new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(ClarionAutoConfiguration.class))
        .withPropertyValues("clarion.api-key=" + sandbox.apiKey(), "clarion.base-url=" + sandbox.baseUrl())
        .withBean(ObservationRegistry.class, () -> observations)
        .withBean(MeterRegistry.class, () -> meters);
  }

  @Test
  void theBlockingClientsStream() {
    sandbox.addFault(FaultRule.serviceUnavailable().onGet().share(1.0).times(1));
    // Page size 200 over 250 calls: the first window (the whole range) is full, discarded and narrowed.
    run(context -> assertThat(context.getBean(ClarionClient.class).calls()
        .stream(CallQuery.between(FROM, TO).pageSize(200)).count()).isEqualTo(CALLS));
    assertObserved();
  }

  @Test
  void theReactiveClientsStream() {
    sandbox.addFault(FaultRule.serviceUnavailable().onGet().share(1.0).times(1));
    run(context -> assertThat(context.getBean(ReactiveClarionClient.class).calls()
        .stream(CallQuery.between(FROM, TO).pageSize(200)).count().block(Duration.ofSeconds(30)))
        .isEqualTo((long) CALLS));
    assertObserved();
  }

  @Test
  void anApplicationListenerThatThrowsTakesNothingFromTheMetrics() {
    sandbox.addFault(FaultRule.serviceUnavailable().onGet().share(1.0).times(1));
    ThrowingFirst throwing = new ThrowingFirst();
    runner().withBean("throwingListener", ClarionListener.class, () -> throwing)
        .run(context -> assertThat(context.getBean(ClarionClient.class).calls()
            .stream(CallQuery.between(FROM, TO).pageSize(200)).count()).isEqualTo(CALLS));

    assertThat(throwing.calls.get()).isGreaterThan(CALLS / 100); // it was called, before the metrics' listener
    assertObserved();
  }

  /** An application's listener, ordered before the starter's, that throws from every callback. */
  static final class ThrowingFirst implements ClarionListener, Ordered {
    final AtomicInteger calls = new AtomicInteger();

    @Override
    public int getOrder() {
      return Ordered.HIGHEST_PRECEDENCE;
    }

    private void fail() {
      calls.incrementAndGet();
      throw new IllegalStateException("the application's listener failed");
    }

    @Override
    public void requestStarted(Request request) {
      fail();
    }

    @Override
    public void requestEnded(Request request, int status, Throwable failure) {
      fail();
    }

    @Override
    public void retryScheduled(Request request, Duration delay) {
      fail();
    }

    @Override
    public void streamStarted(Stream stream) {
      fail();
    }

    @Override
    public void windowCompleted(Stream stream, Instant start, Instant end, int calls) {
      fail();
    }

    @Override
    public void fullPageDiscarded(Stream stream, Instant start, Instant end) {
      fail();
    }

    @Override
    public void streamEnded(Stream stream, Throwable failure) {
      fail();
    }
  }

  private void assertObserved() {
    long gets = sandbox.requests().stream().filter(r -> r.method().equals("GET")).count();
    assertThat(gets).isGreaterThanOrEqualTo(3); // the 503, its retry, the full page, then the windows

    // One observation per attempt, the 503 included, tagged with the template, never with a query value or the key.
    assertThat(observations).hasNumberOfObservationsWithNameEqualTo(ObservationListener.REQUESTS, (int) gets)
        .forAllObservationsWithNameEqualTo(ObservationListener.REQUESTS, observation -> observation
            .hasLowCardinalityKeyValue("method", "GET").hasLowCardinalityKeyValue("uri", "/call"))
        .hasAnObservation(observation -> observation.hasNameEqualTo(ObservationListener.REQUESTS)
            .hasLowCardinalityKeyValue("status", "503").hasLowCardinalityKeyValue("outcome", "SERVER_ERROR")
            .hasLowCardinalityKeyValue("attempt", "1"))
        .hasAnObservation(observation -> observation.hasNameEqualTo(ObservationListener.REQUESTS)
            .hasLowCardinalityKeyValue("status", "200").hasLowCardinalityKeyValue("attempt", "2"))
        .hasNumberOfObservationsWithNameEqualTo(ObservationListener.STREAMS, 1)
        .hasAnObservation(observation -> observation.hasNameEqualTo(ObservationListener.STREAMS)
            .hasLowCardinalityKeyValue("outcome", "SUCCESS")
            .hasHighCardinalityKeyValue("calls.delivered", String.valueOf(CALLS))
            .hasHighCardinalityKeyValue("full.pages.discarded", "1")
            .hasHighCardinalityKeyValue("requests", String.valueOf(gets - 1))); // the retry is not a request
    assertThat(stopped).hasSize((int) gets + 1).allSatisfy(context -> assertThat(context.toString())
        .doesNotContain(sandbox.apiKey()).doesNotContain("createdAtGe"));

    assertThat(meters.get(ObservationListener.RETRIES).tag("method", "GET").counter().count()).isEqualTo(1.0);
    assertThat(meters.get(ObservationListener.DISCARDED).counter().count()).isEqualTo(1.0);
    assertThat(meters.get(ObservationListener.DELIVERED).counter().count()).isEqualTo(CALLS);
    List<String> names = meters.getMeters().stream().map(m -> m.getId().getName()).distinct().toList();
    assertThat(names).contains(ObservationListener.RETRIES, ObservationListener.DISCARDED,
        ObservationListener.DELIVERED);
  }
}
