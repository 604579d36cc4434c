package com.clarionhealth.client.reactive;

import com.clarionhealth.client.internal.Seams;
import static com.clarionhealth.client.reactive.TestSupport.API_KEY;
import static com.clarionhealth.client.reactive.TestSupport.CALLS;
import static com.clarionhealth.client.reactive.TestSupport.TIMEOUT;
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
import com.clarionhealth.client.ClarionTransportException;
import com.clarionhealth.client.model.CreateCall;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import reactor.test.StepVerifier;

/** The API key stays on the API's origin and out of every string; configuration refuses unsafe set-ups. */
class SecurityTest {
  @RegisterExtension
  static WireMockExtension server = TestSupport.server();

  static CreateCall createCall() {
    return new CreateCall().assistantId(7L).destinationPhoneNumber("+14155550123");
  }

  @Test
  void theKeyIsInNoToString() {
    ReactiveClarionClient.Builder builder = TestSupport.client(server);
    ReactiveClarionClient client = builder.build();

    assertThat(builder.toString()).doesNotContain(API_KEY);
    assertThat(client.toString()).doesNotContain(API_KEY).contains("127.0.0.1");
    assertThat(client.calls().toString()).doesNotContain(API_KEY);
    assertThat(client.calls().create(createCall()).toString()).doesNotContain(API_KEY);
    assertThat(client.calls().list().toString()).doesNotContain(API_KEY);
    assertThat(server.getAllServeEvents()).isEmpty();
  }

  /** Keys of two shapes: one the exceptions' pattern knows, one it cannot guess. */
  @ParameterizedTest
  @ValueSource(strings = {API_KEY, "clarion.9f8e7d6c5b4a39281706f5e4d3c2b1a0"})
  void aServerEchoingTheKeyDoesNotPutItInAnException(String key) {
    ReactiveClarionClient client = TestSupport.client(server).apiKey(key).build();
    server.stubFor(get(urlPathEqualTo(CALLS)).willReturn(aResponse().withStatus(401)
        .withHeader("WWW-Authenticate", "Bearer error=\"invalid_token\"")
        .withBody("{\"error\":\"invalid key " + key + "\",\"received\":\"Authorization: Bearer " + key + "\"}")));
    server.stubFor(post(CALLS).willReturn(aResponse().withStatus(200).withHeader("Content-Type", "text/html")
        .withBody("<p>key " + key + " accepted</p>")));

    Throwable denied = catchThrowable(() -> client.calls().list().blockLast(TIMEOUT));
    Throwable undecodable = catchThrowable(() -> client.calls().create(createCall()).block(TIMEOUT));

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
  void aTransportFailureDoesNotShowTheKey() {
    ReactiveClarionClient client = TestSupport.client(server).maxRetries(0).build();
    server.stubFor(get(urlPathEqualTo(CALLS)).willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));

    Throwable e = catchThrowable(() -> client.calls().list().blockLast(TIMEOUT));

    assertThat(e).isInstanceOf(ClarionTransportException.class);
    for (Throwable t = e; t != null; t = t.getCause()) {
      assertThat(String.valueOf(t.getMessage())).doesNotContain(API_KEY);
    }
  }

  @Test
  void aKeyFromTheSupplierIsAskedForOnEveryRequest() {
    AtomicInteger asked = new AtomicInteger();
    ReactiveClarionClient client = Seams.env(ReactiveClarionClient.builder()
        .baseUrl(TestSupport.baseUrl(server)), name -> null)
        .apiKeySupplier(() -> "rotating-" + asked.incrementAndGet())
        .build();
    server.stubFor(get(urlPathEqualTo(CALLS)).willReturn(okJson("[]")));

    client.calls().list().blockLast(TIMEOUT);
    client.calls().list().blockLast(TIMEOUT);

    server.verify(1, getRequestedFor(urlEqualTo(CALLS)).withHeader("Authorization", equalTo("Bearer rotating-1")));
    server.verify(1, getRequestedFor(urlEqualTo(CALLS)).withHeader("Authorization", equalTo("Bearer rotating-2")));
  }

