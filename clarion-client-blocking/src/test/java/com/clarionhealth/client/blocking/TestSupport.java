package com.clarionhealth.client.blocking;

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
import java.util.concurrent.CopyOnWriteArrayList;

/** What the blocking client's tests share: a loopback WireMock, a client wired to it, no real sleeping. */
final class TestSupport {
  /** Shaped like a real key, so that the exceptions' own redaction pattern would catch it too. */
  static final String API_KEY = "sk_test_4eC39HqLyjWDarjtT1zdp7dc";
  static final String BEARER = "Bearer " + API_KEY;
  /** The API's path prefix on the fake server, as in {@code https://api.clarionhealth.com/v1}. */
  static final String CALLS = "/v1/call";
  static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");

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

  /** A client of {@code server} with a fixed key, a fixed clock, jitter of one half and a recording sleeper. */
  static ClarionClient.Builder client(WireMockExtension server, Sleeper sleeper) {
    return Seams.random(Seams.clock(Seams.env(ClarionClient.builder()
        .baseUrl(baseUrl(server))
        .apiKey(API_KEY), name -> null), Clock.fixed(NOW, ZoneOffset.UTC)), () -> 0.5)
        .sleeper(sleeper);
  }

  /** The requests the server received, oldest first (WireMock lists them newest first). */
  static List<ServeEvent> served(WireMockExtension server) {
    List<ServeEvent> events = new ArrayList<>(server.getAllServeEvents());
    Collections.reverse(events);
    return events;
  }

  /** Waits, without sleeping between retries, for nothing: records what the client asked for. */
  static final class RecordingSleeper implements Sleeper {
    final List<Duration> sleeps = new CopyOnWriteArrayList<>();

    @Override
    public void sleep(Duration duration) {
      sleeps.add(duration);
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
