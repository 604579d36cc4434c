package com.clarionhealth.client.blocking;

import static com.clarionhealth.client.blocking.TestSupport.CALLS;
import static com.clarionhealth.client.blocking.TestSupport.callJson;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.clarionhealth.client.ClarionDecodingException;
import com.clarionhealth.client.ListCallsParams;
import com.clarionhealth.client.blocking.TestSupport.RecordingSleeper;
import com.clarionhealth.client.model.Call;
import com.clarionhealth.client.model.CreateCall;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** 2xx bodies that are not what they should be fail as decoding errors, never as NPEs; big ones decode. */
class DecodingTest {
  @RegisterExtension
  static WireMockExtension server = TestSupport.server();

  private final RecordingSleeper sleeper = new RecordingSleeper();
  private final ClarionClient client = TestSupport.client(server, sleeper).build();

  @Test
  void anHtmlPageFromAProxyIsADecodingErrorWithASnippet() {
    server.stubFor(get(urlPathEqualTo(CALLS)).willReturn(aResponse().withStatus(200)
        .withHeader("Content-Type", "text/html; charset=utf-8").withHeader("x-request-id", "req_html")
        .withBody("<html><body><h1>Welcome to the captive portal</h1></body></html>")));

    ClarionDecodingException e = catchThrowableOfType(ClarionDecodingException.class, () -> client.calls().list());

    assertThat(e.statusCode()).isEqualTo(200);
    assertThat(e.contentType()).contains("text/html; charset=utf-8");
    assertThat(e.requestId()).contains("req_html");
    assertThat(e.body()).contains("captive portal");
    assertThat(e.getMessage()).contains("200").contains("GET /call").contains("text/html").contains("captive portal");
    assertThat(e.callMayHaveBeenPlaced()).isFalse();
    server.verify(1, getRequestedFor(urlEqualTo(CALLS))); // not retried: the server did answer
    assertThat(sleeper.sleeps).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "[{\"id\":1,\"call_status\":\"ended\"},{\"id\":2,\"call_st", // cut mid-object
      "[{\"id\":1},", // cut mid-array
      "[", "", "{\"error\":\"not a list\"}", "null", "[1,2]", "[{\"id\":\"not a number\"}]", "[] trailing"})
  void aListBodyThatIsNotAnArrayOfCallsIsADecodingError(String body) {
    server.stubFor(get(urlPathEqualTo(CALLS)).willReturn(okJson(body)));

    ClarionDecodingException e = catchThrowableOfType(ClarionDecodingException.class, () -> client.calls().list());

    assertThat(e.statusCode()).isEqualTo(200);
    assertThat(e.body()).isEqualTo(body);
    assertThat(e.getCause()).isNotNull().isNotInstanceOf(NullPointerException.class);
    server.verify(1, getRequestedFor(urlEqualTo(CALLS)));
  }

  @Test
  void anUndecodableCreateAnswerSaysTheCallMayHaveBeenPlaced() {
    server.stubFor(post(CALLS).willReturn(aResponse().withStatus(201).withHeader("Content-Type", "text/plain")
        .withBody("Created")));

    ClarionDecodingException e = catchThrowableOfType(ClarionDecodingException.class,
        () -> client.calls().create(new CreateCall().assistantId(7L).destinationPhoneNumber("+14155550123")));

    assertThat(e.statusCode()).isEqualTo(201);
    assertThat(e.callMayHaveBeenPlaced()).isTrue();
    assertThat(e.getMessage()).contains("may have been placed");
    server.verify(1, postRequestedFor(urlEqualTo(CALLS)));
  }

  @ParameterizedTest
  @ValueSource(strings = {"null", "", "[]"})
  void aCreateAnswerThatIsNoCallIsADecodingError(String body) {
    server.stubFor(post(CALLS).willReturn(okJson(body)));

    ClarionDecodingException e = catchThrowableOfType(ClarionDecodingException.class,
        () -> client.calls().create(new CreateCall().assistantId(7L).destinationPhoneNumber("+14155550123")));

    assertThat(e.callMayHaveBeenPlaced()).isTrue();
    server.verify(1, postRequestedFor(urlEqualTo(CALLS)));
  }

  @Test
  void aJsonBodyWithoutContentTypeStillDecodes() {
    server.stubFor(get(urlPathEqualTo(CALLS)).willReturn(aResponse().withStatus(200).withBody("[" + callJson(5) + "]")));

    assertThat(client.calls().list()).extracting(Call::getId).containsExactly(5L);

    server.verify(1, getRequestedFor(urlEqualTo(CALLS)));
  }

  @Test
  void aTwentyMegabytePageOfLongTranscriptsDecodes() {
    String line = "User: I have been taking the medication twice a day as prescribed. ";
    String transcript = line.repeat(20 * 1024 / line.length());
    String huge = line.repeat(1024 * 1024 / line.length());
    StringBuilder body = new StringBuilder(22 * 1024 * 1024).append('[');
    for (int i = 1; i <= 1000; i++) {
      body.append(i == 1 ? "" : ",").append("{\"id\":").append(i).append(",\"call_status\":\"ended\",\"transcript\":\"")
          .append(i == 500 ? huge : transcript).append("\"}");
    }
    body.append(']');
    assertThat(body.length()).isGreaterThan(20_000_000);
    server.stubFor(get(urlPathEqualTo(CALLS)).willReturn(okJson(body.toString())));

    List<Call> calls = client.calls().list(ListCallsParams.builder().limit(1000).build());

    assertThat(calls).hasSize(1000);
    assertThat(calls.get(0).getTranscript()).isEqualTo(transcript);
    assertThat(calls.get(499).getTranscript()).hasSize(huge.length()).startsWith("User: I have");
    assertThat(calls.get(999).getId()).isEqualTo(1000L);
    server.verify(1, getRequestedFor(urlEqualTo(CALLS + "?limit=1000")));
  }
}
