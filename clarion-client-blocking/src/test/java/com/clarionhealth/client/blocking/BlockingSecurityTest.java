package com.clarionhealth.client.blocking;

import static com.clarionhealth.client.contract.ContractSupport.BEARER;
import static com.clarionhealth.client.contract.ContractSupport.CALLS;
import static com.clarionhealth.client.contract.ContractSupport.page;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import com.clarionhealth.client.contract.ClientConfig;
import com.clarionhealth.client.contract.ClientDriver;
import com.clarionhealth.client.contract.FakeApi;
import com.clarionhealth.client.contract.SecurityContract;
import com.clarionhealth.client.model.Call;
import java.net.CookieHandler;
import java.net.URI;
import java.net.http.HttpClient;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class BlockingSecurityTest extends SecurityContract {
  @RegisterExtension
  static final FakeApi elsewhere = new FakeApi();

  @Override
  protected ClientDriver driver(ClientConfig config) {
    return new BlockingDriver(config);
  }

  /** Blocking only: the application's HttpClient. */
  @Test
  void anHttpClientThatFollowsRedirectsItselfIsRefused() {
    HttpClient following = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL).build();

    assertThatIllegalArgumentException().isThrownBy(() -> ClarionClient.builder().httpClient(following))
        .withMessageContaining("httpClient").withMessageContaining("redirect");
    assertThat(api.timeline().arrivals()).isZero();
  }

  /**
   * Blocking only: the application's HttpClient sends every request, redirects included (its cookie
   * handler, which only it has, adds a cookie to each), and still the key goes to the API's origin only.
   */
  @Test
  void theApplicationsHttpClientIsUsedAndStillKeepsTheKeyOnTheApiOrigin() {
    List<URI> cookiesAskedFor = new CopyOnWriteArrayList<>();
    HttpClient own = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).cookieHandler(new CookieHandler() {
      @Override
      public Map<String, List<String>> get(URI uri, Map<String, List<String>> requestHeaders) {
        cookiesAskedFor.add(uri);
        return Map.of("Cookie", List.of("app=own-client"));
      }

      @Override
      public void put(URI uri, Map<String, List<String>> responseHeaders) {}
    }).build();
    ClarionClient client = BlockingDriver.builder(api.config()).httpClient(own).build();
    String target = "http://localhost:" + elsewhere.getPort() + "/mirror/call";
    api.stubFor(get(urlPathEqualTo(CALLS)).willReturn(aResponse().withStatus(302).withHeader("Location", target)));
    elsewhere.stubFor(get(urlPathEqualTo("/mirror/call")).willReturn(okJson(page(6))));

    assertThat(client.calls().list()).extracting(Call::getId).containsExactly(6L);

    assertThat(cookiesAskedFor).hasSize(2);
    api.verify(1, getRequestedFor(urlEqualTo(CALLS))
        .withHeader("Authorization", equalTo(BEARER)).withHeader("Cookie", equalTo("app=own-client")));
    elsewhere.verify(1, getRequestedFor(urlEqualTo("/mirror/call"))
        .withHeader("Authorization", absent()).withHeader("Cookie", equalTo("app=own-client")));
  }
}
