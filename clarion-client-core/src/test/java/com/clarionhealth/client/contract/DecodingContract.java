package com.clarionhealth.client.contract;

import static com.clarionhealth.client.contract.ContractSupport.CALLS;
import static com.clarionhealth.client.contract.ContractSupport.MAY_HAVE_BEEN_PLACED;
import static com.clarionhealth.client.contract.ContractSupport.createCall;
import static com.clarionhealth.client.contract.ContractSupport.page;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.clarionhealth.client.CallPage;
import com.clarionhealth.client.CallQuery;
import com.clarionhealth.client.ClarionApiException;
import com.clarionhealth.client.ClarionDecodingException;
import com.clarionhealth.client.ListCallsParams;
import com.clarionhealth.client.model.Call;
import com.clarionhealth.client.model.Message;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A 2xx answer that cannot be read is a {@link ClarionDecodingException} with a bounded snippet of the
 * body, never a raw Jackson, HTTP library or null-pointer exception, and is not retried (the server
 * did answer); a big page decodes.
 */
public abstract class DecodingContract extends ClientContract {
  @RegisterExtension
  protected static final FakeApi api = new FakeApi();

  protected static void listAnswers(String contentType, String body) {
    api.stubFor(get(urlPathEqualTo(CALLS)).willReturn(aResponse().withStatus(200)
        .withHeader("Content-Type", contentType).withHeader("x-request-id", "req_dec").withBody(body)));
  }

  /** What every decoding failure of a list has: the status, and a real cause. */
  static ClarionDecodingException decodingFailureOf(ThrowingCallable call) {
    ClarionDecodingException e = catchThrowableOfType(ClarionDecodingException.class, call);
    assertThat(e).isNotNull();
    assertThat(e.getCause()).isNotNull().isNotInstanceOf(NullPointerException.class);
    return e;
  }

