package org.tariffcast.simulation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.tariffcast.simulation.fixtures.StudyBuilder.fixed;
import static org.tariffcast.simulation.fixtures.StudyBuilder.quarter;
import static org.tariffcast.simulation.fixtures.StudyBuilder.regime;
import static org.tariffcast.simulation.fixtures.StudyBuilder.rule;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.tariffcast.model.distribution.Parameter;
import org.tariffcast.model.distribution.Triangular;
import org.tariffcast.model.result.Metric;
import org.tariffcast.model.result.RunResult;
import org.tariffcast.model.result.Statistics;
import org.tariffcast.model.run.RunSettings;
import org.tariffcast.model.run.SamplingMethod;
import org.tariffcast.model.run.SolverKind;
import org.tariffcast.model.scenario.Regime;
import org.tariffcast.model.scenario.Scenario;
import org.tariffcast.model.scenario.TariffRule;
import org.tariffcast.model.scenario.WedgeComponent;
import org.tariffcast.model.time.YearQuarter;
import org.tariffcast.simulation.fixtures.Results;
import org.tariffcast.simulation.fixtures.StudyBuilder;

/**
 * Short-run and long-run substitution elasticities with a convergence time (issue 12). The
 * expected values are the closed form of the exact Armington-CES model for one importer (US)
 * with two sources and infinite supply, so world prices stay at 1 and a tariff t on source VN
 * alone gives {@code P = (theta (1+t)^(1-Es) + 1 - theta)^(1/(1-Es))} and the flow ratio
 * {@code h = ((1+t)/P)^(-Es) P^Em} (DESIGN.md, the {@code ces} solver), computed here with
 * {@link Math#pow}, not with the engine. Quarters are USD per quarter: a quarter of the annual flow.
 */
class ShortRunTest {
  static final List<String> US = List.of("US");
  static final List<String> VN = List.of("VN");
  static final List<String> ELEC = List.of("ELEC");
  static final double EM = -1.5;
  static final double SHORT = 0.76;
  static final double LONG = 4.4;

  /** The CES flow ratio of a source with import share theta facing a tariff t, the other sources free. */
  static double ces(double theta, double t, double es) {
    double p = Math.pow(theta * Math.pow(1 + t, 1 - es) + 1 - theta, 1 / (1 - es));
    return Math.pow((1 + t) / p, -es) * Math.pow(p, EM);
  }

  /** US buys {@code vn} a year from VN and {@code 400 - vn} from CN; Es long-run 4.4, short-run 0.76 where asked. */
  static StudyBuilder study(double vn, boolean shortRun, double halfLife, Regime... regimes) {
    double inf = Double.POSITIVE_INFINITY;
    StudyBuilder b = new StudyBuilder("short-run", List.of("US", "VN", "CN"), List.of("ELEC"), "US", "VN")
        .allElasticities(EM, LONG, inf)
        .flow("ELEC", "VN", "US", vn).flow("ELEC", "CN", "US", 400 - vn)
        .flow("ELEC", "US", "VN", 50).flow("ELEC", "US", "CN", 50)
        .horizon(YearQuarter.of(2025, 1), 16)
        .run(RunSettings.of(10, 7, SamplingMethod.RANDOM, SolverKind.CES))
        .halfLife(fixed("half_life", halfLife))
        .scenario(Scenario.of("tariff", 1, "", List.of(regimes)));
    if (shortRun) {
      b.shortRun("ELEC", "US", fixed("es_short", SHORT)).convergence(fixed("convergence", 8));
    }
    return b;
  }

  static Regime tariffOnVietnam(String name, int year, int q, double rate) {
    return regime(name, quarter(name + "_date", year, q),
        List.of(rule(US, VN, ELEC, WedgeComponent.AD_VALOREM, fixed(name + "_rate", rate))));
  }

  static double imports(RunResult r, int period) {
    Statistics s = Results.series(r, "tariff", Metric.IMPORTS_FROM_PARTNER, "total", period);
    assertThat(s.sd()).isZero();
    return s.mean();
  }

