package com.clarionhealth.client.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import com.clarionhealth.client.model.Call;
import com.clarionhealth.client.model.CreateCall;
import com.clarionhealth.client.reactive.ReactiveClarionClient;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The reactive client, resolved by the extension through the testkit's release-17 factory. */
class ReactiveExtensionTest {
  @RegisterExtension
  static final ClarionSandboxExtension extension = ClarionSandboxExtension.create();

  @Test
  void resolvesAReactiveClientForTheSandbox(ReactiveClarionClient client, ClarionSandbox sandbox) {
    Call created = client.calls().create(new CreateCall().assistantId(3L).destinationPhoneNumber("+14155550123"))
        .block(Duration.ofSeconds(10));
    sandbox.clock().advance(ClarionSandbox.LONGEST_CALL);

    assertThat(created.getId()).isEqualTo(1);
    assertThat(client.calls().list().collectList().block(Duration.ofSeconds(10))).singleElement()
        .satisfies(call -> assertThat(call.getEndedAt()).isNotNull());
    assertThat(extension.client(ReactiveClarionClient.class)).isSameAs(client);
    assertThat(sandbox.requests()).extracting(RecordedRequest::method).containsExactly("POST", "GET");
  }
}
