package com.clarionhealth.client.reactive;

import static com.clarionhealth.client.reactive.TestSupport.BEARER;
import static com.clarionhealth.client.reactive.TestSupport.CALLS;
import static com.clarionhealth.client.reactive.TestSupport.TIMEOUT;
import static com.clarionhealth.client.reactive.TestSupport.USER_AGENT;
import static com.clarionhealth.client.reactive.TestSupport.json;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.clarionhealth.client.model.Analysis;
import com.clarionhealth.client.model.BotMessage;
import com.clarionhealth.client.model.Call;
import com.clarionhealth.client.model.CallStatus;
import com.clarionhealth.client.model.CreateCall;
import com.clarionhealth.client.model.FailureReason;
import com.clarionhealth.client.model.ToolCallMessage;
import com.clarionhealth.client.model.ToolCallResultMessage;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

/** {@code POST /call}: cold, the exact request sent, and the call decoded from the answer. */
class CreateTest {
  @RegisterExtension
  static WireMockExtension server = TestSupport.server();

  private final ReactiveClarionClient client = TestSupport.client(server).build();

  static final String PLACED = json("{"
      + "'id':4242,'assistant_id':7,"
      + "'started_at':'2026-03-01T12:00:01.250Z','ended_at':'2026-03-01T12:03:00+01:00',"
      + "'call_status':'ended','ended_reason':'customer-ended-call','transcript':'AI: Hello. User: Hi.',"
      + "'source_number':'+14155550100','destination_number':'+14155550123','call_type':'outboundPhoneCall',"
      + "'messages':["
      + "{'role':'system','message':'You are a nurse assistant.','time':0.0,'secondsFromStart':0},"
      + "{'role':'bot','message':'Hello.','time':1.5,'endTime':2.5,'secondsFromStart':1.5,'duration':1.0},"
      + "{'role':'user','message':'Hi.','time':3.0,'endTime':3.4},"
      + "{'role':'tool_calls','toolCalls':[{'id':'tc_1','type':'function',"
      + "'function':{'name':'book','arguments':'{\\'day\\':\\'mon\\'}'}}]},"
      + "{'role':'tool_call_result','toolCallId':'tc_1','name':'book','result':'booked'}],"
      + "'duration_ms':178750,"
      + "'analysis':{'repetition_count':1,'interruption_count':2,'custom':{'booked':true}},"
      + "'summary':'Booked a follow-up.','outcome':'booked','failure_reason':'declined',"
      + "'a_field_added_later':{'nested':[1,2]}}");

  static CreateCall minimal() {
    return new CreateCall().assistantId(7L).destinationPhoneNumber("+14155550123");
  }

  @Test
  void nothingIsSentBeforeSubscription() throws InterruptedException {
    server.stubFor(post(CALLS).willReturn(okJson(PLACED)));

    Mono<Call> create = client.calls().create(minimal());
    Thread.sleep(100); // a publisher that were hot would have sent by now

    assertThat(server.getAllServeEvents()).isEmpty();

    StepVerifier.create(create).expectNextCount(1).expectComplete().verify(TIMEOUT);
    assertThat(server.getAllServeEvents()).hasSize(1);
  }

  @Test
  void eachSubscriptionSendsItsOwnRequest() {
    server.stubFor(post(CALLS).willReturn(okJson(PLACED)));
    Mono<Call> create = client.calls().create(minimal());

    StepVerifier.create(create).expectNextCount(1).expectComplete().verify(TIMEOUT);
    StepVerifier.create(create).expectNextCount(1).expectComplete().verify(TIMEOUT);

    server.verify(2, postRequestedFor(urlEqualTo(CALLS)));
  }

