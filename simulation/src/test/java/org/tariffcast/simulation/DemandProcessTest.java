package org.tariffcast.simulation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.tariffcast.model.dynamics.DemandProcess;
import org.tariffcast.model.result.Metric;
import org.tariffcast.model.result.RunResult;
import org.tariffcast.model.result.Statistics;
import org.tariffcast.model.run.RunSettings;
import org.tariffcast.model.run.SamplingMethod;
import org.tariffcast.model.run.SolverKind;
import org.tariffcast.model.scenario.Scenario;
import org.tariffcast.simulation.fixtures.Results;
import org.tariffcast.simulation.fixtures.StudyBuilder;

/**
 * Demand as a log random walk: after n quarterly steps the level is
 * {@code D = exp(sum of n N(mu, sigma^2))}, a lognormal with mean {@code exp(n mu + n sigma^2 / 2)}
 * and variance {@code exp(2 n mu + n sigma^2)(exp(n sigma^2) - 1)}. Imports of 400 a year, i.e.
 * 100 a quarter, follow 100 D. Tolerances are 4.5 standard errors of the sample mean and of the
 * sample variance (from the lognormal's fourth central moment), for several seeds.
 */
class DemandProcessTest {
  static final double MU = 0.01;
  static final double SIGMA = 0.05;

  static StudyBuilder study(long trials, long seed, double loading) {
    return new StudyBuilder("demand", List.of("US", "VN"), List.of("A", "B"), "US", "VN")
        .flow("A", "VN", "US", 400).flow("B", "VN", "US", 400).flow("A", "US", "VN", 40).flow("B", "US", "VN", 40)
        .demand("A", "US", DemandProcess.of(MU, SIGMA, loading))
        .demand("B", "US", DemandProcess.of(MU, SIGMA, loading))
        .run(RunSettings.of(trials, seed, SamplingMethod.RANDOM, SolverKind.CES))
        .scenario(Scenario.of("none", 1, "", List.of()));
  }

  /** E[(100 D)^k] for D lognormal with log-mean m and log-variance v. */
  static double raw(int k, double m, double v) {
    return Math.pow(100, k) * Math.exp(k * m + k * k * v / 2);
  }

  @ParameterizedTest
  @ValueSource(longs = {11, 12, 13})
  void meanAndVarianceMatchTheLognormalFormulas(long seed) {
    long n = 20_000;
    RunResult r = Results.run(ProjectionEngine.of(study(n, seed, 0.5).build()), n);
    for (int t : new int[] {0, 3, 7}) {
      int steps = t + 1; // the horizon starts the quarter after the base year
      double m = steps * MU;
      double v = steps * SIGMA * SIGMA;
      double mean = raw(1, m, v);
      double variance = raw(2, m, v) - mean * mean;
      assertThat(variance).isCloseTo(100 * 100 * Math.exp(2 * m + v) * (Math.exp(v) - 1), within(1e-9));
      double mu4 = raw(4, m, v) - 4 * raw(3, m, v) * mean + 6 * raw(2, m, v) * mean * mean - 3 * Math.pow(mean, 4);
      Statistics s = Results.series(r, "Baseline", Metric.IMPORTS_FROM_PARTNER, "A", t);
      assertThat(s.count()).isEqualTo(n);
      assertThat(s.mean()).as("mean at quarter " + t).isCloseTo(mean, within(4.5 * Math.sqrt(variance / n)));
      assertThat(s.sd() * s.sd()).as("variance at quarter " + t)
          .isCloseTo(variance, within(4.5 * Math.sqrt((mu4 - variance * variance) / n)));
      assertThat(s.standardError()).isCloseTo(s.sd() / Math.sqrt(n), within(1e-12));
    }
  }

  @ParameterizedTest
  @ValueSource(longs = {1, 2})
  void aFullLoadingOnTheCommonFactorMovesSectorsTogether(long seed) {
    RunResult r = Results.run(ProjectionEngine.of(study(300, seed, 1.0).build()), 300);
    for (int t = 0; t < 8; t++) {
      assertThat(Results.series(r, "Baseline", Metric.IMPORTS_FROM_PARTNER, "B", t))
          .isEqualTo(Results.series(r, "Baseline", Metric.IMPORTS_FROM_PARTNER, "A", t));
    }
  }
}
