package com.clarionhealth.client.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
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
        if (call.get("call_status").asText().equals("np_voicemail")) {
          novel.add(call);
        }
      });
      assertThat(novel).hasSizeBetween(60, 140);
      calls.forEach(call -> {
        if (!novel.contains(call)) {
          assertThat(call.has("np_sentiment_score")).as(call.toString()).isFalse();
          assertThat(call.has("np_billing")).isFalse();
        }
      });
      AtomicInteger answered = new AtomicInteger();
      assertThat(novel).allSatisfy(call -> {
        assertThat(call.get("failure_reason").asText()).isEqualTo("np_no-answer");
        assertThat(call.get("np_cost").asDouble()).isEqualTo(0.42);
        assertThat(call.get("np_sentiment_score").asDouble()).isBetween(-1.0, 1.0);
        assertThat(call.get("np_billing").get("currency").asText()).isEqualTo("usd");
        assertThat(call.get("np_billing").get("cents").isIntegralNumber()).isTrue();
        assertThat(call.get("np_recording_url").isNull()).isTrue();
        assertThat(call.get("analysis").get("np_talk_ratio").asDouble()).isEqualTo(0.41);
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
          assertThat(user.get("np_confidence").asDouble()).isEqualTo(0.9);
          assertThat(user.get("time").isIntegralNumber()).isTrue(); // epoch milliseconds, as Vapi writes them
          answered.incrementAndGet();
        }
        if (toolCall != null) {
          assertThat(toolCall.get("np_status").asText()).isEqualTo("completed");
          assertThat(toolCall.get("function").get("np_strict").asBoolean()).isTrue();
        }
        JsonNode messages = call.get("messages");
        JsonNode last = messages.get(messages.size() - 1);
        assertThat(last.get("role").asText()).isEqualTo("np_narrator");
        assertThat(last.get("np_mood").asText()).isEqualTo("calm");
      });
      assertThat(answered.get()).isGreaterThan(novel.size() / 2);
    }
  }

  /**
   * The guard of the never-published prefix: every value and name the sandbox shows that the spec does not
   * publish starts with np_, and the spec names none of them anywhere. Found by walking the answers against the
   * spec itself, so an unpublished field added to the sandbox without the prefix fails here, and so does one the
   * spec starts to declare.
   */
  @Test
  void everyUnpublishedValueAndNameStartsWithNpAndIsNotInTheSpec() {
    PublishedSpec spec = PublishedSpec.load();
    Set<String> statuses = spec.enumValues("CallStatus");
    Set<String> reasons = spec.enumValues("FailureReason");
    Map<String, String> roles = spec.roles();
    Set<String> unpublished = new TreeSet<>();
    try (ClarionSandbox sandbox = ClarionSandbox.builder().unpublishedValues(true).start()) {
      sandbox.seed(200, FROM, TO, Distribution.UNIFORM);

      for (JsonNode call : new Http(sandbox).get("limit=1000").json()) {
        undeclared(call, spec.properties("Call"), "call ", unpublished);
        value(call.get("call_status"), statuses, "call_status ", unpublished);
        value(call.get("failure_reason"), reasons, "failure_reason ", unpublished);
        undeclared(call.path("analysis"), spec.properties("Analysis"), "analysis ", unpublished);
        for (JsonNode message : call.path("messages")) {
          String role = message.get("role").asText();
          value(message.get("role"), roles.keySet(), "role ", unpublished);
          undeclared(message, spec.properties(roles.getOrDefault(role, "Message")), "message ", unpublished);
          for (JsonNode toolCall : message.path("toolCalls")) {
            undeclared(toolCall, spec.properties("ToolCall"), "tool call ", unpublished);
            undeclared(toolCall.get("function"), spec.properties("ToolCallFunction"), "function ", unpublished);
          }
        }
      }
    }

    assertThat(unpublished).allSatisfy(found -> {
      String name = found.substring(found.lastIndexOf(' ') + 1);
      assertThat(name).as(found).startsWith("np_");
      assertThat(spec.text).as(found).doesNotContain(name);
    });
    // Each kind of unpublished value is seen, so that the checks above are not vacuous.
    assertThat(unpublished).containsExactlyInAnyOrder("call_status np_voicemail", "failure_reason np_no-answer",
        "role np_narrator", "call np_cost", "call np_sentiment_score", "call np_billing", "call np_recording_url",
        "analysis np_talk_ratio", "message np_confidence", "message np_mood", "tool call np_status",
        "function np_strict");
  }

  private static void undeclared(JsonNode object, Set<String> declared, String where, Set<String> found) {
    object.fieldNames().forEachRemaining(name -> {
      if (!declared.contains(name)) {
        found.add(where + name);
      }
    });
  }

  private static void value(JsonNode value, Set<String> published, String where, Set<String> found) {
    if (value != null && !value.isNull() && !published.contains(value.asText())) {
      found.add(where + value.asText());
    }
  }
}
