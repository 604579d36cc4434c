package com.clarionhealth.client.contract;

import static com.clarionhealth.client.contract.ContractSupport.API_KEY;
import static com.clarionhealth.client.contract.ContractSupport.CALLS;
import static com.clarionhealth.client.contract.ContractSupport.ODD_KEY;
import static com.clarionhealth.client.contract.ContractSupport.createCall;
import static com.clarionhealth.client.contract.ContractSupport.json;
import static com.clarionhealth.client.contract.ContractSupport.page;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.clarionhealth.client.ClarionApiException;
import com.clarionhealth.client.ClarionTransportException;
import com.clarionhealth.client.ListCallsParams;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Fault;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What the clients log (SLF4J, captured at DEBUG on {@code com.clarionhealth}): never the API key,
 * whatever the exchange, and the same line per exchange from both clients, one per attempt. Every
 * other contract checks the key too ({@link ClientContract}); these tests put the key where a careless
 * log line would pick it up.
 */
public abstract class LoggingContract extends ClientContract {
  @RegisterExtension
  protected static final FakeApi api = new FakeApi();

  @RegisterExtension
  protected static final FakeApi elsewhere = new FakeApi();

  /** A response that carries {@code key} in its body and in headers, as a careless server might. */
  static ResponseDefinitionBuilder echoing(ResponseDefinitionBuilder response, String key) {
    return response
        .withHeader("WWW-Authenticate", "Bearer realm=\"clarion\", error=\"invalid_token\", token=\"" + key + "\"")
        .withHeader("X-Echo-Authorization", "Bearer " + key)
        .withHeader("x-request-id", "req_" + key)
        .withBody(json("{'error':'invalid key " + key + "','received':'Authorization: Bearer " + key + "'}"));
  }

  static void failOnceThen(String method, ResponseDefinitionBuilder failure, ResponseDefinitionBuilder then) {
    var first = method.equals("GET") ? get(urlPathEqualTo(CALLS)) : post(urlPathEqualTo(CALLS));
    var later = method.equals("GET") ? get(urlPathEqualTo(CALLS)) : post(urlPathEqualTo(CALLS));
    api.stubFor(first.inScenario(method).whenScenarioStateIs(STARTED).willReturn(failure).willSetStateTo("again"));
    api.stubFor(later.inScenario(method).whenScenarioStateIs("again").willReturn(then));
  }

  /** Keys of two shapes: one the exceptions' pattern knows, one it cannot guess. */
  @ParameterizedTest
  @ValueSource(strings = {API_KEY, ODD_KEY})
  void theKeyIsInNoLogLineWhateverTheExchange(String key) {
    ClientDriver client = connect(api.config().apiKey(key));

    // success, with the key echoed in the answer's headers and body
    api.stubFor(get(urlPathEqualTo(CALLS)).willReturn(echoing(okJson(page(1)), key).withBody(
        json("[{'id':1,'call_status':'ended','transcript':'the caller read out " + key + "'}]"))));
    client.list();
    // retries: a 503 and a 429 echoing the key, then success
    api.resetAll();
    failOnceThen("GET", echoing(aResponse().withStatus(503), key), okJson(page(2)));
    client.list();
    api.resetAll();
    failOnceThen("POST", echoing(aResponse().withStatus(429).withHeader("Retry-After", "1"), key),
        okJson("{\"id\":3}"));
    client.create(createCall());
    // a reset connection, then success
    api.resetAll();
    failOnceThen("GET", aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER), okJson(page(4)));
    client.list();
    // 4xx and 5xx that are final, echoing the key
    for (int status : List.of(400, 401, 403, 404, 422, 500)) {
      api.resetAll();
      api.stubFor(get(urlPathEqualTo(CALLS)).willReturn(echoing(aResponse().withStatus(status), key)));
      api.stubFor(post(urlPathEqualTo(CALLS)).willReturn(echoing(aResponse().withStatus(status), key)));
      assertThat(catchThrowable(client::list)).isInstanceOf(ClarionApiException.class);
      assertThat(catchThrowable(() -> client.create(createCall()))).isInstanceOf(ClarionApiException.class);
    }
    // a failure after sending, which is not retried for a POST
    api.resetAll();
    api.stubFor(post(urlPathEqualTo(CALLS)).willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
    assertThat(catchThrowable(() -> client.create(createCall()))).isInstanceOf(ClarionTransportException.class);
    // redirects: within the origin, and to another host (with the key in the Location, as a server
    // that echoes whatever it was given might send it)
    api.resetAll();
    api.stubFor(get(urlPathEqualTo(CALLS)).willReturn(aResponse().withStatus(301).withHeader("Location", "/v2/call")));
    api.stubFor(get(urlPathEqualTo("/v2/call")).willReturn(aResponse().withStatus(302)
        .withHeader("Location", "http://localhost:" + elsewhere.getPort() + "/mirror/call?token=" + key)));
    elsewhere.stubFor(get(urlPathEqualTo("/mirror/call")).willReturn(echoing(okJson(page(5)), key).withBody(page(5))));
    client.list();

    assertThat(api.timeline().arrivals()).isPositive();
    assertThat(elsewhere.timeline().arrivals()).isEqualTo(1);
    // the capture worked: there were lines to look at, DEBUG ones among them
    assertThat(logs.debugLines()).isNotEmpty();
    logs.assertNothingContains(key);
    logs.assertNothingContains("Bearer " + key);
  }

  @Test
  void eachAttemptOfAnExchangeIsOneDebugLineWithMethodPathStatusAttemptAndDuration() {
    ClientDriver client = connect(api.config());
    failOnceThen("GET", aResponse().withStatus(503), okJson(page(1)));
    failOnceThen("POST", aResponse().withStatus(429), okJson("{\"id\":3}"));

    client.list(ListCallsParams.builder().limit(5).createdAtGe(Instant.parse("2026-01-01T00:00:00Z")).build());
    client.list();
    client.create(createCall());

    // the path is relative to the base URL and without the query (which may carry patient data)
    List<String> exchanges = logs.debugLines().stream().filter(line -> line.matches("(GET|POST) \\S+ -> .*")).toList();
    assertThat(exchanges).satisfiesExactly(
        line -> assertThat(line).matches("GET /call -> 503 \\(attempt 1, \\d+ ms\\)"),
        line -> assertThat(line).matches("GET /call -> 200 \\(attempt 2, \\d+ ms\\)"),
        line -> assertThat(line).matches("GET /call -> 200 \\(attempt 1, \\d+ ms\\)"),
        line -> assertThat(line).matches("POST /call -> 429 \\(attempt 1, \\d+ ms\\)"),
        line -> assertThat(line).matches("POST /call -> 200 \\(attempt 2, \\d+ ms\\)"));
  }
}
