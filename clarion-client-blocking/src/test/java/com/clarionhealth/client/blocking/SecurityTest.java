package com.clarionhealth.client.blocking;

import com.clarionhealth.client.internal.Seams;
import static com.clarionhealth.client.blocking.TestSupport.API_KEY;
import static com.clarionhealth.client.blocking.TestSupport.BEARER;
import static com.clarionhealth.client.blocking.TestSupport.CALLS;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.clarionhealth.client.AuthenticationException;
import com.clarionhealth.client.ClarionDecodingException;
import com.clarionhealth.client.ClarionException;
import com.clarionhealth.client.UnexpectedStatusException;
import com.clarionhealth.client.blocking.TestSupport.RecordingSleeper;
import com.clarionhealth.client.model.CreateCall;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.net.http.HttpClient;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The API key stays on the API's origin and out of every string; configuration refuses unsafe set-ups. */
class SecurityTest {
  @RegisterExtension
  static WireMockExtension server = TestSupport.server();

  private final RecordingSleeper sleeper = new RecordingSleeper();

  @Test
  void theKeyIsInNoToString() {
    ClarionClient.Builder builder = TestSupport.client(server, sleeper);
    ClarionClient client = builder.build();

    assertThat(builder.toString()).doesNotContain(API_KEY);
    assertThat(client.toString()).doesNotContain(API_KEY).contains("127.0.0.1");
    assertThat(client.calls().toString()).doesNotContain(API_KEY);
    assertThat(server.getAllServeEvents()).isEmpty();
  }

  /** Keys of two shapes: one the exceptions' pattern knows, one it cannot guess. */
  @ParameterizedTest
  @ValueSource(strings = {API_KEY, "clarion.9f8e7d6c5b4a39281706f5e4d3c2b1a0"})
  void aServerEchoingTheKeyDoesNotPutItInAnExceptionMessage(String key) {
    ClarionClient client = TestSupport.client(server, sleeper).apiKey(key).build();
    server.stubFor(get(urlPathEqualTo(CALLS)).willReturn(aResponse().withStatus(401)
        .withHeader("WWW-Authenticate", "Bearer error=\"invalid_token\"")
        .withBody("{\"error\":\"invalid key " + key + "\",\"received\":\"Authorization: Bearer " + key + "\"}")));
    server.stubFor(post(CALLS).willReturn(aResponse().withStatus(200).withHeader("Content-Type", "text/html")
        .withBody("<p>key " + key + " accepted</p>")));

    Throwable denied = catchThrowable(() -> client.calls().list());
    Throwable undecodable = catchThrowable(
        () -> client.calls().create(new CreateCall().assistantId(7L).destinationPhoneNumber("+14155550123")));

    assertThat(denied).isInstanceOf(AuthenticationException.class);
    assertThat(undecodable).isInstanceOf(ClarionDecodingException.class);
    for (Throwable e : List.of(denied, undecodable)) {
      assertThat(e.getMessage()).doesNotContain(key);
      assertThat(e.toString()).doesNotContain(key);
    }
    assertThat(((AuthenticationException) denied).body()).doesNotContain(key).contains("invalid key [redacted]");
    assertThat(((ClarionDecodingException) undecodable).body()).isEqualTo("<p>key [redacted] accepted</p>");
    server.verify(1, getRequestedFor(urlEqualTo(CALLS)).withHeader("Authorization", equalTo("Bearer " + key)));
  }

  @Test
  void aNullKeyFromTheSupplierFailsBeforeSendingWithoutTheKey() {
    ClarionClient rotating = Seams.env(ClarionClient.builder().baseUrl(TestSupport.baseUrl(server)), name -> null)
        .apiKeySupplier(() -> null).sleeper(sleeper).build();

    assertThatIllegalStateException().isThrownBy(() -> rotating.calls().list()).withMessageContaining("apiKey");

    assertThat(server.getAllServeEvents()).isEmpty();
  }

  @Test
  void theSupplierIsAskedOnEveryRequestSoARotatedKeyIsUsed() {
    AtomicInteger asked = new AtomicInteger();
    ClarionClient client = Seams.env(ClarionClient.builder().baseUrl(TestSupport.baseUrl(server)), name -> null)
        .sleeper(sleeper).apiKeySupplier(() -> "sk_live_key" + asked.incrementAndGet()).build();
    server.stubFor(get(urlPathEqualTo(CALLS)).willReturn(okJson("[]")));

    client.calls().list();
    client.calls().list();

    assertThat(asked).hasValue(2);
    List<String> sent = TestSupport.served(server).stream()
        .map(e -> e.getRequest().getHeader("Authorization")).toList();
    assertThat(sent).containsExactly("Bearer sk_live_key1", "Bearer sk_live_key2");
  }

