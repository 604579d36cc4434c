package com.clarionhealth.client.blocking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.clarionhealth.client.CallQuery;
import com.clarionhealth.client.ListCallsParams;
import com.clarionhealth.client.blocking.TestSupport.RecordingSleeper;
import com.clarionhealth.client.model.CreateCall;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Invalid arguments fail before anything is sent: the server never hears of them. */
class ValidationTest {
  @RegisterExtension
  static WireMockExtension server = TestSupport.server();

  private final ClarionClient client = TestSupport.client(server, new RecordingSleeper()).build();

  @AfterEach
  void nothingWasSent() {
    assertThat(server.getAllServeEvents()).isEmpty();
  }

  static Stream<Arguments> invalidCreateCalls() {
    return Stream.of(
        Arguments.of(new CreateCall().destinationPhoneNumber("+14155550123"), "assistant_id"),
        Arguments.of(new CreateCall().assistantId(7L), "destination_phone_number"),
        Arguments.of(new CreateCall().assistantId(7L).destinationPhoneNumber("4155550123"),
            "destination_phone_number"),
        Arguments.of(new CreateCall().assistantId(7L).destinationPhoneNumber("+1 415 555 0123"),
            "destination_phone_number"),
        Arguments.of(new CreateCall().assistantId(7L).destinationPhoneNumber("+0123456"),
            "destination_phone_number"),
        Arguments.of(new CreateCall().assistantId(7L).destinationPhoneNumber("+1234567890123456"),
            "destination_phone_number"),
        Arguments.of(new CreateCall().assistantId(7L).destinationPhoneNumber("+14155550123").name("n".repeat(51)),
            "name"));
  }

  @ParameterizedTest
  @MethodSource("invalidCreateCalls")
  void anInvalidCreateCallIsRefusedNamingTheField(CreateCall createCall, String field) {
    assertThatIllegalArgumentException().isThrownBy(() -> client.calls().create(createCall))
        .withMessageStartingWith(field);
  }

  @Test
  void theInvalidNumberIsNotEchoed() {
    assertThatIllegalArgumentException().isThrownBy(() -> client.calls()
            .create(new CreateCall().assistantId(7L).destinationPhoneNumber("+1 415 555 0199")))
        .withMessageNotContaining("555").withMessageNotContaining("0199");
  }

  @Test
  void nullArgumentsAreRefusedNamingTheParameter() {
    assertThatNullPointerException().isThrownBy(() -> client.calls().create(null)).withMessageContaining("createCall");
    assertThatNullPointerException().isThrownBy(() -> client.calls().list(null)).withMessageContaining("params");
    assertThatNullPointerException().isThrownBy(() -> client.calls().stream(null)).withMessageContaining("query");
    assertThatNullPointerException().isThrownBy(() -> client.calls().pages(null)).withMessageContaining("query");
  }

  @Test
  void listParametersOutOfRangeAreRefused() {
    assertThatIllegalArgumentException().isThrownBy(() -> ListCallsParams.builder().limit(0))
        .withMessageContaining("limit");
    assertThatIllegalArgumentException().isThrownBy(() -> ListCallsParams.builder().limit(1001))
        .withMessageContaining("limit");
    assertThatIllegalArgumentException().isThrownBy(() -> ListCallsParams.builder().createdAtLe(Instant.MAX))
        .withMessageStartingWith("createdAtLe");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> ListCallsParams.builder().createdAtGe(Instant.parse("+10000-01-01T00:00:00Z")))
        .withMessageStartingWith("createdAtGe");
    assertThatIllegalArgumentException().isThrownBy(() -> ListCallsParams.builder().createdAtGe(Instant.MIN))
        .withMessageStartingWith("createdAtGe");
    Instant later = Instant.parse("2026-02-01T00:00:00Z");
    assertThatIllegalArgumentException().isThrownBy(() -> ListCallsParams.builder()
            .createdAtGe(later).createdAtLe(later.minusMillis(1)).build())
        .withMessageContaining("createdAtGe");
  }

  @Test
  void queriesThatEndBeforeTheyStartAreRefused() {
    Instant from = Instant.parse("2026-02-01T00:00:00Z");
    assertThatIllegalArgumentException().isThrownBy(() -> CallQuery.between(from, from.minusMillis(1)))
        .withMessageContaining("from");
    assertThatIllegalArgumentException().isThrownBy(() -> CallQuery.between(from, from).pageSize(0))
        .withMessageContaining("pageSize");
    assertThatIllegalArgumentException().isThrownBy(() -> CallQuery.resumeFrom("not-a-cursor"))
        .withMessageContaining("cursor");
  }

  @Test
  void aSinceQueryStartingAfterTheInjectedNowFailsAtItsFirstUseWithoutARequest() {
    // NOW is the client's clock; a range from after it has no end to reach.
    Stream<?> calls = client.calls().stream(CallQuery.since(TestSupport.NOW.plusSeconds(1)));
    assertThatThrownBy(calls::count).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("from");
  }

  @Test
  void builderOptionsOutOfRangeAreRefusedNamingTheOption() {
    ClarionClient.Builder builder = ClarionClient.builder();
    assertThatIllegalArgumentException().isThrownBy(() -> builder.maxRetries(-1)).withMessageContaining("maxRetries");
    assertThatIllegalArgumentException().isThrownBy(() -> builder.maxRetries(11)).withMessageContaining("maxRetries");
    assertThatIllegalArgumentException().isThrownBy(() -> builder.requestTimeout(Duration.ZERO))
        .withMessageContaining("requestTimeout");
    assertThatIllegalArgumentException().isThrownBy(() -> builder.connectTimeout(Duration.ofSeconds(-1)))
        .withMessageContaining("connectTimeout");
    // "forever" would overflow inside the JDK's HttpClient: every request would fail or hang
    assertThatIllegalArgumentException().isThrownBy(() -> builder.requestTimeout(ChronoUnit.FOREVER.getDuration()))
        .withMessageContaining("requestTimeout");
    assertThatIllegalArgumentException().isThrownBy(() -> builder.connectTimeout(Duration.ofSeconds(Long.MAX_VALUE / 1000)))
        .withMessageContaining("connectTimeout");
    assertThatIllegalArgumentException().isThrownBy(() -> builder.maxRetryAfter(Duration.ofSeconds(-1)))
        .withMessageContaining("maxRetryAfter");
    assertThatNullPointerException().isThrownBy(() -> builder.apiKey(null)).withMessageContaining("apiKey");
    assertThatNullPointerException().isThrownBy(() -> builder.baseUrl(null)).withMessageContaining("baseUrl");
  }
}
