package com.clarionhealth.client.model;

import static com.clarionhealth.client.model.Json.assertSameJson;
import static com.clarionhealth.client.model.Json.example;
import static com.clarionhealth.client.model.Json.occurrences;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.Field;
import java.math.BigInteger;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * What the generated models must do with any Jackson the clients use. Subclasses pick the library; the
 * mappers they use are strict (unknown properties fail, nulls are written) so that everything asserted
 * here comes from the models' own annotations.
 */
abstract class ModelJsonContract {

  private final Codec codec = codec();

  abstract Codec codec();

  // ---------------------------------------------------------------------------------------------------
  // Published examples

  @Test
  void listCallsPageExampleDecodesAndRoundTrips() {
    String published = example("list-calls.json");

    List<Call> calls = codec.readCalls(published);

    assertThat(calls).hasSize(1);
    Call call = calls.get(0);
    OffsetDateTime instant = OffsetDateTime.of(2023, 11, 7, 5, 31, 56, 0, ZoneOffset.UTC);
    assertThat(call.getId()).isEqualTo(123L);
    assertThat(call.getAssistantId()).isEqualTo(123L);
    assertThat(call.getStartedAt()).isEqualTo(instant);
    assertThat(call.getEndedAt()).isEqualTo(instant);
    assertThat(call.getCallStatus()).isSameAs(CallStatus.QUEUED);
    assertThat(call.getEndedReason()).isEqualTo("<string>");
    assertThat(call.getTranscript()).isEqualTo("<string>");
    assertThat(call.getSourceNumber()).isEqualTo("<string>");
    assertThat(call.getDestinationNumber()).isEqualTo("<string>");
    assertThat(call.getCallType()).isEqualTo("<string>");
    assertThat(call.getDurationMs()).isEqualTo(123);
    assertThat(call.getAnalysis().getRepetitionCount()).isEqualTo(123);
    assertThat(call.getAnalysis().getInterruptionCount()).isEqualTo(123);
    assertThat(call.getAnalysis().getCustom()).isEmpty();
    assertThat(call.getSummary()).isEqualTo("<string>");
    assertThat(call.getOutcome()).isEqualTo("<string>");
    assertThat(call.getFailureReason()).isSameAs(FailureReason.DECLINED);
    // The page's placeholder role "<string>" is not a known role: it decodes to the base Message.
    assertThat(call.getMessages()).singleElement().satisfies(message -> {
      assertThat(message.getClass()).isEqualTo(Message.class);
      assertThat(message.getRole()).isEqualTo("<string>");
      assertThat(message.getMessage()).isEqualTo("<string>");
      assertThat(message.getTime()).isEqualTo(123.0);
      assertThat(message.getEndTime()).isEqualTo(123.0);
      assertThat(message.getSecondsFromStart()).isEqualTo(123.0);
      assertThat(message.getDuration()).isEqualTo(123.0);
    });

    assertSameJson(codec.write(calls), published);
  }

  @Test
  void createCallExampleDecodesAndRoundTrips() {
    String json = example("create-call.json");

    CreateCall create = codec.read(json, CreateCall.class);

    assertThat(create.getName()).isEqualTo("Follow-up with Jane");
    assertThat(create.getAssistantId()).isEqualTo(123L);
    assertThat(create.getSourcePhoneNumberId()).isEqualTo(456L);
    assertThat(create.getDestinationPhoneNumber()).isEqualTo("+138726394823");
    assertThat(create.getTaskParameters())
        .containsEntry("patientName", "Jane Doe")
        .containsEntry("maxDurationSeconds", 600)
        .containsEntry("voice", Map.of("provider", "11labs", "speed", 1.1))
        .containsEntry("tags", List.of("follow-up", "cardiology"));

    assertSameJson(codec.write(create), json);
  }

  // ---------------------------------------------------------------------------------------------------
  // Messages: one variant per role, a fallback for unknown roles