  @Test
  void withoutAnyKeyTheBuilderNamesTheEnvironmentVariable() {
    assertThatIllegalStateException()
        .isThrownBy(() -> Seams.env(ClarionClient.builder().baseUrl(TestSupport.baseUrl(server)), name -> null).build())
        .withMessageContaining("CLARION_API_KEY");
    assertThat(server.getAllServeEvents()).isEmpty();
  }

  @Test
  void theKeyAndTheBaseUrlComeFromTheEnvironmentWhenNotSet() {
    Map<String, String> env = Map.of("CLARION_API_KEY", "sk_test_fromEnv", "CLARION_BASE_URL", TestSupport.baseUrl(server));
    ClarionClient client = Seams.env(ClarionClient.builder(), env::get).sleeper(sleeper).build();
    server.stubFor(get(urlPathEqualTo(CALLS)).willReturn(okJson("[]")));

    assertThat(client.calls().list()).isEmpty();

    server.verify(1, getRequestedFor(urlEqualTo(CALLS)).withHeader("Authorization", equalTo("Bearer sk_test_fromEnv")));
  }

  @ParameterizedTest
  @ValueSource(strings = {"http://api.example.com", "http://api.example.com/v1", "ftp://127.0.0.1/v1",
      "https://user:pw@api.example.com", "api.clarionhealth.com/v1"})
  void anUnsafeBaseUrlIsRefused(String baseUrl) {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> Seams.env(ClarionClient.builder().apiKey(API_KEY), name -> null).baseUrl(baseUrl).build())
        .withMessageContaining("baseUrl")
        .withMessageNotContaining("pw");
    assertThat(server.getAllServeEvents()).isEmpty();
  }

  @Test
  void plainHttpIsAllowedOnLocalhost() {
    ClarionClient client = TestSupport.client(server, sleeper).baseUrl("http://localhost:" + server.getPort() + "/v1/")
        .build();
    server.stubFor(get(urlPathEqualTo(CALLS)).willReturn(okJson("[]")));

    assertThat(client.calls().list()).isEmpty();

    server.verify(1, getRequestedFor(urlEqualTo(CALLS)).withHeader("Authorization", equalTo(BEARER)));
  }

  @ParameterizedTest
  @ValueSource(strings = {"sk_test_ab\r\nX-Injected: 1", "sk test", "Bearer sk_test_abc", " ", "sk_tést"})
  void aKeyThatCouldInjectHeadersIsRefusedWithoutEchoingIt(String key) {
    Throwable e = catchThrowable(() -> Seams.env(ClarionClient.builder().apiKey(key).baseUrl(TestSupport.baseUrl(server)), name -> null).build());

    assertThat(e).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("apiKey");
    if (!key.isBlank()) {
      assertThat(e.getMessage()).doesNotContain(key.strip());
    }
    assertThat(e).isNotInstanceOf(ClarionException.class);
    assertThat(server.getAllServeEvents()).isEmpty();
  }

  @Test
  void anUnfollowedRedirectIsReportedNotFollowedToPlainHttp() {
    ClarionClient client = TestSupport.client(server, sleeper).build();
    server.stubFor(get(urlPathEqualTo(CALLS)).willReturn(aResponse().withStatus(302)
        .withHeader("Location", "http://api.example.com/v1/call")));

    Throwable e = catchThrowable(() -> client.calls().list());

    assertThat(e).isInstanceOfSatisfying(UnexpectedStatusException.class,
        u -> assertThat(u.header("Location")).contains("http://api.example.com/v1/call"));
    server.verify(1, getRequestedFor(urlEqualTo(CALLS)));
    assertThat(sleeper.sleeps).isEmpty();
  }

  @Test
  void anHttpClientThatFollowsRedirectsItselfIsRefused() {
    HttpClient following = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL).build();

    assertThatIllegalArgumentException().isThrownBy(() -> ClarionClient.builder().httpClient(following))
        .withMessageContaining("httpClient").withMessageContaining("redirect");
    assertThat(server.getAllServeEvents()).isEmpty();
  }

  @Test
  void theApplicationsHttpClientIsUsedAndStillKeepsTheKeyOnTheApiOrigin() {
    HttpClient own = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    ClarionClient client = TestSupport.client(server, sleeper).httpClient(own).build();
    server.stubFor(get(urlPathEqualTo(CALLS)).willReturn(okJson("[]")));

    assertThat(client.calls().list()).isEmpty();

    server.verify(1, getRequestedFor(urlEqualTo(CALLS)).withHeader("Authorization", equalTo(BEARER)));
  }
}
