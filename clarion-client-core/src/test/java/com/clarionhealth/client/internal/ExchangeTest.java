package com.clarionhealth.client.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.clarionhealth.client.AuthenticationException;
import com.clarionhealth.client.ClarionApiException;
import com.clarionhealth.client.ClarionDecodingException;
import com.clarionhealth.client.ClarionListener;
import com.clarionhealth.client.ClarionTimeoutException;
import com.clarionhealth.client.ClarionTransportException;
import com.clarionhealth.client.InternalServerException;
import com.clarionhealth.client.RateLimitException;
import com.clarionhealth.client.UnexpectedStatusException;
import com.clarionhealth.client.internal.Decision.Action;
import com.clarionhealth.client.contract.LogCapture;
import com.clarionhealth.client.contract.RecordingListener;
import ch.qos.logback.classic.Level;
import org.junit.jupiter.api.extension.RegisterExtension;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The engine's decision table, without I/O: each test plays the transport, reporting outcomes to an
 * {@link Exchange} and checking what it is told to do. Time, randomness and the key are fakes, so
 * every delay and log line is exact.
 */
class ExchangeTest {
  private static final URI BASE = URI.create("https://api.clarionhealth.com/v1");
  // Not shaped like the "sk_live_..." or "Bearer ..." patterns ErrorText masks as a last resort:
  // only the engine's own redaction can keep this one out of messages.
  private static final String KEY = "k3y-Zq81xW0pLmNa";
  private static final String ROTATED = "k3y-Rot4ted9Yc2B";
  private static final String USER_AGENT = "clarion-java-test/1.2.3 Java/17";
  private static final Clock CLOCK = Clock.fixed(Instant.parse("2015-10-21T07:27:00Z"), ZoneOffset.UTC);
  private static final String LOGGER = "com.clarionhealth.client";

  @RegisterExtension
  final LogCapture logs = new LogCapture();
  private static final String WARNING = "the call may have been placed; check GET /call before creating it again";
  private static final byte[] CALL_JSON =
      "{\"assistant_id\":42,\"destination_phone_number\":\"+14155550123\"}".getBytes(StandardCharsets.UTF_8);

  /** What each transport names itself: exceptions shaped like Netty's (a ConnectException subclass). */
  static final class ConnectTimedOut extends ConnectException {
    private static final long serialVersionUID = 1L;

    ConnectTimedOut() {
      super("connection timed out");
    }
  }

  static final class ResponseTimedOut extends RuntimeException {
    private static final long serialVersionUID = 1L;
  }

  private static final TransportErrors ERRORS =
      new TransportErrors(e -> e instanceof ConnectTimedOut, e -> e instanceof ResponseTimedOut);

  private final AtomicReference<String> key = new AtomicReference<>(KEY);
  private final AtomicLong nanos = new AtomicLong(5_000_000_000L);

  private RequestEngine engine(int maxRetries) {
    return engine(maxRetries, RetryPolicy.DEFAULT_MAX_RETRY_AFTER);
  }

  private RequestEngine engine(int maxRetries, Duration maxRetryAfter) {
    // random 0.5: each backoff is half its ceiling (250 ms, then 500 ms, ...).
    return new RequestEngine(BASE, ApiKey.from(key::get), new RetryPolicy(maxRetries, maxRetryAfter, () -> 0.5, CLOCK),
        USER_AGENT, ERRORS, nanos::get);
  }

  private Exchange get() {
    return engine(2).get("/call", "limit=100");
  }

  private Exchange createCall() {
    return engine(2).post("/call", CALL_JSON);
  }

  private static Map<String, List<String>> headers(String... nameValues) {
    Map<String, List<String>> h = new LinkedHashMap<>();
    for (int i = 0; i < nameValues.length; i += 2) {
      h.put(nameValues[i], List.of(nameValues[i + 1]));
    }
    return h;
  }

  private static final Map<String, List<String>> JSON = headers("Content-Type", "application/json");

  private static Map<String, String> sent(Exchange exchange) {
    Map<String, String> h = new LinkedHashMap<>();
    exchange.headers((name, value) -> assertThat(h.put(name, value)).as("%s sent twice", name).isNull());
    return h;
  }

  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  /** One answer with a body, as a transport handles it: the body is read only when asked. */
  private static Decision answer(Exchange exchange, int status, Map<String, List<String>> headers, String body) {
    exchange.begin();
    Decision decision = exchange.onResponse(status, headers);
    return decision.action() == Action.READ_BODY ? exchange.onBody(utf8(body)) : decision;
  }

  private static Decision failure(Exchange exchange, Throwable error) {
    exchange.begin();
    return exchange.onFailure(error);
  }

  private static Decision redirect(Exchange exchange, int status, String location) {
    exchange.begin();
    return exchange.onResponse(status, headers("Location", location));
  }

  // ---- 2xx ----

