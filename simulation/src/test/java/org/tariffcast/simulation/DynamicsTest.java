package org.tariffcast.simulation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.tariffcast.simulation.fixtures.SmallStudies.CROSS;
import static org.tariffcast.simulation.fixtures.SmallStudies.OWN;
import static org.tariffcast.simulation.fixtures.StudyBuilder.fixed;
import static org.tariffcast.simulation.fixtures.StudyBuilder.quarter;
import static org.tariffcast.simulation.fixtures.StudyBuilder.regime;
import static org.tariffcast.simulation.fixtures.StudyBuilder.rule;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.tariffcast.model.distribution.Discrete;
import org.tariffcast.model.distribution.Parameter;
import org.tariffcast.model.result.Metric;
import org.tariffcast.model.result.RunResult;
import org.tariffcast.model.result.Statistics;
import org.tariffcast.model.scenario.Regime;
import org.tariffcast.model.scenario.Scenario;
import org.tariffcast.model.scenario.WedgeComponent;
import org.tariffcast.model.time.YearQuarter;
import org.tariffcast.simulation.fixtures.Results;
import org.tariffcast.simulation.fixtures.SmallStudies;
import org.tariffcast.simulation.fixtures.StudyBuilder;

/**
 * Regime timing, partial adjustment, front-loading, transshipment, capacity trends: every
 * expected value is the closed form of the SMART study (see {@link SmallStudies}), worked out in
 * the test. Quarters are USD per quarter: a quarter of the annual flow.
 */
class DynamicsTest {
  static final List<String> US = List.of("US");
  static final List<String> VN = List.of("VN");
  static final List<String> ELEC = List.of("ELEC");

  static Regime tariffOnVietnam(String name, Parameter date, double rate) {
    return regime(name, date, List.of(rule(US, VN, ELEC, WedgeComponent.AD_VALOREM, fixed(name + "_rate", rate))));
  }

  static double imports(RunResult r, String scenario, int period) {
    Statistics s = Results.series(r, scenario, Metric.IMPORTS_FROM_PARTNER, "total", period);
    assertThat(s.sd()).isZero();
    return s.mean();
  }

  @Test
  void flowsCloseTheGapToTheNewEquilibriumWithTheHalfLife() {
    double halfLife = 2;
    StudyBuilder b = SmallStudies.smart(20, 1).halfLife(fixed("half_life", halfLife))
        .scenario(Scenario.of("tariff", 1, "", List.of(tariffOnVietnam("t20", quarter("d", 2025, 3), 0.2))));
    ProjectionEngine e = ProjectionEngine.of(b.build());
    RunResult r = Results.run(e, 20);
    double ratioVn = 1 + OWN * 0.2;   // 0.325
    double ratioCn = 1 + CROSS * 0.2; // 1.125
    double netWelfareUs = -1.5 * 400 * 0.05 * 0.05 / 2 - 400 * 0.05 + 100 * ratioVn * 0.2; // CS + TR, PS = 0
    for (int t = 0; t < 8; t++) {
      double closed = t < 2 ? 0 : 1 - Math.pow(2, -(t - 2 + 1) / halfLife);
      assertThat(imports(r, "tariff", t)).as("quarter " + t).isCloseTo(25 * (1 + closed * (ratioVn - 1)), within(1e-12));
      assertThat(Results.series(r, "tariff", Metric.HOME_IMPORTS_BY_SOURCE, "CN", t).mean())
          .isCloseTo(75 * (1 + closed * (ratioCn - 1)), within(1e-12));
      double rate = t < 2 ? 0 : 0.2;
      assertThat(Results.series(r, "tariff", Metric.TARIFF_REVENUE, "total", t).mean())
          .isCloseTo(25 * (1 + closed * (ratioVn - 1)) * rate, within(1e-12));
      assertThat(Results.series(r, "tariff", Metric.WELFARE, "US", t).mean())
          .isCloseTo(netWelfareUs / 4 * closed, within(1e-12));
      assertThat(imports(r, "Baseline", t)).isEqualTo(25.0);
    }
  }

  @Test
  void aRegimeIsInForceFromTheLatestOfItsAndItsPredecessorsDates() {
    // the second regime is dated a quarter earlier than the first: it starts with the first, at 2025Q3
    StudyBuilder b = SmallStudies.smart(10, 1).scenario(Scenario.of("two", 1, "", List.of(
        tariffOnVietnam("t10", quarter("d1", 2025, 3), 0.1),
        tariffOnVietnam("t25", quarter("d2", 2025, 2), 0.25))));
    RunResult r = Results.run(ProjectionEngine.of(b.build()), 10);
    assertThat(imports(r, "two", 1)).isEqualTo(25.0);
    assertThat(imports(r, "two", 2)).isCloseTo(25 * (1 + OWN * 0.25), within(1e-12));
  }

  @Test
  void aRegimeAfterTheHorizonChangesNothingButStillPullsFlowsForward() {
    // horizon 2025Q1-2026Q4; the increase comes in 2027Q1 (period 8): goods are pulled into periods 6 and 7
    StudyBuilder b = SmallStudies.smart(5, 1).frontLoading(fixed("front", 0.2), 2)
        .scenario(Scenario.of("late", 1, "", List.of(tariffOnVietnam("t20", quarter("d", 2027, 1), 0.2))));
    RunResult r = Results.run(ProjectionEngine.of(b.build()), 5);
    for (int t = 0; t < 8; t++) {
      assertThat(imports(r, "late", t)).as("quarter " + t).isCloseTo(t >= 6 ? 25 + 0.2 * 25 / 2 : 25, within(1e-12));
      assertThat(Results.series(r, "late", Metric.TARIFF_REVENUE, "total", t).mean()).isZero();
    }
  }

