package com.clarionhealth.client.contract;

import static com.clarionhealth.client.contract.ContractSupport.NOW;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import com.clarionhealth.client.CallQuery;
import com.clarionhealth.client.ListCallsParams;
import com.clarionhealth.client.model.CreateCall;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.time.Instant;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Invalid arguments and options fail before anything is sent, naming the field: the server never hears of them. */
public abstract class ValidationContract extends ClientContract {
  @RegisterExtension
  protected static final FakeApi api = new FakeApi();

  static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

  @AfterEach
  void nothingWasSent() {
    assertThat(api.timeline().arrivals()).isZero();
  }

  static Stream<Arguments> invalidCreateCalls() {
    return Stream.of(
        Arguments.of(new CreateCall().destinationPhoneNumber("+14155550123"), "assistant_id"),
        Arguments.of(new CreateCall().assistantId(7L), "destination_phone_number"),
        Arguments.of(new CreateCall().assistantId(7L).destinationPhoneNumber("+14155550123").name("n".repeat(51)),
            "name"));
  }

  @ParameterizedTest
  @MethodSource("invalidCreateCalls")
  void anInvalidCreateCallIsRefusedNamingTheField(CreateCall createCall, String field) {
    ClientDriver client = connect(api.config());

    assertThatIllegalArgumentException().isThrownBy(() -> client.create(createCall)).withMessageStartingWith(field);
  }

  @ParameterizedTest
  @ValueSource(strings = {"4155550123", "14155550123", "+1 415 555 0123", "+1 415 555 0199", "+0123456", "+0123",
      "+1", "+1234567890123456", "tel:+14155550123"})
  void aDestinationThatIsNotE164IsRefusedNamedAndNotEchoed(String number) {
    ClientDriver client = connect(api.config());

    assertThatIllegalArgumentException()
        .isThrownBy(() -> client.create(new CreateCall().assistantId(7L).destinationPhoneNumber(number)))
        .withMessageStartingWith("destination_phone_number")
        .withMessageNotContaining(number);
  }

  @Test
  void noPartOfTheInvalidNumberIsEchoed() {
    ClientDriver client = connect(api.config());

    // a patient's number: not even its digit groups
    assertThatIllegalArgumentException()
        .isThrownBy(() -> client.create(new CreateCall().assistantId(7L).destinationPhoneNumber("+1 415 555 0199")))
        .withMessageNotContaining("555").withMessageNotContaining("0199");
  }

  @Test
  void nullArgumentsAreRefusedNamingTheParameter() {
    ClientDriver client = connect(api.config());

    assertThatNullPointerException().isThrownBy(() -> client.create(null)).withMessageContaining("createCall");
    assertThatNullPointerException().isThrownBy(() -> client.list(null)).withMessageContaining("params");
    assertThatNullPointerException().isThrownBy(() -> client.stream(null)).withMessageContaining("query");
    assertThatNullPointerException().isThrownBy(() -> client.pages(null)).withMessageContaining("query");
  }

  @ParameterizedTest
  @ValueSource(ints = {0, -1, 1001})
  void aListLimitOutOfRangeIsNamed(int limit) {
    assertThatIllegalArgumentException().isThrownBy(() -> ListCallsParams.builder().limit(limit))
        .withMessageContaining("limit");
  }

  @Test
  void listBoundsOutOfRangeOrTheWrongWayRoundAreRefused() {
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
    assertThatIllegalArgumentException().isThrownBy(() -> ListCallsParams.builder()
            .createdAtGe(T0.plusSeconds(1)).createdAtLe(T0).build())
        .withMessageContaining("createdAtGe");
  }

  @Test
  void badQueriesAreRefusedBeforeAnyStream() {
    Instant from = Instant.parse("2026-02-01T00:00:00Z");
    assertThatIllegalArgumentException().isThrownBy(() -> CallQuery.between(from, from.minusMillis(1)))
        .withMessageContaining("from");
    assertThatIllegalArgumentException().isThrownBy(() -> CallQuery.between(from, from).pageSize(0))
        .withMessageContaining("pageSize");
    assertThatIllegalArgumentException().isThrownBy(() -> CallQuery.between(T0, T0.plusSeconds(1)).pageSize(1001))
        .withMessageContaining("pageSize");
    assertThatIllegalArgumentException().isThrownBy(() -> CallQuery.between(T0, T0.plusSeconds(1)).concurrency(33))
        .withMessageContaining("concurrency");
    assertThatIllegalArgumentException().isThrownBy(() -> CallQuery.since(Instant.EPOCH.minusMillis(1)))
        .withMessageContaining("from");
    assertThatIllegalArgumentException().isThrownBy(() -> CallQuery.resumeFrom("not-a-cursor"))
        .withMessageContaining("cursor");
  }

  @Test
  void aSinceQueryStartingAfterTheClientsNowFailsWhenConsumedWithoutARequest() {
    // NOW is the client's clock; a range from after it has no end to reach
    ClientDriver client = connect(api.config());
    CallQuery fromTheFuture = CallQuery.since(NOW.plusSeconds(1));

    client.streamUnconsumed(fromTheFuture); // the end is the clock's instant when the walk starts: none yet
    assertThatIllegalArgumentException().isThrownBy(() -> client.stream(fromTheFuture))
        .withMessageContaining("from");
  }

  @Test
  void builderOptionsOutOfRangeAreRefusedNamingTheOption() {
    ClientConfig config = api.config();
    assertThatIllegalArgumentException().isThrownBy(() -> connect(config.maxRetries(-1)))
        .withMessageContaining("maxRetries");
    assertThatIllegalArgumentException().isThrownBy(() -> connect(config.maxRetries(11)))
        .withMessageContaining("maxRetries");
    assertThatIllegalArgumentException().isThrownBy(() -> connect(config.maxBytesAhead(-1)))
        .withMessageContaining("maxBytesAhead");
    assertThatIllegalArgumentException().isThrownBy(() -> connect(config.requestTimeout(Duration.ZERO)))
        .withMessageContaining("requestTimeout");
    assertThatIllegalArgumentException().isThrownBy(() -> connect(config.connectTimeout(Duration.ofSeconds(-1))))
        .withMessageContaining("connectTimeout");
    assertThatIllegalArgumentException().isThrownBy(() -> connect(config.maxRetryAfter(Duration.ofSeconds(-1))))
        .withMessageContaining("maxRetryAfter");
    // Durations the HTTP clients and timed waits cannot hold (they overflow in nanoseconds) would make
    // every request fail with an ArithmeticException, or never end.
    assertThatIllegalArgumentException().isThrownBy(() -> connect(config.requestTimeout(ChronoUnit.FOREVER.getDuration())))
        .withMessageContaining("requestTimeout");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> connect(config.connectTimeout(Duration.ofSeconds(Long.MAX_VALUE / 1000))))
        .withMessageContaining("connectTimeout");
    assertThatIllegalArgumentException().isThrownBy(() -> connect(config.maxRetryAfter(ChronoUnit.FOREVER.getDuration())))
        .withMessageContaining("maxRetryAfter");
    assertThatNullPointerException().isThrownBy(() -> connect(config.apiKey(null).givenNull("apiKey")))
        .withMessageContaining("apiKey");
    assertThatNullPointerException().isThrownBy(() -> connect(config.baseUrl(null).givenNull("baseUrl")))
        .withMessageContaining("baseUrl");
  }
}
