package org.tariffcast.simulation.statistics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Random;
import org.junit.jupiter.api.Test;

class MomentBankTest {
  @Test
  void meanAndVarianceEqualTheExactDecimalComputation() {
    Random rnd = new Random(5);
    int n = 1000;
    double[] x = new double[n];
    MomentBank m = new MomentBank(1);
    double shift = 1e9;
    BigDecimal sum = BigDecimal.ZERO;
    for (int i = 0; i < n; i++) {
      x[i] = 1e9 + rnd.nextGaussian() * 1e3;
      m.add(new double[] {x[i]}, new double[] {shift}, 0);
      sum = sum.add(new BigDecimal(x[i]));
    }
    BigDecimal mean = sum.divide(BigDecimal.valueOf(n), MathContext.DECIMAL128);
    BigDecimal ss = BigDecimal.ZERO;
    for (double v : x) {
      BigDecimal d = new BigDecimal(v).subtract(mean);
      ss = ss.add(d.multiply(d));
    }
    double variance = ss.divide(BigDecimal.valueOf(n - 1), MathContext.DECIMAL128).doubleValue();
    assertThat(m.mean(0, shift)).isCloseTo(mean.doubleValue(), within(1e-6));
    // the squares of deviations are rounded once each: relative error ~1e-16
    assertThat(m.variance(0)).isCloseTo(variance, within(variance * 1e-12));
    assertThat(m.count()).isEqualTo(n);
  }

  @Test
  void constantValuesHaveZeroVarianceAndTheirExactMean() {
    MomentBank m = new MomentBank(1);
    for (int i = 0; i < 10; i++) {
      m.add(new double[] {0.1}, new double[] {0.1}, 0);
    }
    assertThat(m.variance(0)).isZero();
    assertThat(m.mean(0, 0.1)).isEqualTo(0.1);
  }

  @Test
  void wilsonIntervalMatchesTheTextbookFormula() {
    // 30 hits in 100: centre (0.3 + 1.92/100) / 1.0384, half 1.96 sqrt(0.0021 + 0.000096) / 1.0384
    double[] ci = Wilson.interval95(30, 100);
    double z = Wilson.Z95;
    double centre = (0.3 + z * z / 200) / (1 + z * z / 100);
    double half = z * Math.sqrt(0.3 * 0.7 / 100 + z * z / 40000) / (1 + z * z / 100);
    assertThat(ci[0]).isCloseTo(centre - half, within(1e-15));
    assertThat(ci[1]).isCloseTo(centre + half, within(1e-15));
    assertThat(ci[0]).isCloseTo(0.2189, within(1e-4));
    assertThat(ci[1]).isCloseTo(0.3958, within(1e-4));
    assertThat(Wilson.interval95(0, 50)[0]).isZero();
    assertThat(Wilson.interval95(50, 50)[1]).isEqualTo(1.0);
  }
}
