package com.clarionhealth.client.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ResponsesAndUnpublishedValuesTest {
  private static final Instant FROM = Instant.parse("2026-01-01T00:00:00Z");
  private static final Instant TO = Instant.parse("2026-01-02T00:00:00Z");

  @Test
  void recordedRequestsKeepTheAnswerOnlyWhenAsked() {
    try (ClarionSandbox keeping = ClarionSandbox.builder().recordResponses(true).start();
        ClarionSandbox plain = ClarionSandbox.start()) {
      keeping.seed(3, FROM, TO, Distribution.UNIFORM);
      Http.Response page = new Http(keeping).get("limit=2");
      new Http(keeping).get("limit=0");
      new Http(plain).get("limit=2");

      assertThat(keeping.requests().get(0).responseBody()).contains(page.body());
      assertThat(keeping.requests().get(1).responseBody().orElseThrow()).contains("\"fields\":[\"limit\"]");
      assertThat(plain.requests().get(0).responseBody()).isEmpty();
    }
  }

  @Test
  void unpublishedValuesShowOnAboutAQuarterOfEndedCalls() {
    try (ClarionSandbox sandbox = ClarionSandbox.builder().unpublishedValues(true).start()) {
      sandbox.seed(400, FROM, TO, Distribution.UNIFORM);

      JsonNode calls = new Http(sandbox).get("limit=1000").json();

      List<JsonNode> novel = new ArrayList<>();
      calls.forEach(call -> {
        if (call.get("call_status").asText().equals("voicemail")) {
          novel.add(call);
        }
      });
      assertThat(novel).hasSizeBetween(60, 140);
      calls.forEach(call -> {
        if (!novel.contains(call)) {
          assertThat(call.has("sentiment_score")).as(call.toString()).isFalse();
          assertThat(call.has("billing")).isFalse();
        }
      });
      AtomicInteger answered = new AtomicInteger();
      assertThat(novel).allSatisfy(call -> {
        assertThat(call.get("failure_reason").asText()).isEqualTo("no-answer");
        assertThat(call.get("cost").asDouble()).isEqualTo(0.42);
        assertThat(call.get("sentiment_score").asDouble()).isBetween(-1.0, 1.0);
        assertThat(call.get("billing").get("currency").asText()).isEqualTo("usd");
        assertThat(call.get("billing").get("cents").isIntegralNumber()).isTrue();
        assertThat(call.get("recording_url").isNull()).isTrue();
        assertThat(call.get("analysis").get("talk_ratio").asDouble()).isEqualTo(0.41);
        JsonNode user = null;
        JsonNode toolCall = null;
        for (JsonNode message : call.get("messages")) {
          if (message.get("role").asText().equals("user")) {
            user = message;
          } else if (message.get("role").asText().equals("tool_calls")) {
            toolCall = message.get("toolCalls").get(0);
          }
        }
        if (user != null) { // an unanswered call has no conversation
          assertThat(user.get("confidence").asDouble()).isEqualTo(0.9);
          assertThat(user.get("time").isIntegralNumber()).isTrue(); // epoch milliseconds, as Vapi writes them
          answered.incrementAndGet();
        }
        if (toolCall != null) {
          assertThat(toolCall.get("status").asText()).isEqualTo("completed");
          assertThat(toolCall.get("function").get("strict").asBoolean()).isTrue();
        }
        JsonNode messages = call.get("messages");
        JsonNode last = messages.get(messages.size() - 1);
        assertThat(last.get("role").asText()).isEqualTo("narrator");
        assertThat(last.get("mood").asText()).isEqualTo("calm");
      });
      assertThat(answered.get()).isGreaterThan(novel.size() / 2);
    }
  }
}
