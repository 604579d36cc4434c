package com.clarionhealth.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.clarionhealth.client.AuthenticationException;
import com.clarionhealth.client.CallPage;
import com.clarionhealth.client.CallQuery;
import com.clarionhealth.client.ClarionException;
import com.clarionhealth.client.ClarionTimeoutException;
import com.clarionhealth.client.ClarionTransportException;
import com.clarionhealth.client.InternalServerException;
import com.clarionhealth.client.ListCallsParams;
import com.clarionhealth.client.NotFoundException;
import com.clarionhealth.client.RateLimitException;
import com.clarionhealth.client.model.BotMessage;
import com.clarionhealth.client.model.Call;
import com.clarionhealth.client.model.CallStatus;
import com.clarionhealth.client.model.CreateCall;
import com.clarionhealth.client.model.FailureReason;
import com.clarionhealth.client.model.Message;
import com.clarionhealth.client.model.SystemMessage;
import com.clarionhealth.client.model.ToolCallMessage;
import com.clarionhealth.client.model.ToolCallResultMessage;
import com.clarionhealth.client.model.UserMessage;
import com.clarionhealth.client.testkit.ClarionSandbox;
import com.clarionhealth.client.testkit.Distribution;
import com.clarionhealth.client.testkit.FaultRule;
import com.clarionhealth.client.testkit.RecordedRequest;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/** Create, list, failures and forward compatibility, each against both clients; traffic checked against the spec. */
@ParameterizedClass
@EnumSource(Api.Kind.class)
class CallsScenariosTest {
  private static final SpecValidator SPEC = new SpecValidator();
  private static final Instant FROM = Instant.parse("2026-01-01T00:00:00Z");
  private static final Instant TO = Instant.parse("2026-01-02T00:00:00Z");

  @Parameter
  Api.Kind kind;

  private ClarionSandbox sandbox;
  private Api api;
  private boolean specValidResponses = true;
  private boolean onlyTheApiPath; // set by a test that sends a request off the spec's paths on purpose

  @BeforeEach
  void start() {
    sandbox = ClarionSandbox.builder().recordResponses(true).start();
    api = kind.open(sandbox);
  }

  @AfterEach
  void everyExchangeConformsToTheSpec() {
    try {
      List<RecordedRequest> exchanges = sandbox.requests().stream()
          .filter(r -> !onlyTheApiPath || r.path().equals("/v1/call")).collect(Collectors.toList());
      List<String> problems = specValidResponses ? SPEC.problems(exchanges) : SPEC.requestProblems(exchanges);
      assertThat(problems).as("spec problems of %s", kind).isEmpty();
    } finally {
      sandbox.close();
    }
  }

  private static CreateCall reminder() {
    return new CreateCall().assistantId(42L).destinationPhoneNumber("+14155550123").name("Reminder")
        .putTaskParametersItem("patient", "Ada");
  }

  @Test
  void createPlacesOneCall() {
    Call call = api.create(reminder());

    assertThat(call.getId()).isNotNull();
    assertThat(call.getCallStatus()).isEqualTo(CallStatus.QUEUED);
    assertThat(sandbox.callsCreated()).isEqualTo(1);
    assertThat(sandbox.requests()).singleElement().satisfies(r -> {
      assertThat(r.method()).isEqualTo("POST");
      assertThat(r.body()).contains("\"destination_phone_number\":\"+14155550123\"");
    });
  }

  @Test
  void createdCallsAdvanceAndListWithEveryRole() {
    Call created = api.create(reminder());
    sandbox.clock().advance(ClarionSandbox.LONGEST_CALL.plusMinutes(1));

    List<Call> listed = api.list(ListCallsParams.builder().limit(10).build());

    assertThat(listed).singleElement().satisfies(call -> {
      assertThat(call.getId()).isEqualTo(created.getId());
      assertThat(call.getCallStatus()).isEqualTo(CallStatus.ENDED);
      assertThat(call.getMessages()).extracting(Message::getClass).contains(UserMessage.class,
          SystemMessage.class, BotMessage.class, ToolCallMessage.class, ToolCallResultMessage.class);
    });
    assertThat(sandbox.requests().get(1).queryParameter("limit")).contains("10");
  }

  @Test
  void listSendsItsFiltersAndReturnsOnePage() {
    sandbox.seed(150, FROM, TO, Distribution.UNIFORM);

    List<Call> page = api.list(ListCallsParams.builder().limit(40).createdAtGe(FROM).createdAtLe(TO).build());

    assertThat(page).hasSize(40);
    assertThat(sandbox.requests()).singleElement().satisfies(r -> {
      assertThat(r.queryParameter("createdAtGe")).contains("2026-01-01T00:00:00.000Z");
      assertThat(r.queryParameter("createdAtLe")).contains("2026-01-02T00:00:00.000Z");
    });
  }