  private static final String ALL_ROLES = "["
      + "{\"role\":\"system\",\"message\":\"You are a scheduling assistant.\",\"time\":1699335116000,"
      + "\"secondsFromStart\":0},"
      + "{\"role\":\"bot\",\"message\":\"Hello, this is Clarion.\",\"time\":1699335117000.5,"
      + "\"endTime\":1699335118500.5,\"secondsFromStart\":1.2,\"duration\":1500},"
      + "{\"role\":\"user\",\"message\":\"Hi, I need to reschedule.\",\"time\":1699335119000,"
      + "\"endTime\":1699335121000,\"secondsFromStart\":3.1,\"duration\":2000},"
      + "{\"role\":\"tool_calls\",\"time\":1699335122000,\"secondsFromStart\":6,\"toolCalls\":["
      + "{\"id\":\"call_abc\",\"type\":\"function\",\"function\":{\"name\":\"findSlot\","
      + "\"arguments\":\"{\\\"day\\\":\\\"monday\\\"}\"}}]},"
      + "{\"role\":\"tool_call_result\",\"time\":1699335123000,\"secondsFromStart\":7,"
      + "\"toolCallId\":\"call_abc\",\"name\":\"findSlot\",\"result\":\"{\\\"slot\\\":\\\"10:00\\\"}\"}"
      + "]";

  @Test
  void eachRoleDecodesToItsOwnVariantWithItsOwnFields() {
    List<Message> messages = codec.readMessages(ALL_ROLES);

    assertThat(messages).extracting(Object::getClass).containsExactly(SystemMessage.class, BotMessage.class,
        UserMessage.class, ToolCallMessage.class, ToolCallResultMessage.class);
    assertThat(messages).extracting(Message::getRole)
        .containsExactly("system", "bot", "user", "tool_calls", "tool_call_result");

    assertThat(messages.get(0).getMessage()).isEqualTo("You are a scheduling assistant.");
    assertThat(messages.get(0).getSecondsFromStart()).isEqualTo(0.0);
    BotMessage bot = (BotMessage) messages.get(1);
    assertThat(bot.getMessage()).isEqualTo("Hello, this is Clarion.");
    assertThat(bot.getTime()).isEqualTo(1699335117000.5);
    assertThat(bot.getEndTime()).isEqualTo(1699335118500.5);
    assertThat(bot.getDuration()).isEqualTo(1500.0);
    UserMessage user = (UserMessage) messages.get(2);
    assertThat(user.getMessage()).isEqualTo("Hi, I need to reschedule.");
    assertThat(user.getSecondsFromStart()).isEqualTo(3.1);

    ToolCallMessage toolCalls = (ToolCallMessage) messages.get(3);
    assertThat(toolCalls.getMessage()).isNull();
    assertThat(toolCalls.getToolCalls()).singleElement().satisfies(toolCall -> {
      assertThat(toolCall.getId()).isEqualTo("call_abc");
      assertThat(toolCall.getType()).isEqualTo("function");
      assertThat(toolCall.getFunction().getName()).isEqualTo("findSlot");
      assertThat(toolCall.getFunction().getArguments()).isEqualTo("{\"day\":\"monday\"}");
    });

    ToolCallResultMessage result = (ToolCallResultMessage) messages.get(4);
    assertThat(result.getToolCallId()).isEqualTo("call_abc");
    assertThat(result.getName()).isEqualTo("findSlot");
    assertThat(result.getResult()).isEqualTo("{\"slot\":\"10:00\"}");
    assertThat(result.getSecondsFromStart()).isEqualTo(7.0);
  }

  @Test
  void messagesRoundTripWithTheRoleWrittenOnce() {
    List<Message> messages = codec.readMessages(ALL_ROLES);

    for (Message message : messages) {
      String json = codec.write(message);
      assertThat(occurrences(json, "role")).as(json).isEqualTo(1);
      assertThat(Json.tree(json).get("role").asText()).isEqualTo(message.getRole());
    }
    assertSameJson(codec.write(messages), ALL_ROLES);
  }

