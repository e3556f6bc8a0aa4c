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
import org.tariffcast.model.time.YearQuarter;
import org.tariffcast.model.distribution.Uniform;
import org.tariffcast.simulation.fixtures.Results;
import org.tariffcast.simulation.fixtures.Studies;
import org.tariffcast.simulation.fixtures.StudyBuilder;

/**
 * Purchase commitments: fulfilment, linear ramp, lumpy deliveries, displacement of other
 * suppliers; totals over a dated period, additionality and the exporter's producer surplus.
 */
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

  /** A total of {@code total} USD mn over [start, end], fixed fulfilment, ramp and additionality. */
  static PurchaseCommitment total(double total, YearQuarter start, YearQuarter end, double fulfilment, double ramp,
      double additionality) {
    return new PurchaseCommitment("farm", "AGR", "US", "VN", null, total, start, end, fixed("f", fulfilment),
        fixed("ramp", ramp), fixed("disp", 0), fixed("add", additionality), null, "test");
  }

  @Test
  void aTotalIsSpreadOverItsPeriodByTheRampAndNothingIsAddedAfterItsEnd() {
    // 60 over 2025Q3..2026Q2 (periods 2..5), ramp 2 quarters: weights 1/2, 1, 1, 1 (sum 3.5);
    // fulfilment 0.75 x additionality 0.4 = 0.3 of it is new trade: 18 in all,
    // 18 x 0.5 / 3.5 = 2.5714... in 2025Q3 and 18 / 3.5 = 5.142857... in each later quarter
    PurchaseCommitment c = total(60, YearQuarter.of(2025, 3), YearQuarter.of(2026, 2), 0.75, 2, 0.4);
    RunResult r = Results.run(ProjectionEngine.of(farm(5, c).build()), 5);
    double[] added = {0, 0, 18 * 0.5 / 3.5, 18 / 3.5, 18 / 3.5, 18 / 3.5, 0, 0};
    double sum = 0;
    for (int t = 0; t < 8; t++) {
      double d = Results.series(r, "deal", Metric.EXPORTS_TO_PARTNER, "total", t).mean()
          - Results.series(r, "Baseline", Metric.EXPORTS_TO_PARTNER, "total", t).mean();
      assertThat(d).as("quarter " + t).isCloseTo(added[t], within(1e-12));
      sum += d;
    }
    assertThat(sum).isCloseTo(60 * 0.75 * 0.4, within(1e-12));
  }

  @Test
  void aDealAfterTheStatedStartSpreadsTheTotalOverTheQuartersLeft() {
    // stated 2025Q1..2025Q4, the deal (its regime) from 2025Q2: 3 quarters left, no ramp
    PurchaseCommitment c = total(36, YearQuarter.of(2025, 1), YearQuarter.of(2025, 4), 1, 0, 0.5);
    RunResult r = Results.run(ProjectionEngine.of(farm(5, c).build()), 5);
    double[] added = {0, 6, 6, 6, 0, 0, 0, 0};
    for (int t = 0; t < 8; t++) {
      double d = Results.series(r, "deal", Metric.EXPORTS_TO_PARTNER, "total", t).mean()
          - Results.series(r, "Baseline", Metric.EXPORTS_TO_PARTNER, "total", t).mean();
      assertThat(d).as("quarter " + t).isCloseTo(added[t], within(1e-12));
    }
  }

  @Test
  void anAnnualValueStopsAfterItsEndQuarter() {
    PurchaseCommitment c = new PurchaseCommitment("farm", "AGR", "US", "VN", 40.0, null, null, YearQuarter.of(2025, 3),
        fixed("f", 1), fixed("ramp", 0), fixed("disp", 0), null, null, "test");
    RunResult r = Results.run(ProjectionEngine.of(farm(5, c).build()), 5);
    double[] added = {0, 10, 10, 0, 0, 0, 0, 0};
    for (int t = 0; t < 8; t++) {
      double d = Results.series(r, "deal", Metric.EXPORTS_TO_PARTNER, "total", t).mean()
          - Results.series(r, "Baseline", Metric.EXPORTS_TO_PARTNER, "total", t).mean();
      assertThat(d).as("quarter " + t).isCloseTo(added[t], within(1e-12));
    }
  }

  @Test
  void additionalityIsDrawnPerTrial() {
    // 40 a year, all fulfilled at once; additionality uniform(0, 1): the added 10 a quarter times
    // a uniform, mean 5 and sd 10 / sqrt(12), the same draw in every quarter of a trial
    PurchaseCommitment c = new PurchaseCommitment("farm", "AGR", "US", "VN", 40.0, null, null, null, fixed("f", 1),
        fixed("ramp", 0), fixed("disp", 0), StudyBuilder.param("additionality", Uniform.of(0, 1)), null, "test");
    long n = 4000;
    RunResult r = Results.run(ProjectionEngine.of(farm(n, c).build()), n);
    double sd = 10 / Math.sqrt(12);
    for (int t = 1; t < 8; t++) {
      Statistics s = Results.series(r, "deal", Metric.EXPORTS_TO_PARTNER, "total", t);
      assertThat(s.mean() - 25).isCloseTo(5, within(4.5 * sd / Math.sqrt(n)));
      assertThat(s.sd()).isCloseTo(sd, within(0.05 * sd));
      assertThat(s.min() - 25).isBetween(0.0, 10.0);
    }
  }

  @Test
  void theExportersProducerSurplusRisesWhereItsSupplyIsFinite() {
    // the US exports 130 a year of AGR (100 to VN, 30 to ROW): 32.5 a quarter. The commitment adds
    // 40 / 4 x 0.5 (additionality) = 5 a quarter. Supply 32.5 p^2: p = (1 + 5/32.5)^(1/2),
    // PS = 32.5 (p^3 - 1) / 3 = 2.5938205549 (by hand: 1.153846^1.5 = 1.239429; near 5 / 2 = 2.5)
    PurchaseCommitment c = new PurchaseCommitment("farm", "AGR", "US", "VN", 40.0, null, null, null, fixed("f", 1),
        fixed("ramp", 0), fixed("disp", 0), fixed("add", 0.5), null, "test");
    RunResult finite = Results.run(ProjectionEngine.of(farm(5, c).elasticities("AGR", "US", -1, 2, 2).build()), 5);
    RunResult infinite = Results.run(ProjectionEngine.of(farm(5, c)
        .elasticities("AGR", "US", -1, 2, Double.POSITIVE_INFINITY).build()), 5);
    for (int t = 1; t < 8; t++) {
      assertThat(Results.series(finite, "deal", Metric.WELFARE, "US", t).mean()).isCloseTo(2.5938205549, within(1e-9));
      assertThat(Results.series(finite, "deal", Metric.WELFARE, "VN", t).mean()).isEqualTo(0.0);
      assertThat(Results.series(infinite, "deal", Metric.WELFARE, "US", t).mean()).isEqualTo(0.0);
    }
    assertThat(Results.series(finite, "deal", Metric.WELFARE, "US", 0).mean()).isEqualTo(0.0);
  }

  @Test
  void theRampWeightIsTheSumOfTheRampShares() {
    for (double ramp : new double[] {0, 0.5, 1, 2.5, 3, 7.2}) {
      for (long q = 1; q <= 12; q++) {
        double sum = 0;
        for (int m = 1; m <= q; m++) {
          sum += ramp <= 0 ? 1 : Math.min(1, m / ramp);
        }
        assertThat(org.tariffcast.simulation.kernel.TrialKernel.rampWeight(ramp, q)).as("ramp %s, %s quarters", ramp, q)
            .isCloseTo(sum, within(1e-12));
      }
    }
  }
}
