package com.clarionhealth.client.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;

import com.clarionhealth.client.CallQuery;
import com.clarionhealth.client.blocking.ClarionClient;
import com.clarionhealth.client.model.Call;
import com.clarionhealth.client.reactive.ReactiveClarionClient;
import com.clarionhealth.client.testkit.ClarionSandbox;
import com.clarionhealth.client.testkit.Distribution;
import com.clarionhealth.client.testkit.FaultRule;
import com.clarionhealth.client.testkit.RecordedRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.actuate.endpoint.SanitizableData;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.springframework.boot.webclient.autoconfigure.WebClientAutoConfiguration;
import org.springframework.web.reactive.function.client.WebClient;

/** Every condition and property of the auto-configuration, against a sandbox. */
class ClarionAutoConfigurationTest {
  private static final Instant FROM = Instant.parse("2026-01-01T00:00:00Z");
  private static final Instant TO = Instant.parse("2026-01-02T00:00:00Z");

  private ClarionSandbox sandbox;
  private ApplicationContextRunner runner;

  @BeforeEach
  void start() {
    sandbox = ClarionSandbox.start();
    sandbox.seed(40, FROM, TO, Distribution.UNIFORM);
    runner = new ApplicationContextRunner()
        .withConfiguration(AutoConfigurations.of(ClarionAutoConfiguration.class))
        // blank above the machine's environment: its CLARION_API_KEY must not leak into these tests
        .withPropertyValues("CLARION_API_KEY=")
        .withPropertyValues("clarion.api-key=" + sandbox.apiKey(), "clarion.base-url=" + sandbox.baseUrl());
  }

  @AfterEach
  void stop() {
    sandbox.close();
  }

  private List<RecordedRequest> gets() {
    return sandbox.requests().stream().filter(r -> r.method().equals("GET")).collect(Collectors.toList());
  }

  @Test
  void aKeyAndTheJarsGiveBothClientsThatWork() {
    runner.run(context -> {
      assertThat(context).hasSingleBean(ReactiveClarionClient.class).hasSingleBean(ClarionClient.class);
      List<Call> reactive = context.getBean(ReactiveClarionClient.class).calls()
          .stream(CallQuery.between(FROM, TO)).collectList().block(Duration.ofSeconds(30));
      List<Call> blocking = context.getBean(ClarionClient.class).calls().stream(CallQuery.between(FROM, TO))
          .collect(Collectors.toList());
      assertThat(reactive).hasSize(40);
      assertThat(blocking).hasSize(40);
    });
    assertThat(gets()).isNotEmpty().allSatisfy(request -> {
      assertThat(request.header("Authorization")).contains("Bearer " + sandbox.apiKey());
      assertThat(request.path()).isEqualTo("/v1/call");
    });
  }

  @Test
  void eachClientOnlyWhenItsJarIsThere() {
    runner.withClassLoader(new FilteredClassLoader(ClarionClient.class))
        .run(context -> assertThat(context).hasSingleBean(ReactiveClarionClient.class)
            .doesNotHaveBean(ClarionClient.class));
    runner.withClassLoader(new FilteredClassLoader(ReactiveClarionClient.class))
        .run(context -> assertThat(context).hasSingleBean(ClarionClient.class)
            .doesNotHaveBean(ReactiveClarionClient.class));
    // A blocking service without WebFlux: no reactive bean, and nothing fails for the missing WebClient.
    runner.withClassLoader(new FilteredClassLoader(WebClient.class))
        .run(context -> assertThat(context).hasNotFailed().hasSingleBean(ClarionClient.class)
            .doesNotHaveBean(ReactiveClarionClient.class));
  }

  @Test
  void theApplicationsOwnClientsWin() {
    ClarionClient own = ClarionClient.builder().apiKey("own-key").baseUrl(sandbox.baseUrl()).build();
    ReactiveClarionClient ownReactive = ReactiveClarionClient.builder().apiKey("own-key").baseUrl(sandbox.baseUrl())
        .build();
    runner.withBean(ClarionClient.class, () -> own).withBean(ReactiveClarionClient.class, () -> ownReactive)
        .run(context -> {
          assertThat(context.getBean(ClarionClient.class)).isSameAs(own);
          assertThat(context.getBean(ReactiveClarionClient.class)).isSameAs(ownReactive);
        });
  }

  @Test
  void theReactiveClientIsBuiltOnTheApplicationsWebClientBuilderWhenThereIsOne() {
    AtomicInteger filtered = new AtomicInteger();
    runner.withConfiguration(AutoConfigurations.of(WebClientAutoConfiguration.class))
        .withBean("filter", org.springframework.boot.webclient.WebClientCustomizer.class,
            () -> builder -> builder.filter((request, next) -> {
              filtered.incrementAndGet();
              return next.exchange(request);
            }))
        .run(context -> {
          assertThat(context).hasSingleBean(WebClient.Builder.class);
          context.getBean(ReactiveClarionClient.class).calls().list().collectList().block(Duration.ofSeconds(30));
          assertThat(context.getBean(ReactiveClarionClient.class).calls()
              .create(new com.clarionhealth.client.model.CreateCall().assistantId(42L)
                  .destinationPhoneNumber("+14155550123")).block(Duration.ofSeconds(30)).getId()).isPositive();
        });
    assertThat(filtered).hasValue(2); // the application's customizer ran on the client's requests
    // and without one (Boot 4 without spring-boot-starter-webclient) the client has its own
    runner.run(context -> {
      assertThat(context).doesNotHaveBean(WebClient.Builder.class);
      assertThat(context.getBean(ReactiveClarionClient.class).calls().list().collectList()
          .block(Duration.ofSeconds(30))).isNotEmpty();
    });
  }

