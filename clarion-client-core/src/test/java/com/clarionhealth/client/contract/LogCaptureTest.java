package com.clarionhealth.client.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The contract suite's log capture can see what the clients log: its checks can fail. */
class LogCaptureTest {
  @RegisterExtension
  final LogCapture logs = new LogCapture();

  private final Logger clientLogger = LoggerFactory.getLogger("com.clarionhealth.client.blocking.ClarionClient");

  @Test
  void aDebugLineOfAnyLoggerBelowComClarionhealthIsCaptured() {
    clientLogger.debug("{} {} -> {}", "GET", "/call", 200);
    LoggerFactory.getLogger("org.elsewhere").warn("not ours");

    assertThat(logs.debugLines()).containsExactly("GET /call -> 200");
  }

  @Test
  void theKeyIsFoundInAMessageAnArgumentOrAnException() {
    String key = ContractSupport.ODD_KEY;

    clientLogger.debug("sent {}", "Bearer " + key);
    assertThatThrownBy(() -> logs.assertNothingContains(key)).isInstanceOf(AssertionError.class);
  }

  @Test
  void theKeyIsFoundInTheCauseOfALoggedException() {
    String key = ContractSupport.ODD_KEY;

    clientLogger.info("retrying", new IllegalStateException("failed", new RuntimeException("echo " + key)));
    assertThatThrownBy(() -> logs.assertNothingContains(key)).isInstanceOf(AssertionError.class);
    logs.assertNothingContains("a key that was never logged");
  }
}
