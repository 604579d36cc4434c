package com.clarionhealth.client.blocking;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * What the JDK client would send again by itself: a client is never built where it could send a
 * {@code POST /call} twice, and on plain http it does not try the HTTP/2 upgrade.
 */
class JdkResendsTest {
  /** Jetty's default: it accepts the JDK client's upgrade to HTTP/2 on plain http (h2c). */
  @RegisterExtension
  static WireMockExtension server = WireMockExtension.newInstance()
      .options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1")).build();

  @ParameterizedTest(name = "system property {0}, net.properties {1}")
  @CsvSource(nullValues = "unset", value = {
      "true, unset, as a system property",
      "'', unset, as a system property",
      "TRUE, false, as a system property",
      "unset, true, in the JDK's conf/net.properties",
      "unset, '', in the JDK's conf/net.properties"})
  void aJvmThatResendsEveryMethodIsRefused(String systemProperty, String netProperty, String where) {
    IllegalStateException e = catchThrowableOfType(IllegalStateException.class,
        () -> JdkResends.refuseAllMethods(name -> properties(systemProperty).getProperty(name),
            properties(netProperty)));

    assertThat(e).hasMessageStartingWith("jdk.httpclient.enableAllMethodRetry is set " + where + ":")
        .hasMessageContaining("POST /call");
  }

  @ParameterizedTest(name = "system property {0}, net.properties {1}")
  @CsvSource(nullValues = "unset", value = {"unset, unset", "false, unset", "unset, false", "false, true", "no, unset"})
  void otherwiseTheClientIsBuilt(String systemProperty, String netProperty) {
    assertThatNoException().isThrownBy(() -> JdkResends.refuseAllMethods(
        name -> properties(systemProperty).getProperty(name), properties(netProperty)));
  }

  @Test
  void thisJvmDoesNotSetIt() {
    // the build's own test JVMs: the contract suite's count of POSTs relies on it
    assertThatNoException().isThrownBy(JdkResends::refuseAllMethods);
  }

  @Test
  void onPlainHttpTheDefaultClientSpeaksHttp11WithoutAnUpgrade() {
    server.stubFor(get(urlPathEqualTo("/call")).willReturn(okJson("[]")));
    ClarionClient client = ClarionClient.builder().apiKey("test-key").baseUrl(server.baseUrl()).build();

    assertThat(client.calls().list()).isEmpty();

    server.verify(getRequestedFor(urlPathEqualTo("/call")).withHeader("Upgrade", absent())
        .withHeader("HTTP2-Settings", absent()));
  }

  private static Properties properties(String enableAllMethodRetry) {
    Properties properties = new Properties();
    if (enableAllMethodRetry != null) {
      properties.putAll(Map.of(JdkResends.ALL_METHODS, enableAllMethodRetry));
    }
    return properties;
  }
}