  @Test
  void unknownRoleDecodesToTheBaseMessageWithinAListOfKnownOnes() {
    String json = "{\"id\":7,\"messages\":["
        + "{\"role\":\"user\",\"message\":\"Is anyone there?\"},"
        + "{\"role\":\"np_narrator\",\"message\":\"The line crackles.\",\"secondsFromStart\":4.5,\"np_mood\":\"tense\"},"
        + "{\"role\":\"bot\",\"message\":\"Yes, I am here.\"}]}";

    List<Call> calls = codec.readCalls("[" + json + "]");

    List<Message> messages = calls.get(0).getMessages();
    assertThat(messages).extracting(Object::getClass)
        .containsExactly(UserMessage.class, Message.class, BotMessage.class);
    Message narrator = messages.get(1);
    assertThat(narrator.getRole()).isEqualTo("np_narrator");
    assertThat(narrator.getMessage()).isEqualTo("The line crackles.");
    assertThat(narrator.getSecondsFromStart()).isEqualTo(4.5);
    assertThat(((UserMessage) messages.get(0)).getMessage()).isEqualTo("Is anyone there?");
    assertThat(((BotMessage) messages.get(2)).getMessage()).isEqualTo("Yes, I am here.");

    assertThat(narrator.getAdditionalProperties()).containsExactly(Map.entry("np_mood", "tense"));

    String written = codec.write(narrator);
    assertThat(occurrences(written, "role")).isEqualTo(1);
    assertSameJson(written,
        "{\"role\":\"np_narrator\",\"message\":\"The line crackles.\",\"secondsFromStart\":4.5,\"np_mood\":\"tense\"}");
  }

  @Test
  void decodingTheBaseTypeDirectlyPicksTheVariantOrTheFallback() {
    assertThat(codec.read("{\"role\":\"bot\",\"message\":\"Hello\"}", Message.class))
        .isInstanceOfSatisfying(BotMessage.class, bot -> assertThat(bot.getMessage()).isEqualTo("Hello"));
    Message narrator = codec.read("{\"role\":\"np_narrator\",\"message\":\"Meanwhile\"}", Message.class);
    assertThat(narrator.getClass()).isEqualTo(Message.class);
    assertThat(narrator.getRole()).isEqualTo("np_narrator");
    assertThat(narrator.getMessage()).isEqualTo("Meanwhile");
    // No role at all also falls back instead of failing.
    Message roleless = codec.read("{\"message\":\"?\"}", Message.class);
    assertThat(roleless.getClass()).isEqualTo(Message.class);
    assertThat(roleless.getRole()).isNull();
  }

  @Test
  void decodingAConcreteVariantDirectly() {
    UserMessage user = codec.read("{\"role\":\"user\",\"message\":\"hi\",\"duration\":250}", UserMessage.class);
    assertThat(user.getRole()).isEqualTo("user");
    assertThat(user.getMessage()).isEqualTo("hi");
    assertThat(user.getDuration()).isEqualTo(250.0);

    ToolCallResultMessage result = codec.read(
        "{\"role\":\"tool_call_result\",\"toolCallId\":\"t1\",\"name\":\"lookup\",\"result\":\"ok\"}",
        ToolCallResultMessage.class);
    assertThat(result.getToolCallId()).isEqualTo("t1");
    assertThat(result.getName()).isEqualTo("lookup");
    assertThat(result.getResult()).isEqualTo("ok");
    assertSameJson(codec.write(result),
        "{\"role\":\"tool_call_result\",\"toolCallId\":\"t1\",\"name\":\"lookup\",\"result\":\"ok\"}");

    // Asking for one variant and getting another role is an error, not a silent mix-up.
    assertThatThrownBy(() -> codec.read("{\"role\":\"bot\",\"message\":\"hi\"}", UserMessage.class))
        .isInstanceOf(RuntimeException.class);
  }

  @Test
  void toolCallArgumentsAcceptAJsonStringOrAJsonObject() {
    ToolCallMessage asObject = codec.read("{\"role\":\"tool_calls\",\"toolCalls\":[{\"id\":\"c1\","
        + "\"type\":\"function\",\"function\":{\"name\":\"book\",\"arguments\":{\"slot\":\"10:00\",\"n\":2}}}]}",
        ToolCallMessage.class);

    Object arguments = asObject.getToolCalls().get(0).getFunction().getArguments();
    assertThat(arguments).isEqualTo(Map.of("slot", "10:00", "n", 2));
  }

  // ---------------------------------------------------------------------------------------------------
  // Open enums

  @Test
  void unknownCallStatusDecodesKeepsItsRawValueAndReEncodesUnchanged() {
    Call call = codec.read("{\"id\":1,\"call_status\":\"np_voicemail\"}", Call.class);

    CallStatus status = call.getCallStatus();
    assertThat(status.value()).isEqualTo("np_voicemail");
    assertThat(status.isKnown()).isFalse();
    assertThat(status).isEqualTo(CallStatus.of("np_voicemail"));
    assertThat(CallStatus.knownValues()).doesNotContain(status);
    assertSameJson(codec.write(call), "{\"id\":1,\"call_status\":\"np_voicemail\"}");
  }

