package com.clarionhealth.client.testkit;

import com.clarionhealth.client.model.Analysis;
import com.clarionhealth.client.model.Call;
import com.clarionhealth.client.model.CallStatus;
import com.clarionhealth.client.model.Message;
import com.clarionhealth.client.model.ToolCall;
import com.clarionhealth.client.model.ToolCallFunction;
import com.clarionhealth.client.model.ToolCallMessage;
import com.clarionhealth.client.model.ToolCallResultMessage;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * Writes calls as the API's JSON with Jackson's streaming generator: no object tree, no model instances.
 * Property names are the generated models' {@code JSON_PROPERTY_*} constants, so a renamed property in the
 * spec breaks this class's compilation rather than its output. The heavy parts (messages, transcript,
 * analysis) are generated here, from the call's {@link CallScript}, and thrown away once written.
 */
final class CallWriter {
  static final String CALL_TYPE = "outboundPhoneCall";
  private static final DateTimeFormatter TIMESTAMP =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

  private final JsonFactory json = new JsonFactory();
  // What unpublishedValues shows, each name with the np_ prefix ("never published", see the README): a name
  // Clarion may publish one day would then quietly stop being unknown. ResponsesAndUnpublishedValuesTest checks
  // every one against the spec.
  static final String UNPUBLISHED_STATUS = "np_voicemail";
  static final String UNPUBLISHED_FAILURE = "np_no-answer";
  static final String UNPUBLISHED_ROLE = "np_narrator";
  static final String UNPUBLISHED_MESSAGE_FIELD = "np_mood";

  private final boolean conversations;
  private final boolean unpublished;

  /**
   * @param conversations whether to write messages and transcripts (the heavy, optional parts)
   * @param unpublished whether some ended calls show values the spec does not publish
   */
  CallWriter(boolean conversations, boolean unpublished) {
    this.conversations = conversations;
    this.unpublished = unpublished;
  }

