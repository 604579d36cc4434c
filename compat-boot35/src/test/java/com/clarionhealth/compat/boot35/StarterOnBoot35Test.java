package com.clarionhealth.compat.boot35;

import static org.assertj.core.api.Assertions.assertThat;

import com.clarionhealth.client.CallQuery;
import com.clarionhealth.client.reactive.ReactiveClarionClient;
import com.clarionhealth.client.spring.boot.ClarionAutoConfiguration;
import com.clarionhealth.client.spring.boot.MissingApiKeyException;
import com.clarionhealth.client.testkit.ClarionSandbox;
import com.clarionhealth.client.testkit.Distribution;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringBootVersion;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.web.reactive.function.client.WebClientAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.web.reactive.function.client.WebClientCustomizer;

/**
 * The starter in a Spring Boot 3.5 WebFlux application (Spring 6.2, Jackson 2 only): one property gives a
 * ReactiveClarionClient, built on Boot 3.5's own WebClient.Builder, that streams calls.
 */
class StarterOnBoot35Test {
  private static final Instant FROM = Instant.parse("2026-01-01T00:00:00Z");
  private static final Instant TO = Instant.parse("2026-01-02T00:00:00Z");

  @Test
  void aBoot35WebFluxApplicationStreamsCallsWithTheStartersClient() {
    assertThat(SpringBootVersion.getVersion()).startsWith("3.5.");
    AtomicInteger filtered = new AtomicInteger();
    try (ClarionSandbox sandbox = ClarionSandbox.start()) {
      sandbox.seed(60, FROM, TO, Distribution.UNIFORM);
      new ApplicationContextRunner()
          .withConfiguration(AutoConfigurations.of(WebClientAutoConfiguration.class, ClarionAutoConfiguration.class))
          .withPropertyValues("clarion.api-key=" + sandbox.apiKey(), "clarion.base-url=" + sandbox.baseUrl())
          .withBean(WebClientCustomizer.class, () -> builder -> builder.filter((request, next) -> {
            filtered.incrementAndGet();
            return next.exchange(request);
          }))
          .run(context -> {
            assertThat(context).hasNotFailed().hasSingleBean(ReactiveClarionClient.class);
            Long count = context.getBean(ReactiveClarionClient.class).calls().stream(CallQuery.between(FROM, TO))
                .count().block(Duration.ofSeconds(30));
            assertThat(count).isEqualTo(60L);
          });
      assertThat(filtered.get()).isPositive(); // on the application's builder
    }
  }

  @Test
  void aMissingKeyFailsTheStartupNamingTheProperty() {
    new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(ClarionAutoConfiguration.class))
        .withPropertyValues("clarion.api-key= ", "clarion.base-url=http://127.0.0.1:9")
        .run(context -> assertThat(context).hasFailed().getFailure()
            .hasRootCauseInstanceOf(MissingApiKeyException.class)
            .hasStackTraceContaining("clarion.api-key"));
  }
}
