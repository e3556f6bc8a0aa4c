package org.tariffcast.simulation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.tariffcast.model.result.KpiKey;
import org.tariffcast.model.result.KpiStatistics;
import org.tariffcast.model.result.KpiValue;
import org.tariffcast.model.result.RunResult;
import org.tariffcast.model.result.Statistics;
import org.tariffcast.model.run.SamplingMethod;
import org.tariffcast.model.run.SolverKind;
import org.tariffcast.model.scenario.Scenario;
import org.tariffcast.simulation.fixtures.Results;
import org.tariffcast.simulation.fixtures.Studies;

/**
 * With every parameter fixed, no demand volatility and smooth deliveries, every trial of every
 * scenario and of the baseline equals the central case exactly: each KPI's minimum and maximum
 * are the central value and its standard deviation is zero. The outlook takes, trial by trial,
 * one of the scenarios' central values.
 */
class ZeroUncertaintyTest {
  @ParameterizedTest
  @EnumSource(SolverKind.class)
  void everyTrialEqualsTheCentralCase(SolverKind solver) {
    ProjectionEngine engine = ProjectionEngine.of(Studies.vietnamCertain(200, SamplingMethod.RANDOM, solver));
    assertThat(engine.config().uncertainParameters()).isEmpty();
    RunResult r = Results.run(engine, 200);
    List<String> scenarios = engine.config().scenarios().stream().map(Scenario::name).toList();
    for (KpiStatistics k : r.kpis()) {
      double central = centralValue(engine, k.key());
      Statistics s = k.stats();
      if (k.key().scenario().equals(Scenario.OUTLOOK)) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (String sc : scenarios) {
          double v = centralValue(engine, k.key().forScenario(sc));
          lo = Math.min(lo, v);
          hi = Math.max(hi, v);
        }
        assertThat(s.min()).as(k.key().toString()).isGreaterThanOrEqualTo(lo);
        assertThat(s.max()).as(k.key().toString()).isLessThanOrEqualTo(hi);
        continue;
      }
      assertThat(s.min()).as(k.key().toString()).isEqualTo(central);
      assertThat(s.max()).as(k.key().toString()).isEqualTo(central);
      assertThat(s.sd()).as(k.key().toString()).isZero();
      assertThat(s.mean()).as(k.key().toString()).isEqualTo(central);
      assertThat(s.percentiles().p50()).as(k.key().toString()).isEqualTo(central);
    }
  }

  static double centralValue(ProjectionEngine engine, KpiKey key) {
    return engine.centralCase().kpis().stream().filter(v -> v.key().equals(key)).mapToDouble(KpiValue::value)
        .findFirst().orElseThrow();
  }
}