  byte[] one(CallStore.Ref ref, long nowMicros) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(conversations ? 4096 : 512);
    try (JsonGenerator g = json.createGenerator(out)) {
      write(g, CallScript.of(ref), nowMicros);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  byte[] array(List<CallStore.Ref> refs, long nowMicros) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(2 + refs.size() * (conversations ? 3072 : 512));
    try (JsonGenerator g = json.createGenerator(out)) {
      g.writeStartArray();
      for (CallStore.Ref ref : refs) {
        write(g, CallScript.of(ref), nowMicros);
      }
      g.writeEndArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  private void write(JsonGenerator g, CallScript call, long now) throws IOException {
    CallStatus status = call.statusAt(now);
    boolean ended = call.endedAt(now);
    boolean started = call.answered() && now >= call.answeredMicros;
    List<Conversation.Line> lines = conversations && started ? Conversation.of(call) : List.of();
    boolean novel = unpublished && ended && Math.floorMod(Seeds.mix(call.seed, 0x0DDL, call.id), 4) == 0;
    g.writeStartObject();
    g.writeNumberField(Call.JSON_PROPERTY_ID, call.id);
    g.writeNumberField(Call.JSON_PROPERTY_ASSISTANT_ID, call.assistantId);
    timestamp(g, Call.JSON_PROPERTY_STARTED_AT, started ? call.answeredMicros : null);
    timestamp(g, Call.JSON_PROPERTY_ENDED_AT, ended ? call.endedMicros : null);
    g.writeStringField(Call.JSON_PROPERTY_CALL_STATUS, novel ? UNPUBLISHED_STATUS : status.value());
    string(g, Call.JSON_PROPERTY_ENDED_REASON, ended ? call.ending.endedReason : null);
    string(g, Call.JSON_PROPERTY_TRANSCRIPT, ended && conversations ? Conversation.transcript(lines) : null);
    g.writeStringField(Call.JSON_PROPERTY_SOURCE_NUMBER, call.sourceNumber);
    g.writeStringField(Call.JSON_PROPERTY_DESTINATION_NUMBER, call.destinationNumber);
    g.writeStringField(Call.JSON_PROPERTY_CALL_TYPE, CALL_TYPE);
    if (conversations) {
      g.writeArrayFieldStart(Call.JSON_PROPERTY_MESSAGES);
      long elapsedMs = started ? (now - call.answeredMicros) / Micros.PER_MILLI : -1;
      long answeredMs = started ? Math.floorDiv(call.answeredMicros, Micros.PER_MILLI) : 0;
      for (Conversation.Line line : lines) {
        if (ended || line.startMs <= elapsedMs) {
          message(g, line, answeredMs, novel);
        }
      }
      if (novel) {
        g.writeStartObject();
        g.writeStringField(Message.JSON_PROPERTY_ROLE, UNPUBLISHED_ROLE);
        g.writeStringField(Message.JSON_PROPERTY_MESSAGE, "The patient confirmed the appointment.");
        g.writeNumberField(Message.JSON_PROPERTY_SECONDS_FROM_START, 0.0);
        g.writeStringField(UNPUBLISHED_MESSAGE_FIELD, "calm");
        g.writeEndObject();
      }
      g.writeEndArray();
    }
    if (ended) {
      long durationMs = call.answered() ? (call.endedMicros - call.answeredMicros) / Micros.PER_MILLI : 0;
      g.writeNumberField(Call.JSON_PROPERTY_DURATION_MS, durationMs);
      analysis(g, call, novel);
      g.writeStringField(Call.JSON_PROPERTY_SUMMARY, summary(call));
      g.writeStringField(Call.JSON_PROPERTY_OUTCOME, call.ending.outcome);
      string(g, Call.JSON_PROPERTY_FAILURE_REASON, novel ? UNPUBLISHED_FAILURE
          : call.ending.failure == null ? null : call.ending.failure.value());
      if (novel) {
        // Fields Clarion has not published: a number, a nested object and an explicit null.
        g.writeNumberField("np_cost", 0.42);
        g.writeNumberField("np_sentiment_score", (Math.floorMod(Seeds.mix(call.seed, 0x5E7L, call.id), 201) - 100) / 100.0);
        g.writeObjectFieldStart("np_billing");
        g.writeNumberField("cents", 5 + durationMs / 6000);
        g.writeStringField("currency", "usd");
        g.writeEndObject();
        g.writeNullField("np_recording_url");
      }
    } else {
      g.writeNullField(Call.JSON_PROPERTY_DURATION_MS);
      g.writeNullField(Call.JSON_PROPERTY_SUMMARY);
      g.writeNullField(Call.JSON_PROPERTY_OUTCOME);
      g.writeNullField(Call.JSON_PROPERTY_FAILURE_REASON);
    }
    g.writeEndObject();
  }

  private static void message(JsonGenerator g, Conversation.Line line, long answeredMs, boolean novel)
      throws IOException {
    g.writeStartObject();
    g.writeStringField(Message.JSON_PROPERTY_ROLE, line.role);
    if (line.text != null) {
      g.writeStringField(Message.JSON_PROPERTY_MESSAGE, line.text);
    }
    g.writeNumberField(Message.JSON_PROPERTY_TIME, answeredMs + line.startMs);
    if (line.durationMs >= 0) {
      g.writeNumberField(Message.JSON_PROPERTY_END_TIME, answeredMs + line.startMs + line.durationMs);
    }
    g.writeNumberField(Message.JSON_PROPERTY_SECONDS_FROM_START, line.startMs / 1000.0);
    if (line.durationMs >= 0) {
      g.writeNumberField(Message.JSON_PROPERTY_DURATION, line.durationMs);
    }
    if (novel && line.role.equals(Conversation.USER)) {
      g.writeNumberField("np_confidence", 0.9);
    }
    if (line.role.equals(Conversation.TOOL_CALLS)) {
      g.writeArrayFieldStart(ToolCallMessage.JSON_PROPERTY_TOOL_CALLS);
      g.writeStartObject();
      g.writeStringField(ToolCall.JSON_PROPERTY_ID, line.toolCallId);
      g.writeStringField(ToolCall.JSON_PROPERTY_TYPE, "function");
      g.writeObjectFieldStart(ToolCall.JSON_PROPERTY_FUNCTION);
      g.writeStringField(ToolCallFunction.JSON_PROPERTY_NAME, line.toolName);
      g.writeStringField(ToolCallFunction.JSON_PROPERTY_ARGUMENTS, line.toolArguments);
      if (novel) {
        g.writeBooleanField("np_strict", true);
      }
      g.writeEndObject();
      if (novel) {
        g.writeStringField("np_status", "completed");
      }
      g.writeEndObject();
      g.writeEndArray();
    } else if (line.role.equals(Conversation.TOOL_CALL_RESULT)) {
      g.writeStringField(ToolCallResultMessage.JSON_PROPERTY_TOOL_CALL_ID, line.toolCallId);
      g.writeStringField(ToolCallResultMessage.JSON_PROPERTY_NAME, line.toolName);
      g.writeStringField(ToolCallResultMessage.JSON_PROPERTY_RESULT, line.toolResult);
    }
    g.writeEndObject();
  }

  private static void analysis(JsonGenerator g, CallScript call, boolean novel) throws IOException {
    long bits = Seeds.mix(call.seed, 0xA7A1L, call.id);
    boolean answered = call.answered();
    g.writeObjectFieldStart(Call.JSON_PROPERTY_ANALYSIS);
    g.writeNumberField(Analysis.JSON_PROPERTY_REPETITION_COUNT, answered ? (int) ((bits & 0xFF) % 3) : 0);
    g.writeNumberField(Analysis.JSON_PROPERTY_INTERRUPTION_COUNT, answered ? (int) (((bits >>> 8) & 0xFF) % 4) : 0);
    g.writeObjectFieldStart(Analysis.JSON_PROPERTY_CUSTOM);
    String sentiment;
    switch (call.ending) {
      case CONFIRMED:
      case RESCHEDULED:
        sentiment = "positive";
        break;
      case OPT_OUT:
      case DROPPED:
        sentiment = "negative";
        break;
      default:
        sentiment = answered ? "neutral" : "unknown";
        break;
    }
    g.writeStringField("sentiment", sentiment);
    g.writeBooleanField("appointment_confirmed",
        call.ending == CallScript.Ending.CONFIRMED || call.ending == CallScript.Ending.RESCHEDULED);
    g.writeBooleanField("follow_up_needed", call.ending == CallScript.Ending.CALLBACK
        || call.ending == CallScript.Ending.ESCALATED || call.ending == CallScript.Ending.DECLINED);
    g.writeEndObject();
    if (novel) {
      g.writeNumberField("np_talk_ratio", 0.41);
    }
    g.writeEndObject();
  }

  private static String summary(CallScript call) {
    String clinic = Conversation.CLINICS[call.clinic];
    switch (call.ending) {
      case CONFIRMED:
        return "Ava called on behalf of " + clinic + "; the patient confirmed the upcoming appointment.";
      case RESCHEDULED:
        return "Ava called on behalf of " + clinic + "; the patient asked to move the appointment, "
            + "which was rescheduled one week later.";
      case DECLINED:
        return "The call to the patient was not answered.";
      case ESCALATED:
        return "The patient had a question about test results and was transferred to the front desk of "
            + clinic + ".";
      case CALLBACK:
        return "The patient could not talk and asked for a callback tomorrow morning.";
      case DROPPED:
        return "The patient hung up before confirming the appointment.";
      case ASSISTANT_ENDED:
        return "The connection was poor; Ava ended the call and will try again later.";
      case OPT_OUT:
        return "The patient asked not to be called again; the opt-out was recorded.";
      default:
        throw new AssertionError(call.ending);
    }
  }

  private static void timestamp(JsonGenerator g, String name, Long micros) throws IOException {
    if (micros == null) {
      g.writeNullField(name);
    } else {
      g.writeStringField(name, TIMESTAMP.format(Micros.toInstant(micros)));
    }
  }

  private static void string(JsonGenerator g, String name, String value) throws IOException {
    if (value == null) {
      g.writeNullField(name);
    } else {
      g.writeStringField(name, value);
    }
  }
}
