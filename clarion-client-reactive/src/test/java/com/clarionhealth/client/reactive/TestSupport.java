package com.clarionhealth.client.reactive;

import com.clarionhealth.client.internal.Seams;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.BooleanSupplier;

/** What the reactive client's tests share: a loopback WireMock and a client wired to it. */
final class TestSupport {
  /** Shaped like a real key, so that the exceptions' own redaction pattern would catch it too. */
  static final String API_KEY = "sk_test_4eC39HqLyjWDarjtT1zdp7dc";
  static final String BEARER = "Bearer " + API_KEY;
  /** The API's path prefix on the fake server, as in {@code https://api.clarionhealth.com/v1}. */
  static final String CALLS = "/v1/call";
  static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");
  /** The bound of every {@code StepVerifier} and {@code block}: a hang fails, it never stalls the build. */
  static final Duration TIMEOUT = Duration.ofSeconds(10);
  static final String USER_AGENT = "clarion-java-reactive/\\S+ Java/\\S+";

  private TestSupport() {}

  static WireMockConfiguration loopback() {
    return wireMockConfig().dynamicPort().bindAddress("127.0.0.1");
  }

  static WireMockExtension server() {
    return WireMockExtension.newInstance().options(loopback()).build();
  }

  static String baseUrl(WireMockExtension server) {
    return "http://127.0.0.1:" + server.getPort() + "/v1";
  }

  /**
   * A client of {@code server} with a fixed key, no environment, a fixed clock and jitter of zero: a
   * retry on the default (real) timer waits 0 ms, so no test ever sleeps for a backoff. Tests of
   * waits pass a {@link VirtualTimer}.
   */
  static ReactiveClarionClient.Builder client(WireMockExtension server) {
    return Seams.random(Seams.clock(Seams.env(ReactiveClarionClient.builder()
        .baseUrl(baseUrl(server))
        .apiKey(API_KEY), name -> null), Clock.fixed(NOW, ZoneOffset.UTC)), () -> 0.0);
  }

  /** The requests the server received, oldest first (WireMock lists them newest first). */
  static List<ServeEvent> served(WireMockExtension server) {
    List<ServeEvent> events = new ArrayList<>(server.getAllServeEvents());
    Collections.reverse(events);
    return events;
  }

  /** Polls {@code condition} for up to {@link #TIMEOUT}: for I/O to happen, never for a retry's wait. */
  static void await(String what, BooleanSupplier condition) {
    long deadline = System.nanoTime() + TIMEOUT.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("timed out waiting for " + what);
      }
      try {
        Thread.sleep(5);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError(e);
      }
    }
  }

  static String json(String singleQuoted) {
    return singleQuoted.replace('\'', '"');
  }

  /** A minimal call as the list endpoint returns it. */
  static String callJson(long id) {
    return json("{'id':" + id + ",'assistant_id':7,'call_status':'ended'}");
  }
}
