package com.clarionhealth.client.reactive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.clarionhealth.client.CallQuery;
import com.clarionhealth.client.ListCallsParams;
import com.clarionhealth.client.model.CreateCall;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Invalid arguments are refused at assembly, by the method call itself, naming the field, and nothing
 * is ever sent: no publisher is even returned to subscribe to.
 */
class ValidationTest {
  @RegisterExtension
  static WireMockExtension server = TestSupport.server();

  private final ReactiveClarionClient client = TestSupport.client(server).build();

  static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

  @AfterEach
  void nothingWasSent() {
    assertThat(server.getAllServeEvents()).isEmpty();
  }

  @Test
  void aMissingDestinationIsNamed() {
    assertThatThrownBy(() -> client.calls().create(new CreateCall().assistantId(7L)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("destination_phone_number");
  }

  @ParameterizedTest
  @ValueSource(strings = {"14155550123", "+1 415 555 0123", "+0123", "+1", "+1234567890123456", "tel:+14155550123"})
  void aDestinationThatIsNotE164IsNamedWithoutEchoingIt(String number) {
    assertThatThrownBy(() -> client.calls().create(new CreateCall().assistantId(7L).destinationPhoneNumber(number)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("destination_phone_number")
        .message().doesNotContain(number);
  }

  @Test
  void aMissingAssistantIsNamed() {
    assertThatThrownBy(() -> client.calls().create(new CreateCall().destinationPhoneNumber("+14155550123")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("assistant_id");
  }

  @Test
  void aNameOverFiftyCharactersIsNamed() {
    assertThatThrownBy(() -> client.calls().create(new CreateCall().assistantId(7L)
            .destinationPhoneNumber("+14155550123").name("n".repeat(51))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("name");
  }

  @Test
  void nullArgumentsAreRefusedAtOnce() {
    assertThatNullPointerException().isThrownBy(() -> client.calls().create(null));
    assertThatNullPointerException().isThrownBy(() -> client.calls().list(null));
    assertThatNullPointerException().isThrownBy(() -> client.calls().stream(null));
    assertThatNullPointerException().isThrownBy(() -> client.calls().pages(null));
  }

  @ParameterizedTest
  @ValueSource(ints = {0, -1, 1001})
  void aListLimitOutOfRangeIsNamed(int limit) {
    assertThatThrownBy(() -> client.calls().list(ListCallsParams.builder().limit(limit).build()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("limit");
  }

  @Test
  void listBoundsTheWrongWayRoundAreRefused() {
    assertThatThrownBy(() -> ListCallsParams.builder().createdAtGe(T0.plusSeconds(1)).createdAtLe(T0).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("createdAtGe");
  }

  @Test
  void badQueriesAreRefusedBeforeAnyStream() {
    assertThatThrownBy(() -> CallQuery.between(T0.plusSeconds(1), T0))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("from");
    assertThatThrownBy(() -> CallQuery.between(T0, T0.plusSeconds(1)).pageSize(0))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("pageSize");
    assertThatThrownBy(() -> CallQuery.between(T0, T0.plusSeconds(1)).pageSize(1001))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("pageSize");
    assertThatThrownBy(() -> CallQuery.between(T0, T0.plusSeconds(1)).concurrency(33))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("concurrency");
    assertThatThrownBy(() -> CallQuery.since(Instant.EPOCH.minusMillis(1)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("from");
    assertThatThrownBy(() -> CallQuery.resumeFrom("not-a-cursor"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aSinceQueryStartingAfterTheClockIsRefusedOnSubscriptionWithoutARequest() {
    // "to" of since() is the moment of subscription: a start after the (fixed) clock cannot be served
    assertThatThrownBy(() -> client.calls().stream(CallQuery.since(TestSupport.NOW.plusSeconds(60)))
            .collectList().block(TestSupport.TIMEOUT))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("from");
  }

  @Test
  void builderOptionsOutOfRangeAreRefused() {
    var builder = ReactiveClarionClient.builder();
    assertThatThrownBy(() -> builder.maxRetries(11)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("maxRetries");
    assertThatThrownBy(() -> builder.maxRetries(-1)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> builder.requestTimeout(java.time.Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("requestTimeout");
    assertThatThrownBy(() -> builder.connectTimeout(java.time.Duration.ofSeconds(-1)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("connectTimeout");
    assertThatThrownBy(() -> builder.maxRetryAfter(java.time.Duration.ofSeconds(-1)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("maxRetryAfter");
    assertThatThrownBy(() -> builder.maxCallSize(1023))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("maxCallSize");
  }
}
