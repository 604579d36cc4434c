package com.clarionhealth.client.blocking;

import static com.clarionhealth.client.blocking.TestSupport.BEARER;
import static com.clarionhealth.client.blocking.TestSupport.CALLS;
import static com.clarionhealth.client.blocking.TestSupport.callJson;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.clarionhealth.client.ListCallsParams;
import com.clarionhealth.client.UnexpectedStatusException;
import com.clarionhealth.client.blocking.TestSupport.RecordingSleeper;
import com.clarionhealth.client.model.Call;
import com.clarionhealth.client.model.CreateCall;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Redirects: GET follows them, but the key goes to the API's own origin only; POST is never re-sent. */
class RedirectTest {
  @RegisterExtension
  static WireMockExtension api = TestSupport.server();

  @RegisterExtension
  static WireMockExtension elsewhere = TestSupport.server();

  private final RecordingSleeper sleeper = new RecordingSleeper();
  private final ClarionClient client = TestSupport.client(api, sleeper).build();

  @Test
  void aRedirectToAnotherOriginIsFollowedWithoutTheKey() {
    String target = "http://localhost:" + elsewhere.getPort() + "/mirror/call?limit=5";
    api.stubFor(get(urlPathEqualTo(CALLS)).willReturn(aResponse().withStatus(302).withHeader("Location", target)));
    elsewhere.stubFor(get(urlPathEqualTo("/mirror/call")).willReturn(okJson("[" + callJson(3) + "]")));

    assertThat(client.calls().list(ListCallsParams.builder().limit(5).build())).extracting(Call::getId)
        .containsExactly(3L);

    api.verify(1, getRequestedFor(urlEqualTo(CALLS + "?limit=5")).withHeader("Authorization", equalTo(BEARER)));
    elsewhere.verify(1, getRequestedFor(urlEqualTo("/mirror/call?limit=5"))
        .withHeader("Authorization", absent())
        .withHeader("Accept", equalTo("application/json")));
    assertThat(sleeper.sleeps).isEmpty();
  }

  @Test
  void aRedirectWithinTheOriginKeepsTheKey() {
    api.stubFor(get(urlPathEqualTo(CALLS)).willReturn(aResponse().withStatus(301).withHeader("Location", "/v2/call")));
    api.stubFor(get(urlPathEqualTo("/v2/call")).willReturn(okJson("[" + callJson(4) + "]")));

    assertThat(client.calls().list()).extracting(Call::getId).containsExactly(4L);

    api.verify(1, getRequestedFor(urlEqualTo(CALLS)).withHeader("Authorization", equalTo(BEARER)));
    api.verify(1, getRequestedFor(urlEqualTo("/v2/call")).withHeader("Authorization", equalTo(BEARER)));
  }

  @Test
  void aRedirectLoopEndsAfterFiveHops() {
    api.stubFor(get(urlPathEqualTo(CALLS)).willReturn(aResponse().withStatus(307).withHeader("Location", CALLS)));

    UnexpectedStatusException e = catchThrowableOfType(UnexpectedStatusException.class, () -> client.calls().list());

    assertThat(e.statusCode()).isEqualTo(307);
    api.verify(6, getRequestedFor(urlEqualTo(CALLS)));
    assertThat(sleeper.sleeps).isEmpty();
  }

  @Test
  void aPostIsNeverRedirected() {
    api.stubFor(post(CALLS).willReturn(aResponse().withStatus(307)
        .withHeader("Location", "http://localhost:" + elsewhere.getPort() + "/v1/call")));

    UnexpectedStatusException e = catchThrowableOfType(UnexpectedStatusException.class,
        () -> client.calls().create(new CreateCall().assistantId(7L).destinationPhoneNumber("+14155550123")));

    assertThat(e.statusCode()).isEqualTo(307);
    assertThat(e.getMessage()).startsWith("307 Temporary Redirect from POST /call");
    api.verify(1, postRequestedFor(urlEqualTo(CALLS)));
    assertThat(elsewhere.getAllServeEvents()).isEmpty();
    assertThat(sleeper.sleeps).isEmpty();
  }
}
