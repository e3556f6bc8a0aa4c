package org.tariffcast.simulation.equilibrium;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.tariffcast.model.trade.TariffWedge;
import org.tariffcast.model.trade.WedgePart;

class WedgeArithmeticTest {
  @Test
  void primitiveWedgesGiveExactlyTheModelsPowerAndRevenueRate() {
    Random rnd = new Random(4);
    for (int i = 0; i < 100_000; i++) {
      TariffWedge w = TariffWedge.of(rnd.nextDouble() * 0.6, rnd.nextDouble() * 0.1, rnd.nextDouble() * 0.2,
          rnd.nextDouble() * 0.05, rnd.nextDouble(), rnd.nextDouble() * 0.8);
      assertThat(WedgeArithmetic.power(WedgeArithmetic.parts(w), 0)).isEqualTo(w.power());
      assertThat(WedgeArithmetic.revenueRate(WedgeArithmetic.parts(w), 0)).isEqualTo(w.revenueRate());
    }
    // 75 % at 1.2 and 25 % at 1.4, with a 1 % anti-dumping duty on both: 1.26, revenue 0.26
    TariffWedge framework = TariffWedge.of(0.2, 0.01, 0, 0, 0.25, 0.4);
    assertThat(WedgeArithmetic.power(framework)).isEqualTo(0.75 * 1.21 + 0.25 * 1.41);
    assertThat(WedgeArithmetic.revenueRate(framework)).isEqualTo(0.75 * 0.2 + 0.25 * 0.4 + 0.01);
  }

  @Test
  void partsAreIndexedInWedgePartOrder() {
    // the kernel indexes a flow's parts by WedgePart.ordinal(): each index must hold that part
    TariffWedge w = TariffWedge.of(0.20, 0.03, 0.05, 0.01, 0.10, 0.40);
    double[] parts = WedgeArithmetic.parts(w);
    assertThat(parts).hasSize(WedgeArithmetic.PARTS).hasSize(WedgePart.values().length);
    for (WedgePart p : WedgePart.values()) {
      assertThat(parts[p.ordinal()]).as(p.name()).isEqualTo(p.of(w));
    }
    assertThat(WedgeArithmetic.AD_VALOREM).isEqualTo(WedgePart.AD_VALOREM.ordinal());
    assertThat(WedgeArithmetic.TRANSSHIPMENT_SHARE).isEqualTo(WedgePart.TRANSSHIPMENT_SHARE.ordinal());
    assertThat(WedgeArithmetic.TRANSSHIPMENT_RATE).isEqualTo(WedgePart.TRANSSHIPMENT_RATE.ordinal());
  }
}
