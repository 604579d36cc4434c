package com.clarionhealth.client.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import com.clarionhealth.client.blocking.ClarionClient;
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
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Calls move through queued, ringing, in-progress (forwarding) and ended as the sandbox clock advances. */
class LifecycleTest {
  static ClarionSandbox sandbox;
  static ClarionClient client;

  @BeforeAll
  static void start() {
    sandbox = ClarionSandbox.start();
    client = ClarionClient.builder().baseUrl(sandbox.baseUrl()).apiKey(sandbox.apiKey()).build();
  }

  @AfterAll
  static void stop() {
    sandbox.close();
  }

  @BeforeEach
  void reset() {
    sandbox.reset();
  }

  private static Call create() {
    return client.calls().create(new CreateCall().assistantId(7L).destinationPhoneNumber("+14155550123"));
  }

  @Test
  void aCreatedCallRingsAfterTwoSecondsIsAnsweredAfterTenAndEnds() {
    // Among the first calls some are answered: follow the first that is.
    long id = 0;
    for (int i = 0; i < 20 && id == 0; i++) {
      long candidate = create().getId();
      sandbox.clock().advance(ClarionSandbox.LONGEST_CALL);
      if (sandbox.call(candidate).orElseThrow().getStartedAt() != null) {
        id = candidate;
      }
    }
    assertThat(id).isPositive();
    sandbox.reset();
    for (long i = 1; i < id; i++) {
      create(); // the same ids again, so the same scripts
    }
    Instant created = sandbox.clock().instant();
    Call queued = create();
    assertThat(queued.getId()).isEqualTo(id);
    assertThat(queued.getCallStatus()).isEqualTo(CallStatus.QUEUED);

    sandbox.clock().advance(Duration.ofMillis(1999));
    assertThat(status(id)).isEqualTo(CallStatus.QUEUED);
    sandbox.clock().advance(Duration.ofMillis(1));
    assertThat(status(id)).isEqualTo(CallStatus.RINGING);
    sandbox.clock().advanceTo(created.plusSeconds(10).minusNanos(1000));
    assertThat(status(id)).isEqualTo(CallStatus.RINGING);
    assertThat(sandbox.call(id).orElseThrow().getStartedAt()).isNull();
    sandbox.clock().advanceTo(created.plusSeconds(10));
    Call answered = sandbox.call(id).orElseThrow();
    assertThat(answered.getCallStatus()).isIn(CallStatus.IN_PROGRESS);
    assertThat(answered.getStartedAt().toInstant()).isEqualTo(created.plusSeconds(10));
    assertThat(answered.getEndedAt()).isNull();
    assertThat(answered.getDurationMs()).isNull();
    assertThat(answered.getTranscript()).isNull();

    // Messages appear as the conversation goes on.
    List<Integer> counts = new ArrayList<>();
    Call call = answered;
    while (call.getEndedAt() == null) {
      counts.add(call.getMessages().size());
      sandbox.clock().advance(Duration.ofSeconds(5));
      call = sandbox.call(id).orElseThrow();
    }
    assertThat(counts).isSorted();
    assertThat(counts.get(0)).isLessThan(call.getMessages().size());
    assertThat(call.getCallStatus()).isEqualTo(CallStatus.ENDED);
    assertThat(call.getDurationMs().longValue())
        .isEqualTo(Duration.between(call.getStartedAt(), call.getEndedAt()).toMillis());
    assertThat(call.getDurationMs()).isBetween(30_000, 360_000);
  }

  @Test
  void endedAnsweredCallsCarryAConversationOfAllFiveRoles() {
    for (int i = 0; i < 40; i++) {
      create();
    }
    sandbox.clock().advance(ClarionSandbox.LONGEST_CALL);

    List<Call> calls = client.calls().list();
    assertThat(calls).hasSize(40).allSatisfy(c -> assertThat(c.getCallStatus()).isEqualTo(CallStatus.ENDED));
    List<Call> answered = calls.stream().filter(c -> c.getStartedAt() != null).collect(Collectors.toList());
    assertThat(answered).isNotEmpty();
    for (Call call : answered) {
      Set<Class<?>> roles = call.getMessages().stream().map(Object::getClass).collect(Collectors.toSet());
      assertThat(roles).as("call %d", call.getId()).contains(SystemMessage.class, BotMessage.class,
          UserMessage.class, ToolCallMessage.class, ToolCallResultMessage.class);
      ToolCallMessage toolCalls = (ToolCallMessage) call.getMessages().stream()
          .filter(m -> m instanceof ToolCallMessage).findFirst().orElseThrow();
      ToolCallResultMessage result = (ToolCallResultMessage) call.getMessages().stream()
          .filter(m -> m instanceof ToolCallResultMessage).findFirst().orElseThrow();
      assertThat(toolCalls.getToolCalls()).singleElement().satisfies(t -> {
        assertThat(t.getType()).isEqualTo("function");
        assertThat(t.getFunction().getName()).isEqualTo(result.getName());
        assertThat(t.getFunction().getArguments()).isInstanceOf(String.class);
        assertThat(t.getId()).isEqualTo(result.getToolCallId());
      });
      assertThat(call.getMessages()).extracting(Message::getSecondsFromStart).isSorted();
      assertThat(call.getTranscript()).startsWith("AI: ").contains("\nUser: ");
      assertThat(call.getAnalysis().getCustom()).containsKey("sentiment");
      assertThat(call.getSummary()).isNotBlank();
      assertThat(call.getOutcome()).isNotBlank();
      assertThat(call.getEndedReason()).isNotBlank();
      assertThat(call.getCallType()).isEqualTo("outboundPhoneCall");
    }
    // Failures, declined calls and successes all occur among 40 calls.
    assertThat(calls).anySatisfy(c -> assertThat(c.getFailureReason()).isNull());
    assertThat(calls).anySatisfy(c -> assertThat(c.getFailureReason()).isNotNull());
  }