  @Test
  void aTariffMeetsTheShortRunElasticityFirstAndTheLongRunAfterTheConvergenceTime() {
    // 20 % on VN from 2025Q2 (quarter 1); convergence 8 quarters; half-life ~0
    RunResult r = Results.run(ProjectionEngine.of(study(100, true, 1e-9, tariffOnVietnam("t20", 2025, 2, 0.2)).build()), 10);
    double hs = ces(0.25, 0.2, SHORT); // 0.8413
    double hl = ces(0.25, 0.2, LONG);  // 0.4978
    assertThat(imports(r, 0)).isEqualTo(25.0);                                       // before the tariff
    assertThat(imports(r, 1)).isCloseTo(25 * hs, within(1e-7));                      // m = 0: short run
    assertThat(imports(r, 3)).isCloseTo(25 * hs * Math.pow(hl / hs, 0.25), within(1e-7)); // m = T/4
    assertThat(imports(r, 5)).isCloseTo(25 * Math.sqrt(hs * hl), within(1e-7));      // m = T/2
    assertThat(imports(r, 9)).isCloseTo(25 * hl, within(1e-7));                      // m = T: long run
    assertThat(imports(r, 15)).isCloseTo(25 * hl, within(1e-7));                     // and after
    // revenue is the flow times the rate in force
    assertThat(Results.series(r, "tariff", Metric.TARIFF_REVENUE, "total", 5).mean())
        .isCloseTo(25 * Math.sqrt(hs * hl) * 0.2, within(1e-7));
    // CN gains what the CES composite gives it at each elasticity, interpolated the same way
    double cs = cnRatio(0.25, 0.2, SHORT);
    double cl = cnRatio(0.25, 0.2, LONG);
    assertThat(Results.series(r, "tariff", Metric.HOME_IMPORTS_BY_SOURCE, "CN", 5).mean())
        .isCloseTo(75 * Math.sqrt(cs * cl), within(1e-7));
  }

  /** The CES flow ratio of the untaxed source (share 1 - theta) when the other pays t. */
  static double cnRatio(double theta, double t, double es) {
    double p = Math.pow(theta * Math.pow(1 + t, 1 - es) + 1 - theta, 1 / (1 - es));
    return Math.pow(1 / p, -es) * Math.pow(p, EM);
  }

  @Test
  void theGeometricPathIsCloseToASolveAtTheInterpolatedElasticity() {
    // the approximation: between the two solves the ratio is interpolated geometrically in time,
    // where the elasticity itself rises linearly (Es(w) = 0.76 + w (4.4 - 0.76)); a solve at Es(1/2):
    double mid = SHORT + 0.5 * (LONG - SHORT);
    // a small-share source (0.1 % of US purchases): ln h = -Es ln(1.2) to first order in the share, so exact
    RunResult small = Results.run(ProjectionEngine.of(study(0.4, true, 1e-9, tariffOnVietnam("t20", 2025, 2, 0.2)).build()), 10);
    double direct = ces(0.001, 0.2, mid);
    assertThat(imports(small, 5) / 0.1 / direct - 1).isCloseTo(0, within(1e-4));
    // a quarter of the market: the geometric path lies below the direct solve, by 0.9 % at the midpoint
    // (0.6471 against 0.6530, closed forms); linear interpolation of the ratios would lie 2.5 % above it
    RunResult big = Results.run(ProjectionEngine.of(study(100, true, 1e-9, tariffOnVietnam("t20", 2025, 2, 0.2)).build()), 10);
    double gap = imports(big, 5) / 25 / ces(0.25, 0.2, mid) - 1;
    assertThat(gap).isBetween(-0.0095, -0.0085);
  }

