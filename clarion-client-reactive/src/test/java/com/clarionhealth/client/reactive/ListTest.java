package com.clarionhealth.client.reactive;

import static com.clarionhealth.client.reactive.TestSupport.BEARER;
import static com.clarionhealth.client.reactive.TestSupport.CALLS;
import static com.clarionhealth.client.reactive.TestSupport.TIMEOUT;
import static com.clarionhealth.client.reactive.TestSupport.USER_AGENT;
import static com.clarionhealth.client.reactive.TestSupport.callJson;
import static com.clarionhealth.client.reactive.TestSupport.json;
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
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.time.Instant;
import java.time.OffsetDateTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import reactor.core.publisher.Flux;
import reactor.test.StepVerifier;

/** {@code GET /call} as one request: cold, the query sent, and what decodes. */
class ListTest {
  @RegisterExtension
  static WireMockExtension server = TestSupport.server();

  private final ReactiveClarionClient client = TestSupport.client(server).build();

  @Test
  void listWithoutParametersSendsExactlyOneGetWithNoQuery() throws InterruptedException {
    server.stubFor(get(urlPathEqualTo(CALLS)).willReturn(okJson("[" + callJson(1) + "," + callJson(2) + "]")));

    Flux<Call> list = client.calls().list();
    Thread.sleep(50);
    assertThat(server.getAllServeEvents()).isEmpty(); // cold

    StepVerifier.create(list.map(Call::getId)).expectNext(1L, 2L).expectComplete().verify(TIMEOUT);

    server.verify(1, getRequestedFor(urlEqualTo(CALLS))
        .withHeader("Authorization", equalTo(BEARER))
        .withHeader("Accept", equalTo("application/json"))
        .withHeader("User-Agent", matching(USER_AGENT))
        .withHeader("Content-Type", absent()));
    assertThat(server.getAllServeEvents()).hasSize(1);
    assertThat(server.getAllServeEvents().get(0).getRequest().getBody()).isEmpty();
  }

  @Test
  void listSendsLimitAndBoundsAsUtcMillisecondsPercentEncoded() {
    server.stubFor(get(urlPathEqualTo(CALLS)).willReturn(okJson("[" + callJson(9) + "]")));

    StepVerifier.create(client.calls().list(ListCallsParams.builder()
            .limit(250)
            .createdAtGe(Instant.parse("2026-01-01T00:00:00Z"))
            // sub-millisecond precision is cut to the millisecond the API takes
            .createdAtLe(Instant.parse("2026-01-31T23:59:59.999999Z"))
            .build()).map(Call::getId))
        .expectNext(9L)
        .expectComplete()
        .verify(TIMEOUT);

    server.verify(1, getRequestedFor(urlPathEqualTo(CALLS))
        .withHeader("Authorization", equalTo(BEARER))
        .withQueryParam("limit", equalTo("250"))
        .withQueryParam("createdAtGe", equalTo("2026-01-01T00:00:00.000Z"))
        .withQueryParam("createdAtLe", equalTo("2026-01-31T23:59:59.999Z")));
    assertThat(server.getAllServeEvents()).hasSize(1);
    assertThat(server.getAllServeEvents().get(0).getRequest().getUrl()).isEqualTo(CALLS
        + "?limit=250&createdAtGe=2026-01-01T00%3A00%3A00.000Z&createdAtLe=2026-01-31T23%3A59%3A59.999Z");
  }

  @Test
  void onlyTheParametersSetAreSentInUtc() {
    server.stubFor(get(urlPathEqualTo(CALLS)).willReturn(okJson("[]")));

    StepVerifier.create(client.calls().list(ListCallsParams.builder()
            .createdAtLe(OffsetDateTime.parse("2026-01-01T08:30:00+05:00").toInstant())
            .build()))
        .expectComplete()
        .verify(TIMEOUT);

    assertThat(server.getAllServeEvents()).singleElement().satisfies(e ->
        assertThat(e.getRequest().getUrl()).isEqualTo(CALLS + "?createdAtLe=2026-01-01T03%3A30%3A00.000Z"));
  }

  @Test
  void listSendsOneRequestEvenWhenThePageIsFull() {
    StringBuilder page = new StringBuilder("[");
    for (int i = 1; i <= 100; i++) {
      page.append(i == 1 ? "" : ",").append(callJson(i));
    }
    server.stubFor(get(urlPathEqualTo(CALLS)).willReturn(okJson(page.append(']').toString())));

    StepVerifier.create(client.calls().list()).expectNextCount(100).expectComplete().verify(TIMEOUT);

    assertThat(server.getAllServeEvents()).hasSize(1); // list never pages: that is stream's job
  }

  @Test
  void unknownStatusesReasonsRolesAndFieldsDecode() {
    server.stubFor(get(urlPathEqualTo(CALLS)).willReturn(okJson(json("[{'id':1,"
        + "'call_status':'on-hold-with-music','failure_reason':'abducted-by-aliens',"
        + "'a_field_added_later':{'x':[1,{'y':null}]},"
        + "'messages':[{'role':'narrator','message':'Meanwhile...','time':1.0,'volume':11},"
        + "{'role':'bot','message':'Hello.','time':2.0}]},"
        + "null,"
        + "{'id':2,'call_status':'ended'}]"))));

    StepVerifier.create(client.calls().list())
        .assertNext(call -> {
          assertThat(call.getId()).isEqualTo(1L);
          assertThat(call.getCallStatus()).isEqualTo(CallStatus.of("on-hold-with-music"));
          assertThat(call.getCallStatus().value()).isEqualTo("on-hold-with-music");
          assertThat(call.getFailureReason()).isEqualTo(FailureReason.of("abducted-by-aliens"));
          Message narrator = call.getMessages().get(0);
          assertThat(narrator.getClass()).isEqualTo(Message.class); // an unknown role: the base type
          assertThat(narrator.getRole()).isEqualTo("narrator");
          assertThat(narrator.getMessage()).isEqualTo("Meanwhile...");
          assertThat(call.getMessages().get(1)).isInstanceOf(BotMessage.class);
        })
        // a JSON null element is no call; the page goes on
        .assertNext(call -> assertThat(call.getCallStatus()).isSameAs(CallStatus.ENDED))
        .expectComplete()
        .verify(TIMEOUT);
  }

  @Test
  void anEmptyArrayIsAnEmptyFlux() {
    server.stubFor(get(urlPathEqualTo(CALLS)).willReturn(okJson("[ ]")));

    StepVerifier.create(client.calls().list()).expectComplete().verify(TIMEOUT);
  }
}
