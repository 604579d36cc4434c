package com.clarionhealth.client.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.clarionhealth.client.CallQuery;
import com.clarionhealth.client.blocking.ClarionClient;
import com.clarionhealth.client.model.Call;
import com.clarionhealth.client.model.CallStatus;
import com.clarionhealth.client.model.CreateCall;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Seeding: the distributions, reproducibility, ids; and a million calls queried through the index. */
class SeedingTest {
  static final Instant FROM = Instant.parse("2026-02-02T00:00:00Z"); // a Monday
  static final Instant TO = Instant.parse("2026-03-02T00:00:00Z");
  static ClarionSandbox sandbox;

  @BeforeAll
  static void start() {
    sandbox = ClarionSandbox.start();
  }

  @AfterAll
  static void stop() {
    sandbox.close();
  }

  @BeforeEach
  void reset() {
    sandbox.reset();
  }

  private static List<Instant> createdAt(long first, int n) {
    List<Instant> times = new ArrayList<>(n);
    for (long id = first; id < first + n; id++) {
      times.add(sandbox.createdAt(id).orElseThrow());
    }
    return times;
  }

  @Test
  void uniformFillsTheRangeInclusivelyWithIdsInOrderOfCreation() {
    long first = sandbox.seed(5000, FROM, TO, Distribution.UNIFORM, 1);

    List<Instant> times = createdAt(first, 5000);
    assertThat(first).isEqualTo(1);
    assertThat(times).isSorted().allSatisfy(t -> assertThat(t).isBetween(FROM, TO));
    assertThat(sandbox.callCount()).isEqualTo(5000);
    assertThat(sandbox.createdAt(5001)).isEmpty();
    // Spread over every week of the four.
    for (int week = 0; week < 4; week++) {
      Instant start = FROM.plus(Duration.ofDays(7L * week));
      assertThat(sandbox.countCalls(start, start.plus(Duration.ofDays(7)))).isBetween(1100L, 1400L);
    }
    // Finer than the millisecond.
    assertThat(times).anySatisfy(t -> assertThat(t.getNano() % 1_000_000).isNotZero());
  }

  @Test
  void businessHoursAreWeekdaysNineToFiveUtc() {
    long first = sandbox.seed(5000, FROM, TO, Distribution.BUSINESS_HOURS, 2);

    assertThat(createdAt(first, 5000)).allSatisfy(t -> {
      ZonedDateTime utc = t.atZone(ZoneOffset.UTC);
      assertThat(utc.getDayOfWeek()).isNotIn(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY);
      assertThat(utc.getHour()).isBetween(9, 16);
    });
    assertThatThrownBy(() -> sandbox.seed(1, Instant.parse("2026-02-07T00:00:00Z"),
        Instant.parse("2026-02-08T23:59:59Z"), Distribution.BUSINESS_HOURS, 2))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("BUSINESS_HOURS");
  }

  @Test
  void burstsPackMostCallsIntoFewTenMinuteStretches() {
    long first = sandbox.seed(5000, FROM, TO, Distribution.BURSTS, 3);

    List<Instant> times = createdAt(first, 5000);
    long tenMinuteBuckets = times.stream().map(t -> t.getEpochSecond() / 600).distinct().count();
    // 10 bursts of ten minutes (at most 2 buckets each) hold ~90%; the other ~500 calls are spread out.
    assertThat(tenMinuteBuckets).isLessThan(600);
    long inBursts = times.stream().collect(Collectors.groupingBy(t -> t.getEpochSecond() / 600, Collectors.counting()))
        .values().stream().filter(count -> count >= 50).mapToLong(Long::longValue).sum();
    assertThat(inBursts).isGreaterThan(4000);
  }

  @Test
  void sameInstantPutsEveryCallAtTheStartOfTheRange() {
    long first = sandbox.seed(1200, FROM.plusNanos(123_456_000), TO, Distribution.SAME_INSTANT, 4);

    assertThat(new HashSet<>(createdAt(first, 1200))).containsExactly(FROM.plusNanos(123_456_000));
    assertThat(sandbox.countCalls(FROM.plusNanos(123_456_000), FROM.plusNanos(123_456_000))).isEqualTo(1200);
  }

  @Test
  void reproducibleFromTheSeedAndDifferentForAnother() {
    sandbox.seed(1000, FROM, TO, Distribution.BURSTS, 77);
    List<Instant> once = createdAt(1, 1000);
    List<Call> callsOnce = Stream.of(1L, 500L, 1000L).map(id -> sandbox.call(id).orElseThrow())
        .collect(Collectors.toList());
    sandbox.reset();
    sandbox.seed(1000, FROM, TO, Distribution.BURSTS, 77);
    assertThat(createdAt(1, 1000)).isEqualTo(once);
    assertThat(Stream.of(1L, 500L, 1000L).map(id -> sandbox.call(id).orElseThrow())).containsExactlyElementsOf(callsOnce);
    sandbox.reset();
    sandbox.seed(1000, FROM, TO, Distribution.BURSTS, 78);
    assertThat(createdAt(1, 1000)).isNotEqualTo(once);
  }

