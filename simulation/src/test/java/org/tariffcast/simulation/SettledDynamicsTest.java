package org.tariffcast.simulation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.tariffcast.model.config.ModelConfig;
import org.tariffcast.model.result.EquilibriumTable;
import org.tariffcast.model.result.KpiKey;
import org.tariffcast.model.result.KpiStatistics;
import org.tariffcast.model.result.Measure;
import org.tariffcast.model.result.Metric;
import org.tariffcast.model.result.RunResult;
import org.tariffcast.model.result.Window;
import org.tariffcast.model.run.SamplingMethod;
import org.tariffcast.model.run.SolverKind;
import org.tariffcast.model.scenario.Scenario;
import org.tariffcast.simulation.fixtures.Results;
import org.tariffcast.simulation.fixtures.StudyBuilder;
import org.tariffcast.simulation.fixtures.Studies;

/**
 * Trials against the comparative statics, across several scenarios and sectors: with no
 * uncertainty and an adjustment half-life of 0.01 quarters, each sector's final-year imports
 * from the partner stand, against the baseline, exactly where the last regime's equilibrium
 * table (solved on its own, sector by sector) puts them. Demand, capacity trends and
 * front-loading scale scenario and baseline alike, so only the equilibrium ratio remains.
 * This is the check that catches a kernel solving one sector's wedges on another sector's
 * market from the second scenario on (the central-case KPIs come from the kernel too, so
 * comparing trials with them alone cannot).
 */
class SettledDynamicsTest {
  @ParameterizedTest
  @EnumSource(SolverKind.class)
  void finalYearImportsEqualTheLastRegimesEquilibrium(SolverKind solver) {
    StudyBuilder b = Studies.vietnamBuilder(40, 5, SamplingMethod.RANDOM, solver, true,
        Studies.CommitmentMode.NONE);
    b.halfLife(StudyBuilder.fixed("half_life", 0.01));
    ModelConfig config = b.build();
    ProjectionEngine engine = ProjectionEngine.of(config);
    RunResult result = Results.run(engine, 40);

    int checked = 0;
    for (Scenario sc : config.scenarios()) {
      String last = sc.regimes().get(sc.regimes().size() - 1).name();
      for (EquilibriumTable t : engine.centralCase().tables()) {
        if (!t.scenario().equals(sc.name()) || !t.regime().equals(last)) {
          continue;
        }
        double statics = t.flowsAfter().get("VN").get("US") / t.flowsBefore().get("VN").get("US") - 1;
        KpiKey key = KpiKey.of(sc.name(), Metric.IMPORTS_FROM_PARTNER, t.sector(), Window.FINAL_YEAR,
            Measure.PCT_CHANGE_VS_BASELINE);
        KpiStatistics k = result.kpis().stream().filter(x -> x.key().equals(key)).findFirst().orElseThrow();
        assertThat(k.stats().min()).as(key.toString()).isCloseTo(statics, within(1e-9));
        assertThat(k.stats().max()).as(key.toString()).isCloseTo(statics, within(1e-9));
        checked++;
      }
    }
    assertThat(checked).isEqualTo(config.scenarios().size() * config.sectors().size());
  }
}