  @Test
  void aLaterRegimeDoesNotRestartTheConvergenceOfAnEarlierChange() {
    // 10 % from quarter 1, 30 % from quarter 5; half-life ~0; T = 8
    RunResult r = Results.run(ProjectionEngine.of(study(100, true, 1e-9, tariffOnVietnam("t10", 2025, 2, 0.1),
        tariffOnVietnam("t30", 2026, 2, 0.3)).build()), 10);
    double s1 = ces(0.25, 0.1, SHORT);
    double l1 = ces(0.25, 0.1, LONG);
    double s2 = ces(0.25, 0.3, SHORT);
    double l2 = ces(0.25, 0.3, LONG);
    // quarter 7: the first change is 6 quarters old (w = 3/4), the second 2 (w = 1/4); each change
    // moves from its short-run to its long-run size: 1 + (E1(3/4) - 0) + (s2 - s1) + (E2(1/4) - E1(1/4)) + (s1 - 1)
    double e1a = s1 * (Math.pow(l1 / s1, 0.75) - 1);
    double e1b = s1 * (Math.pow(l1 / s1, 0.25) - 1);
    double e2b = s2 * (Math.pow(l2 / s2, 0.25) - 1);
    double expected = s2 + e1a + e2b - e1b;
    assertThat(imports(r, 7)).isCloseTo(25 * expected, within(1e-7));
    // quarter 5, the second regime's first quarter: its change is at the short run, the first's at w = 1/2
    assertThat(imports(r, 5)).isCloseTo(25 * (s2 + s1 * (Math.sqrt(l1 / s1) - 1)), within(1e-7));
    // from quarter 13 both have converged: the long-run equilibrium of 30 %
    assertThat(imports(r, 13)).isCloseTo(25 * l2, within(1e-7));
    assertThat(imports(r, 15)).isCloseTo(25 * l2, within(1e-7));
  }

  @Test
  void theHalfLifeSmoothsOnlyTheJumpToTheShortRun() {
    double halfLife = 2;
    RunResult r = Results.run(ProjectionEngine.of(study(100, true, halfLife, tariffOnVietnam("t20", 2025, 2, 0.2)).build()), 10);
    double hs = ces(0.25, 0.2, SHORT);
    double hl = ces(0.25, 0.2, LONG);
    for (int t = 1; t < 16; t++) {
      double c = 1 - Math.pow(2, -(t - 1 + 1) / halfLife);
      double w = Math.min(1, (t - 1) / 8.0);
      double expected = 1 + c * (hs - 1) + hs * (Math.pow(hl / hs, w) - 1);
      assertThat(imports(r, t)).as("quarter " + t).isCloseTo(25 * expected, within(1e-7));
    }
  }

  @Test
  void aShortRunEqualToTheLongRunGivesTheSameNumbersAsNone() {
    Regime t20 = tariffOnVietnam("t20", 2025, 2, 0.2);
    RunResult without = Results.run(ProjectionEngine.of(study(100, false, 2, t20).build()), 10);
    StudyBuilder same = study(100, false, 2, t20).shortRun("ELEC", "US", fixed("es_short", LONG))
        .convergence(fixed("convergence", 8));
    RunResult with = Results.run(ProjectionEngine.of(same.build()), 10);
    assertThat(with.series()).isEqualTo(without.series());
    assertThat(with.kpis()).isEqualTo(without.kpis());
  }

  @Test
  void uncertainShortRunAndConvergenceDrawTheirOwnDimensionsAndStayDeterministic() {
    StudyBuilder b = study(100, false, 2, tariffOnVietnam("t20", 2025, 2, 0.2))
        .shortRun("ELEC", "US", Parameter.of("es_short", Triangular.of(0.5, 0.76, 2.5)))
        .convergence(Parameter.of("convergence", Triangular.of(20, 32, 40)))
        .run(RunSettings.of(400, 11, SamplingMethod.LHS, SolverKind.CES));
    ProjectionEngine e = ProjectionEngine.of(b.build());
    assertThat(StudyPlanNames.of(b.build())).containsExactly("convergence", "es_short");
    RunResult one = Results.run(e, 400);
    ProjectionEngine e2 = ProjectionEngine.of(b.build());
    RunResult again = Results.finish(e2, e2.simulate(0, 400, 2, TrialProgress.NONE)); // two threads
    assertThat(again.series()).isEqualTo(one.series());
    // with T at least 20 quarters, quarter 15 (14 quarters after the change) lies between the
    // short-run and long-run responses at the draws' extremes
    double low = ces(0.25, 0.2, LONG);
    double high = ces(0.25, 0.2, 0.5);
    Statistics q15 = Results.series(one, "tariff", Metric.IMPORTS_FROM_PARTNER, "total", 15);
    assertThat(q15.min()).isGreaterThan(25 * low);
    assertThat(q15.max()).isLessThan(25 * high);
  }