  @ParameterizedTest
  @ValueSource(strings = {"application/json", "application/json; charset=utf-8", "APPLICATION/JSON",
      "application/problem+json"})
  void a2xxJsonAnswerIsDelivered(String contentType) {
    Exchange exchange = get();
    exchange.begin();
    Decision decision = exchange.onResponse(200, headers("content-type", contentType));
    assertThat(decision.action()).isEqualTo(Action.DELIVER);
    assertThat(decision.failure()).isNull();
    assertThat(decision.delay()).isZero();
  }

  @Test
  void a2xxWithoutContentTypeIsDeliveredAndTheBodyDecides() {
    Exchange exchange = createCall();
    exchange.begin();
    assertThat(exchange.onResponse(201, Map.of()).action()).isEqualTo(Action.DELIVER);
  }

  @Test
  void a2xxThatIsNotJsonIsReadThenRefusedAsUndecodable() {
    Exchange exchange = get();
    exchange.begin();
    Map<String, List<String>> html = headers("Content-Type", "text/html", "X-Request-Id", "req-7");
    assertThat(exchange.onResponse(200, html).action()).isEqualTo(Action.READ_BODY);

    Decision decision = exchange.onBody(utf8("<html>proxy login</html>"));

    assertThat(decision.action()).isEqualTo(Action.FAIL);
    ClarionDecodingException e = (ClarionDecodingException) decision.failure();
    assertThat(e.statusCode()).isEqualTo(200);
    assertThat(e.contentType()).contains("text/html");
    assertThat(e.body()).isEqualTo("<html>proxy login</html>");
    assertThat(e.requestId()).contains("req-7");
    assertThat(e.callMayHaveBeenPlaced()).isFalse();
    assertThat(e.getMessage()).startsWith("could not decode the 200 OK response to GET /call");
  }

  @Test
  void aCreatedCallWhoseAnswerCannotBeReadMayHaveBeenPlaced() {
    Exchange exchange = createCall();
    Decision decision = answer(exchange, 201, headers("Content-Type", "text/plain"), "created");
    assertThat(decision.failure()).isInstanceOf(ClarionDecodingException.class);
    assertThat(decision.failure().callMayHaveBeenPlaced()).isTrue();
    assertThat(decision.failure().getMessage()).endsWith(WARNING);

    // The same when the transport's decoder is the one that gives up on a JSON answer.
    Exchange decoded = createCall();
    decoded.begin();
    assertThat(decoded.onResponse(201, JSON).action()).isEqualTo(Action.DELIVER);
    IOException problem = new IOException("Unexpected end-of-input: expected close marker for Object");
    ClarionDecodingException e = decoded.undecodable(utf8("{\"id\":"), problem);
    assertThat(e.statusCode()).isEqualTo(201);
    assertThat(e.getCause()).isSameAs(problem);
    assertThat(e.getMessage()).doesNotContain("close marker"); // the decoder's words may quote the body
    assertThat(e.callMayHaveBeenPlaced()).isTrue();
  }

  // ---- headers ----

  @Test
  void aGetSendsAcceptUserAgentAndTheKey() {
    Exchange exchange = get();
    exchange.begin();
    assertThat(sent(exchange)).containsExactlyInAnyOrderEntriesOf(Map.of(
        "Accept", "application/json",
        "User-Agent", USER_AGENT,
        "Authorization", "Bearer " + KEY));
    assertThat(exchange.method()).isEqualTo("GET");
    assertThat(exchange.body()).isNull();
    assertThat(exchange.uri()).isEqualTo(URI.create("https://api.clarionhealth.com/v1/call?limit=100"));
    assertThat(engine(2).get("/call", "").uri()).isEqualTo(URI.create("https://api.clarionhealth.com/v1/call"));
  }

  @Test
  void aPostAlsoSendsItsContentType() {
    Exchange exchange = createCall();
    exchange.begin();
    assertThat(sent(exchange)).containsExactlyInAnyOrderEntriesOf(Map.of(
        "Accept", "application/json",
        "User-Agent", USER_AGENT,
        "Authorization", "Bearer " + KEY,
        "Content-Type", "application/json"));
    assertThat(exchange.method()).isEqualTo("POST");
    assertThat(exchange.body()).isEqualTo(CALL_JSON);
    assertThat(exchange.path()).isEqualTo("/call");
  }

  @Test
  void theKeyIsTakenAgainAtEveryBeginSoARotatedKeyIsUsedAfterARetryWait() {
    Exchange exchange = get();
    assertThat(answer(exchange, 503, JSON, "{}").action()).isEqualTo(Action.RETRY);
    assertThat(sent(exchange)).containsEntry("Authorization", "Bearer " + KEY);

    key.set(ROTATED); // the secret manager rotated it during the wait
    exchange.begin();
    assertThat(sent(exchange)).containsEntry("Authorization", "Bearer " + ROTATED);

    // And at a redirect hop, which is also a new begin().
    assertThat(exchange.onResponse(302, headers("Location", "/v1/call?limit=100&from=2")).action())
        .isEqualTo(Action.FOLLOW);
    key.set(KEY);
    exchange.begin();
    assertThat(sent(exchange)).containsEntry("Authorization", "Bearer " + KEY);
  }

