package com.clarionhealth.client.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PagingCursorTest {
  private final PagingCursor cursor =
      new PagingCursor(1_767_312_000_000L, 1_767_225_600_123L, 500, 86_400, new long[] {42, -7, 1L << 40, 43});

  @Test
  void roundTripsThroughItsUrlSafeTextForm() {
    String text = cursor.encode();

    assertThat(text).matches("[A-Za-z0-9_-]+");
    PagingCursor back = PagingCursor.decode(text);
    assertThat(back.endMillis()).isEqualTo(1_767_312_000_000L);
    assertThat(back.positionMillis()).isEqualTo(1_767_225_600_123L);
    assertThat(back.limit()).isEqualTo(500);
    assertThat(back.widthHintMillis()).isEqualTo(86_400);
    assertThat(back.edgeIds()).containsExactly(-7, 42, 43, 1L << 40);
  }

  @Test
  void aThousandSequentialIdsStayCompact() {
    long[] ids = new long[1000];
    for (int i = 0; i < ids.length; i++) {
      ids[i] = 9_000_000 + i * 3L;
    }
    String text = new PagingCursor(2_000_000_000_000L, 1_900_000_000_000L, 1000, 60_000, ids).encode();

    assertThat(text.length()).isLessThan(1_500);
  }

  @Test
  void aCutOrAlteredCursorIsRefusedNamingTheArgument() {
    String text = cursor.encode();
    String altered = (text.charAt(5) == 'A' ? 'B' : 'A') + "";
    altered = text.substring(0, 5) + altered + text.substring(6);

    for (String bad : new String[] {text.substring(0, text.length() - 2), altered, "", "not a cursor!"}) {
      assertThatThrownBy(() -> PagingCursor.decode(bad))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageStartingWith("cursor ");
    }
  }
}
