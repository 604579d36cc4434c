package com.clarionhealth.client.contract;

import static com.clarionhealth.client.contract.ContractSupport.BEARER;
import static com.clarionhealth.client.contract.ContractSupport.CALLS;
import static com.clarionhealth.client.contract.ContractSupport.TIMEOUT;
import static com.clarionhealth.client.contract.ContractSupport.callJson;
import static com.clarionhealth.client.contract.ContractSupport.json;
import static com.clarionhealth.client.contract.ContractSupport.page;
import static com.clarionhealth.client.contract.ContractSupport.userAgent;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.clarionhealth.client.ListCallsParams;
import com.clarionhealth.client.model.BotMessage;
import com.clarionhealth.client.model.Call;
import com.clarionhealth.client.model.CallStatus;
import com.clarionhealth.client.model.FailureReason;
import com.clarionhealth.client.model.Message;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@code GET /call} as exactly one request: the query sent, and what decodes. */
public abstract class ListContract extends ClientContract {
  @RegisterExtension
  protected static final FakeApi api = new FakeApi();

  @Test
  void listWithoutParametersSendsExactlyOneGetWithNoQuery() {
    api.stubFor(get(urlPathEqualTo(CALLS)).willReturn(okJson(page(1, 2))));
    ClientDriver client = connect(api.config());

    List<Call> calls = client.list();

    api.verify(1, getRequestedFor(urlEqualTo(CALLS))
        .withHeader("Authorization", equalTo(BEARER))
        .withHeader("Accept", equalTo("application/json"))
        .withHeader("User-Agent", matching(userAgent(client.name())))
        .withHeader("Content-Type", absent()));
    assertThat(api.served()).singleElement().satisfies(e -> assertThat(e.getRequest().getBody()).isEmpty());
    assertThat(calls).extracting(Call::getId).containsExactly(1L, 2L);
    assertThat(calls).extracting(Call::getCallStatus).containsOnly(CallStatus.ENDED);
  }

  @Test
  void listSendsLimitAndBoundsAsUtcMillisecondsPercentEncoded() {
    api.stubFor(get(urlPathEqualTo(CALLS)).willReturn(okJson(page(9))));
    ClientDriver client = connect(api.config());

    List<Call> calls = client.list(ListCallsParams.builder()
        .limit(250)
        .createdAtGe(Instant.parse("2026-01-01T00:00:00Z"))
        // sub-millisecond precision is cut to the millisecond the API takes
        .createdAtLe(Instant.parse("2026-01-31T23:59:59.999999Z"))
        .build());

    api.verify(1, getRequestedFor(urlPathEqualTo(CALLS))
        .withHeader("Authorization", equalTo(BEARER))
        .withQueryParam("limit", equalTo("250"))
        .withQueryParam("createdAtGe", equalTo("2026-01-01T00:00:00.000Z"))
        .withQueryParam("createdAtLe", equalTo("2026-01-31T23:59:59.999Z")));
    assertThat(api.served()).singleElement().satisfies(e -> assertThat(e.getRequest().getUrl()).isEqualTo(CALLS
        + "?limit=250&createdAtGe=2026-01-01T00%3A00%3A00.000Z&createdAtLe=2026-01-31T23%3A59%3A59.999Z"));
    assertThat(calls).extracting(Call::getId).containsExactly(9L);
  }

  @Test
  void onlyTheParametersSetAreSentInUtc() {
    api.stubFor(get(urlPathEqualTo(CALLS)).willReturn(okJson("[]")));
    ClientDriver client = connect(api.config());

    List<Call> calls = client.list(ListCallsParams.builder()
        .createdAtLe(OffsetDateTime.parse("2026-01-01T08:30:00+05:00").toInstant())
        .build());

    assertThat(api.served()).singleElement().satisfies(e ->
        assertThat(e.getRequest().getUrl()).isEqualTo(CALLS + "?createdAtLe=2026-01-01T03%3A30%3A00.000Z"));
    assertThat(calls).isEmpty();
  }

