package com.clarionhealth.client.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.clarionhealth.client.AuthenticationException;
import com.clarionhealth.client.blocking.ClarionClient;
import com.clarionhealth.client.model.Call;
import com.clarionhealth.client.model.CallStatus;
import com.clarionhealth.client.model.CreateCall;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** POST /call: authentication, validation by the spec's rules, creation. */
class CreateCallTest {
  static ClarionSandbox sandbox;
  static Http http;

  @BeforeAll
  static void start() {
    sandbox = ClarionSandbox.start();
    http = new Http(sandbox);
  }

  @AfterAll
  static void stop() {
    sandbox.close();
  }

  @BeforeEach
  void reset() {
    sandbox.reset();
  }

  @Test
  void createsQueuedCallsWithIncreasingIdsAtTheSandboxClock() {
    ClarionClient client = ClarionClient.builder().baseUrl(sandbox.baseUrl()).apiKey(sandbox.apiKey()).build();

    Call first = client.calls().create(new CreateCall().assistantId(42L).destinationPhoneNumber("+14155550123")
        .name("Post-op follow-up").sourcePhoneNumberId(7L).taskParameters(Map.of("language", "en")));
    sandbox.clock().advance(java.time.Duration.ofMillis(1));
    Call second = client.calls().create(new CreateCall().assistantId(43L).destinationPhoneNumber("+442071838750"));

    assertThat(first.getId()).isEqualTo(1L);
    assertThat(second.getId()).isEqualTo(2L);
    assertThat(first.getCallStatus()).isEqualTo(CallStatus.QUEUED);
    assertThat(first.getAssistantId()).isEqualTo(42L);
    assertThat(first.getDestinationNumber()).isEqualTo("+14155550123");
    assertThat(first.getStartedAt()).isNull();
    assertThat(first.getEndedAt()).isNull();
    assertThat(first.getMessages()).isEmpty();
    assertThat(sandbox.callsCreated()).isEqualTo(2);
    assertThat(sandbox.callCount()).isEqualTo(2);
    assertThat(sandbox.createdAt(1)).contains(ClarionSandbox.DEFAULT_CLOCK_START);
    assertThat(sandbox.createdAt(2)).contains(ClarionSandbox.DEFAULT_CLOCK_START.plusMillis(1));

    RecordedRequest post = sandbox.requests().get(0);
    assertThat(post.method()).isEqualTo("POST");
    assertThat(post.path()).isEqualTo("/v1/call");
    assertThat(post.header("authorization")).contains("Bearer " + ClarionSandbox.DEFAULT_API_KEY);
    assertThat(post.header("Content-Type")).contains("application/json");
    assertThat(post.body()).contains("\"assistant_id\":42", "\"task_parameters\":{\"language\":\"en\"}");
    assertThat(post.status()).hasValue(200);
    assertThat(post.createdCallId()).hasValue(1L);
    assertThat(post.fault()).isEmpty();
    assertThat(post.toString()).doesNotContain(ClarionSandbox.DEFAULT_API_KEY);
  }

