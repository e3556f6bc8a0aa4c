package org.tariffcast.simulation.statistics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Random;
import org.junit.jupiter.api.Test;

class MomentBankTest {
  static void add(MomentBank m, double value, double shift) {
    m.addValue(0, value - shift);
    m.countTrials(1);
  }

  @Test
  void meanAndVarianceEqualTheExactDecimalComputationWithinTheGridError() {
    Random rnd = new Random(5);
    int n = 1000;
    double[] x = new double[n];
    double shift = 1e9;
    double reference = 1e9;
    MomentBank m = new MomentBank(new double[] {reference});
    BigDecimal sum = BigDecimal.ZERO;
    for (int i = 0; i < n; i++) {
      x[i] = 1e9 + rnd.nextGaussian() * 1e3;
      add(m, x[i], shift);
      sum = sum.add(new BigDecimal(x[i]));
    }
    BigDecimal mean = sum.divide(BigDecimal.valueOf(n), MathContext.DECIMAL128);
    BigDecimal ss = BigDecimal.ZERO;
    for (double v : x) {
      BigDecimal d = new BigDecimal(v).subtract(mean);
      ss = ss.add(d.multiply(d));
    }
    double variance = ss.divide(BigDecimal.valueOf(n - 1), MathContext.DECIMAL128).doubleValue();
    // each deviation is rounded to a multiple of 2^g <= 2^-32 x reference: the stated bound
    double grid = Math.scalb(1.0, m.grid(0));
    assertThat(grid).isLessThanOrEqualTo(reference * 0x1.0p-32).isGreaterThan(reference * 0x1.0p-33);
    assertThat(m.mean(0, shift)).isCloseTo(mean.doubleValue(), within(grid / 2));
    // variance: deviations of ~1e3 carry an error of at most grid/2 ~ 1e-1 / 2^... relative 1e-7 here
    assertThat(m.variance(0)).isCloseTo(variance, within(variance * 1e-6));
    assertThat(m.count()).isEqualTo(n);
  }

  @Test
  void outliersBeyondTheGridAreSummedExactly() {
    MomentBank m = new MomentBank(new double[] {1.0});
    double[] xs = {1e30, -1e30, 3.0, 1e-20, -7e25};
    BigDecimal exact = BigDecimal.ZERO;
    for (double v : xs) {
      add(m, v, 0);
    }
    // 3.0 is on the grid; 1e-20 rounds to 0; the others are outliers, summed exactly
    assertThat(m.mean(0, 0)).isEqualTo((3.0 - 7e25) / 5);
    assertThat(exact).isZero();
  }

  @Test
  void constantValuesHaveZeroVarianceAndTheirExactMean() {
    MomentBank m = new MomentBank(new double[] {0.1});
    for (int i = 0; i < 10; i++) {
      add(m, 0.1, 0.1);
    }
    assertThat(m.variance(0)).isZero();
    assertThat(m.mean(0, 0.1)).isEqualTo(0.1);
  }

  @Test
  void mergingInAnyOrderGivesTheSameBits() throws Exception {
    Random rnd = new Random(9);
    double[] v = new double[3000];
    for (int i = 0; i < v.length; i++) {
      v[i] = rnd.nextGaussian() * 1e8 + (i % 100 == 0 ? 1e20 : 0);
    }
    MomentBank one = new MomentBank(new double[] {1e8});
    for (double x : v) {
      add(one, x, 0);
    }
    MomentBank a = new MomentBank(new double[] {1e8});
    MomentBank b = new MomentBank(new double[] {1e8});
    for (int i = v.length - 1; i >= 0; i--) {
      add(i % 3 == 0 ? a : b, v[i], 0);
    }
    b.mergeFrom(a);
    java.io.ByteArrayOutputStream x1 = new java.io.ByteArrayOutputStream();
    java.io.ByteArrayOutputStream x2 = new java.io.ByteArrayOutputStream();
    one.write(new java.io.DataOutputStream(x1));
    b.write(new java.io.DataOutputStream(x2));
    assertThat(x2.toByteArray()).isEqualTo(x1.toByteArray());
    assertThat(b.mean(0, 0)).isEqualTo(one.mean(0, 0));
    assertThat(b.variance(0)).isEqualTo(one.variance(0));
  }

  @Test
  void aColumnGivesTheSameBitsAsItsValuesOneByOne() throws Exception {
    Random rnd = new Random(11);
    double[] v = new double[5000];
    for (int i = 0; i < v.length; i++) {
      // near the largest grid-path deviation (2^40 steps = 128 reference magnitudes), both signs, and outliers
      v[i] = i % 7 == 0 ? (rnd.nextDouble() - 0.5) * 2 * 127.9e8 : i % 101 == 0 ? -3e20 : rnd.nextGaussian() * 1e8;
    }
    double shift = 2.5e7;
    MomentBank one = new MomentBank(new double[] {1e8});
    for (double x : v) {
      add(one, x, shift);
    }
    MomentBank column = new MomentBank(new double[] {1e8});
    for (int from = 0; from < v.length; from += 1000) {
      column.addColumn(0, v, from, Math.min(1000, v.length - from), shift);
    }
    column.countTrials(v.length);
    java.io.ByteArrayOutputStream x1 = new java.io.ByteArrayOutputStream();
    java.io.ByteArrayOutputStream x2 = new java.io.ByteArrayOutputStream();
    one.write(new java.io.DataOutputStream(x1));
    column.write(new java.io.DataOutputStream(x2));
    assertThat(x2.toByteArray()).isEqualTo(x1.toByteArray());
    assertThat(column.variance(0)).isEqualTo(one.variance(0));
  }

  @Test
  void wilsonIntervalMatchesTheTextbookFormula() {
    // 30 hits in 100: centre (0.3 + z^2/200) / (1 + z^2/100), half z sqrt(0.0021 + z^2/40000) / (1 + z^2/100)
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
