package org.tariffcast.simulation.numerics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

class PortableMathTest {
  static double ulps(double a, double exact) {
    return Math.abs(a - exact) / Math.ulp(exact);
  }

  @Test
  void expIsWithinTwoUlpOfStrictMath() {
    Random rnd = new Random(1);
    double worst = 0;
    for (int i = 0; i < 2_000_000; i++) {
      double x = i % 2 == 0 ? (rnd.nextDouble() - 0.5) * 1400 : (rnd.nextDouble() - 0.5) * 4;
      double exact = StrictMath.exp(x);
      if (exact > Double.MIN_NORMAL && Double.isFinite(exact)) {
        worst = Math.max(worst, ulps(PortableMath.exp(x), exact));
      }
    }
    assertThat(worst).isLessThanOrEqualTo(2.0);
    assertThat(PortableMath.exp(0)).isEqualTo(1.0);
    assertThat(PortableMath.exp(1000)).isEqualTo(Double.POSITIVE_INFINITY);
    assertThat(PortableMath.exp(-1000)).isEqualTo(0.0);
    assertThat(PortableMath.exp(Double.NaN)).isNaN();
  }

  @Test
  void logIsWithinTwoUlpOfStrictMath() {
    Random rnd = new Random(2);
    double worst = 0;
    for (int i = 0; i < 2_000_000; i++) {
      double x = i % 3 == 0 ? Math.exp((rnd.nextDouble() - 0.5) * 1400) : i % 3 == 1 ? 1 + (rnd.nextDouble() - 0.5) * 0.1
          : rnd.nextDouble() * 10;
      if (!(x > 0)) {
        continue;
      }
      double exact = StrictMath.log(x);
      if (exact != 0) {
        worst = Math.max(worst, Math.abs(PortableMath.log(x) - exact) / (2 * Math.ulp(exact) + 1e-16));
      }
    }
    assertThat(worst).isLessThanOrEqualTo(1.0);
    assertThat(PortableMath.log(1)).isEqualTo(0.0);
    assertThat(PortableMath.log(0)).isEqualTo(Double.NEGATIVE_INFINITY);
    assertThat(PortableMath.log(-1)).isNaN();
    assertThat(PortableMath.log(Double.MIN_VALUE)).isCloseTo(StrictMath.log(Double.MIN_VALUE), org.assertj.core.api.Assertions.within(1e-12));
  }
}
