package com.clarionhealth.client.contract;

import static com.clarionhealth.client.contract.ContractSupport.BEARER;
import static com.clarionhealth.client.contract.ContractSupport.CALLS;
import static com.clarionhealth.client.contract.ContractSupport.CREATE_CALL_BODY;
import static com.clarionhealth.client.contract.ContractSupport.createCall;
import static com.clarionhealth.client.contract.ContractSupport.json;
import static com.clarionhealth.client.contract.ContractSupport.userAgent;
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
import com.clarionhealth.client.model.SystemMessage;
import com.clarionhealth.client.model.ToolCallMessage;
import com.clarionhealth.client.model.ToolCallResultMessage;
import com.clarionhealth.client.model.UserMessage;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@code POST /call}: the exact request sent, and the call decoded from the answer. */
public abstract class CreateContract extends ClientContract {
  @RegisterExtension
  protected static final FakeApi api = new FakeApi();

  /** A placed call with every field, messages of each role, and a field the models do not know. */
  public static final String PLACED = json("{"
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
      + "'np_field_added_later':{'nested':[1,2]}}");

  @Test
  void postsTheMinimalBodyInSnakeCaseWithTheHeadersAndDecodesTheCall() {
    api.stubFor(post(CALLS).willReturn(okJson(PLACED)));
    ClientDriver client = connect(api.config());

    Call call = client.create(createCall());

    api.verify(1, postRequestedFor(urlEqualTo(CALLS))
        .withHeader("Authorization", equalTo(BEARER))
        .withHeader("Content-Type", equalTo("application/json"))
        .withHeader("Accept", equalTo("application/json"))
        .withHeader("User-Agent", matching(userAgent(client.name())))
        // strict: no other field, in particular no "name": null or "task_parameters": null
        .withRequestBody(equalToJson(CREATE_CALL_BODY)));
    assertThat(api.served()).singleElement()
        .satisfies(e -> assertThat(e.getRequest().getBodyAsString()).doesNotContain("null"));
    assertThat(client.waits()).isEmpty();

    assertThat(call.getId()).isEqualTo(4242L);
    assertThat(call.getAssistantId()).isEqualTo(7L);
    assertThat(call.getStartedAt()).isEqualTo(OffsetDateTime.parse("2026-03-01T12:00:01.250Z"));
    assertThat(call.getEndedAt()).isEqualTo(OffsetDateTime.parse("2026-03-01T12:03:00+01:00"));
    assertThat(call.getEndedAt().getOffset()).isEqualTo(ZoneOffset.ofHours(1)); // as sent, not shifted to UTC
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
  }

  @Test
  void messagesOfEachRoleDecodeToTheirOwnClass() {
    api.stubFor(post(CALLS).willReturn(okJson(PLACED)));
    ClientDriver client = connect(api.config());

    Call call = client.create(createCall());

    api.verify(1, postRequestedFor(urlEqualTo(CALLS)));
    assertThat(call.getMessages()).extracting(m -> m.getClass().getSimpleName(), m -> m.getRole())
        .containsExactly(
            tuple("SystemMessage", "system"),
            tuple("BotMessage", "bot"),
            tuple("UserMessage", "user"),
            tuple("ToolCallMessage", "tool_calls"),
            tuple("ToolCallResultMessage", "tool_call_result"));
    assertThat(((SystemMessage) call.getMessages().get(0)).getMessage()).isEqualTo("You are a nurse assistant.");
    BotMessage bot = (BotMessage) call.getMessages().get(1);
    assertThat(bot.getTime()).isEqualTo(1.5);
    assertThat(bot.getEndTime()).isEqualTo(2.5);
    assertThat(bot.getDuration()).isEqualTo(1.0);
    assertThat(((UserMessage) call.getMessages().get(2)).getMessage()).isEqualTo("Hi.");
    ToolCallMessage toolCalls = (ToolCallMessage) call.getMessages().get(3);
    assertThat(toolCalls.getToolCalls()).singleElement().satisfies(tc -> {
      assertThat(tc.getId()).isEqualTo("tc_1");
      assertThat(tc.getFunction().getName()).isEqualTo("book");
      assertThat(tc.getFunction().getArguments()).isEqualTo("{\"day\":\"mon\"}");
    });
    ToolCallResultMessage result = (ToolCallResultMessage) call.getMessages().get(4);
    assertThat(result.getToolCallId()).isEqualTo("tc_1");
    assertThat(result.getResult()).isEqualTo("booked");
  }

  @Test
  void sendsEveryOptionalFieldAndTheTaskParameters() {
    api.stubFor(post(CALLS).willReturn(okJson(json("{'id':1,'call_status':'queued'}"))));
    ClientDriver client = connect(api.config());
    Map<String, Object> task = new LinkedHashMap<>();
    task.put("patient_first_name", "Ada");
    task.put("appointment", Map.of("day", "2026-03-02", "slots", List.of(9, 14)));
    task.put("reminders", 2);

    Call call = client.create(new CreateCall()
        .assistantId(7L)
        .destinationPhoneNumber("+447700900123")
        .name("Post-op follow-up")
        .sourcePhoneNumberId(12L)
        .taskParameters(task));

    api.verify(1, postRequestedFor(urlEqualTo(CALLS))
        .withHeader("Authorization", equalTo(BEARER))
        .withRequestBody(equalToJson(json("{'name':'Post-op follow-up','assistant_id':7,"
            + "'source_phone_number_id':12,'destination_phone_number':'+447700900123',"
            + "'task_parameters':{'patient_first_name':'Ada','reminders':2,"
            + "'appointment':{'day':'2026-03-02','slots':[9,14]}}}"))));
    assertThat(call.getId()).isEqualTo(1L);
    assertThat(call.getCallStatus()).isSameAs(CallStatus.QUEUED);
    assertThat(call.getMessages()).isNull();
  }

  @Test
  void aNameOfExactlyFiftyCharactersIsSent() {
    api.stubFor(post(CALLS).willReturn(okJson(json("{'id':2}"))));
    ClientDriver client = connect(api.config());
    String name = "n".repeat(50);

    assertThat(client.create(createCall().name(name)).getId()).isEqualTo(2L);

    api.verify(1, postRequestedFor(urlEqualTo(CALLS))
        .withRequestBody(equalToJson("{\"assistant_id\":7,\"destination_phone_number\":\"+14155550123\","
            + "\"name\":\"" + name + "\"}")));
  }
}
