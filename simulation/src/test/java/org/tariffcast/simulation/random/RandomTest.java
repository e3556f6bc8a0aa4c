package org.tariffcast.simulation.random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import org.apache.commons.math3.distribution.NormalDistribution;
import org.apache.commons.rng.UniformRandomProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RandomTest {
  @Test
  void aTrialsStreamDependsOnSeedTrialAndPurposeOnly() {
    long[] a = draw(TrialStreams.of(42, 1234, TrialStreams.Purpose.SHOCKS), 10);
    assertThat(draw(TrialStreams.of(42, 1234, TrialStreams.Purpose.SHOCKS), 10)).containsExactly(a);
    assertThat(draw(TrialStreams.of(42, 1235, TrialStreams.Purpose.SHOCKS), 10)).doesNotContain(a[0]);
    assertThat(draw(TrialStreams.of(43, 1234, TrialStreams.Purpose.SHOCKS), 10)).doesNotContain(a[0]);
    assertThat(draw(TrialStreams.of(42, 1234, TrialStreams.Purpose.PARAMETERS), 10)).doesNotContain(a[0]);
  }

  static long[] draw(UniformRandomProvider r, int n) {
    long[] v = new long[n];
    for (int i = 0; i < n; i++) {
      v[i] = r.nextLong();
    }
    return v;
  }

  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3})
  void zigguratDeviatesAreStandardNormal(long seed) {
    int n = 200_000;
    ZigguratGaussian g = ZigguratGaussian.of(TrialStreams.of(seed, 0, TrialStreams.Purpose.SHOCKS));
    double[] x = new double[n];
    double sum = 0;
    for (int i = 0; i < n; i++) {
      x[i] = g.sample();
      sum += x[i];
    }
    double mean = sum / n;
    double m2 = 0;
    double m4 = 0;
    for (double v : x) {
      m2 += (v - mean) * (v - mean);
      m4 += Math.pow(v - mean, 4);
    }
    m2 /= n;
    m4 /= n;
    // standard errors: mean 1/sqrt(n), variance sqrt(2/n), fourth moment sqrt(96/n)
    assertThat(mean).isCloseTo(0, within(4.5 / Math.sqrt(n)));
    assertThat(m2).isCloseTo(1, within(4.5 * Math.sqrt(2.0 / n)));
    assertThat(m4).isCloseTo(3, within(4.5 * Math.sqrt(96.0 / n)));
    // Kolmogorov-Smirnov against the normal CDF: the 0.1 % critical value is 1.95 / sqrt(n)
    Arrays.sort(x);
    NormalDistribution normal = new NormalDistribution(null, 0, 1);
    double d = 0;
    for (int i = 0; i < n; i++) {
      double f = normal.cumulativeProbability(x[i]);
      d = Math.max(d, Math.max(f - (double) i / n, (double) (i + 1) / n - f));
    }
    assertThat(d).isLessThan(1.95 / Math.sqrt(n));
  }

  @Test
  void poissonQuantileIsTheSmallestCountWhoseCdfReachesTheProbability() {
    // mean 2: P(0) = e^-2 = 0.1353, P(<=1) = 3 e^-2 = 0.4060, P(<=2) = 5 e^-2 = 0.6767
    assertThat(PoissonQuantile.of(0.10, 2)).isZero();
    assertThat(PoissonQuantile.of(0.14, 2)).isEqualTo(1);
    assertThat(PoissonQuantile.of(0.40, 2)).isEqualTo(1);
    assertThat(PoissonQuantile.of(0.41, 2)).isEqualTo(2);
    assertThat(PoissonQuantile.of(0.5, 0)).isZero();
    // more deliveries for a larger mean at the same uniform (common random numbers)
    for (double u = 0.01; u < 1; u += 0.01) {
      assertThat(PoissonQuantile.of(u, 3.1)).isGreaterThanOrEqualTo(PoissonQuantile.of(u, 3.0));
    }
  }
}
