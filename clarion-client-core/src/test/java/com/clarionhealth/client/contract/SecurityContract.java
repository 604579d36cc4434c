package com.clarionhealth.client.contract;

import static com.clarionhealth.client.contract.ContractSupport.API_KEY;
import static com.clarionhealth.client.contract.ContractSupport.BEARER;
import static com.clarionhealth.client.contract.ContractSupport.CALLS;
import static com.clarionhealth.client.contract.ContractSupport.ODD_KEY;
import static com.clarionhealth.client.contract.ContractSupport.createCall;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.clarionhealth.client.AuthenticationException;
import com.clarionhealth.client.ClarionDecodingException;
import com.clarionhealth.client.ClarionException;
import com.clarionhealth.client.ClarionTransportException;
import com.github.tomakehurst.wiremock.http.Fault;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The API key stays on the API's origin and out of every string; configuration refuses unsafe set-ups. */
public abstract class SecurityContract extends ClientContract {
  @RegisterExtension
  protected static final FakeApi api = new FakeApi();

  @Test
  void theKeyIsInNoToString() {
    ClientDriver client = connect(api.config());

    Map<String, String> strings = client.toStrings();

    assertThat(strings).containsKeys("builder", "client", "calls");
    assertThat(strings.values()).allSatisfy(s -> assertThat(s).doesNotContain(API_KEY));
    assertThat(strings.get("client")).contains("127.0.0.1");
    assertThat(api.timeline().arrivals()).isZero();
  }

  /** Keys of two shapes: one the exceptions' pattern knows, one it cannot guess. */
  @ParameterizedTest
  @ValueSource(strings = {API_KEY, ODD_KEY})
  void aServerEchoingTheKeyDoesNotPutItInAnException(String key) {
    ClientDriver client = connect(api.config().apiKey(key));
    api.stubFor(get(urlPathEqualTo(CALLS)).willReturn(aResponse().withStatus(401)
        .withHeader("WWW-Authenticate", "Bearer error=\"invalid_token\"")
        // A request id made of the key: the message quotes the request id.
        .withHeader("x-request-id", "req_" + key)
        .withBody("{\"error\":\"invalid key " + key + "\",\"received\":\"Authorization: Bearer " + key + "\"}")));
    api.stubFor(post(CALLS).willReturn(aResponse().withStatus(200).withHeader("Content-Type", "text/html")
        .withHeader("request-id", key).withHeader("X-Echo", "Bearer " + key)
        .withBody("<p>key " + key + " accepted</p>")));

    Throwable denied = catchThrowable(client::list);
    Throwable undecodable = catchThrowable(() -> client.create(createCall()));

    assertThat(denied).isInstanceOf(AuthenticationException.class);
    assertThat(undecodable).isInstanceOf(ClarionDecodingException.class);
    for (Throwable e : List.of(denied, undecodable)) {
      for (Throwable t = e; t != null; t = t.getCause()) {
        assertThat(String.valueOf(t.getMessage())).doesNotContain(key);
        assertThat(t.toString()).doesNotContain(key);
      }
    }
    assertThat(((AuthenticationException) denied).body()).doesNotContain(key).contains("invalid key [redacted]");
    assertThat(((AuthenticationException) denied).requestId()).contains("req_[redacted]");
    assertThat(((AuthenticationException) denied).headers().toString()).doesNotContain(key);
    assertThat(((ClarionDecodingException) undecodable).headers().toString()).doesNotContain(key);
    assertThat(((ClarionDecodingException) undecodable).body()).isEqualTo("<p>key [redacted] accepted</p>");
    api.verify(1, getRequestedFor(urlEqualTo(CALLS)).withHeader("Authorization", equalTo("Bearer " + key)));
  }

  @Test
  void aTransportFailureDoesNotShowTheKey() {
    ClientDriver client = connect(api.config().maxRetries(0));
    api.stubFor(get(urlPathEqualTo(CALLS)).willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));

    Throwable e = catchThrowable(client::list);

