package org.tariffcast.model.time;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class YearQuarterTest {
  @Test
  void ordinalsAreConsecutiveAcrossYears() {
    YearQuarter q4 = YearQuarter.parse("2025Q4");
    assertThat(q4.plus(1)).isEqualTo(YearQuarter.of(2026, 1));
    assertThat(q4.ordinal()).isEqualTo(2025 * 4 + 3);
    assertThat(YearQuarter.ofOrdinal(q4.ordinal())).isEqualTo(q4);
    assertThat(YearQuarter.parse("2025-q2").quartersUntil(q4)).isEqualTo(2);
  }

  @Test
  void horizonKnowsItsFinalYear() {
    Horizon h = Horizon.of(YearQuarter.of(2025, 2), 24);
    assertThat(h.end()).isEqualTo(YearQuarter.of(2031, 1));
    assertThat(h.finalYearStart()).isEqualTo(20);
    assertThat(h.quarter(20)).isEqualTo(YearQuarter.of(2030, 2));
    assertThat(h.contains(YearQuarter.of(2025, 1))).isFalse();
  }

  @Test
  void badTextNamesWhatWasFound() {
    assertThatThrownBy(() -> YearQuarter.parse("2025Q5")).hasMessage("quarter must look like 2025Q3, found '2025Q5'");
  }
}
