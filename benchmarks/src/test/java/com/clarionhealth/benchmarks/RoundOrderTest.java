package com.clarionhealth.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The interleaved throughput rounds: each round runs every contestant once, in an order of its own. */
class RoundOrderTest {
  private static final List<String> SEVEN = List.of("a", "b", "c", "d", "e", "f", "g");

  @Test
  void everyRoundRunsEachContestantOnce() {
    for (int r = 0; r < 6; r++) {
      assertThat(Scenarios.roundOrder(SEVEN, r, 4)).containsExactlyInAnyOrderElementsOf(SEVEN);
    }
  }

  @Test
  void noContestantKeepsItsPlaceOrItsPredecessorOverFourRounds() {
    for (String id : SEVEN) {
      Set<Integer> places = new HashSet<>();
      Set<String> before = new HashSet<>();
      for (int r = 0; r < 4; r++) {
        List<String> order = Scenarios.roundOrder(SEVEN, r, 4);
        int at = order.indexOf(id);
        places.add(at);
        before.add(at == 0 ? "" : order.get(at - 1));
      }
      assertThat(places).as("places of %s", id).hasSizeGreaterThan(1);
      assertThat(before).as("predecessors of %s", id).hasSizeGreaterThan(1);
    }
  }
}
