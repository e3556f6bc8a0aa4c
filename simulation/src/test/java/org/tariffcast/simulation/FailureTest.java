package org.tariffcast.simulation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.tariffcast.simulation.fixtures.StudyBuilder.fixed;
import static org.tariffcast.simulation.fixtures.StudyBuilder.quarter;
import static org.tariffcast.simulation.fixtures.StudyBuilder.regime;
import static org.tariffcast.simulation.fixtures.StudyBuilder.rule;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.tariffcast.model.distribution.Discrete;
import org.tariffcast.model.distribution.Parameter;
import org.tariffcast.model.run.RunSettings;
import org.tariffcast.model.run.SamplingMethod;
import org.tariffcast.model.run.SolverKind;
import org.tariffcast.model.scenario.Scenario;
import org.tariffcast.model.scenario.WedgeComponent;
import org.tariffcast.simulation.fixtures.SmallStudies;
import org.tariffcast.simulation.fixtures.StudyBuilder;

/** A failing equilibrium is an error naming sector, scenario, regime and trial: never a silent NaN. */
class FailureTest {
  /**
   * A 50 % subsidy on Vietnamese goods, whose price cannot adjust (infinite supply elasticity),
   * with an absurd substitution elasticity of 10^6: 0.5^(-10^6) overflows and the new flow is not a
   * number.
   */
  static StudyBuilder study(Parameter substitution) {
    return SmallStudies.smart(200, 3)
        .elasticities("ELEC", "US", fixed("em.US", -1.5), substitution, fixed("ex.US", 2))
        .elasticities("ELEC", "VN", -1.5, 4, Double.POSITIVE_INFINITY)
        .run(RunSettings.of(200, 3, SamplingMethod.RANDOM, SolverKind.CES))
        .scenario(Scenario.of("subsidy", 1, "", List.of(regime("cut", quarter("d", 2025, 2),
            List.of(rule(List.of("US"), List.of("VN"), List.of("ELEC"), WedgeComponent.AD_VALOREM,
                fixed("subsidy", -0.5)))))));
  }

  @Test
  void theFailureOfTheSmallestTrialIsReportedWithItsLocationWhateverTheThreads() {
    Parameter es = Parameter.of("es.US", Discrete.of(new double[] {5, 1e6}, new double[] {0.9, 0.1}));
    ProjectionEngine e = ProjectionEngine.of(study(es).build());
    EquilibriumException one = (EquilibriumException) catchFailure(e, 1);
    EquilibriumException two = (EquilibriumException) catchFailure(e, 2);
    assertThat(one.getMessage()).contains("sector ELEC", "scenario 'subsidy'", "regime 'cut'", "trial " + one.trial());
    assertThat(one.trial()).isBetween(0L, 199L);
    assertThat(two.trial()).isEqualTo(one.trial());
    assertThat(two.getMessage()).isEqualTo(one.getMessage());
  }

  static RuntimeException catchFailure(ProjectionEngine e, int threads) {
    try {
      e.simulate(0, 200, threads, TrialProgress.NONE);
    } catch (RuntimeException ex) {
      return ex;
    }
    throw new AssertionError("expected a failure");
  }

  @Test
  void aFailingCentralCaseStopsTheEngineBeforeAnyTrial() {
    assertThatThrownBy(() -> ProjectionEngine.of(study(fixed("es.US", 1e6)).build()))
        .isInstanceOf(EquilibriumException.class)
        .hasMessageContaining("central case").hasMessageContaining("scenario 'subsidy'");
  }
}
