package com.clarionhealth.client.spring.boot;

import com.clarionhealth.client.ClarionListener;
import com.clarionhealth.client.ClientBuilder;
import com.clarionhealth.client.blocking.ClarionClient;
import com.clarionhealth.client.reactive.ReactiveClarionClient;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.endpoint.SanitizableData;
import org.springframework.boot.actuate.endpoint.SanitizingFunction;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * The Clarion clients as beans: a {@link ReactiveClarionClient} when the reactive client and WebFlux are on the class
 * path, a {@link ClarionClient} when the blocking client is; each backs off when the application defines its own.
 * Ordered after Boot's WebClient and observation auto-configurations (by name: their packages differ between Boot
 * 3.5 and 4), so that their beans are there to use.
 */
@AutoConfiguration(afterName = {
    "org.springframework.boot.webclient.autoconfigure.WebClientAutoConfiguration",
    "org.springframework.boot.autoconfigure.web.reactive.function.client.WebClientAutoConfiguration",
    "org.springframework.boot.micrometer.observation.autoconfigure.ObservationAutoConfiguration",
    "org.springframework.boot.actuate.autoconfigure.observation.ObservationAutoConfiguration",
    "org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration",
    "org.springframework.boot.actuate.autoconfigure.metrics.CompositeMeterRegistryAutoConfiguration"})
@EnableConfigurationProperties(ClarionProperties.class)
public class ClarionAutoConfiguration {
  private static final String ENV_KEY = "CLARION_API_KEY";

  /**
   * The settings both builders share; fails with {@link MissingApiKeyException} when no key is anywhere.
   * {@code CLARION_API_KEY} is read from the {@link Environment} (the variable, or a property of that name), not
   * by the builder: Boot's relaxed binding maps {@code clarion.api-key} to {@code CLARION_APIKEY}, not to it.
   */
  static <B extends ClientBuilder<B>> B configure(B builder, ClarionProperties properties,
      ObjectProvider<ClarionListener> listeners, Environment environment) {
    String key = properties.getApiKey();
    if (key != null && !key.isBlank()) {
      builder.apiKey(key);
    } else {
      String fromEnv = environment.getProperty(ENV_KEY);
      if (fromEnv == null || fromEnv.isBlank()) {
        throw new MissingApiKeyException();
      }
      builder.apiKeySupplier(() -> fromEnv);
    }
    if (properties.getBaseUrl() != null && !properties.getBaseUrl().isBlank()) {
      builder.baseUrl(properties.getBaseUrl());
    }
    // each bean on its own, in the context's order: the client guards each, so one that throws skips none after it
    listeners.orderedStream().forEach(builder::listener);
    return builder.connectTimeout(properties.getConnectTimeout())
        .requestTimeout(properties.getRequestTimeout())
        .maxRetries(properties.getMaxRetries())
        .maxRetryAfter(properties.getMaxRetryAfter())
        .maxBytesAhead(properties.getMaxBytesAhead());
  }

  @Configuration(proxyBeanMethods = false)
  @ConditionalOnClass({ReactiveClarionClient.class, WebClient.class})
  static class Reactive {
    /**
     * On the application's {@link WebClient.Builder} when it has one (Boot 4 has one with
     * spring-boot-starter-webclient), so that its connector, SSL bundle, filters and customizers apply; the client
     * works on a clone and keeps its own JSON. When the starter observes the client's requests, the clone's own
     * observation is switched off: each exchange is then recorded once, as {@code clarion.client.requests}, not a
     * second time as {@code http.client.requests}.
     */
    @Bean
    @ConditionalOnMissingBean
    ReactiveClarionClient reactiveClarionClient(ClarionProperties properties, ObjectProvider<WebClient.Builder> builders,
        ObjectProvider<ClarionListener> listeners, ObjectProvider<ObservationListener> observed,
        Environment environment) {
      ReactiveClarionClient.Builder builder = configure(ReactiveClarionClient.builder(), properties, listeners,
          environment)
          .maxCallSize(properties.getMaxCallSize());
      WebClient.Builder application = builders.getIfAvailable();
      if (application != null) {
        WebClient.Builder clone = application.clone();
        if (observed.getIfAvailable() != null) {
          clone.observationRegistry(ObservationRegistry.NOOP);
        }
        builder.webClientBuilder(clone);
      }
      return builder.build();
    }
  }

  @Configuration(proxyBeanMethods = false)
  @ConditionalOnClass(ClarionClient.class)
  static class Blocking {
    @Bean
    @ConditionalOnMissingBean
    ClarionClient clarionClient(ClarionProperties properties, ObjectProvider<ClarionListener> listeners,
        Environment environment) {
      return configure(ClarionClient.builder(), properties, listeners, environment).build();
    }
  }

  @Configuration(proxyBeanMethods = false)
  @ConditionalOnClass(ObservationRegistry.class)
  @ConditionalOnBean(ObservationRegistry.class)
  static class Observed {
    @Bean
    @ConditionalOnMissingBean
    ObservationListener clarionObservationListener(ObservationRegistry registry, ObjectProvider<MeterRegistry> meters) {
      return new ObservationListener(registry, meters.getIfAvailable());
    }
  }

  @Configuration(proxyBeanMethods = false)
  @ConditionalOnClass(SanitizingFunction.class)
  static class Sanitizing {
    /**
     * Masks the key in /actuator/configprops and /actuator/env even where an application shows values
     * ({@code show-values: always}): any property or variable whose name, without separators, ends in "apikey".
     */
    @Bean
    SanitizingFunction clarionApiKeySanitizer() {
      return Sanitizing::sanitize;
    }

    static SanitizableData sanitize(SanitizableData data) {
      String name = data.getLowerCaseKey().replace("-", "").replace("_", "").replace(".", "");
      return name.endsWith("apikey") ? data.withValue(SanitizableData.SANITIZED_VALUE) : data;
    }
  }
}