  @Test
  void listSendsOneRequestEvenWhenThePageIsFull() {
    api.stubFor(get(urlPathEqualTo(CALLS)).willReturn(okJson(page(LongStream.rangeClosed(1, 100).toArray()))));
    ClientDriver client = connect(api.config());

    assertThat(client.list()).hasSize(100);

    assertThat(api.served()).hasSize(1); // list never pages: that is stream's job
  }

  @Test
  void unknownStatusesReasonsRolesAndFieldsDecodeAndANullElementIsSkipped() {
    api.stubFor(get(urlPathEqualTo(CALLS)).willReturn(okJson(json("[{'id':1,"
        + "'call_status':'np_voicemail','failure_reason':'np_line-busy',"
        + "'np_field_added_later':{'x':[1,{'y':null}]},"
        + "'messages':[{'role':'np_narrator','message':'(silence)','time':1.0,'np_volume':11},"
        + "{'role':'bot','message':'Hello?'}]},"
        + "null,"
        + "{'id':2,'call_status':'ended'}]"))));
    ClientDriver client = connect(api.config());

    List<Call> calls = client.list();

    api.verify(1, getRequestedFor(urlEqualTo(CALLS)));
    assertThat(calls).hasSize(2); // a JSON null element is no call; the page goes on
    Call call = calls.get(0);
    assertThat(call.getId()).isEqualTo(1L);
    assertThat(call.getCallStatus().value()).isEqualTo("np_voicemail");
    assertThat(call.getCallStatus().isKnown()).isFalse();
    assertThat(call.getCallStatus()).isEqualTo(CallStatus.of("np_voicemail"));
    assertThat(call.getFailureReason().value()).isEqualTo("np_line-busy");
    assertThat(call.getFailureReason()).isEqualTo(FailureReason.of("np_line-busy")).isNotEqualTo(FailureReason.DECLINED);
    Message narrator = call.getMessages().get(0);
    assertThat(narrator.getClass()).isEqualTo(Message.class); // an unknown role: the base type
    assertThat(narrator.getRole()).isEqualTo("np_narrator");
    assertThat(narrator.getMessage()).isEqualTo("(silence)");
    assertThat(call.getMessages().get(1)).isInstanceOf(BotMessage.class);
    assertThat(calls.get(1).getId()).isEqualTo(2L);
    assertThat(calls.get(1).getCallStatus()).isSameAs(CallStatus.ENDED);
  }

  @Test
  void aNullElementInTheArrayIsSkipped() {
    api.stubFor(get(urlPathEqualTo(CALLS)).willReturn(okJson("[" + callJson(1) + ",null," + callJson(3) + "]")));
    ClientDriver client = connect(api.config());

    List<Call> calls = client.list(ListCallsParams.builder().limit(3).build());

    api.verify(1, getRequestedFor(urlEqualTo(CALLS + "?limit=3")));
    assertThat(calls).extracting(Call::getId).containsExactly(1L, 3L);
  }

  @Test
  void anEmptyArrayIsAnEmptyList() {
    api.stubFor(get(urlPathEqualTo(CALLS)).willReturn(okJson("[ ]")));
    ClientDriver client = connect(api.config());

    assertThat(client.list()).isEmpty();

    api.verify(1, getRequestedFor(urlEqualTo(CALLS)));
  }

  @Test
  void oneClientServesManyThreadsAtOnce() throws Exception {
    api.stubFor(get(urlPathEqualTo(CALLS)).willReturn(okJson(page(1))));
    ClientDriver client = connect(api.config());
    ExecutorService threads = Executors.newFixedThreadPool(8);
    try {
      List<Future<List<Call>>> results = new ArrayList<>();
      for (int i = 0; i < 80; i++) {
        results.add(threads.submit(() -> client.list()));
      }
      for (Future<List<Call>> result : results) {
        assertThat(result.get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)).extracting(Call::getId).containsExactly(1L);
      }
    } finally {
      threads.shutdownNow();
    }

    api.verify(80, getRequestedFor(urlEqualTo(CALLS)).withHeader("Authorization", equalTo(BEARER)));
  }
}
