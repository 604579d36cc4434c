package com.clarionhealth.client.spring.boot;

import com.clarionhealth.client.ClarionListener;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import java.time.Duration;
import java.time.Instant;

/**
 * The Micrometer binding of {@link ClarionListener}: one observation per request attempt
 * ({@value #REQUESTS}) and per stream ({@value #STREAMS}), and counters of what only the client knows (retries,
 * full pages discarded, calls delivered). Tags are bounded and carry no key, phone number or query value.
 */
final class ObservationListener implements ClarionListener {
  static final String REQUESTS = "clarion.client.requests";
  static final String STREAMS = "clarion.client.streams";
  static final String RETRIES = "clarion.client.retries";
  static final String DISCARDED = "clarion.client.pages.discarded";
  static final String DELIVERED = "clarion.client.calls.delivered";

  private static final Object OBSERVATION = new Object(); // this listener's key in the attributes

  private final ObservationRegistry registry;
  private final MeterRegistry meters; // null: observations only

  ObservationListener(ObservationRegistry registry, MeterRegistry meters) {
    this.registry = registry;
    this.meters = meters;
  }

  @Override
  public void requestStarted(Request request) {
    Observation observation = Observation.createNotStarted(REQUESTS, registry)
        .contextualName(request.method() + " " + request.pathTemplate())
        .lowCardinalityKeyValue("method", request.method())
        .lowCardinalityKeyValue("uri", request.pathTemplate())
        .lowCardinalityKeyValue("attempt", String.valueOf(request.attempt()));
    Observation stream = request.stream() == null ? null : (Observation) request.stream().attributes().get(OBSERVATION);
    if (stream != null) {
      observation.parentObservation(stream);
    }
    request.attributes().put(OBSERVATION, observation.start());
  }

  @Override
  public void requestEnded(Request request, int status, Throwable failure) {
    Observation observation = (Observation) request.attributes().remove(OBSERVATION);
    if (observation == null) {
      return;
    }
    observation.lowCardinalityKeyValue("status", status < 0 ? "IO_ERROR" : String.valueOf(status))
        .lowCardinalityKeyValue("outcome", outcome(status, failure));
    if (failure != null) {
      observation.error(failure);
    }
    observation.stop();
  }

  private static String outcome(int status, Throwable failure) {
    if (status < 0) {
      return "UNKNOWN";
    }
    if (status >= 500) {
      return "SERVER_ERROR";
    }
    if (status >= 400) {
      return "CLIENT_ERROR";
    }
    // A 2xx whose body could not be read is no success.
    return status >= 200 && status < 300 && failure == null ? "SUCCESS" : "UNKNOWN";
  }

  @Override
  public void retryScheduled(Request request, Duration delay) {
    if (meters != null) {
      Counter.builder(RETRIES).description("Request attempts the client retried")
          .tag("method", request.method()).tag("uri", request.pathTemplate()).register(meters).increment();
    }
  }

  @Override
  public void streamStarted(Stream stream) {
    Observation observation = Observation.createNotStarted(STREAMS, registry)
        .contextualName("stream calls")
        .lowCardinalityKeyValue("concurrency", String.valueOf(stream.concurrency()));
    stream.attributes().put(OBSERVATION, observation.start());
  }

  @Override
  public void fullPageDiscarded(Stream stream, Instant start, Instant end) {
    if (meters != null) {
      Counter.builder(DISCARDED).description("Full pages a stream discarded, each costing one more request")
          .register(meters).increment();
    }
  }

  @Override
  public void streamEnded(Stream stream, Throwable failure) {
    if (meters != null) {
      Counter.builder(DELIVERED).description("Calls streams delivered").register(meters)
          .increment(stream.callsDelivered());
    }
    Observation observation = (Observation) stream.attributes().remove(OBSERVATION);
    if (observation == null) {
      return;
    }
    observation.lowCardinalityKeyValue("outcome", failure == null ? "SUCCESS" : "FAILURE")
        .highCardinalityKeyValue("requests", String.valueOf(stream.requests()))
        .highCardinalityKeyValue("full.pages.discarded", String.valueOf(stream.fullPagesDiscarded()))
        .highCardinalityKeyValue("calls.delivered", String.valueOf(stream.callsDelivered()));
    if (failure != null) {
      observation.error(failure);
    }
    observation.stop();
  }
}
