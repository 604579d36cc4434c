package com.clarionhealth.client.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.clarionhealth.client.blocking.ClarionClient;
import com.clarionhealth.client.model.CreateCall;
import java.time.Duration;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The extension in a static field: one sandbox for the class, reset before each test, clients resolved. */
class ExtensionTest {
  @RegisterExtension
  static final ClarionSandboxExtension extension = ClarionSandboxExtension.create();

  static int port;

  @RepeatedTest(3)
  void eachTestStartsFromAFreshSandbox(ClarionClient client, ClarionSandbox sandbox, SandboxClock clock) {
    if (port == 0) {
      port = sandbox.port();
    }
    assertThat(sandbox.port()).as("one sandbox for the class").isEqualTo(port);
    assertThat(sandbox.callsCreated()).isZero();
    assertThat(clock.instant()).isEqualTo(ClarionSandbox.DEFAULT_CLOCK_START);

    long id = client.calls().create(new CreateCall().assistantId(1L).destinationPhoneNumber("+14155550123")).getId();
    clock.advance(Duration.ofMinutes(1));

    assertThat(id).isEqualTo(1);
    assertThat(sandbox.callsCreated()).isEqualTo(1);
  }

  @Test
  void handsOutTheBaseUrlTheKeyAndOneClientPerKind(ClarionClient client) {
    assertThat(extension.baseUrl()).matches("http://127\\.0\\.0\\.1:\\d+/v1").isEqualTo(extension.sandbox().baseUrl());
    assertThat(extension.apiKey()).isEqualTo(ClarionSandbox.DEFAULT_API_KEY);
    assertThat(extension.client(ClarionClient.class)).isSameAs(client);
    assertThatThrownBy(() -> extension.client(String.class)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("not a Clarion client type");
  }

  @Nested
  class NestedTests {
    @Test
    void shareTheOuterSandbox(ClarionSandbox sandbox) {
      assertThat(sandbox).isSameAs(extension.sandbox());
      assertThat(sandbox.callsCreated()).isZero();
    }
  }
}
