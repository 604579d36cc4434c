package com.clarionhealth.it;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.clarionhealth.client.blocking.ClarionClient;
import com.clarionhealth.client.reactive.ReactiveClarionClient;
import com.github.tomakehurst.wiremock.WireMockServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Each client, loaded from the jar the build made, names itself and its released version in the
 * {@code User-Agent}: the version comes from the {@code client.properties} the build writes into
 * that jar, not from sources or a classes directory.
 */
class UserAgentIT {
  private final WireMockServer server = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());

  @BeforeEach
  void start() {
    server.start();
    server.stubFor(get(urlPathEqualTo("/v1/call")).willReturn(okJson("[]")));
  }

  @AfterEach
  void stop() {
    server.stop();
  }

  @Test
  void theBlockingJarSendsItsVersion() {
    assertThat(BuiltJars.BLOCKING.jar()).isRegularFile();
    ClarionClient.builder().apiKey("sk_test_ua").baseUrl(baseUrl()).build().calls().list();

    server.verify(getRequestedFor(urlPathEqualTo("/v1/call")).withHeader("User-Agent",
        equalTo("clarion-java-blocking/" + BuiltJars.VERSION + " Java/" + System.getProperty("java.version"))));
  }

  @Test
  void theReactiveJarSendsItsVersion() {
    assertThat(BuiltJars.REACTIVE.jar()).isRegularFile();
    ReactiveClarionClient.builder().apiKey("sk_test_ua").baseUrl(baseUrl()).build().calls().list()
        .collectList().block();

    server.verify(getRequestedFor(urlPathEqualTo("/v1/call")).withHeader("User-Agent",
        equalTo("clarion-java-reactive/" + BuiltJars.VERSION + " Java/" + System.getProperty("java.version"))));
  }

  private String baseUrl() {
    return "http://127.0.0.1:" + server.port() + "/v1";
  }
}