  @Test
  void anHtmlPageFromAProxyIsADecodingErrorWithASnippet() {
    api.stubFor(get(urlPathEqualTo(CALLS)).willReturn(aResponse().withStatus(200)
        .withHeader("Content-Type", "text/html; charset=utf-8").withHeader("x-request-id", "req_html")
        .withBody("<html><body><h1>Welcome to the captive portal</h1>" + "<p>nginx</p>".repeat(2000)
            + "</body></html>")));
    ClientDriver client = connect(api.config());

    ClarionDecodingException e = decodingFailureOf(client::list);

    assertThat(e.statusCode()).isEqualTo(200);
    assertThat(e.contentType()).contains("text/html; charset=utf-8");
    assertThat(e.requestId()).contains("req_html");
    assertThat(e.body()).startsWith("<html>").contains("captive portal")
        .hasSizeLessThanOrEqualTo(ClarionApiException.MAX_BODY_BYTES);
    assertThat(e.getMessage())
        .startsWith("could not decode the 200 OK response to GET /call (request id req_html, "
            + "content type text/html; charset=utf-8): <html><body><h1>Welcome to the captive portal</h1>")
        .hasSizeLessThan(500);
    assertThat(e.callMayHaveBeenPlaced()).isFalse();
    api.verify(1, getRequestedFor(urlEqualTo(CALLS))); // not retried: the server did answer
    assertThat(client.waits()).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "[{\"id\":1,\"call_status\":\"ended\"},{\"id\":2,\"call_st", // cut mid-object
      "[{\"id\":1,\"call_status\":\"ended\"},{\"id\":", // cut after a name
      "[{\"id\":1},", // cut mid-array
      "[{\"id\":1}", // cut before the end of the array
      "[",
      "", // an empty 200 is not "no calls": a stream taking it for a short page would skip a window
      "  \n ",
      "{\"error\":\"not a list\"}", "{\"id\":1}", "{\"calls\":[]}", "\"text\"", "42", "null",
      "[1,2]", "[{\"id\":\"not a number\"}]", "not json at all",
      "[] trailing", "[{\"id\":1}] {\"id\":2}"})
  void aListBodyThatIsNotAnArrayOfCallsIsADecodingError(String body) {
    listAnswers("application/json", body);
    ClientDriver client = connect(api.config());

    ClarionDecodingException e = decodingFailureOf(client::list);

    assertThat(e.statusCode()).isEqualTo(200);
    assertThat(e.body()).isEqualTo(body);
    api.verify(1, getRequestedFor(urlEqualTo(CALLS)));
  }

  @Test
  void aStreamFailsRatherThanSkipAWindowWhoseAnswerIsEmpty() {
    listAnswers("application/json", "");
    Instant t0 = Instant.parse("2026-01-01T00:00:00Z");
    ClientDriver client = connect(api.config());

    decodingFailureOf(() -> client.stream(CallQuery.between(t0, t0.plusSeconds(60))));

    api.verify(1, getRequestedFor(urlPathEqualTo(CALLS)));
  }

  @Test
  void anUndecodableCreateAnswerSaysTheCallMayHaveBeenPlaced() {
    api.stubFor(post(CALLS).willReturn(aResponse().withStatus(201).withHeader("Content-Type", "text/plain")
        .withBody("Created")));
    ClientDriver client = connect(api.config());

    ClarionDecodingException e = decodingFailureOf(() -> client.create(createCall()));

    assertThat(e.statusCode()).isEqualTo(201);
    assertThat(e.callMayHaveBeenPlaced()).isTrue();
    assertThat(e.getMessage()).contains(MAY_HAVE_BEEN_PLACED);
    api.verify(1, postRequestedFor(urlEqualTo(CALLS)));
  }

  @Test
  void aCreateAnswerThatIsCutShortSaysTheCallMayHaveBeenPlaced() {
    api.stubFor(post(CALLS).willReturn(okJson("{\"id\":1,\"call_status\":")));
    ClientDriver client = connect(api.config());

    ClarionDecodingException e = decodingFailureOf(() -> client.create(createCall()));

    assertThat(e.statusCode()).isEqualTo(200);
    assertThat(e.callMayHaveBeenPlaced()).isTrue();
    assertThat(e.getMessage()).contains(MAY_HAVE_BEEN_PLACED);
    assertThat(e.method()).isEqualTo("POST");
    api.verify(1, postRequestedFor(urlEqualTo(CALLS)));
    assertThat(api.served()).hasSize(1);
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "200|application/json|null", "200|application/json|''", "200|application/json|[]",
      "201|application/json|null", "201|application/json|''", "201|application/json|[]",
      "201|text/html|<html>ok</html>"})
  void aCreateAnswerThatIsNoCallIsADecodingError(int status, String contentType, String body) {
    api.stubFor(post(CALLS).willReturn(aResponse().withStatus(status).withHeader("Content-Type", contentType)
        .withBody(body)));
    ClientDriver client = connect(api.config());

    ClarionDecodingException e = catchThrowableOfType(ClarionDecodingException.class,
        () -> client.create(createCall()));

    assertThat(e.statusCode()).isEqualTo(status);
    assertThat(e.callMayHaveBeenPlaced()).isTrue();
    api.verify(1, postRequestedFor(urlEqualTo(CALLS)));
    assertThat(api.served()).hasSize(1);
  }

  @Test
  void jsonWithoutAContentTypeOrWithAVendorTypeIsRead() {
    api.stubFor(get(urlPathEqualTo(CALLS)).willReturn(aResponse().withStatus(200).withBody(page(5))));
    ClientDriver client = connect(api.config());

    assertThat(client.list()).extracting(Call::getId).containsExactly(5L);

    listAnswers("application/vnd.clarion+json; charset=utf-8", page(6));
    assertThat(client.list()).extracting(Call::getId).containsExactly(6L);
    api.verify(2, getRequestedFor(urlEqualTo(CALLS)));
  }

  @Test
  void aTwentyMegabytePageOfLongTranscriptsDecodes() {
    String line = "User: I have been taking the medication twice a day as prescribed. ";
    String transcript = line.repeat(20 * 1024 / line.length()); // about 20 KB
    String huge = line.repeat(1024 * 1024 / line.length()); // about 1 MB, one call
    StringBuilder body = new StringBuilder(22 * 1024 * 1024).append('[');
    for (int i = 1; i <= 1000; i++) {
      body.append(i == 1 ? "" : ",").append("{\"id\":").append(i).append(",\"call_status\":\"ended\",\"transcript\":\"")
          .append(i == 500 ? huge : transcript).append("\"}");
    }
    body.append(']');
    assertThat(body.length()).isGreaterThan(20_000_000);
    listAnswers("application/json", body.toString());
    ClientDriver client = connect(api.config());

    List<Call> calls = client.list(ListCallsParams.builder().limit(1000).build());

    assertThat(calls).hasSize(1000);
    assertThat(calls.get(0).getTranscript()).isEqualTo(transcript);
    assertThat(calls.get(499).getTranscript()).hasSize(huge.length()).startsWith("User: I have");
    assertThat(calls.get(999).getId()).isEqualTo(1000L);
    api.verify(1, getRequestedFor(urlEqualTo(CALLS + "?limit=1000")));
  }

  /**
   * A call with fields and values this version does not know, nested at every level, an explicit null, an
   * epoch-millisecond time, and a line break of the server's between two fields. Unknown names start with
   * np_ ("never published"): a spec that adds a field can never turn them into declared properties.
   */
  private static final String UNKNOWN = "{\"id\":41,\"assistant_id\":7,\"call_status\":\"np_voicemail\","
      + "\"np_score\":0.73,\"np_billing\":{\"cents\":12},\"ended_reason\":null,\n  \"messages\":["
      + "{\"role\":\"user\",\"message\":\"hi\",\"time\":1767977409575,\"secondsFromStart\":0.1,"
      + "\"np_confidence\":0.9},{\"role\":\"np_narrator\",\"np_mood\":\"calm\"}],"
      + "\"analysis\":{\"np_sentiment\":\"positive\"}}";

  private static void assertUnknownFieldsKept(Call call) {
    assertThat(call.getId()).isEqualTo(41L);
    assertThat(call.getAdditionalProperties().keySet()).containsExactly("np_score", "np_billing");
    assertThat(call.getAdditionalProperty("np_score")).isEqualTo(0.73);
    assertThat(call.getAdditionalProperty("np_billing")).isEqualTo(Map.of("cents", 12));
    assertThat(call.getCallStatus().value()).isEqualTo("np_voicemail");
    assertThat(call.getCallStatus().isKnown()).isFalse();
    assertThat(call.getAnalysis().getAdditionalProperty("np_sentiment")).isEqualTo("positive");
    assertThat(call.getMessages().get(0).getAdditionalProperties()).containsExactly(Map.entry("np_confidence", 0.9));
    Message narrator = call.getMessages().get(1);
    assertThat(narrator.getClass()).isEqualTo(Message.class);
    assertThat(narrator.getRole()).isEqualTo("np_narrator");
    assertThat(narrator.getAdditionalProperties()).containsExactly(Map.entry("np_mood", "calm"));
  }

  @Test
  void fieldsTheModelsDoNotDeclareAreReadFromEveryAnswer() {
    listAnswers("application/json", "[" + UNKNOWN + "]");
    api.stubFor(post(urlEqualTo(CALLS)).willReturn(aResponse().withStatus(201)
        .withHeader("Content-Type", "application/json").withBody(UNKNOWN)));
    ClientDriver client = connect(api.config());
    Instant t0 = Instant.parse("2026-01-05T00:00:00Z");

    assertUnknownFieldsKept(client.list().get(0));
    assertUnknownFieldsKept(client.stream(CallQuery.between(t0, t0.plusSeconds(60))).get(0));
    assertUnknownFieldsKept(client.create(createCall()));
  }

  @Test
  void aQueryWithRawJsonGetsEachCallAsTheServerWroteIt() {
    String other = "{ \"id\" : 42, \"np_time\":1.0E3, \"np_big\":123456789012345678901234567890 }";
    listAnswers("application/json", "[ " + UNKNOWN + " , null,\n" + other + "]");
    ClientDriver client = connect(api.config());
    Instant t0 = Instant.parse("2026-01-05T00:00:00Z");
    CallQuery minute = CallQuery.between(t0, t0.plusSeconds(60));

    List<CallPage> pages = client.pages(minute.withRawJson()).all();

    assertThat(pages).singleElement().satisfies(page -> {
      assertThat(page.calls()).extracting(Call::getId).containsExactly(41L, 42L);
      // The texts, byte for byte; the JSON null in the array is no call, and has none.
      assertThat(page.rawJson()).containsExactly(UNKNOWN, other);
      assertUnknownFieldsKept(page.calls().get(0));
    });
    api.verify(1, getRequestedFor(urlPathEqualTo(CALLS)));

    CallPage plain = client.pages(minute).all().get(0);
    assertThat(plain.calls()).hasSize(2);
    assertThatThrownBy(plain::rawJson).isInstanceOf(IllegalStateException.class)
        .hasMessage("this page has no raw JSON: ask for it with CallQuery.withRawJson()");
  }
}
