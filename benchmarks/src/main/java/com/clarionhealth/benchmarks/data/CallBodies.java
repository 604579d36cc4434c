package com.clarionhealth.benchmarks.data;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Random;

/**
 * A pool of pre-serialized call bodies. A call on the wire is {@code {"id":<id>} followed by one of these
 * bodies, which starts with the comma after the id: the server writes the id's digits and copies the rest.
 *
 * <p>Realistic bodies: a transcript of 1 to 5 KB, 10 to 40 messages of the five roles ({@code system},
 * {@code user}, {@code bot}, {@code tool_calls}, {@code tool_call_result}) whose texts make up the
 * transcript, an analysis with custom fields, a summary, phone numbers and timestamps. Lean bodies carry
 * only a status: for scenarios that count requests, where the bytes do not matter.
 */
public final class CallBodies {
  private static final JsonFactory JSON = new JsonFactory();
  private static final String[] WORDS = (
      "yes no the a to of and I you my your appointment doctor clinic Tuesday Wednesday Thursday morning afternoon "
      + "medication prescription refill pharmacy follow-up surgery recovery pain level scale one two three four five "
      + "six seven eight nine ten can could would should please thank thanks okay sure right understand confirm "
      + "reschedule cancel time date week next last day evening insurance card number address phone call back later "
      + "nurse team question questions about after before with without swelling fever dressing wound stitches "
      + "walk sleep eat drink water today tomorrow is are was were have has had be been feeling better worse same "
      + "that's it's I'm don't can't we'll you're caf\u00e9 r\u00e9sum\u00e9 \u2014 it\u2019s")
      .split(" ");
  private static final String[] TOOLS = {"lookup_appointment", "reschedule_appointment", "send_sms", "check_refill"};
  private static final String[] STATUSES = {"ended", "ended", "ended", "ended", "in-progress", "forwarding"};
  private static final String[] ENDED = {"customer-ended-call", "assistant-ended-call", "silence-timed-out",
      "voicemail", "max-duration-reached"};
  private static final String[] OUTCOMES = {"appointment-confirmed", "rescheduled", "left-voicemail",
      "escalated-to-nurse", "no-answer"};
  private static final String[] FAILURES = {"declined", "escalated", "requested-callback", "customer-dropped",
      "assistant-ended", "opt-out"};

  private final byte[][] bodies;
  private final long totalBytes;

  private CallBodies(byte[][] bodies) {
    this.bodies = bodies;
    long total = 0;
    for (byte[] body : bodies) {
      total += body.length;
    }
    this.totalBytes = total;
  }

  /** {@code size} distinct realistic bodies. */
  public static CallBodies realistic(int size, long seed) {
    Random random = new Random(seed);
    byte[][] bodies = new byte[size][];
    for (int i = 0; i < size; i++) {
      bodies[i] = withoutId(realisticCall(random));
    }
    return new CallBodies(bodies);
  }

  /** One lean body: {@code ,"call_status":"ended"}}. */
  public static CallBodies lean() {
    return new CallBodies(new byte[][] {",\"call_status\":\"ended\"}".getBytes(StandardCharsets.US_ASCII)});
  }

  /** The body of a call just created by {@code POST /call}: queued, no transcript yet. */
  public static CallBodies created() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (JsonGenerator g = JSON.createGenerator(out, JsonEncoding.UTF8)) {
      g.writeStartObject();
      g.writeNumberField("id", 0);
      g.writeNumberField("assistant_id", 42);
      g.writeNullField("started_at");
      g.writeNullField("ended_at");
      g.writeStringField("call_status", "queued");
      g.writeNullField("ended_reason");
      g.writeNullField("transcript");
      g.writeStringField("source_number", "+14155550100");
      g.writeStringField("destination_number", "+14155550123");
      g.writeStringField("call_type", "outbound");
      g.writeArrayFieldStart("messages");
      g.writeEndArray();
      g.writeNullField("duration_ms");
      g.writeNullField("summary");
      g.writeNullField("outcome");
      g.writeNullField("failure_reason");
      g.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new CallBodies(new byte[][] {withoutId(out.toByteArray())});
  }

  public int size() {
    return bodies.length;
  }

  public byte[] body(int index) {
    return bodies[index];
  }

  /** The mean size of a call on the wire, id included. */
  public double meanCallBytes() {
    return (double) totalBytes / bodies.length + "{\"id\":1000000".length();
  }

  private static byte[] withoutId(byte[] call) {
    byte[] prefix = "{\"id\":0".getBytes(StandardCharsets.US_ASCII);
    for (int i = 0; i < prefix.length; i++) {
      if (call[i] != prefix[i]) {
        throw new IllegalStateException("a call must start with its id");
      }
    }
    byte[] body = new byte[call.length - prefix.length];
    System.arraycopy(call, prefix.length, body, 0, body.length);
    return body;
  }

