package org.tariffcast.reporting.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** A share of trials never reads as certainty: no "0.0 %" and no "100.0 %", in either language. */
class ProbabilityTextTest {
  @Test
  void nearZeroAndOneReadAsBounds() {
    assertThat(NumberText.probabilityText(0)).isEqualTo("< 0.1 %");
    assertThat(NumberText.probabilityText(0.0004)).isEqualTo("< 0.1 %");
    assertThat(NumberText.probabilityText(0.371)).isEqualTo("37.1 %");
    assertThat(NumberText.probabilityText(0.999)).isEqualTo("99.9 %");
    // 1,999 of 2,000 trials: 99.95 % would round to 100.0 % (the Vietnamese Summary printed "100,0 %")
    assertThat(NumberText.probabilityText(1999 / 2000.0)).isEqualTo("> 99.9 %");
    assertThat(NumberText.probabilityText(1)).isEqualTo("> 99.9 %");
    assertThat(Messages.of("vi").probability(1999 / 2000.0)).isEqualTo("> 99,9 %");
  }
}