  @Test
  void aRetryAsksTheSupplierForTheKeyWhenItIsSentNotBeforeTheWait() {
    VirtualTimer timer = new VirtualTimer();
    server.stubFor(get(urlPathEqualTo(CALLS)).inScenario("rotate").whenScenarioStateIs(STARTED)
        .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "30")).willSetStateTo("ok"));
    server.stubFor(get(urlPathEqualTo(CALLS)).inScenario("rotate").whenScenarioStateIs("ok").willReturn(okJson("[]")));
    ReactiveClarionClient rotating = Seams.env(ReactiveClarionClient.builder()
        .baseUrl(TestSupport.baseUrl(server)), name -> null).timer(timer)
        .apiKeySupplier(() -> "key-at-" + timer.now(TimeUnit.SECONDS) + "s")
        .build();

    StepVerifier.create(rotating.calls().list())
        .then(() -> timer.advanceBy(timer.awaitWait(1)))
        .expectComplete()
        .verify(TIMEOUT);

    // the key may have rotated during a wait of up to a minute: the retry carries the current one
    assertThat(TestSupport.served(server)).extracting(e -> e.getRequest().getHeader("Authorization"))
        .containsExactly("Bearer key-at-0s", "Bearer key-at-30s");
  }

  @Test
  void theKeyAndBaseUrlComeFromTheEnvironmentWhenNotGiven() {
    Map<String, String> env = Map.of("CLARION_API_KEY", "from-env-key", "CLARION_BASE_URL", TestSupport.baseUrl(server));
    ReactiveClarionClient client = Seams.env(ReactiveClarionClient.builder(), env::get).build();
    server.stubFor(get(urlPathEqualTo(CALLS)).willReturn(okJson("[]")));

    client.calls().list().blockLast(TIMEOUT);

    server.verify(1, getRequestedFor(urlEqualTo(CALLS)).withHeader("Authorization", equalTo("Bearer from-env-key")));
  }

  @Test
  void aMissingKeyIsRefusedNamingTheVariable() {
    assertThatIllegalStateException()
        .isThrownBy(() -> Seams.env(ReactiveClarionClient.builder(), name -> null).baseUrl(TestSupport.baseUrl(server)).build())
        .withMessageContaining("CLARION_API_KEY");
  }

  @ParameterizedTest
  @ValueSource(strings = {"http://api.clarionhealth.com/v1", "http://10.0.0.7:8080/v1", "ftp://api.clarionhealth.com",
      "https://user:secret@api.clarionhealth.com/v1", "https://api.clarionhealth.com/v1?x=1", "not a url"})
  void anUnsafeBaseUrlIsRefused(String baseUrl) {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> TestSupport.client(server).baseUrl(baseUrl).build())
        .withMessageContaining("baseUrl")
        .withMessageNotContaining("secret");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> Seams.env(ReactiveClarionClient.builder().apiKey(API_KEY), Map.of("CLARION_BASE_URL", baseUrl)::get)
            .build())
        .withMessageContaining("CLARION_BASE_URL");
  }

  @ParameterizedTest
  @ValueSource(strings = {"http://localhost:1/v1", "http://127.0.0.1:1", "http://[::1]:1/v1", "https://api.example.com/v1"})
  void httpsAndLoopbackHttpBaseUrlsAreAccepted(String baseUrl) {
    assertThat(TestSupport.client(server).baseUrl(baseUrl).build().toString()).contains("baseUrl=");
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "  ", "Bearer abc", "abc def", "abc\r\nX-Injected: 1", "clé"})
  void anUnsafeKeyIsRefusedWithoutEchoingIt(String key) {
    Throwable e = catchThrowable(() -> TestSupport.client(server).apiKey(key).build());

    assertThat(e).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("apiKey");
    if (!key.isBlank()) {
      assertThat(e.getMessage()).doesNotContain(key);
    }
  }

  @Test
  void theDefaultBaseUrlIsTheProductionApiOverHttps() {
    assertThat(Seams.env(ReactiveClarionClient.builder().apiKey(API_KEY), name -> null).build().toString())
        .contains("https://api.clarionhealth.com/v1");
  }

  @Test
  void nothingIsSentOverTheNetworkByBuildingAClient() {
    TestSupport.client(server).build();
    Seams.env(ReactiveClarionClient.builder().apiKey(API_KEY), name -> null).build();

    assertThat(server.getAllServeEvents()).isEmpty();
  }

  @Test
  void createDoesNotRetryOntoAnotherPathOrWithAnotherBody() {
    // a 401 on POST is final: not retried, not "may have been placed"
    ReactiveClarionClient client = TestSupport.client(server).build();
    server.stubFor(post(CALLS).willReturn(aResponse().withStatus(401)));

    Throwable e = catchThrowable(() -> client.calls().create(createCall()).block(TIMEOUT));

    assertThat(e).isInstanceOf(AuthenticationException.class);
    assertThat(((AuthenticationException) e).callMayHaveBeenPlaced()).isFalse();
    assertThat(server.getAllServeEvents()).hasSize(1);
  }
}
