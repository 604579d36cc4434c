package com.clarionhealth.client.reactive;

import static com.clarionhealth.client.reactive.TestSupport.CALLS;
import static com.clarionhealth.client.reactive.TestSupport.TIMEOUT;
import static com.clarionhealth.client.reactive.TestSupport.callJson;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.clarionhealth.client.CallQuery;
import com.clarionhealth.client.ClarionApiException;
import com.clarionhealth.client.ClarionDecodingException;
import com.clarionhealth.client.model.Call;
import com.clarionhealth.client.model.CreateCall;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.time.Instant;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

/**
 * A 2xx answer that cannot be read is a {@link ClarionDecodingException} with a bounded snippet of
 * the body, never a raw Jackson, Spring or null-pointer exception; a big page is read call by call.
 */
class DecodingTest {
  @RegisterExtension
  static WireMockExtension server = TestSupport.server();

  private final ReactiveClarionClient client = TestSupport.client(server).build();

  static CreateCall createCall() {
    return new CreateCall().assistantId(7L).destinationPhoneNumber("+14155550123");
  }

  static void listAnswers(String contentType, String body) {
    server.stubFor(get(urlPathEqualTo(CALLS)).willReturn(aResponse().withStatus(200)
        .withHeader("Content-Type", contentType).withHeader("x-request-id", "req_dec").withBody(body)));
  }

  static Consumer<Throwable> decodingFailure(Consumer<ClarionDecodingException> more) {
    return e -> {
      assertThat(e).isInstanceOf(ClarionDecodingException.class);
      ClarionDecodingException d = (ClarionDecodingException) e;
      assertThat(d.statusCode()).isEqualTo(200);
      assertThat(d.getCause()).isNotNull().isNotInstanceOf(NullPointerException.class);
      more.accept(d);
    };
  }

  @Test
  void anHtmlPageIsRefusedWithASnippet() {
    listAnswers("text/html; charset=utf-8",
        "<html><body><h1>502 Bad Gateway</h1>" + "<p>nginx</p>".repeat(2000) + "</body></html>");

    StepVerifier.create(client.calls().list())
        .expectErrorSatisfies(decodingFailure(d -> {
          assertThat(d.getMessage())
              .startsWith("could not decode the 200 OK response to GET /call (request id req_dec, "
                  + "content type text/html; charset=utf-8): <html><body><h1>502 Bad Gateway</h1>")
              .hasSizeLessThan(500);
          assertThat(d.contentType()).contains("text/html; charset=utf-8");
          assertThat(d.requestId()).contains("req_dec");
          assertThat(d.body()).startsWith("<html>").hasSizeLessThanOrEqualTo(ClarionApiException.MAX_BODY_BYTES);
          assertThat(d.callMayHaveBeenPlaced()).isFalse();
        }))
        .verify(TIMEOUT);
    assertThat(server.getAllServeEvents()).hasSize(1); // not retried: the server did answer
  }

  @ParameterizedTest
  @ValueSource(strings = {"[" + "{\"id\":1,\"call_status\":\"ended\"},{\"id\":", "[{\"id\":1}", "{\"id\":1}",
      "{\"calls\":[]}", "\"text\"", "42", "[{\"id\":\"not-a-number\"}]", "[1,2]", "not json at all", "  \n ", "[{\"id\":1}] {\"id\":2}"})
  void aListBodyThatIsNotAnArrayOfCallsIsRefused(String body) {
    listAnswers("application/json", body);

    StepVerifier.create(client.calls().list())
        .expectErrorSatisfies(decodingFailure(d -> assertThat(d.body()).isEqualTo(body)))
        .verify(TIMEOUT);
  }

  @Test
  void anEmptyListBodyIsRefusedNotTakenForAnEmptyPage() {
    // an empty 200 is not "no calls": a stream taking it for a short page would skip a whole window
    listAnswers("application/json", "");

    StepVerifier.create(client.calls().list())
        .expectErrorSatisfies(decodingFailure(d -> assertThat(d.body()).isEmpty()))
        .verify(TIMEOUT);
  }

  @Test
  void aStreamFailsRatherThanSkipAWindowWhoseAnswerIsEmpty() {
    listAnswers("application/json", "");
    Instant t0 = Instant.parse("2026-01-01T00:00:00Z");

    StepVerifier.create(client.calls().stream(CallQuery.between(t0, t0.plusSeconds(60))))
        .expectError(ClarionDecodingException.class)
        .verify(TIMEOUT);
  }

