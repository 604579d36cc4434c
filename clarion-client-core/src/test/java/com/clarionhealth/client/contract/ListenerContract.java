package com.clarionhealth.client.contract;

import static com.clarionhealth.client.contract.ContractSupport.API_KEY;
import static com.clarionhealth.client.contract.ContractSupport.CALLS;
import static com.clarionhealth.client.contract.ContractSupport.createCall;
import static com.clarionhealth.client.contract.RecordingListener.window;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import ch.qos.logback.classic.Level;
import com.clarionhealth.client.AuthenticationException;
import com.clarionhealth.client.CallPage;
import com.clarionhealth.client.CallQuery;
import com.clarionhealth.client.ClarionListener;
import com.clarionhealth.client.InternalServerException;
import com.clarionhealth.client.contract.FakeCallsServer.Asked;
import com.clarionhealth.client.contract.FakeCallsServer.Created;
import com.clarionhealth.client.contract.RecordingListener.Event;
import com.clarionhealth.client.model.Call;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * What a {@link ClarionListener} hears: every attempt (started, then ended with its status or
 * failure), every retry with its delay, and for a stream or pages walk its start, each discarded full
 * page, each completed window and its end, exactly once, with counters that agree with the server.
 * Nothing it is given holds the key, a phone number or a query value; a listener that throws changes
 * nothing. A server per test: a cut-short stream's request in flight can never reach the next one.
 */
public abstract class ListenerContract extends ClientContract {
  @RegisterExtension
  protected final FakeApi api = new FakeApi();

  protected static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
  protected static final Instant END = T0.plus(Duration.ofDays(1));
  private static final String GET_STREAM = "GET /call #1 of the stream";

  protected final RecordingListener listener = new RecordingListener();

  /** The suite's client, heard by {@link #listener}. */
  protected ClientDriver client() {
    return connect(api.config().listener(listener));
  }

  private void serveTheFake() {
    api.stubFor(get(urlPathEqualTo(CALLS)).willReturn(aResponse().withTransformers(FakeCallsServer.NAME)));
  }

