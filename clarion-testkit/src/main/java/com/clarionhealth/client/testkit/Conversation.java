package com.clarionhealth.client.testkit;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * The conversation of an answered call: messages of all five roles ({@code system}, {@code bot},
 * {@code user}, {@code tool_calls}, {@code tool_call_result}), generated from the call's script alone and
 * laid out over its conversation time. Fictional clinics, providers and patients only.
 */
final class Conversation {
  static final String SYSTEM = "system";
  static final String BOT = "bot";
  static final String USER = "user";
  static final String TOOL_CALLS = "tool_calls";
  static final String TOOL_CALL_RESULT = "tool_call_result";

  /** One message; times in milliseconds from the moment the call was answered. */
  static final class Line {
    final String role;
    final String text;
    final long startMs;
    /** Its duration, or -1 when it has none (system, tool calls, tool results). */
    final long durationMs;
    final String toolCallId;
    final String toolName;
    final String toolArguments;
    final String toolResult;

    Line(String role, String text, long startMs, long durationMs, String toolCallId, String toolName,
        String toolArguments, String toolResult) {
      this.role = role;
      this.text = text;
      this.startMs = startMs;
      this.durationMs = durationMs;
      this.toolCallId = toolCallId;
      this.toolName = toolName;
      this.toolArguments = toolArguments;
      this.toolResult = toolResult;
    }

    Line scaled(double factor) {
      return new Line(role, text, Math.round(startMs * factor),
          durationMs < 0 ? -1 : Math.max(1, Math.round(durationMs * factor)), toolCallId, toolName,
          toolArguments, toolResult);
    }
  }

  static final String[] CLINICS = {"Harbor View Family Clinic", "Northgate Medical Group", "Cedar Park Health"};
  private static final String[] PROVIDERS = {"Dr. Rivera", "Dr. Okafor", "Dr. Lindqvist", "Dr. Tanaka", "Dr. Haddad"};
  private static final String[] SLOTS = {"8:30 AM", "9:15 AM", "10:30 AM", "11:45 AM", "1:00 PM", "2:20 PM", "3:40 PM"};
  private static final String[] GREETINGS = {
      "Hi, this is Ava calling from %s. Is this a good time to talk for a minute?",
      "Hello! This is Ava, the scheduling assistant at %s, calling about your upcoming visit.",
      "Good day, this is Ava from %s. I'm calling about an appointment on your calendar."};
  private static final String[] REPLIES = {"Yes, this is fine.", "Sure, go ahead.", "Hi. Okay, what is it about?",
      "Yes, I have a minute."};
  private static final String[] LEAD_INS = {"Thanks! Let me pull up your appointment.",
      "Great, one moment while I check your booking.", "Thank you. I'm looking that up now."};
  private static final String[][] SMALL_TALK = {
      {"Do I need to bring anything with me?", "Please bring your insurance card and a list of your current medications."},
      {"Is there parking at the clinic?", "Yes, there is free parking behind the building."},
      {"How early should I arrive?", "Please arrive about ten minutes early to check in."},
      {"Will it be the same room as last time?", "The front desk will direct you when you check in."}};

  private Conversation() {}