  @Test
  void aCreateAnswerThatIsCutShortSaysTheCallMayHaveBeenPlaced() {
    server.stubFor(post(CALLS).willReturn(okJson("{\"id\":1,\"call_status\":")));

    StepVerifier.create(client.calls().create(createCall()))
        .expectErrorSatisfies(decodingFailure(d -> {
          assertThat(d.callMayHaveBeenPlaced()).isTrue();
          assertThat(d.getMessage()).contains("the call may have been placed");
          assertThat(d.method()).isEqualTo("POST");
        }))
        .verify(TIMEOUT);
    assertThat(server.getAllServeEvents()).hasSize(1);
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "[]", "null", "<html>ok</html>"})
  void aCreateAnswerThatIsNoCallIsRefused(String body) {
    server.stubFor(post(CALLS).willReturn(aResponse().withStatus(201)
        .withHeader("Content-Type", body.startsWith("<") ? "text/html" : "application/json").withBody(body)));

    StepVerifier.create(client.calls().create(createCall()))
        .expectErrorSatisfies(e -> {
          assertThat(e).isInstanceOf(ClarionDecodingException.class);
          assertThat(((ClarionDecodingException) e).statusCode()).isEqualTo(201);
          assertThat(((ClarionDecodingException) e).callMayHaveBeenPlaced()).isTrue();
        })
        .verify(TIMEOUT);
    assertThat(server.getAllServeEvents()).hasSize(1);
  }

  @Test
  void jsonWithoutAContentTypeOrWithAVendorTypeIsRead() {
    server.stubFor(get(urlPathEqualTo(CALLS)).willReturn(aResponse().withBody("[" + callJson(5) + "]")));
    StepVerifier.create(client.calls().list().map(Call::getId)).expectNext(5L).expectComplete().verify(TIMEOUT);

    listAnswers("application/vnd.clarion+json; charset=utf-8", "[" + callJson(6) + "]");
    StepVerifier.create(client.calls().list().map(Call::getId)).expectNext(6L).expectComplete().verify(TIMEOUT);
  }

  @Test
  void aTwentyMegabytePageIsReadCallByCall() {
    StringBuilder page = new StringBuilder(21 * 1024 * 1024).append('[');
    String transcript = "AI: How are you feeling today? User: Better, thank you. ".repeat(360); // ~20 KB
    for (int i = 1; i <= 1000; i++) {
      String text = i == 500 ? "y".repeat(1024 * 1024) : transcript; // one of 1 MB
      page.append(i == 1 ? "" : ",").append("{\"id\":").append(i)
          .append(",\"call_status\":\"ended\",\"transcript\":\"").append(text).append("\"}");
    }
    String body = page.append(']').toString();
    assertThat(body.length()).isGreaterThan(20 * 1000 * 1000);
    listAnswers("application/json", body);

    StepVerifier.create(client.calls().list().map(call -> call.getTranscript().length()).collectList())
        .assertNext(lengths -> {
          assertThat(lengths).hasSize(1000);
          assertThat(lengths.get(499)).isEqualTo(1024 * 1024);
          assertThat(lengths.get(0)).isEqualTo(transcript.length());
        })
        .expectComplete()
        .verify(TIMEOUT);
  }

  @Test
  void aCallLargerThanMaxCallSizeIsRefused() {
    ReactiveClarionClient small = TestSupport.client(server).maxCallSize(64 * 1024).build();
    listAnswers("application/json", "[" + callJson(1) + ",{\"id\":2,\"transcript\":\""
        + "z".repeat(100 * 1024) + "\"}," + callJson(3) + "]");

    StepVerifier.create(small.calls().list())
        .expectErrorSatisfies(decodingFailure(d -> {
          // Refused by the client's own splitter while the page arrives, before the page ends.
          assertThat(d).rootCause().hasMessageContaining("larger than maxCallSize (65536 bytes)");
          assertThat(d.getMessage()).hasSizeLessThan(500);
          assertThat(d.body().length()).isLessThanOrEqualTo(ClarionApiException.MAX_BODY_BYTES);
        }))
        .verify(TIMEOUT);

    // a call just under the limit is fine
    listAnswers("application/json", "[{\"id\":2,\"transcript\":\"" + "z".repeat(60 * 1024) + "\"}]");
    StepVerifier.create(small.calls().list().map(Call::getId)).expectNext(2L).expectComplete().verify(TIMEOUT);
  }

  @Test
  void aCreatedCallLargerThanMaxCallSizeIsRefused() {
    ReactiveClarionClient small = TestSupport.client(server).maxCallSize(64 * 1024).build();
    server.stubFor(post(CALLS).willReturn(okJson("{\"id\":2,\"transcript\":\"" + "z".repeat(100 * 1024) + "\"}")));

    StepVerifier.create(small.calls().create(createCall()).then(Mono.just("done")))
        .expectErrorSatisfies(e -> {
          assertThat(e).isInstanceOf(ClarionDecodingException.class);
          assertThat(e).rootCause().hasMessageContaining("larger than maxCallSize (65536 bytes)");
        })
        .verify(TIMEOUT);
  }
}
