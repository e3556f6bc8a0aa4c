package org.tariffcast.simulation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tariffcast.simulation.fixtures.StudyBuilder.fixed;
import static org.tariffcast.simulation.fixtures.StudyBuilder.regime;
import static org.tariffcast.simulation.fixtures.StudyBuilder.rule;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.tariffcast.model.distribution.Parameter;
import org.tariffcast.model.distribution.Triangular;
import org.tariffcast.model.result.KpiStatistics;
import org.tariffcast.model.result.Measure;
import org.tariffcast.model.result.RunResult;
import org.tariffcast.model.result.SeriesStatistics;
import org.tariffcast.model.run.SolverKind;
import org.tariffcast.model.run.SamplingMethod;
import org.tariffcast.model.scenario.Scenario;
import org.tariffcast.model.scenario.TariffRule;
import org.tariffcast.model.scenario.WedgeComponent;
import org.tariffcast.model.time.YearQuarter;
import org.tariffcast.simulation.fixtures.Results;
import org.tariffcast.simulation.fixtures.Studies;
import org.tariffcast.simulation.fixtures.StudyBuilder;

/**
 * A scenario whose regime sets every wedge back to its base-year value, at an uncertain date,
 * under uncertain elasticities, demand shocks and other scenarios: its difference from the
 * baseline is exactly zero in every trial (minimum and maximum of every change KPI are 0), and
 * its series have exactly the baseline's statistics.
 */
class IdenticalScenarioTest {
  @ParameterizedTest
  @EnumSource(SolverKind.class)
  void scenarioMinusBaselineIsExactlyZeroInEveryTrial(SolverKind solver) {
    StudyBuilder b = Studies.vietnamBuilder(300, 9, SamplingMethod.LHS, solver, false);
    double[] usOnVn = {0.02, 0.15, 0.01, 0.03, 0.02};
    double[] vnOnUs = {0.05, 0.12, 0.20, 0.10, 0.03};
    List<TariffRule> rules = new ArrayList<>();
    for (int s = 0; s < Studies.VN_SECTORS.size(); s++) {
      String sec = Studies.VN_SECTORS.get(s);
      rules.add(rule(List.of("US"), List.of("VN"), List.of(sec), WedgeComponent.AD_VALOREM,
          fixed("restated.us." + sec, usOnVn[s])));
      rules.add(rule(List.of("VN"), List.of("US"), List.of(sec), WedgeComponent.AD_VALOREM,
          fixed("restated.vn." + sec, vnOnUs[s])));
    }
    double start = YearQuarter.of(2025, 2).ordinal();
    b.scenario(Scenario.of("Status quo restated", 0, "every wedge set to its base-year value", List.of(
        regime("restated", Parameter.of("restated_date", Triangular.of(start, start + 1, start + 6)), rules))));
    ProjectionEngine engine = ProjectionEngine.of(b.build());
    RunResult r = Results.run(engine, 300);
    int checked = 0;
    for (KpiStatistics k : r.kpis()) {
      if (!k.key().scenario().equals("Status quo restated")) {
        continue;
      }
      if (k.key().measure() == Measure.CHANGE_VS_BASELINE || k.key().measure() == Measure.PCT_CHANGE_VS_BASELINE) {
        assertThat(k.stats().min()).as(k.key().toString()).isZero();
        assertThat(k.stats().max()).as(k.key().toString()).isZero();
        checked++;
      }
    }
    assertThat(checked).isGreaterThan(50);
    for (SeriesStatistics s : r.series()) {
      if (s.key().scenario().equals("Status quo restated")) {
        SeriesStatistics base = r.series().stream().filter(x -> x.key().equals(
            org.tariffcast.model.result.SeriesKey.of(Scenario.BASELINE, s.key().metric(), s.key().breakdown(),
                s.key().quarter()))).findFirst().orElseThrow();
        assertThat(s.stats()).as(s.key().toString()).isEqualTo(base.stats());
      }
    }
  }
}