  /** {@code n} calls spread over the day on whole milliseconds, and a burst of 300 in one second at 10:00. */
  private static List<Created> spread(int n, boolean burst) {
    Random random = new Random(7);
    List<Created> calls = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      calls.add(new Created(T0.plusMillis((long) (random.nextDouble() * 86_400_000L)), i + 1));
    }
    if (burst) {
      Instant at = T0.plus(Duration.ofHours(10));
      for (int i = 0; i < 300; i++) {
        calls.add(new Created(at.plusNanos(1000L * random.nextInt(1_000_000)), 10_000 + i));
      }
    }
    return calls;
  }

  /** The events of a walk the server answered with {@code asked}, with one 503 before the answer to request {@code failedBefore}. */
  private static List<String> walkOf(List<Asked> asked, List<Integer> callsPerWindow, int failedBefore) {
    List<String> expected = new ArrayList<>();
    expected.add("stream started");
    int window = 0;
    for (int i = 0; i < asked.size(); i++) {
      Asked a = asked.get(i);
      if (i == failedBefore) {
        expected.add("started " + GET_STREAM);
        expected.add("ended " + GET_STREAM + ": 503 InternalServerException");
        expected.add("retry " + GET_STREAM + " in 250 ms");
        expected.add("started GET /call #2 of the stream");
        expected.add("ended GET /call #2 of the stream: 200");
      } else {
        expected.add("started " + GET_STREAM);
        expected.add("ended " + GET_STREAM + ": 200");
      }
      expected.add(a.full() ? "discarded " + window(a.ge(), a.le())
          : "completed " + window(a.ge(), a.le()) + ": " + callsPerWindow.get(window++));
    }
    expected.add("stream ended");
    return expected;
  }

  @AfterEach
  void nothingGivenHoldsTheKeyAPhoneNumberOrAQueryValue() {
    assertThat(listener.everythingGiven()).isNotEmpty().allSatisfy(text -> assertThat(text)
        .doesNotContain(API_KEY)
        .doesNotContain("4155550")
        .doesNotContain("createdAt")
        .doesNotContain("limit="));
  }

  @Test
  void aCreateIsOneAttemptStartedThenEndedWithItsStatus() {
    api.stubFor(post(CALLS).willReturn(aResponse().withStatus(201)
        .withHeader("Content-Type", "application/json").withBody(CreateContract.PLACED)));
    ClarionListener remembering = new ClarionListener() {
      @Override
      public void requestStarted(Request request) {
        request.attributes().put("sample", "taken");
        listener.requestStarted(request);
      }

      @Override
      public void requestEnded(Request request, int status, Throwable failure) {
        listener.requestEnded(request, status, failure);
        assertThat(request.attributes()).containsEntry("sample", "taken");
      }
    };

    Call call = connect(api.config().listener(remembering)).create(createCall());

    assertThat(call.getId()).isEqualTo(4242L);
    assertThat(listener.lines()).containsExactly("started POST /call #1", "ended POST /call #1: 201");
    List<Event> events = listener.events();
    assertThat(events.get(1).request()).isSameAs(events.get(0).request());
    assertThat(events.get(0).request().stream()).isNull();
    assertThat(events.get(0).request().pathTemplate()).isEqualTo("/call");
    assertThat(events.get(1).failure()).isNull();
  }

  @Test
  void aListRetriedAfterA503IsTwoAttemptsWithTheRetrysDelayBetween() {
    serveTheFake();
    api.calls().reset(List.of(new Created(T0, 1), new Created(T0.plusSeconds(1), 2)));
    api.calls().unavailableOnRequest(1);
    ClientDriver client = client();

    List<Call> calls = client.list();

    assertThat(calls).extracting(Call::getId).containsExactly(2L, 1L);
    assertThat(client.waits()).containsExactly(Duration.ofMillis(250));
    assertThat(listener.lines()).containsExactly(
        "started GET /call #1",
        "ended GET /call #1: 503 InternalServerException",
        "retry GET /call #1 in 250 ms",
        "started GET /call #2",
        "ended GET /call #2: 200");
    List<Event> events = listener.events();
    assertThat(events.get(1).request()).isSameAs(events.get(0).request());
    assertThat(events.get(2).request()).isSameAs(events.get(0).request());
    assertThat(events.get(2).arguments()).contains(client.waits().get(0));
    assertThat(events.get(3).request()).isNotSameAs(events.get(0).request()).isSameAs(events.get(4).request());
    assertThat(events.get(1).failure()).isInstanceOfSatisfying(InternalServerException.class,
        e -> assertThat(e.statusCode()).isEqualTo(503));
    assertThat(events).allSatisfy(e -> assertThat(e.request().stream()).isNull());
  }

  @Test
  void aStreamTellsItsStartEachDiscardedPageEachWindowAndItsEnd() {
    serveTheFake();
    api.calls().reset(spread(250, false));
    api.calls().unavailableOnRequest(2);
    ClientDriver client = client();

    List<Call> calls = client.stream(CallQuery.between(T0, END).pageSize(100));

    assertThat(calls).extracting(Call::getId).doesNotHaveDuplicates()
        .containsExactlyInAnyOrderElementsOf(api.calls().idsWithin(T0, END));
    List<Asked> asked = api.calls().asked();
    assertThat(asked.get(0).full()).as("the whole day is more than a page").isTrue();
    List<Integer> perWindow = listener.events("completed").stream().map(e -> (Integer) e.arguments().get(3)).toList();
    assertThat(listener.lines()).containsExactlyElementsOf(walkOf(asked, perWindow, 1));
    assertThat(listener.events("discarded").get(0).line()).isEqualTo("discarded " + window(T0, END));
    assertThat(perWindow.stream().mapToInt(Integer::intValue).sum()).isEqualTo(calls.size());

    ClarionListener.Stream stream = listener.events().get(0).stream();
    assertThat(listener.events()).allSatisfy(e -> assertThat(e.stream()).isSameAs(stream));
    assertThat(stream.concurrency()).isEqualTo(1);
    assertThat(stream.requests()).isEqualTo(asked.size()); // the retry is not a request of its own
    assertThat(stream.fullPagesDiscarded()).isEqualTo(asked.stream().filter(Asked::full).count()).isPositive();
    assertThat(stream.callsDelivered()).isEqualTo(calls.size());
    assertThat(listener.events("retry").get(0).arguments()).contains(Duration.ofMillis(250));
    assertThat(client.waits()).containsExactly(Duration.ofMillis(250));
  }

  @Test
  void pagesTellTheirWindowsAsThePagesHaveThem() {
    serveTheFake();
    api.calls().reset(spread(250, false));
    ClientDriver client = client();

    List<CallPage> pages = client.pages(CallQuery.between(T0, END).pageSize(100)).all();

    assertThat(listener.events("completed")).extracting(Event::line).containsExactlyElementsOf(pages.stream()
        .map(p -> "completed " + window(p.windowStart(), p.windowEnd()) + ": " + p.calls().size()).toList());
    ClarionListener.Stream stream = listener.events().get(0).stream();
    assertThat(stream.requests()).isEqualTo(pages.stream().mapToInt(CallPage::requests).sum());
    assertThat(stream.callsDelivered()).isEqualTo(pages.stream().mapToInt(p -> p.calls().size()).sum());
    assertThat(listener.lines()).startsWith("stream started").endsWith("stream ended");
    assertThat(listener.events("stream ended")).hasSize(1);
  }

  @Test
  void aStreamItsConsumerStopsEndsOnceWithoutFailure() {
    serveTheFake();
    api.calls().reset(spread(250, false));
    ClientDriver client = client();

    // the first window, after the whole day came back full, holds 4 calls
    List<Call> two = client.stream(CallQuery.between(T0, END).pageSize(100), 2);

    assertThat(two).hasSize(2);
    List<Asked> asked = api.calls().asked();
    assertThat(asked).hasSize(2);
    assertThat(listener.lines()).containsExactly(
        "stream started",
        "started " + GET_STREAM, "ended " + GET_STREAM + ": 200", "discarded " + window(T0, END),
        "started " + GET_STREAM, "ended " + GET_STREAM + ": 200",
        "completed " + window(asked.get(1).ge(), asked.get(1).le()) + ": " + asked.get(1).returned(),
        "stream ended");
    assertThat(listener.events("stream ended").get(0).failure()).isNull();
  }

  @Test
  void aStreamThatFailsEndsOnceWithItsFailure() {
    api.stubFor(get(urlPathEqualTo(CALLS)).willReturn(aResponse().withStatus(401)
        .withBody("{\"error\":\"invalid api key\"}")));
    ClientDriver client = client();

    AuthenticationException thrown = catchThrowableOfType(AuthenticationException.class,
        () -> client.stream(CallQuery.between(T0, END)));

    assertThat(thrown).isNotNull();
    assertThat(listener.lines()).containsExactly("stream started",
        "started " + GET_STREAM, "ended " + GET_STREAM + ": 401 AuthenticationException",
        "stream ended AuthenticationException");
    assertThat(listener.events("ended").get(0).failure()).isSameAs(thrown);
    assertThat(listener.events("stream ended").get(0).failure()).isSameAs(thrown);
    assertThat(listener.events().get(0).stream().requests()).isEqualTo(1);
  }

  @Test
  void aStreamAtConcurrencyFourCountsEveryRequestAndDeliversItsWindowsInOrder() {
    serveTheFake();
    api.calls().reset(spread(1000, true));
    ClientDriver client = client();

    List<CallPage> pages = client.pages(CallQuery.between(T0, END).pageSize(100).concurrency(4)).all();

    List<Asked> asked = api.calls().asked();
    ClarionListener.Stream stream = listener.events().get(0).stream();
    assertThat(listener.lines()).startsWith("stream started").endsWith("stream ended");
    assertThat(listener.events("stream ended")).hasSize(1);
    assertThat(listener.events()).allSatisfy(e -> assertThat(e.stream()).isSameAs(stream));
    assertThat(stream.concurrency()).isEqualTo(4);
    assertThat(stream.requests()).isEqualTo(asked.size());
    assertThat(stream.fullPagesDiscarded()).isEqualTo(asked.stream().filter(Asked::full).count()).isPositive();
    assertThat(stream.callsDelivered()).isEqualTo(1300);
    assertThat(listener.events("started")).hasSize(asked.size());
    assertThat(listener.events("ended")).hasSize(asked.size())
        .allSatisfy(e -> assertThat(e.line()).endsWith(": 200"));
    assertThat(listener.events("discarded")).hasSize((int) stream.fullPagesDiscarded());
    assertThat(listener.events("completed")).extracting(Event::line).containsExactlyElementsOf(pages.stream()
        .map(p -> "completed " + window(p.windowStart(), p.windowEnd()) + ": " + p.calls().size()).toList());
  }

  @Test
  void aListenerThatThrowsChangesNothingNorWhatTheListenersAfterItHear() {
    serveTheFake();
    api.calls().reset(spread(250, false));
    api.calls().unavailableOnRequest(2);
    api.stubFor(post(CALLS).willReturn(aResponse().withStatus(201)
        .withHeader("Content-Type", "application/json").withBody(CreateContract.PLACED)));
    ClarionListener throwing = new ClarionListener() {
      @Override
      public void requestStarted(Request request) {
        listener.requestStarted(request);
        throw new IllegalStateException("requestStarted failed");
      }

      @Override
      public void requestEnded(Request request, int status, Throwable failure) {
        listener.requestEnded(request, status, failure);
        throw new IllegalStateException("requestEnded failed");
      }

      @Override
      public void retryScheduled(Request request, Duration delay) {
        listener.retryScheduled(request, delay);
        throw new IllegalStateException("retryScheduled failed");
      }

      @Override
      public void streamStarted(Stream stream) {
        listener.streamStarted(stream);
        throw new IllegalStateException("streamStarted failed");
      }

      @Override
      public void windowCompleted(Stream stream, Instant start, Instant end, int calls) {
        listener.windowCompleted(stream, start, end, calls);
        throw new IllegalStateException("windowCompleted failed");
      }

      @Override
      public void fullPageDiscarded(Stream stream, Instant start, Instant end) {
        listener.fullPageDiscarded(stream, start, end);
        throw new IllegalStateException("fullPageDiscarded failed");
      }

      @Override
      public void streamEnded(Stream stream, Throwable failure) {
        listener.streamEnded(stream, failure);
        throw new IllegalStateException("streamEnded failed");
      }
    };
    RecordingListener after = new RecordingListener();
    ClientDriver client = connect(api.config().listener(throwing).listener(after));

    List<Call> calls = client.stream(CallQuery.between(T0, END).pageSize(100));
    List<Call> again = client.stream(CallQuery.between(T0, END).pageSize(100));
    Call created = client.create(createCall());

    assertThat(calls).extracting(Call::getId).doesNotHaveDuplicates()
        .containsExactlyInAnyOrderElementsOf(api.calls().idsWithin(T0, END));
    assertThat(again).extracting(Call::getId).containsExactlyElementsOf(calls.stream().map(Call::getId).toList());
    assertThat(created.getId()).isEqualTo(4242L);
    assertThat(client.waits()).containsExactly(Duration.ofMillis(250));
    // every callback was called, and went on being called after it threw
    List<Asked> asked = api.calls().asked();
    List<Integer> perWindow = listener.events("completed").stream().map(e -> (Integer) e.arguments().get(3)).toList();
    List<String> expected = new ArrayList<>(walkOf(asked.subList(0, asked.size() / 2), perWindow, 1));
    expected.addAll(walkOf(asked.subList(asked.size() / 2, asked.size()), perWindow.subList(perWindow.size() / 2,
        perWindow.size()), -1));
    expected.addAll(List.of("started POST /call #1", "ended POST /call #1: 201"));
    assertThat(listener.lines()).containsExactlyElementsOf(expected);
    assertThat(after.lines()).containsExactlyElementsOf(expected);
    // each failing callback is reported once, however often it failed
    List<String> warnings = logs.messages("com.clarionhealth.client", Level.WARN);
    assertThat(warnings).hasSize(7);
    for (String callback : List.of("requestStarted", "requestEnded", "retryScheduled", "streamStarted",
        "windowCompleted", "fullPageDiscarded", "streamEnded")) {
      assertThat(warnings).filteredOn(w -> w.contains("." + callback + " threw")).hasSize(1);
    }
  }
}
