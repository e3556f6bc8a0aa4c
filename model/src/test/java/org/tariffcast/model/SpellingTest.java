package org.tariffcast.model;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SpellingTest {
  @Test
  void distancesCountedByHand() {
    assertThat(Spelling.distance("kitten", "sitting")).isEqualTo(3); // k->s, e->i, +g
    assertThat(Spelling.distance("", "abc")).isEqualTo(3);
    assertThat(Spelling.distance("abc", "")).isEqualTo(3);
    assertThat(Spelling.distance("us_rte_vn", "us_rate_vn")).isEqualTo(1);
    assertThat(Spelling.distance("Framework", "Framework")).isZero();
  }
}