  @Test
  void theCentralCaseFollowsThePathAtTheCentralValues() {
    // short run triangular(0.5, 0.76, 2.5) and convergence triangular(20, 32, 40): modes 0.76 and 32
    StudyBuilder b = study(100, false, 1e-9, tariffOnVietnam("t20", 2025, 2, 0.2))
        .shortRun("ELEC", "US", Parameter.of("es_short", Triangular.of(0.5, 0.76, 2.5)))
        .convergence(Parameter.of("convergence", Triangular.of(20, 32, 40)));
    ProjectionEngine e = ProjectionEngine.of(b.build());
    double hs = ces(0.25, 0.2, SHORT);
    double hl = ces(0.25, 0.2, LONG);
    // final year = quarters 12-15 (2028); the tariff from quarter 1, so w = (t - 1) / 32
    double expected = 0;
    for (int t = 12; t < 16; t++) {
      expected += 25 * hs * Math.pow(hl / hs, (t - 1) / 32.0);
    }
    org.tariffcast.model.result.KpiKey key = org.tariffcast.model.result.KpiKey.of("tariff",
        Metric.IMPORTS_FROM_PARTNER, "total", org.tariffcast.model.result.Window.FINAL_YEAR,
        org.tariffcast.model.result.Measure.LEVEL);
    double central = e.centralCase().kpis().stream().filter(k -> k.key().equals(key)).findFirst().orElseThrow().value();
    assertThat(central).isCloseTo(expected, within(1e-6 * expected));
    // its equilibrium tables are the long-run solves
    double after = e.centralCase().tables().get(0).flowsAfter().get("VN").get("US");
    assertThat(after).isCloseTo(100 * hl, within(1e-7));
  }

  /** {@link ReroutingTest}'s study (20 % and a 40 % penalty on half of VN's goods, 20 % of them re-routed), Es 5 long run. */
  static StudyBuilder rerouted(Parameter shortRun) {
    StudyBuilder b = ReroutingTest.base(SolverKind.CES).halfLife(fixed("half_life", 1e-9));
    TariffRule r = rule(US, VN, ELEC, WedgeComponent.SURCHARGE, fixed("vn_rate", 0.2),
        WedgeComponent.TRANSSHIPMENT_SHARE, fixed("vn_deemed", 0.5), WedgeComponent.TRANSSHIPMENT_RATE,
        fixed("vn_penalty", 0.4));
    b.scenario(Scenario.of("Framework", 1, "", List.of(regime("deal", quarter("deal_date", 2025, 2), List.of(r)))));
    b.rerouting(ReroutingTest.rerouting(0.2));
    if (shortRun != null) {
      b.shortRun("ELEC", "US", shortRun).convergence(fixed("convergence", 4));
    }
    return b;
  }

  @Test
  void aReroutedSectorReachesItsLongRunFlowsAndRevenueAfterTheConvergenceTime() {
    RunResult none = Results.run(ProjectionEngine.of(rerouted(null).build()), 10);
    RunResult same = Results.run(ProjectionEngine.of(rerouted(fixed("es_short", 5)).build()), 10);
    assertThat(same.series()).isEqualTo(none.series());
    RunResult shortRun = Results.run(ProjectionEngine.of(rerouted(fixed("es_short", 1)).build()), 10);
    for (Metric m : List.of(Metric.IMPORTS_FROM_PARTNER, Metric.TARIFF_REVENUE)) {
      double longRun = Results.series(none, "Framework", m, "total", 5).mean();
      double first = Results.series(shortRun, "Framework", m, "total", 1).mean();
      // quarter 1 (the deal's first): a smaller fall than in the long run; quarter 5 (T = 4 later): the long run
      assertThat(first).as(m.toString()).isGreaterThan(Results.series(none, "Framework", m, "total", 1).mean());
      assertThat(Results.series(shortRun, "Framework", m, "total", 5).mean()).as(m.toString())
          .isCloseTo(longRun, within(1e-9 * longRun));
      assertThat(Results.series(shortRun, "Framework", m, "total", 7).mean()).as(m.toString())
          .isCloseTo(Results.series(none, "Framework", m, "total", 7).mean(), within(1e-9 * longRun));
    }
  }

  /** The sampled parameters' names, in the sampler's order. */
  static final class StudyPlanNames {
    static List<String> of(org.tariffcast.model.config.ModelConfig c) {
      return org.tariffcast.simulation.kernel.StudyPlan.sampledParameters(c).stream().map(Parameter::name).toList();
    }
  }
}
