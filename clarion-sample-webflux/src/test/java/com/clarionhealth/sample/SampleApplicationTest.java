package com.clarionhealth.sample;

import static org.assertj.core.api.Assertions.assertThat;

import com.clarionhealth.client.testkit.ClarionSandbox;
import com.clarionhealth.client.testkit.Distribution;
import com.clarionhealth.client.testkit.RecordedRequest;
import com.clarionhealth.client.testkit.spring.ClarionSandboxProperties;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import com.clarionhealth.client.model.Call;
import com.clarionhealth.client.model.CreateCall;
import com.clarionhealth.client.reactive.ReactiveClarionClient;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/** The sample application end to end: its HTTP endpoints, the starter's client, the sandbox, the metrics. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient
class SampleApplicationTest {
  static final ClarionSandbox SANDBOX = ClarionSandbox.start();
  static final long FIRST = SANDBOX.seed(300, Instant.parse("2026-01-05T00:00:00Z"),
      Instant.parse("2026-01-06T00:00:00Z"), Distribution.UNIFORM);

  @DynamicPropertySource
  static void clarion(DynamicPropertyRegistry registry) {
    ClarionSandboxProperties.register(registry, SANDBOX);
  }

  @AfterAll
  static void stop() {
    SANDBOX.close();
  }

  @Autowired
  WebTestClient web;

  private final ObjectMapper json = new ObjectMapper();

  @Test
  void streamsADaysCallsAsNdjsonAndShowsTheClientsRequestsInItsMetrics() throws Exception {
    // A day of realistic calls is about a megabyte: more than WebTestClient buffers by default.
    String body = web.mutate().codecs(codecs -> codecs.defaultCodecs().maxInMemorySize(16 * 1024 * 1024)).build()
        .get().uri("/calls?day=2026-01-05").accept(MediaType.APPLICATION_NDJSON).exchange()
        .expectStatus().isOk()
        .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_NDJSON)
        .expectBody(String.class).returnResult().getResponseBody();

    List<String> lines = body.lines().collect(Collectors.toList());
    assertThat(lines).hasSize(300);
    List<Long> ids = lines.stream().map(line -> read(line).get("id").asLong()).collect(Collectors.toList());
    assertThat(ids).doesNotHaveDuplicates().allSatisfy(id -> assertThat(id).isBetween(FIRST, FIRST + 299));
    List<RecordedRequest> gets = SANDBOX.requests().stream().filter(r -> r.method().equals("GET"))
        .collect(Collectors.toList());
    assertThat(gets).isNotEmpty().allSatisfy(request -> {
      assertThat(request.header("Authorization")).contains("Bearer " + SANDBOX.apiKey());
      assertThat(Instant.parse(request.queryParameter("createdAtGe").orElseThrow()))
          .isAfterOrEqualTo(Instant.parse("2026-01-05T00:00:00Z"));
    });

    JsonNode requests = read(web.get().uri("/actuator/metrics/clarion.client.requests").exchange()
        .expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody());
    assertThat(count(requests)).isGreaterThanOrEqualTo(gets.size());
    JsonNode uris = tag(requests, "uri");
    assertThat(uris.get("values").toString()).isEqualTo("[\"/call\"]");
    JsonNode streams = read(web.get().uri("/actuator/metrics/clarion.client.streams").exchange()
        .expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody());
    assertThat(count(streams)).isGreaterThanOrEqualTo(1);
  }

  @Autowired
  ReactiveClarionClient client;

  @Test
  void theStartersClientPlacesACall() {
    long before = SANDBOX.callsCreated();

    Call placed = client.calls().create(new CreateCall().assistantId(42L).destinationPhoneNumber("+14155550123"))
        .block(Duration.ofSeconds(30));

    assertThat(placed.getId()).isPositive();
    assertThat(SANDBOX.callsCreated()).isEqualTo(before + 1);
  }

  // Found with this test: the create failed here, inside a WebFlux handler, with Netty's IllegalReferenceCountException
  // while the client released each buffer of the answer as it came; it now joins them first (ReactiveCodec.one).
  @Test
  void placesOneCall() {
    long before = SANDBOX.callsCreated();

    JsonNode placed = read(web.post().uri("/calls").contentType(MediaType.APPLICATION_JSON)
        .bodyValue(Map.of("assistantId", 42, "to", "+14155550123")).exchange()
        .expectStatus().isCreated().expectBody(String.class).returnResult().getResponseBody());

    assertThat(placed.get("id").asLong()).isPositive();
    assertThat(SANDBOX.callsCreated()).isEqualTo(before + 1);
    RecordedRequest post = SANDBOX.requests().stream().filter(r -> r.method().equals("POST")).findFirst().orElseThrow();
    assertThat(read(post.body())).isEqualTo(read("{\"assistant_id\":42,\"destination_phone_number\":\"+14155550123\"}"));
  }

  private JsonNode read(String text) {
    try {
      return json.readTree(text);
    } catch (Exception e) {
      throw new AssertionError(text, e);
    }
  }

  private static double count(JsonNode metric) {
    for (JsonNode measurement : metric.get("measurements")) {
      if (measurement.get("statistic").asText().equals("COUNT")) {
        return measurement.get("value").asDouble();
      }
    }
    throw new AssertionError("no COUNT in " + metric);
  }

  private static JsonNode tag(JsonNode metric, String name) {
    for (JsonNode tag : metric.get("availableTags")) {
      if (tag.get("tag").asText().equals(name)) {
        return tag;
      }
    }
    throw new AssertionError("no tag " + name + " in " + metric);
  }
}