  @Test
  void refusesAMissingOrWrongBearerToken() {
    String body = "{\"assistant_id\":1,\"destination_phone_number\":\"+14155550123\"}";

    assertThat(http.post(body, null).status()).isEqualTo(401);
    assertThat(http.post(body, "Bearer wrong-key").status()).isEqualTo(401);
    assertThat(http.post(body, "Basic " + sandbox.apiKey()).status()).isEqualTo(401);
    Http.Response refused = http.post(body, "Bearer " + sandbox.apiKey() + "x");
    assertThat(refused.status()).isEqualTo(401);
    assertThat(refused.raw().headers().firstValue("WWW-Authenticate")).hasValueSatisfying(v -> assertThat(v).startsWith("Bearer"));
    assertThat(http.post(body, "bearer " + sandbox.apiKey()).status()).isEqualTo(200);

    ClarionClient wrongKey = ClarionClient.builder().baseUrl(sandbox.baseUrl()).apiKey("not-the-key").build();
    assertThatThrownBy(() -> wrongKey.calls().list()).isInstanceOf(AuthenticationException.class);
    assertThat(sandbox.callsCreated()).isEqualTo(1);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "not JSON                  | {nope                                                           | ''",
      "a JSON array              | [1,2]                                                           | ''",
      "empty                     | ''                                                              | ''",
      "assistant_id a string     | {\"assistant_id\":\"42\",\"destination_phone_number\":\"+14155550123\"} | assistant_id",
      "assistant_id a fraction   | {\"assistant_id\":4.2,\"destination_phone_number\":\"+14155550123\"}   | assistant_id",
      "destination a number      | {\"assistant_id\":1,\"destination_phone_number\":14155550123}      | destination_phone_number",
      "name a number             | {\"assistant_id\":1,\"destination_phone_number\":\"+14155550123\",\"name\":5}  | name",
      "source id a string        | {\"assistant_id\":1,\"destination_phone_number\":\"+14155550123\",\"source_phone_number_id\":\"x\"} | source_phone_number_id",
      "task_parameters a string  | {\"assistant_id\":1,\"destination_phone_number\":\"+14155550123\",\"task_parameters\":\"x\"} | task_parameters",
  })
  void answersMalformedBodiesAndWrongTypesWith400NamingTheField(String what, String body, String field) {
    Http.Response response = http.post(body);

    assertThat(response.status()).as(what).isEqualTo(400);
    assertThat(response.json().get("message").asText()).as(what).contains(field);
    if (!field.isEmpty()) {
      assertThat(response.json().get("fields")).extracting(Object::toString).asString().contains(field);
    }
    assertThat(sandbox.callsCreated()).isZero();
    assertThat(sandbox.requests()).singleElement().satisfies(r -> assertThat(r.status()).hasValue(400));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "no assistant_id            | {\"destination_phone_number\":\"+14155550123\"}                  | assistant_id is required",
      "null assistant_id          | {\"assistant_id\":null,\"destination_phone_number\":\"+14155550123\"} | assistant_id is required",
      "no destination             | {\"assistant_id\":1}                                               | destination_phone_number is required",
      "destination not E.164      | {\"assistant_id\":1,\"destination_phone_number\":\"4155550123\"}    | destination_phone_number must be an E.164 number",
      "destination with spaces    | {\"assistant_id\":1,\"destination_phone_number\":\"+1 415 555\"}    | destination_phone_number must be an E.164 number",
      "destination too long       | {\"assistant_id\":1,\"destination_phone_number\":\"+1234567890123456\"} | destination_phone_number must be an E.164 number",
      "name over 50 characters    | {\"assistant_id\":1,\"destination_phone_number\":\"+14155550123\",\"name\":\"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\"} | name must be at most 50 characters, was 51",
  })
  void answersSpecViolationsWith422NamingTheField(String what, String body, String message) {
    Http.Response response = http.post(body);

    assertThat(response.status()).as(what).isEqualTo(422);
    assertThat(response.json().get("message").asText()).as(what).contains(message);
    assertThat(response.body()).as("never echoes a phone number").doesNotContain("4155550123", "415 555");
    assertThat(sandbox.callsCreated()).isZero();
  }

  @Test
  void namesEveryInvalidFieldAtOnce() {
    Http.Response response = http.post("{\"assistant_id\":\"x\",\"name\":7}");

    assertThat(response.status()).isEqualTo(400);
    assertThat(response.json().get("fields").toString())
        .contains("assistant_id", "name", "destination_phone_number");
  }

  @Test
  void acceptsFiftyCharactersAndIgnoresUnknownFields() {
    Http.Response response = http.post("{\"assistant_id\":1,\"destination_phone_number\":\"+14155550123\","
        + "\"name\":\"" + "é".repeat(50) + "\",\"np_future_field\":true}");

    assertThat(response.status()).isEqualTo(200);
    assertThat(response.json().get("call_status").asText()).isEqualTo("queued");
    assertThat(response.raw().headers().firstValue("x-request-id")).hasValue("req_sandbox_1");
  }

  @Test
  void answersOtherPathsWith404AndOtherMethodsWith405() {
    var authorized = "Bearer " + sandbox.apiKey();
    assertThat(Http.send(http.request("/calls").header("Authorization", authorized).GET().build()).status())
        .isEqualTo(404);
    Http.Response delete = Http.send(http.request("/call").header("Authorization", authorized).DELETE().build());
    assertThat(delete.status()).isEqualTo(405);
    assertThat(delete.raw().headers().firstValue("Allow")).hasValue("GET, POST");
  }
}
