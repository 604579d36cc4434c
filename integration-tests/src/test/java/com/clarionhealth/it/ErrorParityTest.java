package com.clarionhealth.it;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.clarionhealth.client.ClarionApiException;
import com.clarionhealth.client.ListCallsParams;
import com.clarionhealth.client.model.CreateCall;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.time.Duration;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every status the spec documents maps to the same exception type, status and body in both clients, for
 * both operations. A plain stub answers here, because the sandbox cannot be made to answer a 400 to a
 * request the clients would send.
 */
class ErrorParityTest {
  @RegisterExtension
  static WireMockExtension server = WireMockExtension.newInstance()
      .options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1")).build();

  @ParameterizedTest(name = "{0}")
  @ValueSource(ints = {400, 401, 403, 404, 408, 409, 422, 429, 500, 502, 503, 504, 418})
  void bothClientsMapAStatusToTheSameException(int status) {
    server.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(status)
        .withHeader("Content-Type", "application/json").withHeader("x-request-id", "req_" + status)
        .withBody("{\"message\":\"status " + status + "\"}")));

    for (boolean create : new boolean[] {false, true}) {
      ClarionApiException blocking = failure(Api.Kind.BLOCKING, create);
      ClarionApiException reactive = failure(Api.Kind.REACTIVE, create);

      assertThat(reactive.getClass()).isEqualTo(blocking.getClass());
      assertThat(reactive.statusCode()).isEqualTo(blocking.statusCode()).isEqualTo(status);
      assertThat(reactive.body()).isEqualTo(blocking.body()).contains("status " + status);
      assertThat(reactive.requestId()).isEqualTo(blocking.requestId()).contains("req_" + status);
      assertThat(reactive.callMayHaveBeenPlaced()).isEqualTo(blocking.callMayHaveBeenPlaced())
          .isEqualTo(create && status >= 500);
      assertThat(reactive.getMessage()).isEqualTo(blocking.getMessage());
    }
  }

  private static ClarionApiException failure(Api.Kind kind, boolean create) {
    Api api = kind.open(server.baseUrl(), "key", 0, Duration.ofSeconds(10));
    try {
      if (create) {
        api.create(new CreateCall().assistantId(1L).destinationPhoneNumber("+14155550123"));
      } else {
        api.list(ListCallsParams.defaults());
      }
    } catch (ClarionApiException e) {
      return e;
    }
    throw new AssertionError(kind + " did not fail");
  }
}