  // ---- redirects ----

  @Test
  void aGetFollowsARedirectOnTheSameOriginWithTheKey() {
    Exchange exchange = get();
    assertThat(redirect(exchange, 302, "/v1/call?limit=100&cursor=2").action()).isEqualTo(Action.FOLLOW);
    assertThat(exchange.uri()).isEqualTo(URI.create("https://api.clarionhealth.com/v1/call?limit=100&cursor=2"));
    assertThat(exchange.attempt()).isEqualTo(1); // a redirect is not a retry
    exchange.begin();
    assertThat(sent(exchange)).containsEntry("Authorization", "Bearer " + KEY);
    assertThat(exchange.onResponse(200, JSON).action()).isEqualTo(Action.DELIVER);
  }

  @Test
  void theKeyGoesOnlyWhereTheBaseUrlsOriginIs() {
    Exchange exchange = get();
    assertThat(redirect(exchange, 307, "https://cdn.example.net/pages/1").action()).isEqualTo(Action.FOLLOW);
    exchange.begin();
    assertThat(sent(exchange)).doesNotContainKey("Authorization")
        .containsEntry("Accept", "application/json").containsEntry("User-Agent", USER_AGENT);

    // Another port of the same host is another origin.
    assertThat(exchange.onResponse(308, headers("Location", "https://api.clarionhealth.com:8443/v1/call"))
        .action()).isEqualTo(Action.FOLLOW);
    exchange.begin();
    assertThat(sent(exchange)).doesNotContainKey("Authorization");

    // Back on the base URL's origin (host in another case, explicit default port): the key again.
    assertThat(exchange.onResponse(301, headers("Location", "https://API.clarionhealth.com:443/v1/call"))
        .action()).isEqualTo(Action.FOLLOW);
    exchange.begin();
    assertThat(sent(exchange)).containsEntry("Authorization", "Bearer " + KEY);
  }

  @ParameterizedTest
  @ValueSource(ints = {301, 302, 303, 307, 308})
  void everyRedirectStatusIsFollowed(int status) {
    assertThat(redirect(get(), status, "/v1/elsewhere").action()).isEqualTo(Action.FOLLOW);
  }

  @Test
  void atMostFiveRedirectsThenTheRedirectIsTheAnswer() {
    Exchange exchange = get();
    for (int hop = 1; hop <= Redirects.MAX; hop++) {
      assertThat(redirect(exchange, 302, "/v1/call?hop=" + hop).action()).as("hop %d", hop)
          .isEqualTo(Action.FOLLOW);
    }
    assertThat(Redirects.MAX).isEqualTo(5);
    exchange.begin();
    assertThat(exchange.onResponse(302, headers("Location", "/v1/call?hop=6")).action())
        .isEqualTo(Action.READ_BODY);
    Decision decision = exchange.onBody(new byte[0]);
    assertThat(decision.action()).isEqualTo(Action.FAIL);
    assertThat(decision.failure()).isInstanceOf(UnexpectedStatusException.class);
    assertThat(((ClarionApiException) decision.failure()).statusCode()).isEqualTo(302);
  }

  @Test
  void redirectsGoToHttpsOrLoopbackOnly() {
    // Plain http elsewhere would carry the request (and its query) in clear text.
    Exchange toHttp = get();
    assertThat(redirect(toHttp, 302, "http://api.clarionhealth.com/v1/call").action()).isEqualTo(Action.READ_BODY);
    assertThat(toHttp.onBody(new byte[0]).failure()).isInstanceOf(UnexpectedStatusException.class);
    assertThat(redirect(get(), 302, "ftp://files.example/call").action()).isEqualTo(Action.READ_BODY);
    assertThat(redirect(get(), 302, "::no uri::").action()).isEqualTo(Action.READ_BODY);

    Exchange toLoopback = get();
    assertThat(redirect(toLoopback, 302, "http://127.0.0.1:8089/v1/call").action()).isEqualTo(Action.FOLLOW);
    toLoopback.begin();
    assertThat(sent(toLoopback)).doesNotContainKey("Authorization"); // another origin still
  }

  @Test
  void aRedirectWithoutLocationIsTheAnswer() {
    Exchange exchange = get();
    exchange.begin();
    assertThat(exchange.onResponse(302, JSON).action()).isEqualTo(Action.READ_BODY);
    assertThat(exchange.onBody(new byte[0]).failure()).isInstanceOf(UnexpectedStatusException.class);
  }

  @ParameterizedTest
  @ValueSource(ints = {301, 302, 303, 307, 308})
  void aPostIsNeverSentElsewhere(int status) {
    Exchange exchange = createCall();
    assertThat(redirect(exchange, status, "/v1/call").action()).isEqualTo(Action.READ_BODY);
    Decision decision = exchange.onBody(new byte[0]);
    assertThat(decision.action()).isEqualTo(Action.FAIL);
    assertThat(decision.failure()).isInstanceOf(UnexpectedStatusException.class);
    assertThat(exchange.uri()).isEqualTo(URI.create("https://api.clarionhealth.com/v1/call"));
  }

