package com.clarionhealth.client.contract;

import com.github.tomakehurst.wiremock.extension.Parameters;
import com.github.tomakehurst.wiremock.extension.ServeEventListener;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * What happened, in order: each request as it reached the fake server ({@code "GET /v1/call?limit=5"})
 * and each wait a client asked for between attempts ({@code "wait 250 ms"}), recorded, never slept.
 * Requests are recorded on arrival, before any answer: WireMock's own journal lists a request only
 * once it has been answered, which a held or slow answer delays.
 */
public final class Timeline implements ServeEventListener {
  private final List<String> events = new CopyOnWriteArrayList<>();
  private final List<Duration> waits = new CopyOnWriteArrayList<>();
  private volatile int arrivals;

  /** Called by a client driver instead of waiting. */
  public void waited(Duration wait) {
    waits.add(wait);
    events.add("wait " + wait.toMillis() + " ms");
  }

  /** The waits between attempts the clients asked for, in order. */
  public List<Duration> waits() {
    return List.copyOf(waits);
  }

  /** Requests and waits, in the order they happened. */
  public List<String> events() {
    return List.copyOf(events);
  }

  /** How many requests reached the server, answered or not. */
  public int arrivals() {
    return arrivals;
  }

  void reset() {
    events.clear();
    waits.clear();
    arrivals = 0;
  }

  @Override
  public void beforeMatch(ServeEvent serveEvent, Parameters parameters) {
    events.add(serveEvent.getRequest().getMethod() + " " + serveEvent.getRequest().getUrl());
    arrivals++;
  }

  @Override
  public String getName() {
    return "timeline";
  }
}
