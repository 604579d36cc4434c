package com.clarionhealth.client.blocking;

import static com.clarionhealth.client.blocking.TestSupport.BEARER;
import static com.clarionhealth.client.blocking.TestSupport.CALLS;
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
import com.clarionhealth.client.ClarionApiException;
import com.clarionhealth.client.InternalServerException;
import com.clarionhealth.client.ListCallsParams;
import com.clarionhealth.client.NotFoundException;
import com.clarionhealth.client.PermissionDeniedException;
import com.clarionhealth.client.RateLimitException;
import com.clarionhealth.client.UnexpectedStatusException;
import com.clarionhealth.client.UnprocessableEntityException;
import com.clarionhealth.client.blocking.TestSupport.RecordingSleeper;
import com.clarionhealth.client.model.CreateCall;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Each non-2xx status becomes its own exception, carrying status, bounded body, request id and headers. */
class ErrorMappingTest {
  @RegisterExtension
  static WireMockExtension server = TestSupport.server();

  // no retries: each status is answered once
  private final ClarionClient client = TestSupport.client(server, new RecordingSleeper()).maxRetries(0).build();

  static Stream<Arguments> statuses() {
    return Stream.of(
        Arguments.of(400, BadRequestException.class),
        Arguments.of(401, AuthenticationException.class),
        Arguments.of(403, PermissionDeniedException.class),
        Arguments.of(404, NotFoundException.class),
        Arguments.of(422, UnprocessableEntityException.class),
        Arguments.of(429, RateLimitException.class),
        Arguments.of(500, InternalServerException.class),
        Arguments.of(503, InternalServerException.class),
        Arguments.of(418, UnexpectedStatusException.class));
  }

  @ParameterizedTest
  @MethodSource("statuses")
  void aStatusMapsToItsException(int status, Class<? extends ClarionApiException> type) {
    server.stubFor(get(urlPathEqualTo(CALLS)).willReturn(aResponse().withStatus(status)
        .withHeader("Content-Type", "application/json")
        .withHeader("x-request-id", "req_8f2c")
        .withHeader("X-RateLimit-Remaining", "0")
        .withBody("{\"error\":\"status " + status + "\"}")));

    ClarionApiException e = catchThrowableOfType(ClarionApiException.class,
        () -> client.calls().list(ListCallsParams.builder().createdAtGe(Instant.parse("2026-01-01T00:00:00Z")).build()));

    assertThat(e).isExactlyInstanceOf(type);
    assertThat(e.statusCode()).isEqualTo(status);
    assertThat(e.body()).isEqualTo("{\"error\":\"status " + status + "\"}");
    assertThat(e.bodyTruncatedBytes()).isZero();
    assertThat(e.requestId()).contains("req_8f2c");
    assertThat(e.header("x-ratelimit-remaining")).contains("0");
    assertThat(e.headers()).containsKey("Content-Type");
    assertThat(e.callMayHaveBeenPlaced()).isFalse();
    assertThat(e.getMessage())
        .startsWith(String.valueOf(status))
        .contains("from GET /call (request id req_8f2c): {\"error\":\"status " + status + "\"}")
        .doesNotContain("createdAtGe") // the query may carry patient data: never in messages
        .doesNotContain("may have been placed");
    server.verify(1, getRequestedFor(urlEqualTo(CALLS + "?createdAtGe=2026-01-01T00%3A00%3A00.000Z"))
        .withHeader("Authorization", equalTo(BEARER)));
  }

  @Test
  void aRateLimitCarriesTheServersRetryAfter() {
    server.stubFor(get(urlPathEqualTo(CALLS)).willReturn(aResponse().withStatus(429).withHeader("Retry-After", "30")));

    RateLimitException e = catchThrowableOfType(RateLimitException.class, () -> client.calls().list());

    assertThat(e.retryAfter()).contains(Duration.ofSeconds(30));
    assertThat(e.getMessage()).startsWith("429 Too Many Requests from GET /call");
    server.verify(1, getRequestedFor(urlEqualTo(CALLS)));
  }

  @Test
  void aHugeErrorBodyIsBoundedTo8KiB() {
    String huge = "x".repeat(100 * 1024);
    server.stubFor(get(urlPathEqualTo(CALLS)).willReturn(aResponse().withStatus(500).withBody(huge)));

    InternalServerException e = catchThrowableOfType(InternalServerException.class, () -> client.calls().list());

    assertThat(e.body().getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(ClarionApiException.MAX_BODY_BYTES);
    assertThat(e.bodyTruncatedBytes()).isEqualTo(100 * 1024 - e.body().length()).isPositive();
    assertThat(e.getMessage().length()).isLessThan(400); // one line with a short snippet
    assertThat(e.requestId()).isEmpty();
    server.verify(1, getRequestedFor(urlEqualTo(CALLS)));
  }

  @Test
  void aRejectedCreateIsNotAPlacedCall() {
    server.stubFor(post(CALLS).willReturn(aResponse().withStatus(422).withHeader("request-id", "req_2")
        .withBody("{\"error\":\"destination_phone_number is not reachable\"}")));

    UnprocessableEntityException e = catchThrowableOfType(UnprocessableEntityException.class,
        () -> client.calls().create(new CreateCall().assistantId(7L).destinationPhoneNumber("+14155550123")));

    assertThat(e.callMayHaveBeenPlaced()).isFalse();
    assertThat(e.requestId()).contains("req_2");
    assertThat(e.getMessage()).contains("from POST /call (request id req_2)").doesNotContain("may have been placed");
    server.verify(1, postRequestedFor(urlEqualTo(CALLS)).withHeader("Authorization", equalTo(BEARER)));
  }
}