  /** The call's whole conversation, ordered by start; empty for a call that was never answered. */
  static List<Line> of(CallScript script) {
    if (!script.answered()) {
      return Collections.emptyList();
    }
    SplittableRandom random = new SplittableRandom(script.conversationSeed());
    String clinic = CLINICS[script.clinic];
    String provider = pick(random, PROVIDERS);
    String slot = pick(random, SLOTS);
    LocalDate day = LocalDate.ofInstant(Micros.toInstant(script.createdMicros), ZoneOffset.UTC)
        .plusDays(2 + random.nextInt(12));
    String date = day.getMonth().getDisplayName(TextStyle.FULL, Locale.ENGLISH) + ' ' + day.getDayOfMonth();
    String patientRef = String.format(Locale.ROOT, "PT-%05d", random.nextInt(100_000));
    String toolCallId = String.format(Locale.ROOT, "call_%016x", random.nextLong());

    Layout layout = new Layout(random);
    layout.line(SYSTEM, "You are Ava, the scheduling assistant of " + clinic + ". Confirm the patient's upcoming "
        + "appointment, offer to reschedule, record opt-outs, and never give medical advice.");
    layout.say(BOT, String.format(Locale.ROOT, pick(random, GREETINGS), clinic));
    CallScript.Ending ending = script.ending;
    if (ending == CallScript.Ending.OPT_OUT) {
      layout.say(USER, "Please stop calling me. Take me off your list.");
      layout.say(BOT, "I understand. I'll record that right away.");
    } else {
      layout.say(USER, pick(random, REPLIES));
      layout.say(BOT, pick(random, LEAD_INS));
    }
    String tool;
    String arguments;
    String result;
    switch (ending) {
      case OPT_OUT:
        tool = "record_opt_out";
        arguments = "{\"patient_ref\":\"" + patientRef + "\",\"channel\":\"voice\"}";
        result = "{\"status\":\"recorded\"}";
        break;
      case ESCALATED:
        tool = "transfer_call";
        arguments = "{\"patient_ref\":\"" + patientRef + "\",\"destination\":\"front-desk\"}";
        result = "{\"status\":\"transferring\",\"queue_position\":" + (1 + random.nextInt(3)) + "}";
        break;
      case CALLBACK:
        tool = "schedule_callback";
        arguments = "{\"patient_ref\":\"" + patientRef + "\",\"window\":\"tomorrow-morning\"}";
        result = "{\"status\":\"scheduled\",\"window\":\"tomorrow 9 AM to 12 PM\"}";
        break;
      case RESCHEDULED:
        tool = "reschedule_appointment";
        arguments = "{\"patient_ref\":\"" + patientRef + "\",\"after\":\"" + day + "\"}";
        result = "{\"status\":\"rescheduled\",\"date\":\"" + day.plusDays(7) + "\",\"time\":\"" + slot + "\"}";
        break;
      default:
        tool = "lookup_appointment";
        arguments = "{\"patient_ref\":\"" + patientRef + "\"}";
        result = "{\"date\":\"" + day + "\",\"time\":\"" + slot + "\",\"provider\":\"" + provider + "\"}";
        break;
    }
    layout.toolCall(toolCallId, tool, arguments, result);
    switch (ending) {
      case OPT_OUT:
        layout.say(BOT, "Done: you won't receive further calls from " + clinic + ".");
        layout.say(USER, "Thank you.");
        layout.say(BOT, "You're welcome. Goodbye.");
        break;
      case ESCALATED:
        layout.say(BOT, "I see you're scheduled with " + provider + " on " + date + " at " + slot + ".");
        layout.say(USER, "I have a question about my test results, can I talk to someone?");
        layout.say(BOT, "Of course. I'm transferring you to our front desk now, please hold.");
        break;
      case CALLBACK:
        layout.say(BOT, "You're scheduled with " + provider + " on " + date + " at " + slot + ".");
        layout.say(USER, "I'm driving right now. Can someone call me back tomorrow?");
        layout.say(BOT, "Certainly. We'll call you back tomorrow between 9 AM and noon. Drive safely!");
        break;
      case RESCHEDULED:
        layout.say(BOT, "I've found an opening with " + provider + " one week later, at " + slot + ". Shall I book it?");
        layout.say(USER, "Yes, that works better. Thanks.");
        smallTalk(layout, random);
        layout.say(BOT, "You're all set for the new date. Have a great day!");
        break;
      case DROPPED:
        layout.say(BOT, "You're scheduled with " + provider + " on " + date + " at " + slot + ". Can you make it?");
        layout.say(USER, "Sorry, I have to go, someone's at the");
        break;
      case ASSISTANT_ENDED:
        layout.say(BOT, "You're scheduled with " + provider + " on " + date + " at " + slot + ". Can you make it?");
        layout.say(USER, "Hello? I can't hear you very well.");
        layout.say(BOT, "It seems we have a bad connection. We'll try again later. Goodbye.");
        break;
      default:
        layout.say(BOT, "You're scheduled with " + provider + " on " + date + " at " + slot + ". Can you make it?");
        layout.say(USER, "Yes, I'll be there.");
        smallTalk(layout, random);
        layout.say(BOT, "Wonderful, your appointment is confirmed. See you on " + date + "!");
        break;
    }
    long talkMs = (script.endedMicros - script.answeredMicros
        - (script.forwardingMicros >= 0 ? CallScript.FORWARDING_MICROS : 0)) / Micros.PER_MILLI;
    return layout.fitInto(Math.max(1_000, talkMs - 500));
  }

  /** The transcript: one line per spoken message, {@code AI: ...} or {@code User: ...}. */
  static String transcript(List<Line> lines) {
    StringBuilder transcript = new StringBuilder();
    for (Line line : lines) {
      if (line.role.equals(BOT) || line.role.equals(USER)) {
        if (transcript.length() > 0) {
          transcript.append('\n');
        }
        transcript.append(line.role.equals(BOT) ? "AI: " : "User: ").append(line.text);
      }
    }
    return transcript.toString();
  }

  private static void smallTalk(Layout layout, SplittableRandom random) {
    int exchanges = random.nextInt(3);
    int first = random.nextInt(SMALL_TALK.length);
    for (int i = 0; i < exchanges; i++) {
      String[] exchange = SMALL_TALK[(first + i) % SMALL_TALK.length];
      layout.say(USER, exchange[0]);
      layout.say(BOT, exchange[1]);
    }
  }

  private static String pick(SplittableRandom random, String[] choices) {
    return choices[random.nextInt(choices.length)];
  }

  /** Places messages one after the other with natural gaps, then stretches them over the conversation. */
  private static final class Layout {
    private final SplittableRandom random;
    private final List<Line> lines = new ArrayList<>();
    private long cursorMs;

    Layout(SplittableRandom random) {
      this.random = random;
    }

    void line(String role, String text) {
      lines.add(new Line(role, text, 0, -1, null, null, null, null));
    }

    void say(String role, String text) {
      long start = cursorMs + 300 + random.nextInt(900);
      long duration = 400 + text.length() * (45L + random.nextInt(20));
      lines.add(new Line(role, text, start, duration, null, null, null, null));
      cursorMs = start + duration;
    }

    void toolCall(String id, String name, String arguments, String result) {
      long start = cursorMs + 100 + random.nextInt(300);
      lines.add(new Line(TOOL_CALLS, null, start, -1, id, name, arguments, null));
      cursorMs = start + 300 + random.nextInt(600);
      lines.add(new Line(TOOL_CALL_RESULT, null, cursorMs, -1, id, name, null, result));
    }

    List<Line> fitInto(long talkMs) {
      double factor = (double) talkMs / Math.max(1, cursorMs);
      List<Line> fitted = new ArrayList<>(lines.size());
      for (Line line : lines) {
        fitted.add(line.scaled(factor));
      }
      return fitted;
    }
  }
}
