package com.clarionhealth.client.blocking;

import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import com.clarionhealth.client.contract.ClientConfig;
import com.clarionhealth.client.contract.ClientDriver;
import com.clarionhealth.client.contract.ValidationContract;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.Test;

class BlockingValidationTest extends ValidationContract {
  @Override
  protected ClientDriver driver(ClientConfig config) {
    return new BlockingDriver(config);
  }

  /**
   * Blocking only: "forever" would overflow inside the JDK's HttpClient, so every request would fail or
   * hang. The reactive builder accepts these durations (see the report of the contract suite).
   */
  @Test
  void timeoutsTheJdkHttpClientCannotHoldAreRefused() {
    ClarionClient.Builder builder = ClarionClient.builder();
    assertThatIllegalArgumentException().isThrownBy(() -> builder.requestTimeout(ChronoUnit.FOREVER.getDuration()))
        .withMessageContaining("requestTimeout");
    assertThatIllegalArgumentException().isThrownBy(() -> builder.connectTimeout(Duration.ofSeconds(Long.MAX_VALUE / 1000)))
        .withMessageContaining("connectTimeout");
  }
}