  private static byte[] realisticCall(Random random) {
    int transcriptTarget = 1024 + random.nextInt(4 * 1024 + 1);
    int messageCount = 10 + random.nextInt(31);
    long startedMillis = Dataset.T0_MILLIS + (long) (random.nextDouble() * Dataset.SEVEN_DAYS_MILLIS);
    // The spoken messages (all but the system prompt and the tool pairs) share the transcript's length.
    String[] roles = new String[messageCount];
    int spoken = 0;
    roles[0] = "system";
    for (int m = 1; m < messageCount; m++) {
      if (m > 2 && m < messageCount - 1 && random.nextInt(8) == 0 && !"tool_calls".equals(roles[m - 1])) {
        roles[m] = "tool_calls";
        roles[++m] = "tool_call_result";
        continue;
      }
      roles[m] = spoken % 2 == 0 ? "bot" : "user";
      spoken++;
    }
    int perMessage = Math.max(8, transcriptTarget / Math.max(1, spoken) - 6);
    String[] texts = new String[messageCount];
    StringBuilder transcript = new StringBuilder(transcriptTarget + 256);
    for (int m = 0; m < messageCount; m++) {
      if ("bot".equals(roles[m]) || "user".equals(roles[m])) {
        texts[m] = sentence(random, perMessage / 2 + random.nextInt(perMessage + 1));
        transcript.append("bot".equals(roles[m]) ? "AI: " : "User: ").append(texts[m]).append('\n');
      }
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream(transcriptTarget * 3);
    try (JsonGenerator g = JSON.createGenerator(out, JsonEncoding.UTF8)) {
      long durationMs = 30_000 + random.nextInt(600_000);
      g.writeStartObject();
      g.writeNumberField("id", 0);
      g.writeNumberField("assistant_id", 1 + random.nextInt(50));
      g.writeStringField("started_at", Instant.ofEpochMilli(startedMillis).toString());
      g.writeStringField("ended_at", Instant.ofEpochMilli(startedMillis + durationMs).toString());
      String status = STATUSES[random.nextInt(STATUSES.length)];
      g.writeStringField("call_status", status);
      g.writeStringField("ended_reason", ENDED[random.nextInt(ENDED.length)]);
      g.writeStringField("transcript", transcript.toString());
      g.writeStringField("source_number", "+1415555" + (1000 + random.nextInt(9000)));
      g.writeStringField("destination_number", "+1212555" + (1000 + random.nextInt(9000)));
      g.writeStringField("call_type", random.nextInt(4) == 0 ? "inbound" : "outbound");
      g.writeArrayFieldStart("messages");
      double at = startedMillis;
      for (int m = 0; m < messageCount; m++) {
        double length = 400 + random.nextInt(6000);
        g.writeStartObject();
        g.writeStringField("role", roles[m]);
        switch (roles[m]) {
          case "system":
            g.writeStringField("message", "You are a friendly assistant of the clinic calling a patient after "
                + "their procedure. Ask about pain, medication and the follow-up appointment; never give medical advice.");
            break;
          case "tool_calls":
            g.writeArrayFieldStart("toolCalls");
            g.writeStartObject();
            g.writeStringField("id", "call_" + Long.toHexString(random.nextLong()));
            g.writeStringField("type", "function");
            g.writeObjectFieldStart("function");
            g.writeStringField("name", TOOLS[random.nextInt(TOOLS.length)]);
            g.writeStringField("arguments", "{\"patient_ref\":\"p-" + random.nextInt(100000)
                + "\",\"date\":\"2026-01-" + (10 + random.nextInt(18)) + "\"}");
            g.writeEndObject();
            g.writeEndObject();
            g.writeEndArray();
            break;
          case "tool_call_result":
            g.writeStringField("toolCallId", "call_" + Long.toHexString(random.nextLong()));
            g.writeStringField("name", TOOLS[random.nextInt(TOOLS.length)]);
            g.writeStringField("result", "{\"ok\":true,\"slot\":\"2026-01-" + (10 + random.nextInt(18))
                + "T" + (9 + random.nextInt(8)) + ":30:00Z\"}");
            break;
          default:
            g.writeStringField("message", texts[m]);
            break;
        }
        g.writeNumberField("time", at);
        g.writeNumberField("endTime", at + length);
        g.writeNumberField("secondsFromStart", (at - startedMillis) / 1000.0);
        g.writeNumberField("duration", length);
        g.writeEndObject();
        at += length + random.nextInt(1500);
      }
      g.writeEndArray();
      g.writeNumberField("duration_ms", durationMs);
      g.writeObjectFieldStart("analysis");
      g.writeNumberField("repetition_count", random.nextInt(4));
      g.writeNumberField("interruption_count", random.nextInt(6));
      g.writeObjectFieldStart("custom");
      g.writeStringField("sentiment", random.nextBoolean() ? "positive" : "neutral");
      g.writeBooleanField("appointment_confirmed", random.nextBoolean());
      g.writeNumberField("pain_level", random.nextInt(11));
      g.writeEndObject();
      g.writeEndObject();
      g.writeStringField("summary", sentence(random, 160 + random.nextInt(240)));
      g.writeStringField("outcome", OUTCOMES[random.nextInt(OUTCOMES.length)]);
      if ("ended".equals(status) && random.nextInt(5) == 0) {
        g.writeStringField("failure_reason", FAILURES[random.nextInt(FAILURES.length)]);
      } else {
        g.writeNullField("failure_reason");
      }
      g.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  private static String sentence(Random random, int length) {
    StringBuilder s = new StringBuilder(length + 16);
    while (s.length() < length) {
      String word = WORDS[random.nextInt(WORDS.length)];
      if (s.length() == 0) {
        s.append(Character.toUpperCase(word.charAt(0))).append(word, 1, word.length());
      } else {
        s.append(random.nextInt(9) == 0 ? ", " : " ").append(word);
      }
    }
    return s.append(random.nextBoolean() ? '.' : '?').toString();
  }
}
