package com.clarionhealth.client.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.clarionhealth.client.ListCallsParams;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class WireFormatTest {
  @Test
  void instantsAreUtcWithMillisecondsAndZ() {
    assertThat(WireFormat.instant(Instant.parse("2026-03-04T05:06:07Z"))).isEqualTo("2026-03-04T05:06:07.000Z");
    assertThat(WireFormat.instant(Instant.parse("2026-03-04T05:06:07.123456789Z")))
        .isEqualTo("2026-03-04T05:06:07.123Z");
  }

  @Test
  void windowQueryIsPercentEncoded() {
    Window window = new Window(Instant.parse("2026-01-01T00:00:00Z").toEpochMilli(),
        Instant.parse("2026-01-01T01:30:00.5Z").toEpochMilli(), 1000);

    assertThat(WireFormat.listQuery(window)).isEqualTo(
        "limit=1000&createdAtGe=2026-01-01T00%3A00%3A00.000Z&createdAtLe=2026-01-01T01%3A30%3A00.500Z");
  }

  @Test
  void paramsQuerySendsOnlyWhatIsSet() {
    assertThat(WireFormat.listQuery(ListCallsParams.defaults())).isEmpty();
    assertThat(WireFormat.listQuery(ListCallsParams.builder().limit(5).build())).isEqualTo("limit=5");
    assertThat(WireFormat.listQuery(ListCallsParams.builder()
            .createdAtLe(Instant.parse("2026-01-01T00:00:00Z")).build()))
        .isEqualTo("createdAtLe=2026-01-01T00%3A00%3A00.000Z");
  }

  @Test
  void paramsAreValidatedBeforeAnyRequest() {
    assertThatThrownBy(() -> ListCallsParams.builder().limit(1001))
        .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("limit ");
    assertThatThrownBy(() -> ListCallsParams.builder()
            .createdAtGe(Instant.parse("2026-01-02T00:00:00Z"))
            .createdAtLe(Instant.parse("2026-01-01T00:00:00Z")).build())
        .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("createdAtGe ");
  }
}
