package com.clarionhealth.client.testkit;

import com.clarionhealth.client.model.CallStatus;
import com.clarionhealth.client.model.FailureReason;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * The whole life of one call, derived from its id, creation time and seed alone (plus the fields of its
 * {@code POST}, for a created call): when it rings, is answered, is forwarded and ends, and how it ends.
 * Nothing of it is stored; it is recomputed whenever the call is written, in a few hundred nanoseconds.
 *
 * <p>Every call is {@code queued} when created, {@code ringing} {@link #RINGING_AFTER_MICROS 2 s} later and,
 * when answered, {@code in-progress} {@link #IN_PROGRESS_AFTER_MICROS 10 s} after creation, for a conversation
 * of 30 s to 6 min; an escalated call is {@code forwarding} for its last 15 s. About 12% are never answered:
 * they ring for 15 to 40 s and end with failure reason {@code declined}. Of the answered calls about 22% end
 * with another failure reason ({@code escalated}, {@code requested-callback}, {@code customer-dropped},
 * {@code assistant-ended}, {@code opt-out}).
 */
final class CallScript {
  static final long RINGING_AFTER_MICROS = 2 * Micros.PER_SECOND;
  static final long IN_PROGRESS_AFTER_MICROS = 10 * Micros.PER_SECOND;
  static final long FORWARDING_MICROS = 15 * Micros.PER_SECOND;

  enum Ending {
    CONFIRMED("appointment-confirmed", null, "customer-ended-call"),
    RESCHEDULED("appointment-rescheduled", null, "assistant-ended-call"),
    DECLINED("no-answer", FailureReason.DECLINED, "customer-did-not-answer"),
    ESCALATED("transferred-to-staff", FailureReason.ESCALATED, "assistant-forwarded-call"),
    CALLBACK("callback-requested", FailureReason.REQUESTED_CALLBACK, "assistant-ended-call"),
    DROPPED("incomplete", FailureReason.CUSTOMER_DROPPED, "customer-ended-call"),
    ASSISTANT_ENDED("incomplete", FailureReason.ASSISTANT_ENDED, "assistant-ended-call"),
    OPT_OUT("opted-out", FailureReason.OPT_OUT, "assistant-ended-call");

    final String outcome;
    final FailureReason failure;
    final String endedReason;

    Ending(String outcome, FailureReason failure, String endedReason) {
      this.outcome = outcome;
      this.failure = failure;
      this.endedReason = endedReason;
    }
  }

  private static final long NOT_ANSWERED = Long.MIN_VALUE;

  final long id;
  final long seed;
  final long createdMicros;
  final long ringingMicros;
  /** When the call was answered, or {@link #NOT_ANSWERED}. */
  final long answeredMicros;
  /** When forwarding started, or -1. */
  final long forwardingMicros;
  final long endedMicros;
  final Ending ending;
  final long assistantId;
  /** Which of the three fictional clinics places the call. */
  final int clinic;
  final String sourceNumber;
  final String destinationNumber;

  private CallScript(CallStore.Ref ref) {
    this.id = ref.id;
    this.seed = ref.seed;
    this.createdMicros = ref.createdMicros;
    SplittableRandom random = new SplittableRandom(Seeds.mix(ref.seed, 0x11FEL, ref.id));
    this.ringingMicros = createdMicros + RINGING_AFTER_MICROS;
    double u = random.nextDouble();
    Ending chosen;
    if (u < 0.12) {
      chosen = Ending.DECLINED;
    } else if (u < 0.12 + 0.044) {
      chosen = Ending.ESCALATED;
    } else if (u < 0.12 + 0.088) {
      chosen = Ending.CALLBACK;
    } else if (u < 0.12 + 0.141) {
      chosen = Ending.DROPPED;
    } else if (u < 0.12 + 0.167) {
      chosen = Ending.ASSISTANT_ENDED;
    } else if (u < 0.12 + 0.194) {
      chosen = Ending.OPT_OUT;
    } else if (u < 0.12 + 0.194 + 0.2) {
      chosen = Ending.RESCHEDULED;
    } else {
      chosen = Ending.CONFIRMED;
    }
    this.ending = chosen;
    if (chosen == Ending.DECLINED) {
      this.answeredMicros = NOT_ANSWERED;
      this.forwardingMicros = -1;
      // Whole milliseconds, so that duration_ms, started_at and ended_at (milliseconds on the wire) agree.
      this.endedMicros = ringingMicros + random.nextLong(15_000, 40_000) * Micros.PER_MILLI;
    } else {
      this.answeredMicros = createdMicros + IN_PROGRESS_AFTER_MICROS;
      long conversation = random.nextLong(30_000, 360_000) * Micros.PER_MILLI;
      this.endedMicros = answeredMicros + conversation;
      this.forwardingMicros = chosen == Ending.ESCALATED ? endedMicros - FORWARDING_MICROS : -1;
    }
    this.clinic = random.nextInt(3);
    if (ref.posted != null) {
      this.assistantId = ref.posted.assistantId;
      this.destinationNumber = ref.posted.destinationNumber;
      this.sourceNumber = ref.posted.sourcePhoneNumberId == null
          ? "+14155550100"
          // A fictional number (555-01xx) per phone-number id.
          : "+1415555" + String.format(Locale.ROOT, "%04d", 100 + Math.floorMod(ref.posted.sourcePhoneNumberId, 100));
    } else {
      this.assistantId = 101 + clinic;
      this.sourceNumber = "+1415555010" + clinic;
      // Fictional North American numbers: 555-0100 to 555-0199, in one of many area codes.
      this.destinationNumber = "+1" + (201 + random.nextInt(780)) + "55501" + String.format(Locale.ROOT, "%02d", random.nextInt(100));
    }
  }

  static CallScript of(CallStore.Ref ref) {
    return new CallScript(ref);
  }

  boolean answered() {
    return answeredMicros != NOT_ANSWERED;
  }

  CallStatus statusAt(long nowMicros) {
    if (nowMicros < ringingMicros) {
      return CallStatus.QUEUED;
    }
    if (nowMicros >= endedMicros) {
      return CallStatus.ENDED;
    }
    if (!answered() || nowMicros < answeredMicros) {
      return CallStatus.RINGING;
    }
    if (forwardingMicros >= 0 && nowMicros >= forwardingMicros) {
      return CallStatus.FORWARDING;
    }
    return CallStatus.IN_PROGRESS;
  }

  boolean endedAt(long nowMicros) {
    return nowMicros >= endedMicros;
  }

  /** The conversation's seed: independent of the draws above, so they may change without changing it. */
  long conversationSeed() {
    return Seeds.mix(seed, 0xC0417E75L, id);
  }
}
