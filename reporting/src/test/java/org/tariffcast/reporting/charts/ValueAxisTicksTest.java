package org.tariffcast.reporting.charts;

import static org.assertj.core.api.Assertions.assertThat;

import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.axis.TickUnitSource;
import org.junit.jupiter.api.Test;

/** Neighbouring ticks never print the same text, whatever the scale of the values. */
class ValueAxisTicksTest {
  static String label(TickUnitSource units, double wanted, double value) {
    return ((NumberTickUnit) units.getCeilingTickUnit(wanted)).valueToString(value);
  }

  @Test
  void decimalsFollowTheTickSize() {
    TickUnitSource bn = ChartStyle.numberAxis("USD bn", "#,##0.0").getStandardTickUnits();
    // a 0.02 bn step between 0.28 and 0.30: two decimals
    assertThat(label(bn, 0.015, 0.28)).isEqualTo("0.28");
    assertThat(label(bn, 0.015, 0.30)).isEqualTo("0.30");
    // a 0.025 step needs three: 0.275
    assertThat(label(bn, 0.022, 0.275)).isEqualTo("0.275");
    // a 250 step: none, with thousands separators
    assertThat(label(bn, 240, 1250)).isEqualTo("1,250");
    TickUnitSource pct = ChartStyle.numberAxis("%", "0.0%").getStandardTickUnits();
    // a 5 % step prints whole percentages, a 0.5 % step one decimal
    assertThat(label(pct, 0.04, 0.35)).isEqualTo("35%");
    assertThat(label(pct, 0.004, 0.355)).isEqualTo("35.5%");
  }
}