  @Test
  void aPostThatFailedAfterTheServerCreatedTheCallIsNeverSentAgain() {
    sandbox.addFault(FaultRule.serviceUnavailable().onPost().share(1.0).times(1));
    assertThatThrownBy(() -> api.create(reminder())).isInstanceOfSatisfying(InternalServerException.class,
        e -> assertThat(e.callMayHaveBeenPlaced()).isTrue());

    sandbox.addFault(FaultRule.connectionReset().onPost().share(1.0).times(1));
    assertThatThrownBy(() -> api.create(reminder())).isInstanceOfSatisfying(ClarionTransportException.class,
        e -> assertThat(e.callMayHaveBeenPlaced()).isTrue());

    assertThat(sandbox.callsCreated()).isEqualTo(2);
    assertThat(sandbox.requests()).hasSize(2);
  }

  @Test
  void aPostThatTimedOutIsNeverSentAgain() {
    Api impatient = kind.open(sandbox.baseUrl(), sandbox.apiKey(), 2, Duration.ofMillis(300));
    sandbox.addFault(FaultRule.delay(Duration.ofSeconds(1)).onPost().share(1.0));

    assertThatThrownBy(() -> impatient.create(reminder())).isInstanceOfSatisfying(ClarionTimeoutException.class,
        e -> assertThat(e.getMessage()).contains("may have been placed"));
    assertThat(sandbox.callsCreated()).isEqualTo(1);
    assertThat(sandbox.requests()).hasSize(1);
  }

  @Test
  void aPostRefusedWith429IsRetriedAndPlacedOnce() {
    sandbox.addFault(FaultRule.rateLimited(Duration.ofSeconds(1)).onPost().share(1.0).times(1));

    Call call = api.create(reminder());

    assertThat(call.getId()).isNotNull();
    assertThat(sandbox.callsCreated()).isEqualTo(1);
    assertThat(sandbox.requests()).extracting(r -> r.status().orElse(0)).containsExactly(429, 200);
  }

  @Test
  void statusesMapToTheSameExceptionsInBothClients() {
    Api wrongKey = kind.open(sandbox.baseUrl(), "not-the-key", 0, Duration.ofSeconds(10));
    Api wrongPath = kind.open(sandbox.baseUrl() + "/nowhere", sandbox.apiKey(), 0, Duration.ofSeconds(10));
    onlyTheApiPath = true;
    Api noRetries = kind.open(sandbox.baseUrl(), sandbox.apiKey(), 0, Duration.ofSeconds(10));

    assertThatThrownBy(() -> wrongKey.list(ListCallsParams.defaults())).isInstanceOf(AuthenticationException.class)
        .hasMessageStartingWith("401").hasMessageNotContaining("not-the-key");
    assertThatThrownBy(() -> wrongPath.list(ListCallsParams.defaults())).isInstanceOf(NotFoundException.class);
    sandbox.addFault(FaultRule.rateLimited(Duration.ofSeconds(7)).onGet().share(1.0).times(1));
    assertThatThrownBy(() -> noRetries.list(ListCallsParams.defaults()))
        .isInstanceOfSatisfying(RateLimitException.class,
            e -> assertThat(e.retryAfter()).contains(Duration.ofSeconds(7)));
    sandbox.addFault(FaultRule.serviceUnavailable().onGet().share(1.0).times(1));
    assertThatThrownBy(() -> noRetries.list(ListCallsParams.defaults()))
        .isInstanceOf(InternalServerException.class)
        .satisfies(e -> assertThat(((ClarionException) e).callMayHaveBeenPlaced()).isFalse());
  }