  @Test
  void aRetryStartsOverFromTheRequestsOwnUriWithAFreshRedirectBudget() {
    Exchange exchange = get();
    URI own = exchange.uri();
    for (int hop = 1; hop <= Redirects.MAX; hop++) {
      assertThat(redirect(exchange, 302, "https://mirror" + hop + ".example/call").action()).isEqualTo(Action.FOLLOW);
    }
    // The last mirror is down: the retry goes back to the API, not to the mirror (a redirect may
    // have been temporary), with the key, and may be redirected five times again.
    assertThat(answer(exchange, 503, JSON, "{}").action()).isEqualTo(Action.RETRY);
    assertThat(exchange.uri()).isEqualTo(own);
    exchange.begin();
    assertThat(sent(exchange)).containsEntry("Authorization", "Bearer " + KEY);
    for (int hop = 1; hop <= Redirects.MAX; hop++) {
      assertThat(redirect(exchange, 302, "/v1/call?again=" + hop).action()).isEqualTo(Action.FOLLOW);
    }
    assertThat(redirect(exchange, 302, "/v1/call?again=6").action()).isEqualTo(Action.READ_BODY);
  }

  // ---- retries ----

  @Test
  void aGetIsRetriedWithBackoffThenFailsWhenTheBudgetIsSpent() {
    Exchange exchange = get();
    assertThat(exchange.attempt()).isEqualTo(1);

    Decision first = answer(exchange, 503, JSON, "{}");
    assertThat(first.action()).isEqualTo(Action.RETRY);
    assertThat(first.delay()).isEqualTo(Duration.ofMillis(250)); // 0.5 of 500 ms
    assertThat(first.failure()).isInstanceOf(InternalServerException.class);
    assertThat(exchange.attempt()).isEqualTo(2);

    Decision second = failure(exchange, new IOException("Connection reset"));
    assertThat(second.action()).isEqualTo(Action.RETRY);
    assertThat(second.delay()).isEqualTo(Duration.ofMillis(500)); // 0.5 of 1 s
    assertThat(exchange.attempt()).isEqualTo(3);

    Decision third = answer(exchange, 504, JSON, "{}");
    assertThat(third.action()).isEqualTo(Action.FAIL);
    assertThat(third.failure()).isInstanceOf(InternalServerException.class);
    assertThat(((ClarionApiException) third.failure()).statusCode()).isEqualTo(504);
    assertThat(exchange.attempt()).isEqualTo(3);
  }

  @ParameterizedTest
  @ValueSource(ints = {408, 429, 500, 502, 503, 504})
  void theseStatusesAreRetriedForAGet(int status) {
    assertThat(answer(get(), status, JSON, "{}").action()).isEqualTo(Action.RETRY);
  }

  @Test
  void retryAfterIsWaitedExactly() {
    Decision seconds = answer(get(), 503, headers("Retry-After", "7"), "");
    assertThat(seconds.action()).isEqualTo(Action.RETRY);
    assertThat(seconds.delay()).isEqualTo(Duration.ofSeconds(7));
    assertThat(((ClarionApiException) seconds.failure()).retryAfter()).contains(Duration.ofSeconds(7));

    // An HTTP date is measured with the engine's clock, not the machine's.
    Decision date = answer(get(), 429, headers("Retry-After", "Wed, 21 Oct 2015 07:28:00 GMT"), "");
    assertThat(date.delay()).isEqualTo(Duration.ofSeconds(60));
    assertThat(engine(2).clock()).isSameAs(CLOCK);
  }

  @Test
  void aRetryAfterLongerThanMaxRetryAfterFailsAtOnce() {
    Exchange exchange = get();
    Decision decision = answer(exchange, 429, headers("Retry-After", "61"), "{\"error\":\"slow down\"}");
    assertThat(decision.action()).isEqualTo(Action.FAIL);
    RateLimitException e = (RateLimitException) decision.failure();
    assertThat(e.retryAfter()).contains(Duration.ofSeconds(61)); // so the application knows when
    assertThat(exchange.attempt()).isEqualTo(1);
  }