  @Test
  void postsTheMinimalBodyInSnakeCaseWithTheHeadersAndDecodesTheCall() {
    server.stubFor(post(CALLS).willReturn(okJson(PLACED)));

    StepVerifier.create(client.calls().create(minimal()))
        .assertNext(call -> {
          assertThat(call.getId()).isEqualTo(4242L);
          assertThat(call.getAssistantId()).isEqualTo(7L);
          assertThat(call.getStartedAt()).isEqualTo(OffsetDateTime.parse("2026-03-01T12:00:01.250Z"));
          // the offset as sent, not adjusted to a time zone
          assertThat(call.getEndedAt()).isEqualTo(OffsetDateTime.parse("2026-03-01T12:03:00+01:00"));
          assertThat(call.getCallStatus()).isSameAs(CallStatus.ENDED);
          assertThat(call.getFailureReason()).isSameAs(FailureReason.DECLINED);
          assertThat(call.getEndedReason()).isEqualTo("customer-ended-call");
          assertThat(call.getTranscript()).isEqualTo("AI: Hello. User: Hi.");
          assertThat(call.getSourceNumber()).isEqualTo("+14155550100");
          assertThat(call.getDestinationNumber()).isEqualTo("+14155550123");
          assertThat(call.getCallType()).isEqualTo("outboundPhoneCall");
          assertThat(call.getDurationMs()).isEqualTo(178_750);
          assertThat(call.getSummary()).isEqualTo("Booked a follow-up.");
          assertThat(call.getOutcome()).isEqualTo("booked");
          Analysis analysis = call.getAnalysis();
          assertThat(analysis.getRepetitionCount()).isEqualTo(1);
          assertThat(analysis.getInterruptionCount()).isEqualTo(2);
          assertThat(analysis.getCustom()).containsEntry("booked", true);
        })
        .expectComplete()
        .verify(TIMEOUT);

    server.verify(1, postRequestedFor(urlEqualTo(CALLS))
        .withHeader("Authorization", equalTo(BEARER))
        .withHeader("Content-Type", equalTo("application/json"))
        .withHeader("Accept", equalTo("application/json"))
        .withHeader("User-Agent", matching(USER_AGENT))
        // strict: no other field, in particular no "name": null or "task_parameters": null
        .withRequestBody(equalToJson("{\"assistant_id\":7,\"destination_phone_number\":\"+14155550123\"}")));
    assertThat(server.getAllServeEvents().get(0).getRequest().getBodyAsString()).doesNotContain("null");
  }

  @Test
  void messagesOfEachRoleDecodeToTheirOwnClass() {
    server.stubFor(post(CALLS).willReturn(okJson(PLACED)));

    Call call = client.calls().create(minimal()).block(TIMEOUT);

    assertThat(call.getMessages()).extracting(m -> m.getClass().getSimpleName(), m -> m.getRole())
        .containsExactly(
            tuple("SystemMessage", "system"),
            tuple("BotMessage", "bot"),
            tuple("UserMessage", "user"),
            tuple("ToolCallMessage", "tool_calls"),
            tuple("ToolCallResultMessage", "tool_call_result"));
    BotMessage bot = (BotMessage) call.getMessages().get(1);
    assertThat(bot.getEndTime()).isEqualTo(2.5);
    assertThat(bot.getDuration()).isEqualTo(1.0);
    ToolCallMessage toolCalls = (ToolCallMessage) call.getMessages().get(3);
    assertThat(toolCalls.getToolCalls()).singleElement()
        .satisfies(tc -> assertThat(tc.getFunction().getArguments()).isEqualTo("{\"day\":\"mon\"}"));
    assertThat(((ToolCallResultMessage) call.getMessages().get(4)).getResult()).isEqualTo("booked");
  }

  @Test
  void sendsEveryOptionalFieldAndTheTaskParameters() {
    server.stubFor(post(CALLS).willReturn(okJson(json("{'id':1,'call_status':'queued'}"))));
    Map<String, Object> task = new LinkedHashMap<>();
    task.put("patient_first_name", "Ada");
    task.put("appointment", Map.of("day", "2026-03-02", "slots", List.of(9, 14)));

    StepVerifier.create(client.calls().create(minimal()
            .destinationPhoneNumber("+447700900123")
            .name("Post-op follow-up")
            .sourcePhoneNumberId(12L)
            .taskParameters(task)))
        .assertNext(call -> {
          assertThat(call.getId()).isEqualTo(1L);
          assertThat(call.getCallStatus()).isSameAs(CallStatus.QUEUED);
          assertThat(call.getMessages()).isNull();
        })
        .expectComplete()
        .verify(TIMEOUT);

    server.verify(1, postRequestedFor(urlEqualTo(CALLS))
        .withRequestBody(equalToJson(json("{'name':'Post-op follow-up','assistant_id':7,"
            + "'source_phone_number_id':12,'destination_phone_number':'+447700900123',"
            + "'task_parameters':{'patient_first_name':'Ada',"
            + "'appointment':{'day':'2026-03-02','slots':[9,14]}}}"))));
  }

  @Test
  void theBodyIsTakenAtAssemblySoLaterChangesAreNotSent() {
    server.stubFor(post(CALLS).willReturn(okJson(json("{'id':3}"))));
    CreateCall createCall = minimal();

    Mono<Call> create = client.calls().create(createCall);
    createCall.destinationPhoneNumber("+14155550999").name("changed after assembly");

    StepVerifier.create(create).expectNextCount(1).expectComplete().verify(TIMEOUT);
    server.verify(1, postRequestedFor(urlEqualTo(CALLS))
        .withRequestBody(equalToJson("{\"assistant_id\":7,\"destination_phone_number\":\"+14155550123\"}")));
  }
}