  @Test
  void anUncertainEffectiveDateMixesTheTwoPaths() {
    double early = YearQuarter.of(2025, 2).ordinal();
    double late = YearQuarter.of(2025, 4).ordinal();
    Parameter date = Parameter.of("date", Discrete.of(new double[] {early, late}, new double[] {0.5, 0.5}));
    long n = 4000;
    StudyBuilder b = SmallStudies.smart(n, 3).scenario(Scenario.of("uncertain", 1, "", List.of(
        tariffOnVietnam("t20", date, 0.2))));
    RunResult r = Results.run(ProjectionEngine.of(b.build()), n);
    double after = 25 * (1 + OWN * 0.2);
    assertThat(Results.series(r, "uncertain", Metric.IMPORTS_FROM_PARTNER, "total", 0).max()).isEqualTo(25.0);
    for (int t = 1; t <= 2; t++) { // in force in the early draws only
      Statistics s = Results.series(r, "uncertain", Metric.IMPORTS_FROM_PARTNER, "total", t);
      assertThat(s.min()).isCloseTo(after, within(1e-12));
      assertThat(s.max()).isEqualTo(25.0);
      // each path has probability 1/2: the mean is their average within 4.5 standard errors
      double se = (25 - after) * 0.5 / Math.sqrt(n);
      assertThat(s.mean()).isCloseTo((25 + after) / 2, within(4.5 * se));
    }
    Statistics t3 = Results.series(r, "uncertain", Metric.IMPORTS_FROM_PARTNER, "total", 3);
    assertThat(t3.min()).isEqualTo(t3.max());
  }

  @Test
  void frontLoadingPullsFlowsForwardBeforeAnIncreaseAndPaysThemBack() {
    StudyBuilder b = SmallStudies.smart(5, 1).frontLoading(fixed("front", 0.2), 2)
        .scenario(Scenario.of("increase", 1, "", List.of(tariffOnVietnam("t20", quarter("d", 2026, 1), 0.2))));
    RunResult r = Results.run(ProjectionEngine.of(b.build()), 5);
    double after = 25 * (1 + OWN * 0.2);
    double pulled = 0.2 * 25 / 2; // a fifth of the quarter before the increase, over two quarters
    double[] expected = {25, 25, 25 + pulled, 25 + pulled, after - pulled, after - pulled, after, after};
    for (int t = 0; t < 8; t++) {
      assertThat(imports(r, "increase", t)).as("quarter " + t).isCloseTo(expected[t], within(1e-12));
    }
    // pulled-forward goods pay the old (zero) tariff; the shortfall is at the new rate
    assertThat(Results.series(r, "increase", Metric.TARIFF_REVENUE, "total", 4).mean())
        .isCloseTo((after - pulled) * 0.2, within(1e-12));
  }

  @Test
  void transshippedGoodsPayTheTransshipmentRateThroughTheWedgePower() {
    // 75 % direct at 20 %, 25 % deemed transshipped at 40 %: power 1.25, revenue 25 % of the flow
    StudyBuilder b = SmallStudies.smart(5, 1).scenario(Scenario.of("framework", 1, "", List.of(
        regime("framework", quarter("framework_date", 2025, 1), List.of(rule(US, VN, ELEC,
            WedgeComponent.SURCHARGE, fixed("s", 0.2), WedgeComponent.TRANSSHIPMENT_SHARE, fixed("d", 0.25),
            WedgeComponent.TRANSSHIPMENT_SURCHARGE, fixed("ts", 0.4)))))));
    RunResult r = Results.run(ProjectionEngine.of(b.build()), 5);
    double flow = 25 * (1 + OWN * 0.25);
    assertThat(imports(r, "framework", 0)).isCloseTo(flow, within(1e-12));
    assertThat(Results.series(r, "framework", Metric.TARIFF_REVENUE, "total", 0).mean())
        .isCloseTo(flow * (0.75 * 0.2 + 0.25 * 0.4), within(1e-12));
  }

  @Test
  void aCapacityTrendShiftsSharesAtConstantDemand() {
    double c = 0.02;
    StudyBuilder b = SmallStudies.smart(5, 1).capacity("ELEC", "VN", fixed("cap", c))
        .scenario(Scenario.of("none", 1, "", List.of()));
    RunResult r = Results.run(ProjectionEngine.of(b.build()), 5);
    for (int t = 0; t < 8; t++) {
      double k = Math.exp(c * (t + 1)); // quarters since the base year's last quarter
      double vn = 25 * k / (0.25 * k + 0.75);
      double cn = 75 / (0.25 * k + 0.75);
      assertThat(imports(r, "Baseline", t)).isCloseTo(vn, within(1e-12));
      assertThat(Results.series(r, "Baseline", Metric.HOME_IMPORTS_BY_SOURCE, "CN", t).mean()).isCloseTo(cn, within(1e-12));
      assertThat(vn + cn).isCloseTo(100, within(1e-12));
    }
  }
}
