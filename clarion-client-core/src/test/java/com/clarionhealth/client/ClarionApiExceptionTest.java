package com.clarionhealth.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ClarionApiExceptionTest {

  private static final String WARNING = "the call may have been placed; check GET /call before creating it again";
  private static final Clock CLOCK = Clock.fixed(Instant.parse("2015-10-21T07:27:00Z"), ZoneOffset.UTC);

  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  private static ClarionApiException create(String method, String path, int status, String body) {
    return ClarionApiException.create(method, path, status, Map.of("X-Request-Id", List.of("abc123")), utf8(body));
  }

  @ParameterizedTest
  @CsvSource({
      "400, BadRequestException",
      "401, AuthenticationException",
      "403, PermissionDeniedException",
      "404, NotFoundException",
      "422, UnprocessableEntityException",
      "429, RateLimitException",
      "500, InternalServerException",
      "502, InternalServerException",
      "503, InternalServerException",
      "599, InternalServerException",
      "100, UnexpectedStatusException",
      "302, UnexpectedStatusException",
      "405, UnexpectedStatusException",
      "408, UnexpectedStatusException",
      "409, UnexpectedStatusException",
      "600, UnexpectedStatusException"})
  void subclassPerStatus(int status, String expected) {
    ClarionApiException e = create("GET", "/call", status, "");
    assertThat(e.getClass().getSimpleName()).isEqualTo(expected);
    assertThat(e.statusCode()).isEqualTo(status);
    assertThat(e).isInstanceOf(ClarionException.class).isInstanceOf(RuntimeException.class);
  }

  @ParameterizedTest
  @ValueSource(ints = {200, 201, 204, 299, 99, 1000, -1})
  void successAndNonsenseStatusesAreRejected(int status) {
    assertThatThrownBy(() -> create("GET", "/call", status, ""))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("status");
  }

  @Test
  void messageIsOneLineWithStatusRequestAndRequestId() {
    ClarionApiException e = create("get", "/call", 429, "{\n  \"error\":   \"slow down\"\n}");
    assertThat(e.getMessage())
        .isEqualTo("429 Too Many Requests from GET /call (request id abc123): { \"error\": \"slow down\" }");
    assertThat(e.method()).isEqualTo("GET");
    assertThat(e.path()).isEqualTo("/call");
  }

  @Test
  void messageWithoutBodyOrRequestId() {
    ClarionApiException e = ClarionApiException.create("GET", "/call", 404, null, null);
    assertThat(e.getMessage()).isEqualTo("404 Not Found from GET /call");
    assertThat(e.requestId()).isEmpty();
    assertThat(e.body()).isEmpty();
    assertThat(e.headers()).isEmpty();
  }

  @Test
  void unknownStatusHasNoReasonPhrase() {
    assertThat(create("GET", "/call", 418, "").getMessage()).isEqualTo("418 from GET /call (request id abc123)");
  }

  @Test
  void queryIsDroppedFromPathBecauseFiltersMayCarryPatientData() {
    ClarionApiException e = create("GET", "/call?phone_number=%2B15551234567", 400, "");
    assertThat(e.path()).isEqualTo("/call");
    assertThat(e.getMessage()).doesNotContain("5551234567").doesNotContain("?");
  }

  @Test
  void messageKeepsTheFirst200CharactersOfTheBody() {
    String body = "x".repeat(150) + " \t\r\n " + "y".repeat(300);
    String message = create("GET", "/call", 400, body).getMessage();
    String prefix = "400 Bad Request from GET /call (request id abc123): ";
    assertThat(message).isEqualTo(prefix + "x".repeat(150) + " " + "y".repeat(49) + "…");
  }

  @Test
  void createCallFailingWith5xxWarnsThatTheCallMayHaveBeenPlaced() {
    ClarionApiException e = create("POST", "/call", 503, "upstream down");
    assertThat(e.getMessage()).isEqualTo(
        "503 Service Unavailable from POST /call (request id abc123): upstream down -- " + WARNING);
    assertThat(e.callMayHaveBeenPlaced()).isTrue();
    assertThat(create("POST", "/call", 500, "").getMessage())
        .isEqualTo("500 Internal Server Error from POST /call (request id abc123) -- " + WARNING);
  }

  @ParameterizedTest
  @CsvSource({"POST, /call, 429", "POST, /call, 400", "POST, /call, 408", "GET, /call, 503", "POST, /calls, 503"})
  void noWarningWhenTheCallCannotHaveBeenPlacedByThisRequest(String method, String path, int status) {
    ClarionApiException e = create(method, path, status, "");
    assertThat(e.getMessage()).doesNotContain("may have been placed");
    assertThat(e.callMayHaveBeenPlaced()).isFalse();
  }

  @Test
  void headersAreCaseInsensitiveAndImmutable() {
    Map<String, List<String>> headers = new HashMap<>();
    headers.put("Content-Type", List.of("application/json"));
    headers.put("set-cookie", List.of("a=1"));
    headers.put("Set-Cookie", List.of("b=2"));
    headers.put(null, List.of("HTTP/1.1 400 Bad Request"));
    ClarionApiException e = ClarionApiException.create("GET", "/call", 400, headers, null);

    assertThat(e.header("content-type")).contains("application/json");
    assertThat(e.header("CONTENT-TYPE")).contains("application/json");
    assertThat(e.headers().get("SET-COOKIE")).containsExactlyInAnyOrder("a=1", "b=2");
    assertThat(e.header("missing")).isEmpty();
    assertThatThrownBy(() -> e.headers().put("x", List.of())).isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> e.headers().get("content-type").add("x"))
        .isInstanceOf(UnsupportedOperationException.class);
    headers.put("Content-Type", List.of("text/html"));
    assertThat(e.header("Content-Type")).contains("application/json");
  }

  @Test
  void requestIdFromEitherHeaderInAnyCase() {
    assertThat(ClarionApiException.create("GET", "/call", 400, Map.of("X-REQUEST-ID", List.of("r1")), null)
        .requestId()).contains("r1");
    assertThat(ClarionApiException.create("GET", "/call", 400, Map.of("Request-Id", List.of("r2")), null)
        .requestId()).contains("r2");
    assertThat(ClarionApiException.create("GET", "/call", 400,
        Map.of("request-id", List.of("r2"), "x-request-id", List.of("r1")), null).requestId()).contains("r1");
    assertThat(ClarionApiException.create("GET", "/call", 400, Map.of("x-request-id", List.of(" ")), null)
        .requestId()).isEmpty();
  }

  @Test
  void bodyIsBoundedTo8KiBAndSaysHowMuchWasDropped() {
    assertThat(ClarionApiException.MAX_BODY_BYTES).isEqualTo(8192);
    byte[] body = new byte[10_000];
    Arrays.fill(body, (byte) 'a');
    ClarionApiException e = ClarionApiException.create("GET", "/call", 500, null, body);
    assertThat(e.body()).hasSize(8192);
    assertThat(e.bodyTruncatedBytes()).isEqualTo(10_000 - 8192);

    ClarionApiException small = ClarionApiException.create("GET", "/call", 500, null, utf8("short"));
    assertThat(small.body()).isEqualTo("short");
    assertThat(small.bodyTruncatedBytes()).isZero();
  }

  @Test
  void boundDoesNotSplitAMultiByteCharacter() {
    byte[] prefix = new byte[8191];
    Arrays.fill(prefix, (byte) 'a');
    byte[] euro = utf8("€"); // 3 bytes, straddling the 8192 boundary
    byte[] body = new byte[prefix.length + euro.length];
    System.arraycopy(prefix, 0, body, 0, prefix.length);
    System.arraycopy(euro, 0, body, prefix.length, euro.length);

    ClarionApiException e = ClarionApiException.create("GET", "/call", 500, null, body);
    assertThat(e.body()).isEqualTo("a".repeat(8191));
    assertThat(e.bodyTruncatedBytes()).isEqualTo(3);
  }

  @Test
  void malformedUtf8IsReplacedNotThrown() {
    byte[] body = {'o', 'k', (byte) 0xC3, (byte) 0x28, (byte) 0xFF};
    assertThat(ClarionApiException.create("GET", "/call", 500, null, body).body()).isEqualTo("ok\uFFFD(\uFFFD");
  }

  @Test
  void secretsNeverReachTheMessageOrToString() {
    String key = "sk_live_4eC39HqLyjWDarjtT1zdp7dc";
    Map<String, List<String>> headers = Map.of(
        "Authorization", List.of("Bearer " + key),
        "Set-Cookie", List.of("session=s3cr3t"),
        "x-request-id", List.of("req-1"));
    ClarionApiException e = ClarionApiException.create(
        "POST", "/call", 401, headers, utf8("{\"error\":\"invalid key Bearer " + key + "\", \"k\":\"" + key + "\"}"));

    assertThat(e.getMessage()).doesNotContain(key).doesNotContain("s3cr3t").contains("req-1");
    assertThat(e.toString()).doesNotContain(key).doesNotContain("s3cr3t");
    assertThat(e.getMessage()).isEqualTo(
        "401 Unauthorized from POST /call (request id req-1): {\"error\":\"invalid key [redacted]\", "
            + "\"k\":\"[redacted]\"}");
  }

  @Test
  void rateLimitRetryAfterInSeconds() {
    RateLimitException e = (RateLimitException) ClarionApiException.create(
        "POST", "/call", 429, Map.of("retry-after", List.of("12")), null, CLOCK);
    assertThat(e.retryAfter()).contains(Duration.ofSeconds(12));
    assertThat(e.callMayHaveBeenPlaced()).isFalse();
  }

  @Test
  void rateLimitRetryAfterAsHttpDateUsesTheClock() {
    RateLimitException e = (RateLimitException) ClarionApiException.create(
        "GET", "/call", 429, Map.of("Retry-After", List.of("Wed, 21 Oct 2015 07:28:00 GMT")), null, CLOCK);
    assertThat(e.retryAfter()).contains(Duration.ofSeconds(60));
  }

  @Test
  void rateLimitWithoutUsableRetryAfter() {
    assertThat(((RateLimitException) create("GET", "/call", 429, "")).retryAfter()).isEmpty();
    RateLimitException garbage = (RateLimitException) ClarionApiException.create(
        "GET", "/call", 429, Map.of("Retry-After", List.of("later")), null, CLOCK);
    assertThat(garbage.retryAfter()).isEmpty();
  }

  @Test
  void anyStatusExposesItsRetryAfterNotOnlyA429() {
    // 503 Service Unavailable is the other status servers send Retry-After with; an application that
    // catches ClarionApiException (or InternalServerException) must be able to read it too.
    ClarionApiException unavailable = ClarionApiException.create(
        "GET", "/call", 503, Map.of("Retry-After", List.of("120")), null, CLOCK);
    assertThat(unavailable).isInstanceOf(InternalServerException.class);
    assertThat(unavailable.retryAfter()).contains(Duration.ofSeconds(120));

    ClarionApiException dated = ClarionApiException.create(
        "GET", "/call", 503, Map.of("retry-after", List.of("Wed, 21 Oct 2015 07:27:10 GMT")), null, CLOCK);
    assertThat(dated.retryAfter()).contains(Duration.ofSeconds(10));

    assertThat(ClarionApiException.create("GET", "/call", 503, null, null, CLOCK).retryAfter()).isEmpty();
    assertThat(ClarionApiException.create("GET", "/call", 400, Map.of("Retry-After", List.of("-3")), null, CLOCK)
        .retryAfter()).contains(Duration.ZERO);
  }

  @Test
  void argumentsAreChecked() {
    assertThatThrownBy(() -> ClarionApiException.create(null, "/call", 400, null, null))
        .isInstanceOf(NullPointerException.class).hasMessage("method == null");
    assertThatThrownBy(() -> ClarionApiException.create("GET", null, 400, null, null))
        .isInstanceOf(NullPointerException.class).hasMessage("path == null");
    assertThatThrownBy(() -> ClarionApiException.create("GET", "/call", 400, null, null, null))
        .isInstanceOf(NullPointerException.class).hasMessage("clock == null");
  }

  @Test
  void survivesJavaSerialization() throws Exception {
    RateLimitException e = (RateLimitException) ClarionApiException.create(
        "GET", "/call", 429, Map.of("Retry-After", List.of("5"), "X-Request-Id", List.of("r")), utf8("b"), CLOCK);
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(e);
    }
    try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
      RateLimitException copy = (RateLimitException) in.readObject();
      assertThat(copy.getMessage()).isEqualTo(e.getMessage());
      assertThat(copy.header("x-request-id")).contains("r");
      assertThat(copy.retryAfter()).contains(Duration.ofSeconds(5));
    }
  }

  /** Exceptions are serializable: one sent over a wire (a job queue, RMI) arrives with its headers. */
  @Test
  void exceptionsSerializeWithTheirHeaders() throws Exception {
    ClarionApiException api = ClarionApiException.create("GET", "/call", 429,
        Map.of("Retry-After", List.of("7"), "X-Request-Id", List.of("req_1")), utf8("{\"error\":\"slow down\"}"));
    ClarionDecodingException decoding = ClarionDecodingException.create("GET", "/call", 200,
        Map.of("Content-Type", List.of("text/html")), utf8("<html>"), new java.io.IOException("not JSON"));

    for (Object original : List.of(api, decoding)) {
      java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
      try (java.io.ObjectOutputStream out = new java.io.ObjectOutputStream(bytes)) {
        out.writeObject(original);
      }
      Object copy;
      try (java.io.ObjectInputStream in = new java.io.ObjectInputStream(
          new java.io.ByteArrayInputStream(bytes.toByteArray()))) {
        copy = in.readObject();
      }
      assertThat(copy).isInstanceOf(original.getClass()).hasToString(original.toString());
      if (copy instanceof ClarionApiException) {
        ClarionApiException e = (ClarionApiException) copy;
        assertThat(e.headers()).containsEntry("retry-after", List.of("7")); // still case-insensitive
        assertThat(e.requestId()).contains("req_1");
        assertThat(e.body()).isEqualTo("{\"error\":\"slow down\"}");
      } else {
        ClarionDecodingException e = (ClarionDecodingException) copy;
        assertThat(e.headers()).containsEntry("content-type", List.of("text/html"));
        assertThat(e.getCause()).hasMessage("not JSON");
      }
    }
  }
}
