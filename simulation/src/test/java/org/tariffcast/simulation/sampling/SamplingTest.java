package org.tariffcast.simulation.sampling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.tariffcast.model.distribution.Discrete;
import org.tariffcast.model.distribution.LogNormal;
import org.tariffcast.model.distribution.Parameter;
import org.tariffcast.model.distribution.RankCorrelation;
import org.tariffcast.model.distribution.Triangular;
import org.tariffcast.model.distribution.Uniform;
import org.tariffcast.model.run.SamplingMethod;
import org.tariffcast.simulation.sensitivity.SpearmanCorrelation;

class SamplingTest {
  static List<Parameter> uniforms(int d) {
    List<Parameter> p = new ArrayList<>();
    for (int j = 0; j < d; j++) {
      p.add(Parameter.of("u" + j, Uniform.of(0, 1)));
    }
    return p;
  }

  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3, 7, 64, 65, 1000, 4097})
  void aKeyedPermutationHitsEveryIndexOnce(long size) {
    for (long key : new long[] {0, 42, -9}) {
      KeyedPermutation p = KeyedPermutation.of(size, key);
      boolean[] seen = new boolean[(int) size];
      for (long i = 0; i < size; i++) {
        long j = p.apply(i);
        assertThat(seen[(int) j]).isFalse();
        seen[(int) j] = true;
      }
    }
  }

  @Test
  void latinHypercubeHitsEveryStratumOfEveryDimensionExactlyOnce() {
    int n = 1000;
    int d = 6;
    ParameterDraws draws = ParameterDraws.of(uniforms(d), List.of(), SamplingMethod.LHS, 77, n);
    ParameterDraws.Worker w = draws.worker();
    int[][] hits = new int[d][n];
    double[] u = new double[d];
    for (int i = n - 1; i >= 0; i--) { // any order: a trial's stratum depends on (seed, i, n) only
      w.unitPoint(i, u);
      for (int j = 0; j < d; j++) {
        hits[j][(int) Math.floor(u[j] * n)]++;
      }
    }
    for (int j = 0; j < d; j++) {
      for (int k = 0; k < n; k++) {
        assertThat(hits[j][k]).as("dimension " + j + " stratum " + k).isEqualTo(1);
      }
    }
    assertThatThrownBy(() -> w.unitPoint(n, u)).isInstanceOf(IllegalArgumentException.class);
  }

  /** Warnock's formula for the squared L2-star discrepancy of points in [0,1)^d. */
  static double l2StarDiscrepancySquared(double[][] x) {
    int n = x.length;
    int d = x[0].length;
    double a = Math.pow(3, -d);
    double b = 0;
    for (double[] p : x) {
      double prod = 1;
      for (double v : p) {
        prod *= (1 - v * v) / 2;
      }
      b += prod;
    }
    double c = 0;
    for (int i = 0; i < n; i++) {
      for (int k = 0; k < n; k++) {
        double prod = 1;
        for (int j = 0; j < d; j++) {
          prod *= 1 - Math.max(x[i][j], x[k][j]);
        }
        c += prod;
      }
    }
    return a - 2.0 / n * b + c / ((double) n * n);
  }

  static double[][] points(SamplingMethod m, long seed, int n, int d) {
    ParameterDraws.Worker w = ParameterDraws.of(uniforms(d), List.of(), m, seed, n).worker();
    double[][] x = new double[n][d];
    for (int i = 0; i < n; i++) {
      w.unitPoint(i, x[i]);
    }
    return x;
  }

  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3, 4, 5})
  void scrambledSobolHasLowerDiscrepancyThanRandomPoints(long seed) {
    int n = 1024;
    int d = 4;
    double sobol = l2StarDiscrepancySquared(points(SamplingMethod.SOBOL, seed, n, d));
    double random = l2StarDiscrepancySquared(points(SamplingMethod.RANDOM, seed, n, d));
    // random points: expected D^2 = (2^-d - 3^-d) / n; a net of 1024 points is far below
    assertThat(random).isBetween(0.2 * (Math.pow(2, -d) - Math.pow(3, -d)) / n, 5 * (Math.pow(2, -d) - Math.pow(3, -d)) / n);
    assertThat(sobol).isLessThan(random / 5);
  }

  @Test
  void sobolPointsDependOnTheTrialIndexOnlyWhetherSteppedOrSkipped() {
    int d = 5;
    ParameterDraws draws = ParameterDraws.of(uniforms(d), List.of(), SamplingMethod.SOBOL, 9, 100);
    ParameterDraws.Worker sequential = draws.worker();
    double[] a = new double[d];
    double[] b = new double[d];
    for (int i = 0; i < 100; i++) {
      sequential.unitPoint(i, a);
      draws.worker().unitPoint(i, b);
      assertThat(a).containsExactly(b);
      for (double v : a) {
        assertThat(v).isStrictlyBetween(0.0, 1.0);
      }
    }
  }

  @ParameterizedTest
  @EnumSource(SamplingMethod.class)
  void rankCorrelationsAreHonouredWithinSamplingError(SamplingMethod method) {
    List<Parameter> params = List.of(
        Parameter.of("a", Uniform.of(2, 5)),
        Parameter.of("b", LogNormal.of(0, 1)),
        Parameter.of("c", Triangular.of(-1, 0, 4)),
        Parameter.of("d", Uniform.of(0, 1)));
    List<RankCorrelation> targets = List.of(RankCorrelation.of("a", "b", 0.6), RankCorrelation.of("b", "c", -0.3));
    int n = 2000;
    for (long seed = 1; seed <= 4; seed++) {
      ParameterDraws.Worker w = ParameterDraws.of(params, targets, method, seed, n).worker();
      double[][] v = new double[4][n];
      double[] x = new double[4];
      for (int i = 0; i < n; i++) {
        w.draw(i, x);
        for (int j = 0; j < 4; j++) {
          v[j][i] = x[j];
        }
      }
      // sampling error of Spearman's rho: about (1 - rho^2) / sqrt(n - 1); allow 4.5 of it (plus a
      // small term for the copula's Spearman-to-Pearson conversion, exact for the Gaussian copula)
      check(v[0], v[1], 0.6, n);
      check(v[1], v[2], -0.3, n);
      check(v[0], v[2], impliedAc(), n);
      check(v[0], v[3], 0, n);
    }
  }

  /** Pairs not listed are independent: the copula's normal correlation of a and c is 0. */
  static double impliedAc() {
    return 0;
  }

  static void check(double[] x, double[] y, double rho, int n) {
    double r = SpearmanCorrelation.of(x, y);
    assertThat(r).isCloseTo(rho, org.assertj.core.api.Assertions.within(4.5 * (1 - rho * rho) / Math.sqrt(n - 1)
        + 0.005));
  }

  @Test
  void inconsistentCorrelationsAreRejectedByName() {
    List<Parameter> params = List.of(Parameter.of("a", Uniform.of(0, 1)), Parameter.of("b", Uniform.of(0, 1)),
        Parameter.of("c", Uniform.of(0, 1)));
    List<RankCorrelation> bad = List.of(RankCorrelation.of("a", "b", 0.99), RankCorrelation.of("b", "c", 0.99),
        RankCorrelation.of("a", "c", -0.99));
    assertThatThrownBy(() -> ParameterDraws.of(params, bad, SamplingMethod.RANDOM, 1, 10))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not positive definite")
        .hasMessageContaining("a").hasMessageContaining("c");
  }

  @Test
  void discreteParametersTakeTheirValuesWithTheirProbabilities() {
    List<Parameter> params = List.of(Parameter.of("q", Discrete.of(new double[] {8100, 8101, 8102},
        new double[] {0.2, 0.5, 0.3})));
    int n = 5000;
    ParameterDraws.Worker w = ParameterDraws.of(params, List.of(), SamplingMethod.LHS, 3, n).worker();
    int[] counts = new int[3];
    double[] x = new double[1];
    for (int i = 0; i < n; i++) {
      w.draw(i, x);
      counts[(int) x[0] - 8100]++;
    }
    // a Latin hypercube gives each value its share up to one stratum per value boundary
    assertThat(counts[0]).isBetween(999, 1001);
    assertThat(counts[1]).isBetween(2499, 2501);
    assertThat(counts[2]).isBetween(1499, 1501);
  }
}
