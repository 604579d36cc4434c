package com.clarionhealth.it;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * The spec validation itself: that it catches what the suite relies on it to catch, messages by role
 * included (the discriminator case validators are known to get wrong), and sets aside only nullable nulls.
 */
class SpecValidatorTest {
  private static final SpecValidator SPEC = new SpecValidator();

  private static String page(String message) {
    return "[{\"id\":1,\"call_status\":\"ended\",\"failure_reason\":null,\"messages\":[" + message + "]}]";
  }

  @Test
  void aWellFormedToolCallMessageAndANullFailureReasonPass() {
    assertThat(SPEC.problemsOfListAnswer(page("{\"role\":\"tool_calls\",\"time\":1.0,\"toolCalls\":[{\"id\":\"t1\","
        + "\"type\":\"function\",\"function\":{\"name\":\"book\",\"arguments\":\"{}\"}}]}"))).isEmpty();
  }

  @Test
  void aMessageIsCheckedAgainstTheVariantItsRoleMapsTo() {
    assertThat(SPEC.problemsOfListAnswer(page("{\"role\":\"tool_calls\",\"time\":1.0,\"toolCalls\":\"none\"}")))
        .anySatisfy(problem -> assertThat(problem).contains("ToolCallMessage").contains("array"));
    assertThat(SPEC.problemsOfListAnswer(page("{\"role\":\"tool_call_result\",\"toolCallId\":5}")))
        .anySatisfy(problem -> assertThat(problem).contains("ToolCallResultMessage"));
  }

  @Test
  void anUnmappedOrMissingRoleIsReported() {
    assertThat(SPEC.problemsOfListAnswer(page("{\"role\":\"np_narrator\",\"time\":1.0}"))).isNotEmpty();
    assertThat(SPEC.problemsOfListAnswer(page("{\"time\":1.0}"))).isNotEmpty();
  }

  @Test
  void knownEnumValuesPassAndFieldsTheSpecDoesNotDeclareAreReported() {
    // Known values of allOf-wrapped enums pass (what the spec's explicit additionalProperties: true broke in the
    // validator, see SpecValidator.withoutExplicitDefault); a field the spec does not declare is reported at
    // every level, so that the sandbox's ordinary answers are held to the published fields.
    assertThat(SPEC.problemsOfListAnswer("[{\"id\":1,\"call_status\":\"ended\",\"failure_reason\":\"declined\"}]"))
        .isEmpty();
    assertThat(SPEC.problemsOfListAnswer("[{\"id\":1,\"np_score\":0.5,\"analysis\":{\"np_ratio\":0.4}}]"))
        .anySatisfy(p -> assertThat(p).contains("np_score"))
        .anySatisfy(p -> assertThat(p).contains("np_ratio"));
  }

  @Test
  void wrongTypesAndUnknownEnumValuesAreReported() {
    assertThat(SPEC.problemsOfListAnswer("[{\"id\":1,\"call_status\":5}]"))
        .anySatisfy(p -> assertThat(p).contains("/0/call_status"));
    assertThat(SPEC.problemsOfListAnswer("[{\"id\":1,\"call_status\":\"np_unknown\"}]"))
        .anySatisfy(p -> assertThat(p).contains("/0/call_status"));
    assertThat(SPEC.problemsOfListAnswer("[{\"id\":\"one\"}]")).anySatisfy(p -> assertThat(p).contains("/0/id"));
    assertThat(SPEC.problemsOfListAnswer("[{\"id\":1,\"failure_reason\":\"np_no-answer\"}]"))
        .anySatisfy(p -> assertThat(p).contains("failure_reason"));
  }
}
