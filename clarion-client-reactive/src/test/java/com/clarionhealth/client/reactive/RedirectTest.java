package com.clarionhealth.client.reactive;

import static com.clarionhealth.client.reactive.TestSupport.BEARER;
import static com.clarionhealth.client.reactive.TestSupport.CALLS;
import static com.clarionhealth.client.reactive.TestSupport.TIMEOUT;
import static com.clarionhealth.client.reactive.TestSupport.USER_AGENT;
import static com.clarionhealth.client.reactive.TestSupport.callJson;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.clarionhealth.client.ListCallsParams;
import com.clarionhealth.client.UnexpectedStatusException;
import com.clarionhealth.client.model.Call;
import com.clarionhealth.client.model.CreateCall;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import reactor.test.StepVerifier;

/** Redirects: GET follows them, with the key on the API's origin only; POST never does. */
class RedirectTest {
  @RegisterExtension
  static WireMockExtension api = TestSupport.server();

  @RegisterExtension
  static WireMockExtension elsewhere = TestSupport.server();

  private final ReactiveClarionClient client = TestSupport.client(api).build();

  @Test
  void aCrossOriginRedirectIsFollowedWithoutTheKey() {
    // localhost, not 127.0.0.1: another host, so another origin, even on a loopback address
    String target = "http://localhost:" + elsewhere.getPort() + "/mirror/call?limit=5";
    api.stubFor(get(urlPathEqualTo(CALLS)).willReturn(aResponse().withStatus(302).withHeader("Location", target)));
    elsewhere.stubFor(get(urlPathEqualTo("/mirror/call")).willReturn(okJson("[" + callJson(3) + "]")));

    StepVerifier.create(client.calls().list(ListCallsParams.builder().limit(5).build()).map(Call::getId))
        .expectNext(3L)
        .expectComplete()
        .verify(TIMEOUT);

    api.verify(1, getRequestedFor(urlEqualTo(CALLS + "?limit=5")).withHeader("Authorization", equalTo(BEARER)));
    elsewhere.verify(1, getRequestedFor(urlEqualTo("/mirror/call?limit=5"))
        .withHeader("Authorization", absent())
        .withHeader("Accept", equalTo("application/json"))
        .withHeader("User-Agent", matching(USER_AGENT)));
  }

  @Test
  void aRedirectToAnotherPortOfTheSameHostIsAnotherOrigin() {
    String target = "http://127.0.0.1:" + elsewhere.getPort() + "/v1/call";
    api.stubFor(get(urlPathEqualTo(CALLS)).willReturn(aResponse().withStatus(307).withHeader("Location", target)));
    elsewhere.stubFor(get(urlPathEqualTo(CALLS)).willReturn(okJson("[]")));

    StepVerifier.create(client.calls().list()).expectComplete().verify(TIMEOUT);

    elsewhere.verify(1, getRequestedFor(urlEqualTo(CALLS)).withHeader("Authorization", absent()));
  }

  @Test
  void aRedirectWithinTheOriginKeepsTheKey() {
    api.stubFor(get(urlPathEqualTo(CALLS)).willReturn(aResponse().withStatus(301).withHeader("Location", "/v2/call")));
    api.stubFor(get(urlPathEqualTo("/v2/call")).willReturn(okJson("[" + callJson(4) + "]")));

    StepVerifier.create(client.calls().list().map(Call::getId)).expectNext(4L).expectComplete().verify(TIMEOUT);

    api.verify(1, getRequestedFor(urlEqualTo(CALLS)).withHeader("Authorization", equalTo(BEARER)));
    api.verify(1, getRequestedFor(urlEqualTo("/v2/call")).withHeader("Authorization", equalTo(BEARER)));
  }

  @Test
  void aRedirectToPlainHttpElsewhereIsNotFollowed() {
    api.stubFor(get(urlPathEqualTo(CALLS)).willReturn(aResponse().withStatus(302)
        .withHeader("Location", "http://mirror.example.com/v1/call")));

    StepVerifier.create(client.calls().list())
        .expectErrorSatisfies(e -> assertThat(((UnexpectedStatusException) e).statusCode()).isEqualTo(302))
        .verify(TIMEOUT);
    api.verify(1, getRequestedFor(urlEqualTo(CALLS)));
  }

  @Test
  void aRedirectLoopEndsAfterFiveHops() {
    api.stubFor(get(urlPathEqualTo(CALLS)).willReturn(aResponse().withStatus(307).withHeader("Location", CALLS)));

    StepVerifier.create(client.calls().list())
        .expectErrorSatisfies(e -> {
          assertThat(e).isInstanceOf(UnexpectedStatusException.class);
          assertThat(((UnexpectedStatusException) e).statusCode()).isEqualTo(307);
        })
        .verify(TIMEOUT);

    api.verify(6, getRequestedFor(urlEqualTo(CALLS)));
  }

  @Test
  void aPostIsNeverRedirected() {
    api.stubFor(post(CALLS).willReturn(aResponse().withStatus(307)
        .withHeader("Location", "http://localhost:" + elsewhere.getPort() + "/v1/call")));

    StepVerifier.create(client.calls().create(new CreateCall().assistantId(7L).destinationPhoneNumber("+14155550123")))
        .expectErrorSatisfies(e -> {
          assertThat(e).isInstanceOf(UnexpectedStatusException.class);
          UnexpectedStatusException use = (UnexpectedStatusException) e;
          assertThat(use.statusCode()).isEqualTo(307);
          assertThat(use.getMessage()).startsWith("307 Temporary Redirect from POST /call");
          assertThat(use.callMayHaveBeenPlaced()).isFalse();
        })
        .verify(TIMEOUT);

    api.verify(1, postRequestedFor(urlEqualTo(CALLS)));
    assertThat(elsewhere.getAllServeEvents()).isEmpty();
  }
}
