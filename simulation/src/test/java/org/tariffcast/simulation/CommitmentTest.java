package org.tariffcast.simulation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.tariffcast.simulation.fixtures.StudyBuilder.fixed;
import static org.tariffcast.simulation.fixtures.StudyBuilder.quarter;
import static org.tariffcast.simulation.fixtures.StudyBuilder.regime;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.tariffcast.model.result.Metric;
import org.tariffcast.model.result.RunResult;
import org.tariffcast.model.result.Statistics;
import org.tariffcast.model.run.RunSettings;
import org.tariffcast.model.run.SamplingMethod;
import org.tariffcast.model.run.SolverKind;
import org.tariffcast.model.scenario.PurchaseCommitment;
import org.tariffcast.model.scenario.Scenario;
import org.tariffcast.simulation.fixtures.Results;
import org.tariffcast.simulation.fixtures.Studies;
import org.tariffcast.simulation.fixtures.StudyBuilder;

/** Purchase commitments: fulfilment, linear ramp, lumpy deliveries and displacement of other suppliers. */
class CommitmentTest {
  @ParameterizedTest
  @EnumSource(SamplingMethod.class)
  void aZeroFulfilmentRateAddsNothing(SamplingMethod sampling) {
    ProjectionEngine zero = ProjectionEngine.of(Studies.vietnamBuilder(300, 4, sampling, SolverKind.CES, false,
        Studies.CommitmentMode.ZERO_FULFILMENT).build());
    ProjectionEngine none = ProjectionEngine.of(Studies.vietnamBuilder(300, 4, sampling, SolverKind.CES, false,
        Studies.CommitmentMode.NONE).build());
    RunResult a = Results.run(zero, 300);
    RunResult b = Results.run(none, 300);
    assertThat(a.series()).isEqualTo(b.series());
    assertThat(a.kpis()).isEqualTo(b.kpis());
  }

  /** US sells 100 a year to VN, ROW 300; VN sells 50 to the US, ROW 200; no tariffs, flat demand. */
  static StudyBuilder farm(long trials, PurchaseCommitment c) {
    return new StudyBuilder("farm", List.of("US", "VN", "ROW"), List.of("AGR"), "US", "VN")
        .flow("AGR", "US", "VN", 100).flow("AGR", "ROW", "VN", 300).flow("AGR", "VN", "US", 50)
        .flow("AGR", "ROW", "US", 200).flow("AGR", "VN", "ROW", 20).flow("AGR", "US", "ROW", 30)
        .run(RunSettings.of(trials, 8, SamplingMethod.RANDOM, SolverKind.CES))
        .commitment(c)
        .scenario(Scenario.of("deal", 1, "", List.of(regime("deal", quarter("deal_date", 2025, 2), List.of(), c.name()))));
  }

  @Test
  void aSmoothCommitmentRampsLinearlyToItsFulfilledValue() {
    PurchaseCommitment c = new PurchaseCommitment("farm", "AGR", "US", "VN", 40, fixed("f", 0.75), fixed("ramp", 3),
        fixed("disp", 0.5), null, "test");
    RunResult r = Results.run(ProjectionEngine.of(farm(5, c).build()), 5);
    // from 2025Q2 (period 1): 40 / 4 x 0.75 x min(1, m / 3) in its m-th quarter
    double[] added = {0, 2.5, 5, 7.5, 7.5, 7.5, 7.5, 7.5};
    for (int t = 0; t < 8; t++) {
      double scenario = Results.series(r, "deal", Metric.EXPORTS_TO_PARTNER, "total", t).mean();
      double baseline = Results.series(r, "Baseline", Metric.EXPORTS_TO_PARTNER, "total", t).mean();
      assertThat(baseline).isEqualTo(25.0);
      assertThat(scenario - baseline).as("quarter " + t).isCloseTo(added[t], within(1e-12));
    }
  }

  @Test
  void aDisplacementShareIsTakenFromTheImportersOtherSuppliersProRata() {
    // the US commits to buy 80 a year from VN, immediately; half displaces the US's other supplier, ROW
    PurchaseCommitment c = new PurchaseCommitment("textiles", "AGR", "VN", "US", 80, fixed("f", 1), fixed("ramp", 0),
        fixed("disp", 0.5), null, "test");
    RunResult r = Results.run(ProjectionEngine.of(farm(5, c).build()), 5);
    for (int t = 1; t < 8; t++) {
      assertThat(Results.series(r, "deal", Metric.IMPORTS_FROM_PARTNER, "total", t).mean())
          .isCloseTo(12.5 + 20, within(1e-12));
      assertThat(Results.series(r, "deal", Metric.HOME_IMPORTS_BY_SOURCE, "ROW", t).mean())
          .isCloseTo(50 - 0.5 * 20, within(1e-12));
    }
  }

  @Test
  void lumpyDeliveriesArePoissonCountsWithTheSmoothMean() {
    // full ramp 10 a quarter, in units of 2.5: 4 deliveries expected, variance 2.5^2 x 4 = 25
    PurchaseCommitment c = new PurchaseCommitment("aircraft", "AGR", "US", "VN", 40, fixed("f", 1), fixed("ramp", 0),
        fixed("disp", 0), 2.5, "test");
    long n = 20_000;
    RunResult r = Results.run(ProjectionEngine.of(farm(n, c).build()), n);
    double lambda = 4;
    double mean = 2.5 * lambda;
    double variance = 2.5 * 2.5 * lambda;
    double mu4 = Math.pow(2.5, 4) * lambda * (1 + 3 * lambda); // Poisson fourth central moment
    for (int t = 1; t < 8; t++) {
      Statistics s = Results.series(r, "deal", Metric.EXPORTS_TO_PARTNER, "total", t);
      assertThat(s.mean() - 25).isCloseTo(mean, within(4.5 * Math.sqrt(variance / n)));
      assertThat(s.sd() * s.sd()).isCloseTo(variance, within(4.5 * Math.sqrt((mu4 - variance * variance) / n)));
      assertThat((s.min() - 25) / 2.5).isEqualTo(Math.rint((s.min() - 25) / 2.5)); // whole deliveries
    }
  }
}
