package com.clarionhealth.client.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import org.junit.jupiter.api.Test;

/** The Java API of the open enums rendered by src/main/templates/modelEnum.mustache. */
class OpenEnumTest {

  @Test
  void constantsAreTheSpecValuesInSpecOrder() {
    // The published values, in spec order (values added to the spec later need no test change).
    assertThat(CallStatus.knownValues()).extracting(CallStatus::value)
        .containsSubsequence("queued", "ringing", "in-progress", "forwarding", "ended");
    assertThat(FailureReason.knownValues()).extracting(FailureReason::value).containsSubsequence(
        "declined", "escalated", "requested-callback", "customer-dropped", "assistant-ended", "opt-out");
    assertThat(CallStatus.knownValues()).containsSubsequence(CallStatus.QUEUED, CallStatus.RINGING,
        CallStatus.IN_PROGRESS, CallStatus.FORWARDING, CallStatus.ENDED);
    assertThat(FailureReason.knownValues()).allMatch(FailureReason::isKnown);
  }

  @Test
  void ofReturnsTheCanonicalConstantForAKnownValue() {
    assertThat(CallStatus.of("ended")).isSameAs(CallStatus.ENDED);
    assertThat(FailureReason.of("customer-dropped")).isSameAs(FailureReason.CUSTOMER_DROPPED);
    assertThat(CallStatus.ENDED.isKnown()).isTrue();
  }

  @Test
  void ofKeepsAnUnknownValueVerbatim() {
    CallStatus unknown = CallStatus.of("np_voicemail");

    assertThat(unknown.value()).isEqualTo("np_voicemail");
    assertThat(unknown.toString()).isEqualTo("np_voicemail");
    assertThat(unknown.isKnown()).isFalse();
    assertThat(unknown).isEqualTo(CallStatus.of("np_voicemail")).hasSameHashCodeAs(CallStatus.of("np_voicemail"));
    assertThat(unknown).isNotEqualTo(CallStatus.ENDED).isNotEqualTo(FailureReason.of("np_voicemail"));
    // Matching is exact: a case variant is a different (unknown) value.
    assertThat(CallStatus.of("QUEUED").isKnown()).isFalse();
  }

  @Test
  void ofRejectsNull() {
    assertThatNullPointerException().isThrownBy(() -> CallStatus.of(null));
  }
}
