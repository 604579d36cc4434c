package com.clarionhealth.client.reactive;

import static com.clarionhealth.client.contract.ContractSupport.BEARER;
import static com.clarionhealth.client.contract.ContractSupport.CALLS;
import static com.clarionhealth.client.contract.ContractSupport.TIMEOUT;
import static com.clarionhealth.client.reactive.TestSupport.USER_AGENT;
import static com.clarionhealth.client.contract.ContractSupport.json;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.notMatching;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.clarionhealth.client.model.BotMessage;
import com.clarionhealth.client.model.CallStatus;
import com.clarionhealth.client.model.CreateCall;
import com.clarionhealth.client.contract.FakeApi;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.http.HttpStatus;
import org.springframework.http.codec.CodecConfigurer;
import org.springframework.web.reactive.function.client.ClientRequest;
import org.springframework.web.reactive.function.client.ClientResponse;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

/**
 * An application's own {@link WebClient.Builder}: its filters and connector serve the client, its
 * JSON configuration does not leak into the client's wire format, and the builder is left as it was.
 * Run with the JSON codecs of an application on either Jackson ({@link ApplicationWebClientTest},
 * {@link ApplicationJackson2WebClientTest}).
 */
abstract class ApplicationWebClientCases {
  @RegisterExtension
  static final FakeApi server = new FakeApi();

  static final String CALL = json("{'id':9,'assistant_id':7,'call_status':'ended','ended_at':'2026-03-01T12:03:00+01:00',"
      + "'duration_ms':1000,'messages':[{'role':'bot','message':'Hi','endTime':1.5}],"
      + "'np_field_added_later':true}");

  private final AtomicInteger filtered = new AtomicInteger();
  private WebClient.Builder app;

  /**
   * The application's JSON codecs, on a mapper with upper camel case and dates adjusted to UTC (Jackson's
   * default): nothing like the API's JSON or the client's reading.
   */
  abstract void applicationJson(CodecConfigurer.DefaultCodecs codecs);

  @BeforeEach
  void applicationBuilder() {
    app = WebClient.builder()
        .codecs(c -> applicationJson(c.defaultCodecs()))
        .defaultHeader("X-Tenant", "north")
        .filter((request, next) -> {
          filtered.incrementAndGet();
          return next.exchange(ClientRequest.from(request).header("X-App-Trace", "trace-1").build());
        });
    server.stubFor(post(CALLS).willReturn(okJson(CALL)));
    server.stubFor(get(urlPathEqualTo(CALLS)).willReturn(okJson("[" + CALL + "]")));
  }

  @Test
  void theClientKeepsItsOwnJsonAndTheApplicationsFilters() {
    ReactiveClarionClient client = TestSupport.client(server).webClientBuilder(app).build();

    StepVerifier.create(client.calls().create(new CreateCall().assistantId(7L).destinationPhoneNumber("+14155550123")
            .taskParameters(Map.of("first_name", "Ada"))))
        .assertNext(call -> {
          assertThat(call.getId()).isEqualTo(9L);
          assertThat(call.getAssistantId()).isEqualTo(7L);
          assertThat(call.getCallStatus()).isSameAs(CallStatus.ENDED);
          assertThat(call.getEndedAt()).isEqualTo(OffsetDateTime.parse("2026-03-01T12:03:00+01:00"));
          assertThat(call.getDurationMs()).isEqualTo(1000);
          assertThat(((BotMessage) call.getMessages().get(0)).getEndTime()).isEqualTo(1.5);
          assertThat(call.getAdditionalProperty("np_field_added_later")).isEqualTo(true);
        })
        .expectComplete()
        .verify(TIMEOUT);
    StepVerifier.create(client.calls().list())
        .assertNext(call -> assertThat(call.getAssistantId()).isEqualTo(7L))
        .expectComplete()
        .verify(TIMEOUT);

    // snake case as the API wants, not the application's naming
    server.verify(1, postRequestedFor(urlEqualTo(CALLS)).withRequestBody(equalToJson(
        json("{'assistant_id':7,'destination_phone_number':'+14155550123','task_parameters':{'first_name':'Ada'}}"))));
    // the application's filter and default header ran on both requests, next to the client's headers
    assertThat(filtered).hasValue(2);
    for (var request : server.served()) {
      assertThat(request.getRequest().getHeader("X-App-Trace")).isEqualTo("trace-1");
      assertThat(request.getRequest().getHeader("X-Tenant")).isEqualTo("north");
      assertThat(request.getRequest().getHeader("Authorization")).isEqualTo(BEARER);
      assertThat(request.getRequest().getHeader("User-Agent")).matches(USER_AGENT);
    }
  }

