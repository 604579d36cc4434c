package com.clarionhealth.client.contract;

import static com.clarionhealth.client.contract.ContractSupport.BEARER;
import static com.clarionhealth.client.contract.ContractSupport.CALLS;
import static com.clarionhealth.client.contract.ContractSupport.createCall;
import static com.clarionhealth.client.contract.ContractSupport.page;
import static com.clarionhealth.client.contract.ContractSupport.userAgent;
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
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.clarionhealth.client.ListCallsParams;
import com.clarionhealth.client.UnexpectedStatusException;
import com.clarionhealth.client.model.Call;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Redirects: GET follows them, with the key on the API's own origin only; POST is never re-sent. */
public abstract class RedirectContract extends ClientContract {
  @RegisterExtension
  protected static final FakeApi api = new FakeApi();

  @RegisterExtension
  protected static final FakeApi elsewhere = new FakeApi();

  @Test
  void aRedirectToAnotherHostIsFollowedWithoutTheKey() {
    // localhost, not 127.0.0.1: another host, so another origin, even on a loopback address
    String target = "http://localhost:" + elsewhere.getPort() + "/mirror/call?limit=5";
    api.stubFor(get(urlPathEqualTo(CALLS)).willReturn(aResponse().withStatus(302).withHeader("Location", target)));
    elsewhere.stubFor(get(urlPathEqualTo("/mirror/call")).willReturn(okJson(page(3))));
    ClientDriver client = connect(api.config());

    assertThat(client.list(ListCallsParams.builder().limit(5).build())).extracting(Call::getId).containsExactly(3L);

    api.verify(1, getRequestedFor(urlEqualTo(CALLS + "?limit=5")).withHeader("Authorization", equalTo(BEARER)));
    elsewhere.verify(1, getRequestedFor(urlEqualTo("/mirror/call?limit=5"))
        .withHeader("Authorization", absent())
        .withHeader("Accept", equalTo("application/json"))
        .withHeader("User-Agent", matching(userAgent(client.name()))));
    assertThat(client.waits()).isEmpty();
  }

  @Test
  void aRedirectToAnotherPortOfTheSameHostIsAnotherOrigin() {
    String target = "http://127.0.0.1:" + elsewhere.getPort() + "/v1/call";
    api.stubFor(get(urlPathEqualTo(CALLS)).willReturn(aResponse().withStatus(307).withHeader("Location", target)));
    elsewhere.stubFor(get(urlPathEqualTo(CALLS)).willReturn(okJson("[]")));
    ClientDriver client = connect(api.config());

    assertThat(client.list()).isEmpty();

    elsewhere.verify(1, getRequestedFor(urlEqualTo(CALLS)).withHeader("Authorization", absent()));
  }

  @Test
  void aRedirectWithinTheOriginKeepsTheKey() {
    api.stubFor(get(urlPathEqualTo(CALLS)).willReturn(aResponse().withStatus(301).withHeader("Location", "/v2/call")));
    api.stubFor(get(urlPathEqualTo("/v2/call")).willReturn(okJson(page(4))));
    ClientDriver client = connect(api.config());

    assertThat(client.list()).extracting(Call::getId).containsExactly(4L);

    api.verify(1, getRequestedFor(urlEqualTo(CALLS)).withHeader("Authorization", equalTo(BEARER)));
    api.verify(1, getRequestedFor(urlEqualTo("/v2/call")).withHeader("Authorization", equalTo(BEARER)));
  }

  @Test
  void aRedirectToPlainHttpElsewhereIsReportedNotFollowed() {
    api.stubFor(get(urlPathEqualTo(CALLS)).willReturn(aResponse().withStatus(302)
        .withHeader("Location", "http://mirror.example.com/v1/call")));
    ClientDriver client = connect(api.config());

    UnexpectedStatusException e = catchThrowableOfType(UnexpectedStatusException.class, client::list);

    assertThat(e.statusCode()).isEqualTo(302);
    assertThat(e.header("Location")).contains("http://mirror.example.com/v1/call");
    api.verify(1, getRequestedFor(urlEqualTo(CALLS)));
    assertThat(client.waits()).isEmpty();
  }

  @Test
  void aRedirectLoopEndsAfterFiveHops() {
    api.stubFor(get(urlPathEqualTo(CALLS)).willReturn(aResponse().withStatus(307).withHeader("Location", CALLS)));
    ClientDriver client = connect(api.config());

    UnexpectedStatusException e = catchThrowableOfType(UnexpectedStatusException.class, client::list);

    assertThat(e.statusCode()).isEqualTo(307);
    api.verify(6, getRequestedFor(urlEqualTo(CALLS)));
    assertThat(client.waits()).isEmpty();
  }

  @Test
  void aPostIsNeverRedirected() {
    api.stubFor(post(CALLS).willReturn(aResponse().withStatus(307)
        .withHeader("Location", "http://localhost:" + elsewhere.getPort() + "/v1/call")));
    ClientDriver client = connect(api.config());

    UnexpectedStatusException e = catchThrowableOfType(UnexpectedStatusException.class,
        () -> client.create(createCall()));

    assertThat(e.statusCode()).isEqualTo(307);
    assertThat(e.getMessage()).startsWith("307 Temporary Redirect from POST /call");
    assertThat(e.callMayHaveBeenPlaced()).isFalse();
    api.verify(1, postRequestedFor(urlEqualTo(CALLS)));
    assertThat(elsewhere.timeline().arrivals()).isZero();
    assertThat(client.waits()).isEmpty();
  }
}