  @Test
  void unknownFailureReasonDecodesKeepsItsRawValueAndReEncodesUnchanged() {
    Call call = codec.read("{\"failure_reason\":\"np_line-busy\"}", Call.class);

    assertThat(call.getFailureReason().value()).isEqualTo("np_line-busy");
    assertThat(call.getFailureReason().isKnown()).isFalse();
    assertThat(call.getFailureReason().toString()).isEqualTo("np_line-busy");
    assertSameJson(codec.write(call), "{\"failure_reason\":\"np_line-busy\"}");
  }

  @Test
  void knownEnumValuesDecodeToTheConstants() {
    Call call = codec.read("{\"call_status\":\"in-progress\",\"failure_reason\":\"requested-callback\"}", Call.class);

    assertThat(call.getCallStatus()).isSameAs(CallStatus.IN_PROGRESS);
    assertThat(call.getCallStatus().isKnown()).isTrue();
    assertThat(call.getFailureReason()).isSameAs(FailureReason.REQUESTED_CALLBACK);
    assertThat(codec.write(CallStatus.IN_PROGRESS)).isEqualTo("\"in-progress\"");
    assertThat(codec.read("\"opt-out\"", FailureReason.class)).isSameAs(FailureReason.OPT_OUT);
  }

  // ---------------------------------------------------------------------------------------------------
  // Forward compatibility: unknown fields kept; leniency: missing fields, nulls

  /**
   * A call with fields this version does not know, at every level of nesting. Their names start with np_
   * ("never published"): Clarion will not publish them, so a spec that adds a field never breaks this test
   * (a field it does publish moves from the map to its own getter, see api-spec/README.md).
   */
  private static final String UNKNOWN_FIELDS = "{\"id\":41,\"assistant_id\":7,\"call_status\":\"ended\","
      + "\"np_score\":0.73,\"np_billing\":{\"cents\":12,\"currency\":\"usd\"},\"np_flag\":null,"
      + "\"np_counter\":123456789012345678901,\"np_tags\":[\"a\",1,true],"
      + "\"analysis\":{\"repetition_count\":2,\"np_sentiment\":\"positive\"},"
      + "\"messages\":["
      + "{\"role\":\"user\",\"message\":\"hi\",\"time\":1767977409575,\"np_confidence\":0.9},"
      + "{\"role\":\"tool_calls\",\"np_filtered\":false,\"toolCalls\":[{\"id\":\"c\",\"np_priority\":1,"
      + "\"function\":{\"name\":\"f\",\"np_strict\":true}}]},"
      + "{\"role\":\"tool_call_result\",\"toolCallId\":\"c\",\"result\":\"ok\",\"np_latency_ms\":12},"
      + "{\"role\":\"np_narrator\",\"message\":\"The line crackles.\",\"np_mood\":\"tense\"}]}";

