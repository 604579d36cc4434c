package com.clarionhealth.client.reactive;

import static com.clarionhealth.client.reactive.TestSupport.CALLS;
import static com.clarionhealth.client.reactive.TestSupport.TIMEOUT;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.clarionhealth.client.AuthenticationException;
import com.clarionhealth.client.BadRequestException;
import com.clarionhealth.client.ClarionApiException;
import com.clarionhealth.client.InternalServerException;
import com.clarionhealth.client.ListCallsParams;
import com.clarionhealth.client.NotFoundException;
import com.clarionhealth.client.PermissionDeniedException;
import com.clarionhealth.client.RateLimitException;
import com.clarionhealth.client.UnexpectedStatusException;
import com.clarionhealth.client.UnprocessableEntityException;
import com.clarionhealth.client.model.CreateCall;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.time.Duration;
import java.time.Instant;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import reactor.test.StepVerifier;

/** Every non-2xx status becomes its {@link ClarionApiException} subclass, with a bounded body and the request id. */
class ErrorMappingTest {
  @RegisterExtension
  static WireMockExtension server = TestSupport.server();

  /** No retries, so that retryable statuses surface from the first answer. */
  private final ReactiveClarionClient client = TestSupport.client(server).maxRetries(0).build();

  static Stream<Arguments> statuses() {
    return Stream.of(
        Arguments.of(400, BadRequestException.class, "400 Bad Request"),
        Arguments.of(401, AuthenticationException.class, "401 Unauthorized"),
        Arguments.of(403, PermissionDeniedException.class, "403 Forbidden"),
        Arguments.of(404, NotFoundException.class, "404 Not Found"),
        Arguments.of(422, UnprocessableEntityException.class, "422 Unprocessable Entity"),
        Arguments.of(429, RateLimitException.class, "429 Too Many Requests"),
        Arguments.of(500, InternalServerException.class, "500 Internal Server Error"),
        Arguments.of(503, InternalServerException.class, "503 Service Unavailable"),
        Arguments.of(418, UnexpectedStatusException.class, "418"));
  }

  @ParameterizedTest
  @MethodSource("statuses")
  void aStatusOfGetBecomesItsExceptionWithBodyAndRequestId(int status, Class<? extends ClarionApiException> type,
      String statusText) {
    server.stubFor(get(urlPathEqualTo(CALLS)).willReturn(aResponse().withStatus(status)
        .withHeader("Content-Type", "application/json")
        .withHeader("x-request-id", "req_abc123")
        .withBody("{\"error\":\"nope\",\n\"detail\":\"line two\"}")));

    StepVerifier.create(client.calls().list(ListCallsParams.builder()
            .createdAtGe(Instant.parse("2026-01-01T00:00:00Z")).build()))
        .expectErrorSatisfies(e -> {
          assertThat(e).isExactlyInstanceOf(type);
          ClarionApiException api = (ClarionApiException) e;
          assertThat(api.statusCode()).isEqualTo(status);
          assertThat(api.requestId()).contains("req_abc123");
          assertThat(api.method()).isEqualTo("GET");
          assertThat(api.path()).isEqualTo("/call"); // the query may carry patient data: never shown
          assertThat(api.body()).isEqualTo("{\"error\":\"nope\",\n\"detail\":\"line two\"}");
          assertThat(api.bodyTruncatedBytes()).isZero();
          assertThat(api.header("content-type")).contains("application/json");
          assertThat(api.callMayHaveBeenPlaced()).isFalse();
          assertThat(api.getMessage())
              .startsWith(statusText + " from GET /call (request id req_abc123): ")
              .contains("{\"error\":\"nope\", \"detail\":\"line two\"}") // one line
              .doesNotContain("2026")
              .doesNotContain("\n");
        })
        .verify(TIMEOUT);
    assertThat(server.getAllServeEvents()).hasSize(1);
  }

  @ParameterizedTest
  @MethodSource("statuses")
  void aStatusOfPostBecomesItsExceptionAndOnly5xxMayHavePlacedTheCall(int status,
      Class<? extends ClarionApiException> type) {
    server.stubFor(post(CALLS).willReturn(aResponse().withStatus(status).withHeader("request-id", "req_post")));

    StepVerifier.create(client.calls().create(new CreateCall().assistantId(7L).destinationPhoneNumber("+14155550123")))
        .expectErrorSatisfies(e -> {
          assertThat(e).isExactlyInstanceOf(type);
          ClarionApiException api = (ClarionApiException) e;
          assertThat(api.statusCode()).isEqualTo(status);
          assertThat(api.requestId()).contains("req_post"); // request-id when there is no x-request-id
          assertThat(api.method()).isEqualTo("POST");
          assertThat(api.body()).isEmpty();
          assertThat(api.callMayHaveBeenPlaced()).isEqualTo(status >= 500);
        })
        .verify(TIMEOUT);
    assertThat(server.getAllServeEvents()).hasSize(1);
  }

  @Test
  void aHugeErrorBodyIsCutToEightKibibytes() {
    String huge = "x".repeat(100 * 1024);
    server.stubFor(get(urlPathEqualTo(CALLS)).willReturn(aResponse().withStatus(500)
        .withHeader("x-request-id", "req_big").withBody(huge)));

    StepVerifier.create(client.calls().list())
        .expectErrorSatisfies(e -> {
          InternalServerException ise = (InternalServerException) e;
          assertThat(ise.body().getBytes(java.nio.charset.StandardCharsets.UTF_8).length)
              .isLessThanOrEqualTo(ClarionApiException.MAX_BODY_BYTES).isEqualTo(8 * 1024);
          assertThat(ise.getMessage().length()).isLessThan(400);
          assertThat(ise.requestId()).contains("req_big");
        })
        .verify(TIMEOUT);
  }

  @Test
  void aRateLimitCarriesItsRetryAfter() {
    server.stubFor(get(urlPathEqualTo(CALLS)).willReturn(aResponse().withStatus(429).withHeader("Retry-After", "30")));

    StepVerifier.create(client.calls().list())
        .expectErrorSatisfies(e -> assertThat(((RateLimitException) e).retryAfter()).contains(Duration.ofSeconds(30)))
        .verify(TIMEOUT);
  }

  @Test
  void aStreamFailsWithTheStatusOfItsWindow() {
    server.stubFor(get(urlPathEqualTo(CALLS)).willReturn(aResponse().withStatus(403).withBody("forbidden")));
    Instant t0 = Instant.parse("2026-01-01T00:00:00Z");

    StepVerifier.create(client.calls().stream(com.clarionhealth.client.CallQuery.between(t0, t0.plusSeconds(60))))
        .expectError(PermissionDeniedException.class)
        .verify(TIMEOUT);
  }
}
