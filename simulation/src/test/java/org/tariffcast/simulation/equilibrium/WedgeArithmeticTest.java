package org.tariffcast.simulation.equilibrium;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.tariffcast.model.trade.TariffWedge;

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
}