  @Test
  void theLongestRetryAfterThePolicyAcceptsIsARetryNotACrash() {
    // The delay is converted to milliseconds by the log line and by both transports.
    Duration longest = Duration.ofNanos(Long.MAX_VALUE);
    Exchange exchange = engine(2, longest).get("/call", "");
    String seconds = Long.toString(longest.getSeconds());
    Decision decision = answer(exchange, 429, headers("Retry-After", seconds), "");
    assertThat(decision.action()).isEqualTo(Action.RETRY);
    assertThat(decision.delay()).isEqualTo(Duration.ofSeconds(longest.getSeconds()));
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
      "400, BadRequestException",
      "401, AuthenticationException",
      "403, PermissionDeniedException",
      "404, NotFoundException",
      "408, UnexpectedStatusException",
      "409, UnexpectedStatusException",
      "422, UnprocessableEntityException",
      "429, RateLimitException",
      "500, InternalServerException",
      "501, InternalServerException",
      "503, InternalServerException",
      "304, UnexpectedStatusException",
      "101, UnexpectedStatusException"})
  void eachStatusFailsWithItsException(int status, String type) {
    // No retries left, so that retried statuses fail too.
    Exchange exchange = engine(0).get("/call", "limit=5");
    Decision decision = answer(exchange, status, JSON, "{\"error\":\"no\"}");
    assertThat(decision.action()).isEqualTo(Action.FAIL);
    ClarionApiException e = (ClarionApiException) decision.failure();
    assertThat(e.getClass().getSimpleName()).isEqualTo(type);
    assertThat(e.statusCode()).isEqualTo(status);
    assertThat(e.method()).isEqualTo("GET");
    assertThat(e.path()).isEqualTo("/call");
    assertThat(e.body()).isEqualTo("{\"error\":\"no\"}");
    assertThat(e.callMayHaveBeenPlaced()).isFalse();
  }

  @ParameterizedTest
  @ValueSource(ints = {400, 401, 403, 404, 409, 422, 501, 505})
  void theseStatusesAreNeverRetried(int status) {
    Exchange exchange = get();
    assertThat(answer(exchange, status, JSON, "{}").action()).isEqualTo(Action.FAIL);
    assertThat(exchange.attempt()).isEqualTo(1);
  }

  // ---- POST /call ----

  @ParameterizedTest(name = "POST /call answered {0}: FAIL, placed={1}")
  @CsvSource({"500, true", "502, true", "503, true", "504, true", "501, true", "408, false", "400, false",
      "422, false"})
  void aCreateCallThatReachedTheServerIsNeverSentAgain(int status, boolean mayHaveBeenPlaced) {
    Exchange exchange = createCall();
    Decision decision = answer(exchange, status, JSON, "{}");
    assertThat(decision.action()).isEqualTo(Action.FAIL);
    assertThat(decision.failure().callMayHaveBeenPlaced()).isEqualTo(mayHaveBeenPlaced);
    assertThat(decision.failure().getMessage().endsWith(WARNING)).isEqualTo(mayHaveBeenPlaced);
    assertThat(exchange.attempt()).isEqualTo(1);
  }

  @Test
  void aCreateCallIsRetriedOn429BecauseTheServerDidNothing() {
    Exchange exchange = createCall();
    Decision backoff = answer(exchange, 429, JSON, "{}");
    assertThat(backoff.action()).isEqualTo(Action.RETRY);
    assertThat(backoff.delay()).isEqualTo(Duration.ofMillis(250));
    assertThat(backoff.failure().callMayHaveBeenPlaced()).isFalse();
    Decision asked = answer(exchange, 429, headers("Retry-After", "2"), "");
    assertThat(asked.delay()).isEqualTo(Duration.ofSeconds(2));
    assertThat(exchange.attempt()).isEqualTo(3);
  }

  @Test
  void aCreateCallIsRetriedWhenTheConnectionWasNeverMade() {
    Exchange exchange = createCall();
    Decision refused = failure(exchange, new ConnectException("Connection refused"));
    assertThat(refused.action()).isEqualTo(Action.RETRY);
    assertThat(((ClarionTransportException) refused.failure()).requestSent()).isFalse();

    Decision connectTimeout = failure(exchange, new ConnectTimedOut());
    assertThat(connectTimeout.action()).isEqualTo(Action.RETRY);
    assertThat(connectTimeout.failure()).isInstanceOf(ClarionTimeoutException.class);
    assertThat(connectTimeout.delay()).isEqualTo(Duration.ofMillis(500));

    // Budget spent: the last "not sent" failure is thrown, and says the call was not placed.
    Decision last = failure(exchange, new ConnectException("Connection refused"));
    assertThat(last.action()).isEqualTo(Action.FAIL);
    assertThat(last.failure().callMayHaveBeenPlaced()).isFalse();
  }

  @Test
  void aCreateCallThatFailedAfterSendingMayHaveBeenPlaced() {
    Decision reset = failure(createCall(), new IOException("Connection reset"));
    assertThat(reset.action()).isEqualTo(Action.FAIL);
    ClarionTransportException e = (ClarionTransportException) reset.failure();
    assertThat(e.requestSent()).isTrue();
    assertThat(e.callMayHaveBeenPlaced()).isTrue();
    assertThat(e.getMessage()).endsWith(WARNING);

    Decision timeout = failure(createCall(), new ResponseTimedOut());
    assertThat(timeout.action()).isEqualTo(Action.FAIL);
    assertThat(timeout.failure()).isInstanceOf(ClarionTimeoutException.class);
    assertThat(timeout.failure().callMayHaveBeenPlaced()).isTrue();

    // The cautious answer for a failure nobody classified.
    Decision unknown = failure(createCall(), new IllegalStateException("stream closed"));
    assertThat(unknown.action()).isEqualTo(Action.FAIL);
    assertThat(unknown.failure().callMayHaveBeenPlaced()).isTrue();
  }

  @Test
  void anyPostIsNeverResentOnceItMayHaveReachedTheServer() {
    // The rule is the method's, not the path's: any POST through the engine is not idempotent.
    Exchange other = engine(2).post("/other", CALL_JSON);
    Decision decision = answer(other, 503, JSON, "{}");
    assertThat(decision.action()).isEqualTo(Action.FAIL);
    assertThat(decision.failure().callMayHaveBeenPlaced()).isFalse(); // it places no call
    assertThat(failure(engine(2).post("/other", CALL_JSON), new IOException()).action()).isEqualTo(Action.FAIL);
    // ...while a GET of the same path is retried.
    assertThat(answer(engine(2).get("/other", ""), 503, JSON, "{}").action()).isEqualTo(Action.RETRY);
  }

  @Test
  void aFailureTheTransportAlreadyClassifiedIsTakenAsItIs() {
    ClarionTransportException own = ClarionTransportException.create("POST", "/call", false, null);
    Decision decision = failure(createCall(), own);
    assertThat(decision.action()).isEqualTo(Action.RETRY);
    assertThat(decision.failure()).isSameAs(own);

    ClarionDecodingException undecodable = ClarionDecodingException.create("GET", "/call", 200, null, null, null);
    Decision fail = failure(get(), undecodable);
    assertThat(fail.action()).isEqualTo(Action.FAIL);
    assertThat(fail.failure()).isSameAs(undecodable);
  }

  // ---- interrupts ----

  @Test
  void anInterruptOrCancellationIsNeverRetried() {
    List<Throwable> aborts = List.of(
        new InterruptedException(),
        new CancellationException("unsubscribed"),
        new IOException("send failed", new RuntimeException(new InterruptedException())),
        new ExecutionException(new CancellationException()),
        ClarionTransportException.create("GET", "/call", true, new InterruptedException()));
    for (Throwable abort : aborts) {
      Exchange exchange = get();
      Decision decision = failure(exchange, abort);
      assertThat(decision.action()).as("%s", abort).isEqualTo(Action.FAIL);
      assertThat(exchange.attempt()).isEqualTo(1);
    }
    // The same failure without the interrupt in it is retried: it is the interrupt that stops it.
    assertThat(failure(get(), new IOException("send failed", new RuntimeException())).action())
        .isEqualTo(Action.RETRY);
  }

  @Test
  void anInterruptDuringTheWaitSaysNothingWasSent() {
    Exchange exchange = createCall();
    assertThat(answer(exchange, 429, JSON, "{}").action()).isEqualTo(Action.RETRY);
    InterruptedException interrupted = new InterruptedException("sleep interrupted");
    ClarionTransportException e = exchange.interruptedWhileWaiting(interrupted);
    assertThat(e.requestSent()).isFalse();
    assertThat(e.callMayHaveBeenPlaced()).isFalse();
    assertThat(e.getCause()).isSameAs(interrupted);
    assertThat(e.method()).isEqualTo("POST");
    assertThat(e.path()).isEqualTo("/call");
  }

  // ---- the listener ----

  private final RecordingListener heard = new RecordingListener();

  private Exchange heardGet() {
    return new RequestEngine(BASE, ApiKey.from(key::get), new RetryPolicy(2, RetryPolicy.DEFAULT_MAX_RETRY_AFTER,
        () -> 0.5, CLOCK), USER_AGENT, ERRORS, nanos::get, List.of(heard)).get("/call", "limit=100");
  }

  @Test
  void aRedirectIsPartOfItsAttemptWhichEndsWithTheLastHopsStatus() {
    Exchange exchange = heardGet();
    assertThat(redirect(exchange, 302, "/v1/call?limit=100&cursor=2").action()).isEqualTo(Action.FOLLOW);
    exchange.begin();
    assertThat(exchange.onResponse(200, JSON).action()).isEqualTo(Action.DELIVER);
    exchange.delivered();

    assertThat(heard.lines()).containsExactly("started GET /call #1", "ended GET /call #1: 200");
  }

  @Test
  void anAttemptWithoutAnAnswerEndsWithMinusOneThenItsRetryIsTold() {
    Exchange exchange = heardGet();
    Decision decision = failure(exchange, new ConnectException("refused"));
    answer(exchange, 200, JSON, "");
    exchange.delivered();
    exchange.delivered(); // a transport reporting twice is still one end

    assertThat(decision.action()).isEqualTo(Action.RETRY);
    assertThat(heard.lines()).containsExactly("started GET /call #1",
        "ended GET /call #1: -1 ClarionTransportException", "retry GET /call #1 in 250 ms",
        "started GET /call #2", "ended GET /call #2: 200");
    assertThat(heard.events("ended").get(0).failure()).isSameAs(decision.failure());
  }

  @Test
  void aBodyThatBreaksAfterItsStatusEndsWithThatStatusAndTheFailure() {
    Exchange exchange = heardGet();
    exchange.begin();
    assertThat(exchange.onResponse(200, JSON).action()).isEqualTo(Action.DELIVER);
    Decision decision = exchange.onFailure(new IOException("connection reset while reading"));

    assertThat(heard.lines()).startsWith("started GET /call #1", "ended GET /call #1: 200 ClarionTransportException",
        "retry GET /call #1 in 250 ms");
    assertThat(heard.events("ended").get(0).failure()).isSameAs(decision.failure());
  }

  @Test
  void aBodyThatCannotBeDecodedEndsItsAttemptWithTheDecodingException() {
    Exchange exchange = heardGet();
    exchange.begin();
    exchange.onResponse(200, JSON);
    ClarionDecodingException undecodable = exchange.undecodable(utf8("[{"), new IOException("truncated"));
    Exchange notJson = heardGet();
    Decision decision = answer(notJson, 200, headers("Content-Type", "text/html"), "<p>hi</p>");

    assertThat(heard.lines()).containsExactly("started GET /call #1", "ended GET /call #1: 200 ClarionDecodingException",
        "started GET /call #1", "ended GET /call #1: 200 ClarionDecodingException");
    assertThat(heard.events("ended").get(0).failure()).isSameAs(undecodable);
    assertThat(heard.events("ended").get(1).failure()).isSameAs(decision.failure());
  }

  @Test
  void aCancelledAttemptEndsOnceAsAnAbort() {
    Exchange exchange = heardGet();
    exchange.begin();
    exchange.cancelled();
    exchange.cancelled();
    Exchange settled = heardGet();
    answer(settled, 200, JSON, "");
    settled.delivered();
    settled.cancelled(); // too late: it ended already

    assertThat(heard.lines()).containsExactly("started GET /call #1",
        "ended GET /call #1: -1 ClarionTransportException", "started GET /call #1", "ended GET /call #1: 200");
    assertThat(heard.events("ended").get(0).failure()).hasRootCauseInstanceOf(CancellationException.class);
  }

  // ---- the key never leaks ----

  @Test
  void aBodyEchoingTheKeyIsRedactedInTheException() {
    String echo = "{\"error\":\"invalid key " + KEY + "\",\"header\":\"Bearer " + KEY + "\"}";
    Decision decision = answer(get(), 401, JSON, echo);
    ClarionApiException e = (ClarionApiException) decision.failure();
    assertThat(e).isInstanceOf(AuthenticationException.class);
    assertThat(e.body()).doesNotContain(KEY).contains("[redacted]");
    assertThat(e.getMessage()).doesNotContain(KEY);
    assertThat(e.toString()).doesNotContain(KEY);

    // On a 2xx that is not JSON too, and in what the transport's decoder could not read.
    ClarionDecodingException html = (ClarionDecodingException)
        answer(get(), 200, headers("Content-Type", "text/html"), "<p>" + KEY + "</p>").failure();
    assertThat(html.body() + html.getMessage()).doesNotContain(KEY);
    Exchange decoded = get();
    decoded.begin();
    decoded.onResponse(200, JSON);
    ClarionDecodingException undecodable = decoded.undecodable(utf8("[{\"echo\":\"" + KEY + "\""), new IOException());
    assertThat(undecodable.body() + undecodable.getMessage()).doesNotContain(KEY);
  }

  @Test
  void theRotatedKeyIsRedactedToo() {
    Exchange exchange = get();
    assertThat(answer(exchange, 503, JSON, "{}").action()).isEqualTo(Action.RETRY);
    key.set(ROTATED);
    ClarionApiException e = (ClarionApiException) answer(exchange, 403, JSON, "key " + ROTATED).failure();
    assertThat(e.body()).isEqualTo("key [redacted]");
  }

  @Test
  void toStringsShowNoKey() {
    RequestEngine engine = engine(2);
    Exchange exchange = engine.get("/call", "phone_number=%2B14155550123");
    exchange.begin();
    assertThat(engine.toString()).doesNotContain(KEY);
    assertThat(exchange.toString()).isEqualTo("Exchange{GET /call, attempt 1}");
  }

  // ---- logs ----

  @Test
  void eachAnswerFailureAndRetryIsLoggedOnceWithoutKeyQueryOrBody() {
    Exchange exchange = engine(2).get("/call", "phone_number=%2B14155550123");
    {
      exchange.begin();
      nanos.addAndGet(TimeUnit.MILLISECONDS.toNanos(12));
      assertThat(exchange.onResponse(503, headers("X-Echo", "Bearer " + KEY)).action()).isEqualTo(Action.READ_BODY);
      assertThat(exchange.onBody(utf8("{\"error\":\"bad key " + KEY + "\"}")).action()).isEqualTo(Action.RETRY);

      exchange.begin();
      nanos.addAndGet(TimeUnit.MICROSECONDS.toNanos(3_900));
      assertThat(exchange.onFailure(new IOException("reset by " + KEY)).action()).isEqualTo(Action.RETRY);

      exchange.begin();
      assertThat(exchange.onResponse(200, JSON).action()).isEqualTo(Action.DELIVER);

      assertThat(logs.messages(LOGGER, Level.DEBUG)).containsExactly(
          "GET /call -> 503 (attempt 1, 12 ms)",
          "GET /call failed (attempt 2, 3 ms): ClarionTransportException",
          "GET /call -> 200 (attempt 3, 0 ms)");
      assertThat(logs.messages(LOGGER, Level.INFO)).containsExactly(
          "GET /call will be retried in 250 ms (attempt 1 failed: InternalServerException)",
          "GET /call will be retried in 500 ms (attempt 2 failed: ClarionTransportException)");
      assertThat(logs.events()).hasSize(5).allSatisfy(e -> assertThat(e.getThrowableProxy()).isNull());
      assertThat(logs.everything()).doesNotContain(KEY).doesNotContain("Bearer")
          .doesNotContain("4155550123").doesNotContain("phone_number").doesNotContain("bad key");
    }
  }

  @Test
  void aFailureThatIsThrownIsNotLoggedAsARetry() {
    Exchange exchange = createCall();
    {
      exchange.begin();
      nanos.addAndGet(TimeUnit.MILLISECONDS.toNanos(40));
      exchange.onFailure(new IOException("Connection reset"));
      assertThat(logs.messages(LOGGER, Level.DEBUG))
          .containsExactly("POST /call failed (attempt 1, 40 ms): ClarionTransportException");
      assertThat(logs.messages(LOGGER, Level.INFO)).isEmpty();
      assertThat(logs.everything()).doesNotContain(KEY).doesNotContain("4155550123");
    }
  }

  @Test
  void aRedirectHopIsLoggedAsTheSameAttemptUnderTheRequestsOwnPath() {
    Exchange exchange = get();
    {
      redirect(exchange, 302, "https://cdn.example.net/elsewhere?token=abc");
      exchange.begin();
      exchange.onResponse(200, JSON);
      assertThat(logs.messages(LOGGER, Level.DEBUG)).containsExactly(
          "GET /call -> 302 (attempt 1, 0 ms)",
          "GET /call -> 200 (attempt 1, 0 ms)");
      assertThat(logs.everything()).doesNotContain("cdn.example.net").doesNotContain("token");
    }
  }

  @Test
  void aRetryAfterPausesTheOtherRequestsOfItsStreamUntilItEnds() {
    AtomicLong millis = new AtomicLong(CLOCK.millis());
    Clock clock = new Clock() {
      @Override
      public ZoneOffset getZone() {
        return ZoneOffset.UTC;
      }

      @Override
      public Clock withZone(java.time.ZoneId zone) {
        return this;
      }

      @Override
      public Instant instant() {
        return Instant.ofEpochMilli(millis.get());
      }
    };
    RequestEngine engine = new RequestEngine(BASE, ApiKey.from(key::get),
        new RetryPolicy(2, RetryPolicy.DEFAULT_MAX_RETRY_AFTER, () -> 0.5, clock), USER_AGENT, ERRORS, nanos::get);
    StreamRun stream = new StreamRun(1, ClarionListener.NONE);
    Exchange told = engine.get("/call", "limit=100", stream);
    Exchange other = engine.get("/call", "limit=10", stream);
    Exchange elsewhere = engine.get("/call", "limit=10"); // not a request of this stream
    assertThat(other.holdBeforeSending()).isZero();

    assertThat(answer(told, 429, headers("Retry-After", "2"), "").delay()).isEqualTo(Duration.ofSeconds(2));
    assertThat(told.holdBeforeSending()).as("its own retry waits already").isZero();
    millis.addAndGet(500);
    assertThat(other.holdBeforeSending()).isEqualTo(Duration.ofMillis(1500));
    assertThat(other.holdBeforeSending()).as("waited for once").isZero();
    assertThat(elsewhere.holdBeforeSending()).isZero();
    Exchange next = engine.get("/call", "limit=10", stream);
    millis.addAndGet(1500);
    assertThat(next.holdBeforeSending()).as("the pause is over").isZero();

    // A 503 without Retry-After is this request's own trouble: only it backs off.
    assertThat(answer(engine.get("/call", "limit=10", stream), 503, Map.of(), "").action()).isEqualTo(Action.RETRY);
    assertThat(engine.get("/call", "limit=10", stream).holdBeforeSending()).isZero();
    assertThat(logs.messages(LOGGER, Level.INFO)).contains(
        "GET /call will be sent in 1500 ms: the server asked the stream to wait");
  }
}