  @Test
  void valuesClarionHasNotPublishedYetDecodeWithoutLoss() {
    sandbox.close();
    sandbox = ClarionSandbox.builder().recordResponses(true).unpublishedValues(true).start();
    specValidResponses = false; // such answers break the published spec on purpose
    sandbox.seed(200, FROM, TO, Distribution.UNIFORM);
    Api api = kind.open(sandbox);

    List<Call> calls = api.stream(CallQuery.between(FROM, TO));

    assertThat(calls).hasSize(200);
    List<Call> novel = calls.stream().filter(c -> !c.getCallStatus().isKnown()).collect(Collectors.toList());
    assertThat(novel).isNotEmpty().allSatisfy(call -> {
      assertThat(call.getCallStatus()).isEqualTo(CallStatus.of("np_voicemail"));
      assertThat(call.getCallStatus().value()).isEqualTo("np_voicemail");
      assertThat(call.getFailureReason()).isEqualTo(FailureReason.of("np_no-answer"));
      Message narrator = call.getMessages().get(call.getMessages().size() - 1);
      assertThat(narrator.getClass()).isEqualTo(Message.class);
      assertThat(narrator.getRole()).isEqualTo("np_narrator");
      assertThat(narrator.getMessage()).isEqualTo("The patient confirmed the appointment.");
      assertThat(narrator.getAdditionalProperties()).containsExactly(Map.entry("np_mood", "calm"));
      // Fields the models do not declare, readable by name at every level.
      assertThat(call.getAdditionalProperties().keySet())
          .containsExactly("np_cost", "np_sentiment_score", "np_billing", "np_recording_url");
      assertThat(call.getAdditionalProperty("np_cost")).isEqualTo(0.42);
      assertThat((Double) call.getAdditionalProperty("np_sentiment_score")).isBetween(-1.0, 1.0);
      assertThat(call.getAdditionalProperty("np_billing")).isInstanceOfSatisfying(Map.class,
          billing -> assertThat(billing).containsEntry("currency", "usd").containsKey("cents"));
      assertThat(call.getAdditionalProperties()).containsEntry("np_recording_url", null);
      assertThat(call.getAnalysis().getAdditionalProperty("np_talk_ratio")).isEqualTo(0.41);
      call.getMessages().stream().filter(UserMessage.class::isInstance)
          .forEach(user -> assertThat(user.getAdditionalProperty("np_confidence")).isEqualTo(0.9));
      call.getMessages().stream().filter(ToolCallMessage.class::isInstance)
          .flatMap(message -> ((ToolCallMessage) message).getToolCalls().stream()).forEach(toolCall -> {
            assertThat(toolCall.getAdditionalProperty("np_status")).isEqualTo("completed");
            assertThat(toolCall.getFunction().getAdditionalProperty("np_strict")).isEqualTo(true);
          });
      // Serializing the call writes them back, each in its own object.
      JsonNode written = Trees.MAPPER.valueToTree(call);
      assertThat(written.get("np_sentiment_score").asDouble()).isEqualTo(call.getAdditionalProperty("np_sentiment_score"));
      assertThat(written.get("np_billing").get("currency").asText()).isEqualTo("usd");
      assertThat(written.get("analysis").get("np_talk_ratio").asDouble()).isEqualTo(0.41);
      assertThat(written.get("messages").get(call.getMessages().size() - 1).get("np_mood").asText()).isEqualTo("calm");
    });
    assertThat(novel.stream().filter(call -> call.getMessages().stream().anyMatch(UserMessage.class::isInstance)))
        .isNotEmpty();
  }

  @Test
  void pagesWithRawJsonCarryEachCallAsTheSandboxServedIt() throws IOException {
    sandbox.close();
    sandbox = ClarionSandbox.builder().recordResponses(true).unpublishedValues(true).start();
    specValidResponses = false; // such answers break the published spec on purpose
    sandbox.seed(300, FROM, TO, Distribution.UNIFORM);
    Api api = kind.open(sandbox);
    List<CallPage> pages = new ArrayList<>();

    api.pages(CallQuery.between(FROM, TO).pageSize(120).concurrency(2).withRawJson(), pages);

    String served = sandbox.requests().stream().map(r -> r.responseBody().orElse("")).collect(Collectors.joining("\n"));
    List<Long> ids = new ArrayList<>();
    int unknownFields = 0;
    for (CallPage page : pages) {
      assertThat(page.rawJson()).hasSameSizeAs(page.calls());
      for (int i = 0; i < page.calls().size(); i++) {
        String text = page.rawJson().get(i);
        assertThat(served).contains(text); // byte for byte
        JsonNode tree = Trees.MAPPER.readTree(text);
        assertThat(tree.get("id").asLong()).isEqualTo(page.calls().get(i).getId());
        ids.add(tree.get("id").asLong());
        unknownFields += tree.has("np_sentiment_score") ? 1 : 0;
      }
    }
    assertThat(ids).hasSize(300).doesNotHaveDuplicates();
    assertThat(unknownFields).isGreaterThan(10);
  }

  /** Jackson 2, as an application of the blocking client would write the models. */
  private static final class Trees {
    static final ObjectMapper MAPPER = JsonMapper.builder().addModule(new JavaTimeModule()).build();
  }
}
