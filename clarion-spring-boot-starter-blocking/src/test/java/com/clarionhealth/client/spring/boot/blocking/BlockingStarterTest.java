package com.clarionhealth.client.spring.boot.blocking;

import static org.assertj.core.api.Assertions.assertThat;

import com.clarionhealth.client.CallQuery;
import com.clarionhealth.client.blocking.ClarionClient;
import com.clarionhealth.client.spring.boot.ClarionAutoConfiguration;
import com.clarionhealth.client.testkit.ClarionSandbox;
import com.clarionhealth.client.testkit.Distribution;
import java.time.Instant;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** A non-reactive application with this starter alone and one property: a working ClarionClient, nothing reactive. */
class BlockingStarterTest {
  private static final Instant FROM = Instant.parse("2026-01-01T00:00:00Z");
  private static final Instant TO = Instant.parse("2026-01-02T00:00:00Z");

  @Test
  void oneDependencyAndTheKeyGiveAClarionClient() {
    assertThat(present("reactor.core.publisher.Flux")).isFalse();
    assertThat(present("org.springframework.web.reactive.function.client.WebClient")).isFalse();
    try (ClarionSandbox sandbox = ClarionSandbox.start()) {
      sandbox.seed(25, FROM, TO, Distribution.UNIFORM);
      new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(ClarionAutoConfiguration.class))
          .withPropertyValues("clarion.api-key=" + sandbox.apiKey(), "clarion.base-url=" + sandbox.baseUrl())
          .run(context -> {
            assertThat(context).hasNotFailed().hasSingleBean(ClarionClient.class);
            try (Stream<?> calls = context.getBean(ClarionClient.class).calls().stream(CallQuery.between(FROM, TO))) {
              assertThat(calls.count()).isEqualTo(25);
            }
          });
      assertThat(sandbox.requests()).allSatisfy(request ->
          assertThat(request.header("Authorization")).contains("Bearer " + sandbox.apiKey()));
    }
  }

  private static boolean present(String className) {
    try {
      Class.forName(className, false, BlockingStarterTest.class.getClassLoader());
      return true;
    } catch (ClassNotFoundException e) {
      return false;
    }
  }
}