  @Test
  void declinedCallsRingAndEndUnanswered() {
    List<Long> ids = new ArrayList<>();
    for (int i = 0; i < 60; i++) {
      ids.add(create().getId());
    }
    sandbox.clock().advance(ClarionSandbox.LONGEST_CALL);

    List<Call> declined = ids.stream().map(id -> sandbox.call(id).orElseThrow())
        .filter(c -> FailureReason.DECLINED.equals(c.getFailureReason())).collect(Collectors.toList());
    assertThat(declined).isNotEmpty().allSatisfy(c -> {
      assertThat(c.getStartedAt()).isNull();
      assertThat(c.getEndedAt()).isNotNull();
      assertThat(c.getDurationMs()).isZero();
      assertThat(c.getMessages()).isEmpty();
      assertThat(c.getOutcome()).isEqualTo("no-answer");
    });
  }

  @Test
  void escalatedCallsAreForwardingForTheirLastFifteenSeconds() {
    List<Long> ids = new ArrayList<>();
    for (int i = 0; i < 150; i++) {
      ids.add(create().getId());
    }
    sandbox.clock().advance(ClarionSandbox.LONGEST_CALL);
    Call escalated = ids.stream().map(id -> sandbox.call(id).orElseThrow())
        .filter(c -> FailureReason.ESCALATED.equals(c.getFailureReason())).findFirst().orElseThrow();

    sandbox.reset();
    for (int i = 0; i < escalated.getId(); i++) {
      create();
    }
    sandbox.clock().advanceTo(escalated.getEndedAt().toInstant().minusSeconds(15).minusMillis(1));
    assertThat(status(escalated.getId())).isEqualTo(CallStatus.IN_PROGRESS);
    sandbox.clock().advance(Duration.ofMillis(1));
    assertThat(status(escalated.getId())).isEqualTo(CallStatus.FORWARDING);
    sandbox.clock().advance(Duration.ofSeconds(15));
    assertThat(sandbox.call(escalated.getId())).contains(escalated);
  }

  @Test
  void sameSeedSameCallsByteForByte() {
    try (ClarionSandbox other = ClarionSandbox.start()) {
      for (ClarionSandbox s : List.of(sandbox, other)) {
        s.seed(500, Instant.parse("2026-03-02T08:00:00Z"), Instant.parse("2026-03-02T09:00:00Z"),
            Distribution.UNIFORM, 99);
      }
      Http.Response mine = new Http(sandbox).get("limit=1000");
      Http.Response theirs = new Http(other).get("limit=1000");

      assertThat(mine.status()).isEqualTo(200);
      assertThat(mine.body()).isEqualTo(theirs.body());
      // The last calls of the range end after the clock's instant: mixed states.
      assertThat(mine.json().findValuesAsText("call_status")).contains("ended", "in-progress", "ringing");
    }
    try (ClarionSandbox differentSeed = ClarionSandbox.builder().seed(1).start()) {
      differentSeed.seed(500, Instant.parse("2026-03-02T08:00:00Z"), Instant.parse("2026-03-02T09:00:00Z"),
          Distribution.UNIFORM, 99);
      // Same creation times (the seeding seed), so the same ids and statuses...
      assertThat(differentSeed.createdAt(250)).isEqualTo(sandbox.createdAt(250));
      // ...and the content derives from the seeding seed too.
      assertThat(differentSeed.call(250)).isEqualTo(sandbox.call(250));
    }
  }

  @Test
  void withoutConversationsCallsCarryNeitherMessagesNorTranscript() {
    try (ClarionSandbox lean = ClarionSandbox.builder().conversations(false).start()) {
      for (ClarionSandbox s : List.of(lean, sandbox)) {
        s.seed(20, Instant.parse("2026-03-01T00:00:00Z"), Instant.parse("2026-03-01T01:00:00Z"),
            Distribution.UNIFORM, 3);
      }
      assertThat(lean.call(1)).isEqualTo(sandbox.call(1).map(c -> c.messages(null).transcript(null)));
      Call call = lean.call(20).orElseThrow();
      assertThat(call.getMessages()).isNull();
      assertThat(call.getTranscript()).isNull();
      assertThat(call.getSummary()).isNotBlank();
    }
  }

  private static CallStatus status(long id) {
    return sandbox.call(id).orElseThrow().getCallStatus();
  }
}
