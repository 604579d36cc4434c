package com.clarionhealth.client.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class BaseUrlsTest {

  @ParameterizedTest
  @CsvSource({
      "https://api.clarionhealth.com/v1, https://api.clarionhealth.com/v1",
      "https://api.clarionhealth.com/v1/, https://api.clarionhealth.com/v1",
      "https://api.clarionhealth.com/v1//, https://api.clarionhealth.com/v1",
      "HTTPS://API.ClarionHealth.com/v1, https://api.clarionhealth.com/v1",
      "https://api.clarionhealth.com:443/v1, https://api.clarionhealth.com/v1",
      "https://api.clarionhealth.com:8443/v1, https://api.clarionhealth.com:8443/v1",
      "https://api.clarionhealth.com, https://api.clarionhealth.com",
      "https://api.clarionhealth.com/, https://api.clarionhealth.com",
      "'  https://api.clarionhealth.com/v1 ', https://api.clarionhealth.com/v1",
      "https://api.clarionhealth.com/a/./b/../v1, https://api.clarionhealth.com/a/v1",
      "http://localhost:8080, http://localhost:8080",
      "http://LOCALHOST:8080/v1/, http://localhost:8080/v1",
      "http://127.0.0.1:9000, http://127.0.0.1:9000",
      "http://127.255.3.4, http://127.255.3.4",
      "http://[::1]:8080/v1, http://[::1]:8080/v1",
      "http://[0:0:0:0:0:0:0:1]:8080, http://[0:0:0:0:0:0:0:1]:8080",
      "http://localhost:80/v1, http://localhost/v1"})
  void acceptsAndNormalizes(String input, String expected) {
    assertThat(BaseUrls.checkBaseUrl(input)).isEqualTo(URI.create(expected));
  }

  @ParameterizedTest
  @CsvSource({
      "http://api.clarionhealth.com/v1, must use https",
      "http://10.0.0.1, must use https",
      "http://128.0.0.1, must use https",
      "http://0127.0.0.1, must use https",
      "http://127.0.0.256, must have a host",
      "http://localhost.evil.com, must use https",
      "http://127.0.0.1.evil.com, must use https",
      "http://[::2], must use https",
      "ftp://api.clarionhealth.com, must be an absolute https URL",
      "api.clarionhealth.com/v1, must be an absolute https URL",
      "/v1, must be an absolute https URL",
      "https:api.clarionhealth.com, must be an absolute https URL",
      "https:///v1, must have a host",
      "https://api.clarionhealth.com/v1?x=1, must not have a query or fragment",
      "https://api.clarionhealth.com/v1?, must not have a query or fragment",
      "https://api.clarionhealth.com/v1#top, must not have a query or fragment",
      "https://api.clarionhealth.com:70000, invalid port",
      "'https://api clarionhealth.com', not a valid URL"})
  void rejectsNamingBaseUrl(String input, String problem) {
    assertThatThrownBy(() -> BaseUrls.checkBaseUrl(input))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("baseUrl ")
        .hasMessageContaining(problem);
  }

  @ParameterizedTest
  @ValueSource(strings = {"https://user:s3cret@api.clarionhealth.com/v1", "http://s3cret@localhost"})
  void rejectsUserInfoWithoutEchoingIt(String input) {
    assertThatThrownBy(() -> BaseUrls.checkBaseUrl(input))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("baseUrl must not contain user info (credentials)");
  }

  @ParameterizedTest
  @CsvSource({"localhost, true", "LocalHost, true", "127.0.0.1, true", "127.1.2.3, true", "[::1], true",
      "[0:0:0:0:0:0:0:1], true", "127.0.0.256, false", "0127.0.0.1, false", "127.0.0, false", "10.0.0.1, false",
      "[::2], false", "::1, false", "localhost.evil.com, false", "example.com, false"})
  void loopbackIsDecidedFromTheTextAlone(String host, boolean expected) {
    assertThat(BaseUrls.isLoopbackHost(host)).isEqualTo(expected);
  }

  @Test
  void nullIsRejected() {
    assertThatThrownBy(() -> BaseUrls.checkBaseUrl(null))
        .isInstanceOf(NullPointerException.class).hasMessage("baseUrl == null");
  }

  @Test
  void resolutionOrder() {
    Map<String, String> env = Map.of("CLARION_BASE_URL", "https://staging.clarionhealth.com/v1/");
    assertThat(BaseUrls.resolve("https://explicit.example/v1", env::get))
        .isEqualTo(URI.create("https://explicit.example/v1"));
    assertThat(BaseUrls.resolve(null, env::get)).isEqualTo(URI.create("https://staging.clarionhealth.com/v1"));
    assertThat(BaseUrls.resolve(null, name -> null)).isEqualTo(URI.create("https://api.clarionhealth.com/v1"));
    assertThat(BaseUrls.resolve(null, name -> "  ")).isEqualTo(URI.create(BaseUrls.DEFAULT_BASE_URL));
  }

  @Test
  void badUrlFromTheEnvironmentSaysWhereItCameFrom() {
    assertThatThrownBy(() -> BaseUrls.resolve(null, name -> "http://staging.clarionhealth.com"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("baseUrl (from CLARION_BASE_URL) must use https");
  }

  @ParameterizedTest
  @CsvSource({
      "https://api.clarionhealth.com/v1, https://API.clarionhealth.com/other, true",
      "https://api.clarionhealth.com/v1, https://api.clarionhealth.com:443/v1, true",
      "http://localhost/v1, http://localhost:80/x, true",
      "HTTPS://api.clarionhealth.com, https://api.clarionhealth.com, true",
      "https://api.clarionhealth.com/v1, https://evil.com/v1, false",
      "https://api.clarionhealth.com/v1, http://api.clarionhealth.com/v1, false",
      "https://api.clarionhealth.com/v1, https://api.clarionhealth.com:8443/v1, false",
      "https://api.clarionhealth.com/v1, https://api.clarionhealth.com.evil.com/v1, false",
      "https://api.clarionhealth.com/v1, /relative, false"})
  void sameOrigin(String a, String b, boolean expected) {
    assertThat(BaseUrls.sameOrigin(URI.create(a), URI.create(b))).isEqualTo(expected);
    assertThat(BaseUrls.sameOrigin(URI.create(b), URI.create(a))).isEqualTo(expected);
  }
}
