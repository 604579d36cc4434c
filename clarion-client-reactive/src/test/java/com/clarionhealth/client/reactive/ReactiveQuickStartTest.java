package com.clarionhealth.client.reactive;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.clarionhealth.client.CallQuery;
import com.clarionhealth.client.contract.QuickStarts;
import com.clarionhealth.client.model.Call;
import com.clarionhealth.client.model.CreateCall;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

/** The README's reactive quick start, compiled and run; and a check that the README still shows it. */
class ReactiveQuickStartTest {
  @RegisterExtension
  static WireMockExtension server = WireMockExtension.newInstance()
      .options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1")).build();

  @Test
  void quickStartPlacesACallAndStreamsARange() {
    QuickStarts.stubAnswers(server);
    String apiKey = "test-key";
    String baseUrl = server.baseUrl();
    WebClient.Builder webClientBuilder = WebClient.builder(); // in Spring Boot: the injected builder

    // reactive-quick-start:begin
    ReactiveClarionClient client = ReactiveClarionClient.builder()
        .webClientBuilder(webClientBuilder) // optional: keeps the application's connector and filters
        .apiKey(apiKey)
        .baseUrl(baseUrl)
        .build();

    Mono<Call> placed = client.calls().create(new CreateCall()
        .assistantId(42L)
        .destinationPhoneNumber("+14155550123"));

    Flux<String> january = client.calls()
        .stream(CallQuery.between(Instant.parse("2026-01-01T00:00:00Z"), Instant.parse("2026-02-01T00:00:00Z")))
        .map(call -> call.getId() + " " + call.getCallStatus());
    // reactive-quick-start:end

    StepVerifier.create(placed.map(Call::getId)).expectNext(1L).expectComplete().verify(Duration.ofSeconds(5));
    StepVerifier.create(january).expectNext("1 ended", "2 np_voicemail").expectComplete()
        .verify(Duration.ofSeconds(5));
    server.verify(postRequestedFor(urlPathEqualTo("/call"))
        .withHeader("Authorization", equalTo("Bearer test-key"))
        .withRequestBody(equalToJson("{\"assistant_id\":42,\"destination_phone_number\":\"+14155550123\"}")));
    server.verify(1, getRequestedFor(urlPathEqualTo("/call"))
        .withQueryParam("createdAtGe", equalTo("2026-01-01T00:00:00.000Z"))
        .withQueryParam("createdAtLe", equalTo("2026-02-01T00:00:00.000Z")));
  }

  @Test
  void readmeShowsTheQuickStartAsCompiledHere() throws IOException {
    QuickStarts.assertReadmeShows("src/test/java/com/clarionhealth/client/reactive/ReactiveQuickStartTest.java", "reactive-quick-start");
  }
}
