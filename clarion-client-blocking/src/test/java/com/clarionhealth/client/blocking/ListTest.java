package com.clarionhealth.client.blocking;

import static com.clarionhealth.client.blocking.TestSupport.BEARER;
import static com.clarionhealth.client.blocking.TestSupport.CALLS;
import static com.clarionhealth.client.blocking.TestSupport.callJson;
import static com.clarionhealth.client.blocking.TestSupport.json;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.clarionhealth.client.ListCallsParams;
import com.clarionhealth.client.blocking.TestSupport.RecordingSleeper;
import com.clarionhealth.client.model.BotMessage;
import com.clarionhealth.client.model.Call;
import com.clarionhealth.client.model.CallStatus;
import com.clarionhealth.client.model.FailureReason;
import com.clarionhealth.client.model.Message;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@code GET /call} as one request: the query sent, and what decodes. */
class ListTest {
  @RegisterExtension
  static WireMockExtension server = TestSupport.server();

  private final ClarionClient client = TestSupport.client(server, new RecordingSleeper()).build();

  @Test
  void listWithoutParametersSendsNoQuery() {
    server.stubFor(get(urlPathEqualTo(CALLS)).willReturn(okJson("[" + callJson(1) + "," + callJson(2) + "]")));

    List<Call> calls = client.calls().list();

    server.verify(1, getRequestedFor(urlEqualTo(CALLS))
        .withHeader("Authorization", equalTo(BEARER))
        .withHeader("Accept", equalTo("application/json"))
        .withHeader("Content-Type", absent()));
    assertThat(server.getAllServeEvents().get(0).getRequest().getBody()).isEmpty();
    assertThat(calls).extracting(Call::getId).containsExactly(1L, 2L);
    assertThat(calls).extracting(Call::getCallStatus).containsOnly(CallStatus.ENDED);
  }

  @Test
  void listSendsLimitAndBoundsAsUtcMillisecondsPercentEncoded() {
    server.stubFor(get(urlPathEqualTo(CALLS)).willReturn(okJson("[" + callJson(9) + "]")));

    List<Call> calls = client.calls().list(ListCallsParams.builder()
        .limit(250)
        .createdAtGe(Instant.parse("2026-01-01T00:00:00Z"))
        // sub-millisecond precision is cut to the millisecond the API takes
        .createdAtLe(Instant.parse("2026-01-31T23:59:59.999999Z"))
        .build());

    server.verify(1, getRequestedFor(urlPathEqualTo(CALLS))
        .withHeader("Authorization", equalTo(BEARER))
        .withQueryParam("limit", equalTo("250"))
        .withQueryParam("createdAtGe", equalTo("2026-01-01T00:00:00.000Z"))
        .withQueryParam("createdAtLe", equalTo("2026-01-31T23:59:59.999Z")));
    assertThat(server.getAllServeEvents().get(0).getRequest().getUrl()).isEqualTo(CALLS
        + "?limit=250&createdAtGe=2026-01-01T00%3A00%3A00.000Z&createdAtLe=2026-01-31T23%3A59%3A59.999Z");
    assertThat(calls).extracting(Call::getId).containsExactly(9L);
  }

  @Test
  void onlyTheParametersSetAreSentInUtc() {
    server.stubFor(get(urlPathEqualTo(CALLS)).willReturn(okJson("[]")));

    List<Call> calls = client.calls().list(ListCallsParams.builder()
        .createdAtLe(OffsetDateTime.parse("2026-01-01T08:30:00+05:00").toInstant())
        .build());

    server.verify(1, getRequestedFor(urlEqualTo(CALLS + "?createdAtLe=2026-01-01T03%3A30%3A00.000Z")));
    assertThat(calls).isEmpty();
  }

  @Test
  void unknownStatusesAndRolesDecodeWithoutFailing() {
    server.stubFor(get(urlPathEqualTo(CALLS)).willReturn(okJson(json("[{'id':1,'call_status':'voicemail',"
        + "'failure_reason':'line-busy','messages':[{'role':'narrator','message':'(silence)','time':1.0},"
        + "{'role':'bot','message':'Hello?'}]}]"))));

    List<Call> calls = client.calls().list();

    server.verify(1, getRequestedFor(urlEqualTo(CALLS)));
    Call call = calls.get(0);
    assertThat(call.getCallStatus().value()).isEqualTo("voicemail");
    assertThat(call.getCallStatus().isKnown()).isFalse();
    assertThat(call.getCallStatus()).isEqualTo(CallStatus.of("voicemail"));
    assertThat(call.getFailureReason().value()).isEqualTo("line-busy");
    assertThat(call.getFailureReason()).isNotEqualTo(FailureReason.DECLINED);
    Message narrator = call.getMessages().get(0);
    assertThat(narrator.getClass()).isEqualTo(Message.class);
    assertThat(narrator.getRole()).isEqualTo("narrator");
    assertThat(narrator.getMessage()).isEqualTo("(silence)");
    assertThat(call.getMessages().get(1)).isInstanceOf(BotMessage.class);
  }

  @Test
  void aNullElementInTheArrayIsSkipped() {
    server.stubFor(get(urlPathEqualTo(CALLS)).willReturn(okJson("[" + callJson(1) + ",null," + callJson(3) + "]")));

    List<Call> calls = client.calls().list(ListCallsParams.builder().limit(3).build());

    server.verify(1, getRequestedFor(urlEqualTo(CALLS + "?limit=3")));
    assertThat(calls).extracting(Call::getId).containsExactly(1L, 3L);
  }

  @Test
  void oneClientServesManyThreadsAtOnce() throws Exception {
    server.stubFor(get(urlPathEqualTo(CALLS)).willReturn(okJson("[" + callJson(1) + "]")));
    ExecutorService threads = Executors.newFixedThreadPool(8);
    try {
      List<Future<List<Call>>> results = new ArrayList<>();
      for (int i = 0; i < 80; i++) {
        results.add(threads.submit(() -> client.calls().list()));
      }
      for (Future<List<Call>> result : results) {
        assertThat(result.get(10, TimeUnit.SECONDS)).extracting(Call::getId).containsExactly(1L);
      }
    } finally {
      threads.shutdownNow();
    }

    server.verify(80, getRequestedFor(urlEqualTo(CALLS)).withHeader("Authorization", equalTo(BEARER)));
  }
}