  @Test
  void theApplicationsMapperWouldHaveReadTheseBodiesOtherwise() {
    // the control of the test above: decoded with the application's codecs, the call reads otherwise
    StepVerifier.create(app.build().get().uri(server.baseUrl() + CALLS).retrieve().bodyToFlux(
            com.clarionhealth.client.model.Call.class))
        .assertNext(call -> assertThat(call.getEndedAt().getOffset()).isEqualTo(ZoneOffset.UTC))
        .expectComplete()
        .verify(TIMEOUT);
  }

  @Test
  void theApplicationsObservationTagsTheRequestsWithThePathNeverTheQuery() {
    io.micrometer.observation.tck.TestObservationRegistry registry =
        io.micrometer.observation.tck.TestObservationRegistry.create();
    ReactiveClarionClient client = TestSupport.client(server).webClientBuilder(app.observationRegistry(registry))
        .build();

    client.calls().list(com.clarionhealth.client.ListCallsParams.builder().limit(5).build()).blockLast(TIMEOUT);

    io.micrometer.observation.tck.TestObservationRegistryAssert.assertThat(registry)
        .hasObservationWithNameEqualTo("http.client.requests").that()
        .hasLowCardinalityKeyValue("uri", "/call")
        .hasLowCardinalityKeyValue("method", "GET")
        .doesNotHaveHighCardinalityKeyValue("http.url", server.baseUrl() + "/v1/call?limit=5");
  }

  @Test
  void theApplicationsBuilderIsNotChanged() {
    TestSupport.client(server).webClientBuilder(app).build()
        .calls().list().blockLast(TIMEOUT);
    server.resetRequests();
    filtered.set(0);

    // toSingleValueMap, not headerNames (Spring 7 only): these cases also run on Spring 6.2 (compat-boot35).
    app.defaultHeaders(headers -> assertThat(headers.toSingleValueMap().keySet()).containsExactly("X-Tenant"));
    app.filters(filters -> assertThat(filters).hasSize(1));
    WebClient plain = app.build();
    // no base URL was set on it: a relative URI stays relative (seen by a filter that answers itself)
    AtomicReference<ClientRequest> seen = new AtomicReference<>();
    plain.mutate().filter((request, next) -> {
      seen.set(request);
      return Mono.just(ClientResponse.create(HttpStatus.NO_CONTENT).build());
    }).build().get().uri("/v1/call").retrieve().toBodilessEntity().block(TIMEOUT);
    assertThat(seen.get().url()).hasToString("/v1/call");
    assertThat(seen.get().headers().toSingleValueMap().keySet()).doesNotContain("Authorization", "User-Agent");
    // and no key or User-Agent of the client's on a real request
    plain.get().uri(server.baseUrl() + CALLS).retrieve().toBodilessEntity().block(TIMEOUT);
    server.verify(1, getRequestedFor(urlEqualTo(CALLS))
        .withHeader("Authorization", absent())
        .withHeader("User-Agent", notMatching("clarion-java.*"))
        .withHeader("X-Tenant", equalTo("north")));
    assertThat(filtered).hasValue(2); // its own filter, once per request of its own, and no other
  }

  @Test
  void laterChangesToTheApplicationsBuilderDoNotReachTheClient() {
    ReactiveClarionClient client = TestSupport.client(server).webClientBuilder(app).build();

    app.filter((request, next) -> Mono.error(new IllegalStateException("added after the client was built")));
    app.defaultHeader("X-Later", "yes");

    StepVerifier.create(client.calls().list()).expectNextCount(1).expectComplete().verify(TIMEOUT);
    server.verify(1, getRequestedFor(urlEqualTo(CALLS)).withHeader("X-Later", absent()));
  }

  @Test
  void anApplicationAuthorizationHeaderIsReplacedByTheClientsKey() {
    app.defaultHeader("Authorization", "Bearer the-applications-own-token");
    ReactiveClarionClient client = TestSupport.client(server).webClientBuilder(app).build();

    StepVerifier.create(client.calls().list()).expectNextCount(1).expectComplete().verify(TIMEOUT);

    assertThat(server.getAllServeEvents()).singleElement().satisfies(e ->
        assertThat(e.getRequest().getHeaders().getHeader("Authorization").values()).containsExactly(BEARER));
    server.verify(1, getRequestedFor(urlEqualTo(CALLS)).withHeader("Accept", matching("application/json")));
  }
}
