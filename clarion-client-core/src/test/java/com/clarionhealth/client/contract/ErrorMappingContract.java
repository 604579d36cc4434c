package com.clarionhealth.client.contract;

import static com.clarionhealth.client.contract.ContractSupport.BEARER;
import static com.clarionhealth.client.contract.ContractSupport.CALLS;
import static com.clarionhealth.client.contract.ContractSupport.createCall;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.clarionhealth.client.AuthenticationException;
import com.clarionhealth.client.BadRequestException;
import com.clarionhealth.client.CallQuery;
import com.clarionhealth.client.ClarionApiException;
import com.clarionhealth.client.InternalServerException;
import com.clarionhealth.client.ListCallsParams;
import com.clarionhealth.client.NotFoundException;
import com.clarionhealth.client.PermissionDeniedException;
import com.clarionhealth.client.RateLimitException;
import com.clarionhealth.client.UnexpectedStatusException;
import com.clarionhealth.client.UnprocessableEntityException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each non-2xx status becomes its own {@link ClarionApiException}, carrying status, method, path,
 * bounded body, request id and headers, in a one-line message without the query.
 */
public abstract class ErrorMappingContract extends ClientContract {
  @RegisterExtension
  protected static final FakeApi api = new FakeApi();

  /** No retries, so that retryable statuses surface from the first answer. */
  private ClientDriver client() {
    return connect(api.config().maxRetries(0));
  }

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
  void aStatusOfGetBecomesItsExceptionWithBodyRequestIdAndHeaders(int status,
      Class<? extends ClarionApiException> type, String statusText) {
    String body = "{\"error\":\"status " + status + "\",\n\"detail\":\"line two\"}";
    api.stubFor(get(urlPathEqualTo(CALLS)).willReturn(aResponse().withStatus(status)
        .withHeader("Content-Type", "application/json")
        .withHeader("x-request-id", "req_8f2c")
        .withHeader("X-RateLimit-Remaining", "0")
        .withBody(body)));

    ClarionApiException e = catchThrowableOfType(ClarionApiException.class, () -> client()
        .list(ListCallsParams.builder().createdAtGe(Instant.parse("2026-01-01T00:00:00Z")).build()));

    assertThat(e).isExactlyInstanceOf(type);
    assertThat(e.statusCode()).isEqualTo(status);
    assertThat(e.method()).isEqualTo("GET");
    assertThat(e.path()).isEqualTo("/call"); // the query may carry patient data: never shown
    assertThat(e.body()).isEqualTo(body);
    assertThat(e.bodyTruncatedBytes()).isZero();
    assertThat(e.requestId()).contains("req_8f2c");
    assertThat(e.header("x-ratelimit-remaining")).contains("0");
    assertThat(e.header("content-type")).contains("application/json");
    assertThat(e.headers()).containsKey("Content-Type");
    assertThat(e.callMayHaveBeenPlaced()).isFalse();
    assertThat(e.getMessage())
        .startsWith(statusText + " from GET /call (request id req_8f2c): ")
        .contains("{\"error\":\"status " + status + "\", \"detail\":\"line two\"}") // one line
        .doesNotContain("\n")
        .doesNotContain("createdAtGe")
        .doesNotContain("2026")
        .doesNotContain("may have been placed");
    api.verify(1, getRequestedFor(urlEqualTo(CALLS + "?createdAtGe=2026-01-01T00%3A00%3A00.000Z"))
        .withHeader("Authorization", equalTo(BEARER)));
    assertThat(api.served()).hasSize(1);
  }

  @ParameterizedTest
  @MethodSource("statuses")
  void aStatusOfPostBecomesItsExceptionAndOnly5xxMayHavePlacedTheCall(int status,
      Class<? extends ClarionApiException> type) {
    api.stubFor(post(CALLS).willReturn(aResponse().withStatus(status).withHeader("request-id", "req_post")));

    ClarionApiException e = catchThrowableOfType(ClarionApiException.class, () -> client().create(createCall()));

    assertThat(e).isExactlyInstanceOf(type);
    assertThat(e.statusCode()).isEqualTo(status);
    assertThat(e.requestId()).contains("req_post"); // request-id when there is no x-request-id
    assertThat(e.method()).isEqualTo("POST");
    assertThat(e.body()).isEmpty();
    assertThat(e.callMayHaveBeenPlaced()).isEqualTo(status >= 500);
    assertThat(api.served()).hasSize(1);
  }

  @Test
  void aRejectedCreateIsNotAPlacedCall() {
    api.stubFor(post(CALLS).willReturn(aResponse().withStatus(422).withHeader("request-id", "req_2")
        .withBody("{\"error\":\"destination_phone_number is not reachable\"}")));

    UnprocessableEntityException e = catchThrowableOfType(UnprocessableEntityException.class,
        () -> client().create(createCall()));

    assertThat(e.callMayHaveBeenPlaced()).isFalse();
    assertThat(e.requestId()).contains("req_2");
    assertThat(e.getMessage()).contains("from POST /call (request id req_2)").doesNotContain("may have been placed");
    api.verify(1, postRequestedFor(urlEqualTo(CALLS)).withHeader("Authorization", equalTo(BEARER)));
  }

  @Test
  void aRateLimitCarriesTheServersRetryAfter() {
    api.stubFor(get(urlPathEqualTo(CALLS)).willReturn(aResponse().withStatus(429).withHeader("Retry-After", "30")));

    RateLimitException e = catchThrowableOfType(RateLimitException.class, () -> client().list());

    assertThat(e.retryAfter()).contains(Duration.ofSeconds(30));
    assertThat(e.getMessage()).startsWith("429 Too Many Requests from GET /call");
    assertThat(e.requestId()).isEmpty(); // none sent
    api.verify(1, getRequestedFor(urlEqualTo(CALLS)));
  }

  @Test
  void aHugeErrorBodyIsBoundedTo8KiB() {
    String huge = "x".repeat(100 * 1024);
    api.stubFor(get(urlPathEqualTo(CALLS)).willReturn(aResponse().withStatus(500)
        .withHeader("x-request-id", "req_big").withBody(huge)));

    InternalServerException e = catchThrowableOfType(InternalServerException.class, () -> client().list());

    assertThat(e.body().getBytes(StandardCharsets.UTF_8).length)
        .isLessThanOrEqualTo(ClarionApiException.MAX_BODY_BYTES).isEqualTo(8 * 1024);
    // how many bytes were cut (bodyTruncatedBytes) differs between the clients: see BlockingErrorMappingTest
    assertThat(e.getMessage().length()).isLessThan(400); // one line with a short snippet
    assertThat(e.requestId()).contains("req_big");
    api.verify(1, getRequestedFor(urlEqualTo(CALLS)));
  }

  @Test
  void aStreamFailsWithTheStatusOfItsWindow() {
    api.stubFor(get(urlPathEqualTo(CALLS)).willReturn(aResponse().withStatus(403).withBody("forbidden")));
    Instant t0 = Instant.parse("2026-01-01T00:00:00Z");

    PermissionDeniedException e = catchThrowableOfType(PermissionDeniedException.class,
        () -> client().stream(CallQuery.between(t0, t0.plusSeconds(60))));

    assertThat(e.body()).isEqualTo("forbidden");
    assertThat(api.served()).hasSize(1);
  }
}