    assertThat(e).isInstanceOf(ClarionTransportException.class);
    for (Throwable t = e; t != null; t = t.getCause()) {
      assertThat(String.valueOf(t.getMessage())).doesNotContain(API_KEY);
    }
    api.verify(1 + client.libraryResendsOfAnUnansweredGet(),
        getRequestedFor(urlEqualTo(CALLS)).withHeader("Authorization", equalTo(BEARER)));
  }

  @Test
  void aNullKeyFromTheSupplierFailsBeforeSendingNamingTheOption() {
    ClientDriver rotating = connect(api.config().noApiKey().apiKeySupplier(() -> null));

    assertThatIllegalStateException().isThrownBy(rotating::list).withMessageContaining("apiKey");

    assertThat(api.timeline().arrivals()).isZero();
  }

  @Test
  void theSupplierIsAskedOnEveryRequestSoARotatedKeyIsUsed() {
    AtomicInteger asked = new AtomicInteger();
    ClientDriver client = connect(api.config().noApiKey().apiKeySupplier(() -> "sk_live_key" + asked.incrementAndGet()));
    api.stubFor(get(urlPathEqualTo(CALLS)).willReturn(okJson("[]")));

    client.list();
    client.list();

    assertThat(asked).hasValue(2);
    assertThat(api.served()).extracting(e -> e.getRequest().getHeader("Authorization"))
        .containsExactly("Bearer sk_live_key1", "Bearer sk_live_key2");
  }

  @Test
  void aRetryAsksTheSupplierForTheKeyWhenItIsSentNotBeforeTheWait() {
    api.stubFor(get(urlPathEqualTo(CALLS)).inScenario("rotate").whenScenarioStateIs(STARTED)
        .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "30")).willSetStateTo("ok"));
    api.stubFor(get(urlPathEqualTo(CALLS)).inScenario("rotate").whenScenarioStateIs("ok").willReturn(okJson("[]")));
    ClientDriver rotating = connect(api.config().noApiKey()
        .apiKeySupplier(() -> "key-after-" + api.timeline().waits().size() + "-waits"));

    rotating.list();

    // the key may have rotated during a wait of up to a minute: the retry carries the current one
    assertThat(api.served()).extracting(e -> e.getRequest().getHeader("Authorization"))
        .containsExactly("Bearer key-after-0-waits", "Bearer key-after-1-waits");
  }

  @Test
  void withoutAnyKeyTheBuilderNamesTheEnvironmentVariable() {
    assertThatIllegalStateException().isThrownBy(() -> connect(api.config().noApiKey()))
        .withMessageContaining("CLARION_API_KEY");
    assertThat(api.timeline().arrivals()).isZero();
  }

  @Test
  void theKeyAndTheBaseUrlComeFromTheEnvironmentWhenNotSet() {
    ClientDriver client = connect(api.config().noApiKey().baseUrl(null)
        .env(Map.of("CLARION_API_KEY", "sk_test_fromEnv", "CLARION_BASE_URL", api.apiBaseUrl())));
    api.stubFor(get(urlPathEqualTo(CALLS)).willReturn(okJson("[]")));

    assertThat(client.list()).isEmpty();

    api.verify(1, getRequestedFor(urlEqualTo(CALLS)).withHeader("Authorization", equalTo("Bearer sk_test_fromEnv")));
  }

  @Test
  void theDefaultBaseUrlIsTheProductionApiOverHttps() {
    ClientDriver client = connect(api.config().baseUrl(null));

    assertThat(client.toStrings().get("client")).contains("https://api.clarionhealth.com/v1");
  }

  @ParameterizedTest
  @ValueSource(strings = {"http://api.example.com", "http://api.example.com/v1", "http://api.clarionhealth.com/v1",
      "http://10.0.0.7:8080/v1", "ftp://127.0.0.1/v1", "ftp://api.clarionhealth.com", "https://user:pw@api.example.com",
      "https://user:secret@api.clarionhealth.com/v1", "https://api.clarionhealth.com/v1?x=1",
      "api.clarionhealth.com/v1", "not a url"})
  void anUnsafeBaseUrlIsRefused(String baseUrl) {
    assertThatIllegalArgumentException().isThrownBy(() -> connect(api.config().baseUrl(baseUrl)))
        .withMessageContaining("baseUrl")
        .withMessageNotContaining("pw")
        .withMessageNotContaining("secret");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> connect(api.config().baseUrl(null).env(Map.of("CLARION_BASE_URL", baseUrl))))
        .withMessageContaining("CLARION_BASE_URL")
        .withMessageNotContaining("pw")
        .withMessageNotContaining("secret");
    assertThat(api.timeline().arrivals()).isZero();
  }

  @ParameterizedTest
  @ValueSource(strings = {"http://localhost:1/v1", "http://127.0.0.1:1", "http://[::1]:1/v1", "https://api.example.com/v1"})
  void httpsAndLoopbackHttpBaseUrlsAreAccepted(String baseUrl) {
    assertThat(connect(api.config().baseUrl(baseUrl)).toStrings().get("client")).contains("baseUrl=");
  }

  @Test
  void plainHttpIsAllowedOnLocalhost() {
    ClientDriver client = connect(api.config().baseUrl("http://localhost:" + api.getPort() + "/v1/"));
    api.stubFor(get(urlPathEqualTo(CALLS)).willReturn(okJson("[]")));

    assertThat(client.list()).isEmpty();

    api.verify(1, getRequestedFor(urlEqualTo(CALLS)).withHeader("Authorization", equalTo(BEARER)));
  }

  @ParameterizedTest
  @ValueSource(strings = {"sk_test_ab\r\nX-Injected: 1", "abc\r\nX-Injected: 1", "sk test", "abc def",
      "Bearer sk_test_abc", "Bearer abc", " ", "  ", "", "sk_tést", "clé"})
  void aKeyThatCouldInjectHeadersIsRefusedWithoutEchoingIt(String key) {
    Throwable e = catchThrowable(() -> connect(api.config().apiKey(key)));

    assertThat(e).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("apiKey");
    if (!key.isBlank()) {
      assertThat(e.getMessage()).doesNotContain(key).doesNotContain(key.strip());
    }
    assertThat(e).isNotInstanceOf(ClarionException.class);
    assertThat(api.timeline().arrivals()).isZero();
  }

  @Test
  void buildingAClientSendsNoRequest() {
    connect(api.config());

    assertThat(api.timeline().arrivals()).isZero();
  }
}
