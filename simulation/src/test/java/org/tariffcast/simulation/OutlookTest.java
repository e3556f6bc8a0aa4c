package org.tariffcast.simulation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.tariffcast.model.result.Measure;
import org.tariffcast.model.result.Metric;
import org.tariffcast.model.result.RunResult;
import org.tariffcast.model.result.Statistics;
import org.tariffcast.model.result.Window;
import org.tariffcast.model.run.SamplingMethod;
import org.tariffcast.model.run.SolverKind;
import org.tariffcast.model.scenario.Scenario;
import org.tariffcast.simulation.fixtures.Results;
import org.tariffcast.simulation.fixtures.Studies;

/**
 * The outlook is the probability mixture of the scenarios: each trial takes one scenario with
 * its probability (from the trial's own stream), so the scenarios' shares of trials are binomial
 * and the outlook's mean estimates the probability-weighted mean of the scenarios.
 */
class OutlookTest {
  @ParameterizedTest
  @ValueSource(longs = {21, 22})
  void theOutlookSamplesTheMixtureOfTheScenarios(long seed) {
    long n = 3000;
    ProjectionEngine e = ProjectionEngine.of(Studies.vietnam(n, seed, SamplingMethod.RANDOM, SolverKind.LINEAR));
    PartialResult all = e.simulate(0, n, 2, TrialProgress.NONE);
    long[] counts = all.outlookCounts();
    List<Scenario> scenarios = e.config().scenarios();
    for (int s = 0; s < scenarios.size(); s++) {
      double p = scenarios.get(s).probability();
      assertThat((double) counts[s]).isCloseTo(n * p, within(4.5 * Math.sqrt(n * p * (1 - p))));
    }
    RunResult r = Results.finish(e, all);
    Statistics outlook = Results.kpi(r, "Outlook", Metric.IMPORTS_FROM_PARTNER, "total", Window.FINAL_YEAR,
        Measure.CHANGE_VS_BASELINE);
    double weighted = 0;
    double chosen = 0;
    for (int s = 0; s < scenarios.size(); s++) {
      Statistics st = Results.kpi(r, scenarios.get(s).name(), Metric.IMPORTS_FROM_PARTNER, "total",
          Window.FINAL_YEAR, Measure.CHANGE_VS_BASELINE);
      weighted += scenarios.get(s).probability() * st.mean();
      chosen += (double) counts[s] / n * st.mean();
    }
    assertThat(outlook.mean()).isCloseTo(weighted, within(4.5 * outlook.standardError()));
    assertThat(outlook.mean()).isCloseTo(chosen, within(4.5 * outlook.standardError()));
    // a mixture spans its components
    double lo = Double.POSITIVE_INFINITY;
    double hi = Double.NEGATIVE_INFINITY;
    for (Scenario sc : scenarios) {
      Statistics st = Results.kpi(r, sc.name(), Metric.IMPORTS_FROM_PARTNER, "total", Window.FINAL_YEAR,
          Measure.CHANGE_VS_BASELINE);
      lo = Math.min(lo, st.min());
      hi = Math.max(hi, st.max());
    }
    assertThat(outlook.min()).isGreaterThanOrEqualTo(lo);
    assertThat(outlook.max()).isLessThanOrEqualTo(hi);
  }
}
