package com.clarionhealth.client.testkit;

// The README's example, compiled and run here; ReadmeTest checks that the README still shows it verbatim.
// readme:begin
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.clarionhealth.client.CallQuery;
import com.clarionhealth.client.ClarionException;
import com.clarionhealth.client.blocking.ClarionClient;
import com.clarionhealth.client.model.Call;
import com.clarionhealth.client.model.CallStatus;
import com.clarionhealth.client.model.CreateCall;
import java.time.Duration;
import java.time.Instant;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class AppointmentRemindersTest {
  @RegisterExtension
  static final ClarionSandboxExtension clarion = ClarionSandboxExtension.create();

  @Test
  void aPlacedCallRingsIsAnsweredAndEnds(ClarionClient client, ClarionSandbox sandbox) {
    Call call = client.calls().create(new CreateCall()
        .assistantId(42L)
        .destinationPhoneNumber("+14155550123"));
    assertThat(call.getCallStatus()).isEqualTo(CallStatus.QUEUED);

    sandbox.clock().advance(Duration.ofMinutes(10)); // the sandbox's time, not the wall clock's

    Call ended = sandbox.call(call.getId()).orElseThrow();
    assertThat(ended.getCallStatus()).isEqualTo(CallStatus.ENDED);
    assertThat(ended.getEndedAt()).isNotNull();
  }

  @Test
  void aFailedPostIsNeverSentTwice(ClarionClient client, ClarionSandbox sandbox) {
    // The dangerous case: the server creates the call, then answers 503.
    sandbox.addFault(FaultRule.serviceUnavailable().onPost().times(1).callCreated());

    assertThatThrownBy(() -> client.calls().create(new CreateCall()
        .assistantId(42L)
        .destinationPhoneNumber("+14155550123")))
        .isInstanceOfSatisfying(ClarionException.class,
            e -> assertThat(e.callMayHaveBeenPlaced()).isTrue());
    assertThat(sandbox.callsCreated()).isEqualTo(1); // a phone rang once
    assertThat(sandbox.requests()).hasSize(1);       // and the client did not retry
  }

  @Test
  void streamsAWeekOfCallsWhateverPageTheServerPicks(ClarionClient client, ClarionSandbox sandbox) {
    Instant from = Instant.parse("2026-02-23T00:00:00Z");
    Instant to = Instant.parse("2026-03-02T00:00:00Z");
    sandbox.seed(2_000, from, to, Distribution.BUSINESS_HOURS, 42);
    sandbox.listOrder(ListOrder.RANDOM).listSelection(ListSelection.RANDOM_SUBSET);

    try (Stream<Call> calls = client.calls().stream(CallQuery.between(from, to))) {
      assertThat(calls.map(Call::getId).distinct().count()).isEqualTo(2_000);
    }
    assertThat(sandbox.requests()).allSatisfy(request -> assertThat(request.header("Authorization"))
        .contains("Bearer " + sandbox.apiKey()));
  }
}
// readme:end
