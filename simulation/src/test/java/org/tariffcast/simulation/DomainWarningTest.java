package org.tariffcast.simulation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tariffcast.simulation.fixtures.StudyBuilder.fixed;
import static org.tariffcast.simulation.fixtures.StudyBuilder.quarter;
import static org.tariffcast.simulation.fixtures.StudyBuilder.regime;
import static org.tariffcast.simulation.fixtures.StudyBuilder.rule;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.tariffcast.model.config.ModelConfig;
import org.tariffcast.model.result.DomainWarning;
import org.tariffcast.model.result.RunResult;
import org.tariffcast.model.run.RunSettings;
import org.tariffcast.model.run.SamplingMethod;
import org.tariffcast.model.run.SolverKind;
import org.tariffcast.model.scenario.Scenario;
import org.tariffcast.model.scenario.WedgeComponent;
import org.tariffcast.model.time.YearQuarter;
import org.tariffcast.simulation.fixtures.Results;
import org.tariffcast.simulation.fixtures.StudyBuilder;

/**
 * A 6-region market hit by a +46-point tariff: the linear model's flows and revenue turn
 * negative and the run says so, by scenario, regime and sector; the CES model stays in range.
 *
 * <p>By hand, with every export supply infinitely elastic (world prices fixed) and no base tariffs:
 * US imports of ELEC are VN 60, CN 130, MX 50, ASEAN 40, ROW 300 (580 in all), so
 * {@code theta_VN = 60/580 = 0.10345}; with Em = -1.25 and Es = 8 the own-price elasticity is
 * {@code 0.10345 x -1.25 - 0.89655 x 8 = -7.3017} and a 46-point tariff changes VN->US by
 * {@code -7.3017 x 0.46 = -3.359}: the new flow is {@code 60 x (1 - 3.359) = -141.5}, and the
 * US's tariff revenue on ELEC {@code -141.5 x 0.46 = -65.1} (every other rate is 0). In AGR
 * (VN 10 of 400, Es = 1.5) the own-price elasticity is {@code 0.025 x -1.25 - 0.975 x 1.5 = -1.4938}
 * and the flow falls by 68.7 %: within range.
 */
class DomainWarningTest {
  static final List<String> REGIONS = List.of("US", "VN", "CN", "MX", "ASEAN", "ROW");
  static final long TRIALS = 40;

  static ModelConfig study(SolverKind solver) {
    double inf = Double.POSITIVE_INFINITY;
    StudyBuilder b = new StudyBuilder("six", REGIONS, List.of("ELEC", "AGR"), "US", "VN")
        .horizon(YearQuarter.of(2025, 1), 8)
        .allElasticities(-1.25, 8, inf)
        .elasticities("AGR", "US", -1.25, 1.5, inf)
        .flow("ELEC", "VN", "US", 60).flow("ELEC", "CN", "US", 130).flow("ELEC", "MX", "US", 50)
        .flow("ELEC", "ASEAN", "US", 40).flow("ELEC", "ROW", "US", 300)
        .flow("ELEC", "US", "VN", 5).flow("ELEC", "CN", "VN", 40).flow("ELEC", "US", "ROW", 80)
        .flow("AGR", "VN", "US", 10).flow("AGR", "ROW", "US", 390).flow("AGR", "US", "VN", 4)
        .flow("AGR", "US", "ROW", 60)
        .halfLife(fixed("half_life", 2))
        .run(RunSettings.of(TRIALS, 11, SamplingMethod.RANDOM, solver));
    b.scenario(Scenario.of("No deal 46%", 1, "46 % on Vietnam", List.of(
        regime("pause", quarter("pause_date", 2025, 2), List.of(rule(List.of("US"), List.of("VN"),
            List.of("ELEC", "AGR"), WedgeComponent.SURCHARGE, fixed("pause", 0.10)))),
        regime("reciprocal 46%", quarter("reciprocal_date", 2025, 3), List.of(rule(List.of("US"), List.of("VN"),
            List.of("ELEC", "AGR"), WedgeComponent.SURCHARGE, fixed("reciprocal", 0.46)))))));
    return b.build();
  }

  @Test
  void theLinearModelsNegativeFlowsAndRevenueAreRecordedByScenarioRegimeAndSector() {
    ProjectionEngine engine = ProjectionEngine.of(study(SolverKind.LINEAR));
    // the central case shows the hand-computed flow
    var table = engine.centralCase().tables().stream()
        .filter(t -> t.regime().equals("reciprocal 46%") && t.sector().equals("ELEC")).findFirst().orElseThrow();
    assertThat(table.flowsAfter().get("VN").get("US")).isCloseTo(60 * (1 - 7.3017 * 0.46), org.assertj.core.data.Offset.offset(0.1));

    // two partitions merged in either grouping give the same counts, also through the byte form
    PartialResult a = engine.simulate(0, 15, 1, TrialProgress.NONE);
    PartialResult b = engine.simulate(15, TRIALS, 2, TrialProgress.NONE);
    PartialResult all = PartialResult.fromBytes(a.toBytes()).merge(PartialResult.fromBytes(b.toBytes()));
    RunResult r = Results.finish(engine, all);
    assertThat(r.domainWarnings()).containsExactly(
        DomainWarning.of(DomainWarning.Kind.NEGATIVE_FLOW, "No deal 46%", "reciprocal 46%", "ELEC", TRIALS, TRIALS),
        DomainWarning.of(DomainWarning.Kind.NEGATIVE_REVENUE, "No deal 46%", "reciprocal 46%", "ELEC", TRIALS, TRIALS));
    assertThat(Results.finish(engine, engine.simulate(0, TRIALS, 2, TrialProgress.NONE)).domainWarnings())
        .isEqualTo(r.domainWarnings());
    assertThat(r.domainWarnings().get(0).message()).contains("No deal 46%", "reciprocal 46%", "ELEC", "40 of 40",
        "use `ces`");
  }

  @Test
  void theCesModelStaysInRange() {
    ProjectionEngine engine = ProjectionEngine.of(study(SolverKind.CES));
    RunResult r = Results.run(engine, TRIALS);
    assertThat(r.domainWarnings()).isEmpty();
    var table = engine.centralCase().tables().stream()
        .filter(t -> t.regime().equals("reciprocal 46%") && t.sector().equals("ELEC")).findFirst().orElseThrow();
    assertThat(table.flowsAfter().get("VN").get("US")).isPositive();
  }
}