  @Test
  void everyPropertyReachesTheClients() {
    sandbox.addFault(FaultRule.serviceUnavailable().onGet().share(1.0).times(1));
    runner.withPropertyValues("clarion.max-retries=0", "clarion.request-timeout=7s", "clarion.connect-timeout=3s",
            "clarion.max-retry-after=5s", "clarion.max-call-size=2048", "clarion.max-bytes-ahead=0")
        .run(context -> {
          ClarionProperties properties = context.getBean(ClarionProperties.class);
          assertThat(properties.getMaxRetries()).isZero();
          assertThat(properties.getRequestTimeout()).isEqualTo(Duration.ofSeconds(7));
          assertThat(properties.getConnectTimeout()).isEqualTo(Duration.ofSeconds(3));
          assertThat(properties.getMaxRetryAfter()).isEqualTo(Duration.ofSeconds(5));
          assertThat(properties.getMaxCallSize()).isEqualTo(2048);
          assertThat(properties.getMaxBytesAhead()).isZero();
          // max-retries=0: the 503 is not retried
          org.assertj.core.api.Assertions.assertThatThrownBy(() -> context.getBean(ClarionClient.class).calls().list())
              .hasMessageStartingWith("503");
          // max-call-size=2048: a realistic call (a few KB) is refused by the reactive client
          org.assertj.core.api.Assertions.assertThatThrownBy(() -> context.getBean(ReactiveClarionClient.class)
                  .calls().list().collectList().block(Duration.ofSeconds(30)))
              .isInstanceOf(com.clarionhealth.client.ClarionDecodingException.class)
              .hasStackTraceContaining("maxCallSize");
        });
    assertThat(gets()).hasSize(2);
  }

  @Test
  void aMissingOrBlankKeyFailsTheStartupNamingTheProperty() {
    for (String key : new String[] {"", "  "}) {
      new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(ClarionAutoConfiguration.class))
          .withPropertyValues("clarion.api-key=" + key, "clarion.base-url=" + sandbox.baseUrl())
          .run(context -> {
            assertThat(context).hasFailed();
            Throwable root = context.getStartupFailure();
            while (root.getCause() != null && !(root instanceof MissingApiKeyException)) {
              root = root.getCause();
            }
            assertThat(root).isInstanceOf(MissingApiKeyException.class).hasMessageContaining("clarion.api-key");
            FailureAnalysis analysis = new MissingApiKeyFailureAnalyzer().analyze(context.getStartupFailure());
            assertThat(analysis.getDescription()).contains("clarion.api-key");
            assertThat(analysis.getAction()).contains("clarion.api-key");
          });
    }
    assertThat(sandbox.requests()).isEmpty();
  }

  @Test
  void theEnvironmentVariableIsTheFallback() {
    // the variable as the Environment shows it (SystemEnvironmentPropertySource keeps its name as it is)
    new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(ClarionAutoConfiguration.class))
        .withInitializer(context -> context.getEnvironment().getPropertySources().addFirst(
            new SystemEnvironmentPropertySource("machine", Map.<String, Object>of("CLARION_API_KEY", sandbox.apiKey()))))
        .withPropertyValues("clarion.base-url=" + sandbox.baseUrl())
        .run(context -> assertThat(context.getBean(ClarionClient.class).calls().list()).isNotEmpty());
    assertThat(sandbox.requests()).isNotEmpty().allSatisfy(r -> assertThat(r.header("Authorization"))
        .contains("Bearer " + sandbox.apiKey()));
  }

  @Test
  void theKeyIsNeverShown() {
    runner.run(context -> {
      assertThat(context.getBean(ClarionProperties.class).toString()).doesNotContain(sandbox.apiKey())
          .contains("apiKey=******");
      assertThat(context.getBean(ClarionClient.class).toString()).doesNotContain(sandbox.apiKey());
    });
    for (String name : new String[] {"clarion.api-key", "apiKey", "CLARION_API_KEY", "api-key"}) {
      SanitizableData data = new SanitizableData(null, name, sandbox.apiKey());
      assertThat(ClarionAutoConfiguration.Sanitizing.sanitize(data).getValue()).as(name)
          .isEqualTo(SanitizableData.SANITIZED_VALUE);
    }
    SanitizableData other = new SanitizableData(null, "clarion.base-url", sandbox.baseUrl());
    assertThat(ClarionAutoConfiguration.Sanitizing.sanitize(other).getValue()).isEqualTo(sandbox.baseUrl());
  }
}
