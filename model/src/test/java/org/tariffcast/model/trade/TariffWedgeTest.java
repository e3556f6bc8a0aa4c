package org.tariffcast.model.trade;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class TariffWedgeTest {
  @Test
  void transshippedShareAddsItsOwnRate() {
    // framework: 20 % on direct goods, 40 % on a 10 % transshipped share, plus 3 % MFN-like AD duty
    TariffWedge w = TariffWedge.of(0.20, 0.03, 0.0, 0.0, 0.10, 0.40);
    // T = 0.9 * (1 + 0.23) + 0.1 * (1 + 0.43) = 1.107 + 0.143 = 1.25
    assertThat(w.power()).isCloseTo(1.25, within(1e-12));
    // revenue: 0.9 * 0.20 + 0.1 * 0.40 + 0.03 = 0.25
    assertThat(w.revenueRate()).isCloseTo(0.25, within(1e-12));
  }

  @Test
  void barriersRaiseThePowerButYieldNoRevenue() {
    TariffWedge w = TariffWedge.of(0.05, 0, 0.10, 0.02, 0, 0);
    assertThat(w.power()).isCloseTo(1.17, within(1e-12));
    assertThat(w.revenueRate()).isCloseTo(0.05, within(1e-12));
  }

  @Test
  void rejectsSharesOutsideTheUnitInterval() {
    assertThatThrownBy(() -> TariffWedge.of(0, 0, 0, 0, 1.5, 0))
        .hasMessage("transshipmentShare must be a fraction in [0, 1], found 1.5");
  }
}
