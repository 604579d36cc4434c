package com.clarionhealth.client.contract;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.junit5.WireMockRuntimeInfo;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The fake Clarion API of the contract suite: a loopback WireMock with a {@link Timeline} of requests
 * and waits, {@link HeldAnswers} and the stateful {@link FakeCallsServer}, all reset before each test.
 * Register it static (one server per class) or as an instance field (a server per test, so that a
 * request a cancelled stream left in flight cannot reach the next test).
 */
public final class FakeApi extends WireMockExtension {
  private final Timeline timeline;
  private final HeldAnswers held;
  private final FakeCallsServer calls;

  public FakeApi() {
    this(new Timeline(), new HeldAnswers(), new FakeCallsServer());
  }

  private FakeApi(Timeline timeline, HeldAnswers held, FakeCallsServer calls) {
    super(WireMockExtension.newInstance().options(ContractSupport.loopback().extensions(timeline, held, calls)));
    this.timeline = timeline;
    this.held = held;
    this.calls = calls;
  }

  /** The API's base URL on this server, as a client is configured with it. */
  public String apiBaseUrl() {
    return "http://127.0.0.1:" + getPort() + "/v1";
  }

  /** A client of this server: the suite's key, no environment, a fixed clock, jitter of one half. */
  public ClientConfig config() {
    return new ClientConfig(timeline, held).baseUrl(apiBaseUrl()).apiKey(ContractSupport.API_KEY);
  }

  public Timeline timeline() {
    return timeline;
  }

  public HeldAnswers held() {
    return held;
  }

  public FakeCallsServer calls() {
    return calls;
  }

  /** The requests answered so far, oldest first (WireMock lists them newest first). */
  public List<ServeEvent> served() {
    List<ServeEvent> events = new ArrayList<>(getAllServeEvents());
    Collections.reverse(events);
    return events;
  }

  /** Releases the held answers and waits until the server has answered {@code requests} in all. */
  public void releaseAndAwaitAnswered(int requests) {
    held.releaseAll();
    ContractSupport.await(requests + " requests to be answered", () -> getAllServeEvents().size() >= requests);
  }

  @Override
  protected void onBeforeEach(WireMockRuntimeInfo wireMockRuntimeInfo) {
    timeline.reset();
    held.reset();
  }

  @Override
  protected void onAfterEach(WireMockRuntimeInfo wireMockRuntimeInfo) {
    held.releaseAll(); // no server thread stays blocked past its test
  }
}