  @Test
  void unknownFieldsAreKeptAtEveryLevelReadableByNameAndWrittenBack() {
    Call call = codec.read(UNKNOWN_FIELDS, Call.class);

    assertThat(call.getId()).isEqualTo(41L);
    assertThat(call.getAdditionalProperty("np_score")).isEqualTo(0.73);
    assertThat(call.getAdditionalProperty("np_billing")).isEqualTo(Map.of("cents", 12, "currency", "usd"));
    assertThat(call.getAdditionalProperty("np_counter")).isEqualTo(new BigInteger("123456789012345678901"));
    assertThat(call.getAdditionalProperty("np_tags")).isEqualTo(List.of("a", 1, true));
    // An explicit null is kept, and told apart from an absent property by the map.
    assertThat(call.getAdditionalProperties()).containsEntry("np_flag", null);
    assertThat(call.getAdditionalProperty("np_never_sent")).isNull();
    assertThat(call.getAdditionalProperties()).doesNotContainKey("np_never_sent");
    // In the order they came, declared properties never among them.
    assertThat(call.getAdditionalProperties().keySet())
        .containsExactly("np_score", "np_billing", "np_flag", "np_counter", "np_tags");
    assertThat(call.getAnalysis().getAdditionalProperties()).containsExactly(Map.entry("np_sentiment", "positive"));

    List<Message> messages = call.getMessages();
    UserMessage user = (UserMessage) messages.get(0);
    assertThat(user.getTime()).isEqualTo(1767977409575.0);
    assertThat(user.getAdditionalProperties()).containsExactly(Map.entry("np_confidence", 0.9));
    ToolCallMessage toolCalls = (ToolCallMessage) messages.get(1);
    assertThat(toolCalls.getAdditionalProperties()).containsExactly(Map.entry("np_filtered", false));
    assertThat(toolCalls.getToolCalls().get(0).getAdditionalProperties()).containsExactly(Map.entry("np_priority", 1));
    assertThat(toolCalls.getToolCalls().get(0).getFunction().getAdditionalProperties())
        .containsExactly(Map.entry("np_strict", true));
    assertThat(messages.get(2).getAdditionalProperties()).containsExactly(Map.entry("np_latency_ms", 12));
    Message narrator = messages.get(3);
    assertThat(narrator.getClass()).isEqualTo(Message.class);
    assertThat(narrator.getAdditionalProperties()).containsExactly(Map.entry("np_mood", "tense"));

    // Every unknown field written back in its own object, the explicit null included.
    assertSameJson(codec.write(call), UNKNOWN_FIELDS);
  }

