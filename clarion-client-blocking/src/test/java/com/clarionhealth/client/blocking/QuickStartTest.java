package com.clarionhealth.client.blocking;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.clarionhealth.client.CallQuery;
import com.clarionhealth.client.contract.QuickStarts;
import com.clarionhealth.client.model.Call;
import com.clarionhealth.client.model.CreateCall;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The README's blocking quick start, compiled and run; and a check that the README still shows it. */
class QuickStartTest {
  @RegisterExtension
  static WireMockExtension server = WireMockExtension.newInstance()
      .options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1")).build();

  @Test
  void quickStartPlacesACallAndStreamsARange() {
    QuickStarts.stubAnswers(server);
    String apiKey = "test-key";
    String baseUrl = server.baseUrl();
    List<String> printed = new ArrayList<>();

    // quick-start:begin
    ClarionClient client = ClarionClient.builder()
        .apiKey(apiKey)
        .baseUrl(baseUrl) // optional: CLARION_BASE_URL, else https://api.clarionhealth.com/v1
        .build();

    Call placed = client.calls().create(new CreateCall()
        .assistantId(42L)
        .destinationPhoneNumber("+14155550123")
        .name("Post-op follow-up"));

    CallQuery january = CallQuery.between(
        Instant.parse("2026-01-01T00:00:00Z"), Instant.parse("2026-02-01T00:00:00Z"));
    try (Stream<Call> calls = client.calls().stream(january)) {
      calls.forEach(call -> printed.add(call.getId() + " " + call.getCallStatus()));
    }
    // quick-start:end

    assertThat(placed.getId()).isEqualTo(1L);
    assertThat(printed).containsExactly("1 ended", "2 np_voicemail");
    server.verify(postRequestedFor(urlPathEqualTo("/call"))
        .withHeader("Authorization", equalTo("Bearer test-key"))
        .withRequestBody(equalToJson(
            "{\"assistant_id\":42,\"destination_phone_number\":\"+14155550123\",\"name\":\"Post-op follow-up\"}")));
    server.verify(1, getRequestedFor(urlPathEqualTo("/call"))
        .withQueryParam("limit", equalTo("1000"))
        .withQueryParam("createdAtGe", equalTo("2026-01-01T00:00:00.000Z"))
        .withQueryParam("createdAtLe", equalTo("2026-02-01T00:00:00.000Z")));
  }

  @Test
  void readmeShowsTheQuickStartAsCompiledHere() throws IOException {
    QuickStarts.assertReadmeShows("src/test/java/com/clarionhealth/client/blocking/QuickStartTest.java", "quick-start");
  }
}