  @Test
  void seededCallsFollowTheClockAndIdsContinueAfterCreatedCalls() {
    ClarionClient client = ClarionClient.builder().baseUrl(sandbox.baseUrl()).apiKey(sandbox.apiKey()).build();
    long created = client.calls().create(new CreateCall().assistantId(1L).destinationPhoneNumber("+14155550123"))
        .getId();
    Instant now = sandbox.clock().instant();
    long first = sandbox.seed(100, now.minus(Duration.ofDays(1)), now.minus(Duration.ofHours(1)),
        Distribution.UNIFORM, 5);
    long recent = sandbox.seed(10, now.minusSeconds(1), now, Distribution.UNIFORM, 5);
    long future = sandbox.seed(1, now.plusSeconds(60), now.plusSeconds(60), Distribution.UNIFORM, 5);

    assertThat(created).isEqualTo(1);
    assertThat(first).isEqualTo(2);
    assertThat(recent).isEqualTo(102);
    assertThat(future).isEqualTo(112);
    for (long id = first; id < first + 100; id++) {
      assertThat(sandbox.call(id).orElseThrow().getCallStatus()).isEqualTo(CallStatus.ENDED);
    }
    for (long id = recent; id < recent + 10; id++) {
      assertThat(sandbox.call(id).orElseThrow().getCallStatus()).isEqualTo(CallStatus.QUEUED);
    }
    assertThat(sandbox.call(future).orElseThrow().getCallStatus()).isEqualTo(CallStatus.QUEUED);
    // The listing is by creation time, not id: the call created first is newer than every seeded one but two.
    assertThat(client.calls().list()).extracting(Call::getId).startsWith(future).contains(created);
    assertThat(sandbox.callsCreated()).as("seeded calls are not POSTs").isEqualTo(1);
  }

  @Test
  void refusesBadArguments() {
    assertThatThrownBy(() -> sandbox.seed(-1, FROM, TO, Distribution.UNIFORM, 1))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> sandbox.seed(1, TO, FROM, Distribution.UNIFORM, 1))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("from must not be after to");
    assertThat(sandbox.seed(0, FROM, TO, Distribution.UNIFORM, 1)).isEqualTo(1);
    assertThat(sandbox.callCount()).isZero();
  }

  /**
   * A million calls: a window query looks at two binary searches' worth of index entries plus the calls it
   * returns, never at the calls around them. Measured by counting, not by the clock.
   */
  @Test
  void aMillionCallsAreQueriedThroughTheIndex() {
    int n = 1_000_000;
    sandbox.seed(n, FROM, TO, Distribution.UNIFORM, 6);
    assertThat(sandbox.callCount()).isEqualTo(n);
    int log2 = 64 - Long.numberOfLeadingZeros(n); // 20
    Http http = new Http(sandbox);

    long before = sandbox.callsExamined();
    Http.Response everything = http.get("limit=1000");
    assertThat(everything.json()).hasSize(1000);
    assertThat(sandbox.callsExamined() - before).isLessThanOrEqualTo(1000 + 2L * log2);

    before = sandbox.callsExamined();
    Http.Response oneHour = http.get("limit=1000&createdAtGe=2026-02-10T12:00:00.000Z&createdAtLe=2026-02-10T13:00:00.000Z");
    assertThat(oneHour.json().size()).isBetween(1, 1000);
    assertThat(sandbox.callsExamined() - before).isLessThanOrEqualTo(oneHour.json().size() + 2L * log2);

    before = sandbox.callsExamined();
    Http.Response oneMilli = http.get("createdAtGe=2026-02-10T12:00:00.000Z&createdAtLe=2026-02-10T12:00:00.000Z");
    assertThat(sandbox.callsExamined() - before).isLessThanOrEqualTo(oneMilli.json().size() + 2L * log2);

    // The blocking client streams an hour of it: every call once, and no request scans.
    ClarionClient client = ClarionClient.builder().baseUrl(sandbox.baseUrl()).apiKey(sandbox.apiKey()).build();
    Instant from = Instant.parse("2026-02-20T08:00:00Z");
    Instant to = from.plus(Duration.ofHours(1));
    int requestsBefore = sandbox.requests().size();
    before = sandbox.callsExamined();
    Set<Long> ids;
    try (Stream<Call> calls = client.calls().stream(CallQuery.between(from, to))) {
      ids = calls.map(Call::getId).collect(Collectors.toSet());
    }
    long requests = sandbox.requests().size() - requestsBefore;
    assertThat(ids).hasSize((int) sandbox.countCalls(from, to.plusMillis(1).minusNanos(1000)));
    assertThat(sandbox.callsExamined() - before).isLessThanOrEqualTo(requests * (1000 + 2L * log2));
  }
}