  @Test
  void theUnknownPropertiesAreUnmodifiableAndEmptyWhenThereAreNone() {
    Call plain = codec.read("{\"id\":1}", Call.class);
    assertThat(plain.getAdditionalProperties()).isEmpty();
    assertThat(new Analysis().getAdditionalProperties()).isEmpty();

    Call call = codec.read(UNKNOWN_FIELDS, Call.class);
    assertThatThrownBy(() -> call.getAdditionalProperties().put("np_x", 1))
        .isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> call.putAdditionalProperty(null, 1)).isInstanceOf(NullPointerException.class)
        .hasMessage("name == null");
  }

  @Test
  void unknownPropertiesTakePartInEquality() {
    Call one = codec.read(UNKNOWN_FIELDS, Call.class);
    Call same = codec.read(UNKNOWN_FIELDS, Call.class);
    assertThat(one).isEqualTo(same).hasSameHashCodeAs(same);
    assertThat(one).isNotEqualTo(codec.read(UNKNOWN_FIELDS.replace("0.73", "0.74"), Call.class));
    // A variant without declared properties of its own compares its parent's map (super.equals).
    UserMessage user = codec.read("{\"role\":\"user\",\"np_confidence\":0.9}", UserMessage.class);
    assertThat(user).isNotEqualTo(codec.read("{\"role\":\"user\",\"np_confidence\":0.8}", UserMessage.class));
    assertThat(user.toString()).contains("np_confidence=0.9");
  }

  @Test
  void aRequestCarriesAPropertyTheClientDoesNotDeclare() {
    CreateCall create = new CreateCall().assistantId(1L).destinationPhoneNumber("+15551234567")
        .putAdditionalProperty("np_priority", "high");

    assertThat(codec.write(create))
        .isEqualTo("{\"assistant_id\":1,\"destination_phone_number\":\"+15551234567\",\"np_priority\":\"high\"}");
    assertThat(codec.read("{\"assistant_id\":1,\"np_mystery\":true}", CreateCall.class).getAdditionalProperties())
        .containsExactly(Map.entry("np_mystery", true));
  }

  /**
   * What makes a property that a later spec declares move from the map to its own getter: a declared
   * property never lands in the map. Checked for every declared property of every model (from the
   * generated {@code JSON_PROPERTY_*} constants), so that no template or option change can break it.
   */
  @Test
  void aDeclaredPropertyNeverLandsInTheMap() throws Exception {
    for (Class<?> model : List.of(Call.class, Analysis.class, CreateCall.class, Message.class, UserMessage.class,
        SystemMessage.class, BotMessage.class, ToolCallMessage.class, ToolCallResultMessage.class, ToolCall.class,
        ToolCallFunction.class)) {
      StringBuilder json = new StringBuilder("{");
      List<String> names = new ArrayList<>();
      for (Field field : model.getFields()) {
        if (field.getName().startsWith("JSON_PROPERTY_")) {
          names.add((String) field.get(null));
        }
      }
      for (String name : names) {
        String role = model.getSimpleName().equals("Message") ? "np_narrator"
            : Message.class.isAssignableFrom(model) ? ROLES.get(model) : null;
        json.append(json.length() > 1 ? "," : "").append('"').append(name).append("\":")
            .append(name.equals("role") ? '"' + role + '"' : "null");
      }
      json.append(",\"np_not_declared\":1}");

      Object decoded = codec.read(json.toString(), model);

      @SuppressWarnings("unchecked")
      Map<String, Object> additional = (Map<String, Object>) model.getMethod("getAdditionalProperties").invoke(decoded);
      assertThat(additional).as("%s from %s", model.getSimpleName(), json).containsOnlyKeys("np_not_declared");
      assertThat(names).as(model.getSimpleName()).isNotEmpty();
    }
  }

  private static final Map<Class<?>, String> ROLES = Map.of(UserMessage.class, "user", SystemMessage.class, "system",
      BotMessage.class, "bot", ToolCallMessage.class, "tool_calls", ToolCallResultMessage.class, "tool_call_result");

  @Test
  void missingFieldsAreNull() {
    Call call = codec.read("{}", Call.class);

    assertThat(call.getId()).isNull();
    assertThat(call.getAssistantId()).isNull();
    assertThat(call.getStartedAt()).isNull();
    assertThat(call.getEndedAt()).isNull();
    assertThat(call.getCallStatus()).isNull();
    assertThat(call.getEndedReason()).isNull();
    assertThat(call.getTranscript()).isNull();
    assertThat(call.getSourceNumber()).isNull();
    assertThat(call.getDestinationNumber()).isNull();
    assertThat(call.getCallType()).isNull();
    assertThat(call.getMessages()).isNull();
    assertThat(call.getDurationMs()).isNull();
    assertThat(call.getAnalysis()).isNull();
    assertThat(call.getSummary()).isNull();
    assertThat(call.getOutcome()).isNull();
    assertThat(call.getFailureReason()).isNull();
    assertThat(codec.write(call)).isEqualTo("{}");
  }

  @Test
  void explicitNullsDecodeToNullAndAreNotWrittenBack() {
    Call call = codec.read("{\"id\":9,\"started_at\":null,\"failure_reason\":null,\"duration_ms\":null,"
        + "\"messages\":null,\"analysis\":{\"custom\":null}}", Call.class);

    assertThat(call.getStartedAt()).isNull();
    assertThat(call.getFailureReason()).isNull();
    assertThat(call.getDurationMs()).isNull();
    assertThat(call.getMessages()).isNull();
    assertThat(call.getAnalysis().getCustom()).isNull();
    assertThat(codec.write(call)).isEqualTo("{\"id\":9,\"analysis\":{}}");
  }

  // ---------------------------------------------------------------------------------------------------
  // CreateCall encoding

  @Test
  void createCallSerializesSnakeCaseWithoutNulls() {
    CreateCall create = new CreateCall()
        .assistantId(42L)
        .destinationPhoneNumber("+15551234567");

    assertThat(codec.write(create))
        .isEqualTo("{\"assistant_id\":42,\"destination_phone_number\":\"+15551234567\"}");

    Map<String, Object> overrides = new LinkedHashMap<>();
    overrides.put("firstMessage", "Hello Jane");
    create.name("Jane reminder").sourcePhoneNumberId(7L).taskParameters(overrides);
    assertThat(codec.write(create)).isEqualTo("{\"name\":\"Jane reminder\",\"assistant_id\":42,"
        + "\"source_phone_number_id\":7,\"destination_phone_number\":\"+15551234567\","
        + "\"task_parameters\":{\"firstMessage\":\"Hello Jane\"}}");
  }

  @Test
  void createCallWritesItsRequiredFieldsEvenWhenUnset() {
    // The generator marks required properties JsonInclude.ALWAYS: an incomplete request shows its gap
    // as an explicit null (validation belongs to the client before sending); optional ones are omitted.
    assertThat(codec.write(new CreateCall().name("x")))
        .isEqualTo("{\"name\":\"x\",\"assistant_id\":null,\"destination_phone_number\":null}");
  }
}
