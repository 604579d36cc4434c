package com.clarionhealth.client.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import com.clarionhealth.client.blocking.ClarionClient;
import com.clarionhealth.client.model.Call;
import java.time.Instant;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A configured sandbox, seeded once in @BeforeAll and kept across tests. */
class ExtensionKeepingStateTest {
  @RegisterExtension
  static final ClarionSandboxExtension extension = ClarionSandboxExtension.builder()
      .sandbox(ClarionSandbox.builder().apiKey("another-key").seed(7).listOrder(ListOrder.OLDEST_FIRST))
      .resetBeforeEach(false)
      .build();

  @BeforeAll
  static void seedOnce(ClarionSandbox sandbox) {
    sandbox.seed(500, Instant.parse("2026-03-01T00:00:00Z"), Instant.parse("2026-03-01T12:00:00Z"),
        Distribution.UNIFORM);
  }

  @RepeatedTest(2)
  void seesTheSeededCalls(ClarionClient client) {
    assertThat(extension.apiKey()).isEqualTo("another-key");
    assertThat(extension.sandbox().seed()).isEqualTo(7);
    assertThat(client.calls().list()).hasSize(100).extracting(Call::getId).startsWith(1L, 2L, 3L);
    assertThat(extension.sandbox().callCount()).isEqualTo(500);
  }
}
