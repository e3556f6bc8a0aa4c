package org.tariffcast.study;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.tariffcast.model.config.ConfigLoader;
import org.tariffcast.model.config.ModelConfig;
import org.tariffcast.model.result.EquilibriumTable;
import org.tariffcast.model.result.KpiStatistics;
import org.tariffcast.model.result.KpiValue;
import org.tariffcast.model.result.RunResult;
import org.tariffcast.model.run.RunSettings;
import org.tariffcast.model.scenario.Scenario;
import org.tariffcast.simulation.PartialResult;
import org.tariffcast.simulation.ProjectionEngine;
import org.tariffcast.simulation.TrialProgress;

/**
 * The default study projected: the central case orders the scenarios as economics says it
 * must, its dynamics settle on the comparative statics of the last regime, and a small Monte
 * Carlo agrees. The published range it is set against is UNDP's -19 % worst case for
 * Vietnam's US-bound exports under the 20 %/40 % framework (DATA-NOTES).
 */
class DefaultStudyProjectionTest {
  static final String NO_DEAL = "No deal";
  static final String PAUSE = "Baseline 10%";
  static final String FRAMEWORK = "Framework";
  static final String ZERO = "Zero-for-zero";
  static final String LOW = "Mutually low";

  static ModelConfig study;
  static ProjectionEngine engine;
  static Map<String, Double> central = new HashMap<>();

  @BeforeAll
  static void project() {
    study = ConfigLoader.load(DefaultStudyTest.studyFolder());
    engine = ProjectionEngine.of(study);
    for (KpiValue k : engine.centralCase().kpis()) {
      central.put(k.key().scenario() + "|" + k.key().id(), k.value());
    }
  }

  static double central(String scenario, String id) {
    Double v = central.get(scenario + "|" + id);
    assertThat(v).as(scenario + " " + id).isNotNull();
    return v;
  }

  static double importsFromVietnam(String scenario) {
    return central(scenario, "imports_from_partner/total/final_year/level");
  }

  @Test
  void usImportsFromVietnamFallWithTheTariffVietnamPays() {
    // 46 % < 20 % (+40 % transshipped) < 15 % < 10 % for all < 0 %
    assertThat(importsFromVietnam(NO_DEAL)).isLessThan(importsFromVietnam(FRAMEWORK));
    assertThat(importsFromVietnam(FRAMEWORK)).isLessThan(importsFromVietnam(LOW));
    assertThat(importsFromVietnam(LOW)).isLessThan(importsFromVietnam(ZERO));
    assertThat(importsFromVietnam(FRAMEWORK)).isLessThan(importsFromVietnam(PAUSE));
    assertThat(importsFromVietnam(PAUSE)).isLessThan(importsFromVietnam(ZERO));
  }

  @Test
  void usExportsToVietnamRiseWithVietnamsCutAndThePurchases() {
    String id = "exports_to_partner/total/final_year/pct_change_vs_baseline";
    assertThat(central(FRAMEWORK, id)).isGreaterThan(0.05);
    assertThat(central(ZERO, id)).isGreaterThan(0.05);
    assertThat(central(LOW, id)).isGreaterThan(central(FRAMEWORK, id)); // fewer barriers on top
    assertThat(central(NO_DEAL, id)).isCloseTo(0, within(0.01));
    assertThat(central(PAUSE, id)).isCloseTo(0, within(0.01));
  }

  @Test
  void theDeficitShrinksWhereVietnamPaysMoreAndWidensUnderZeroForZero() {
    String id = "bilateral_balance/total/final_year/pct_change_vs_baseline";
    assertThat(central(NO_DEAL, id)).isGreaterThan(central(FRAMEWORK, id));
    assertThat(central(FRAMEWORK, id)).isGreaterThan(0.20);
    assertThat(central(ZERO, id)).isLessThan(0);
  }

  @Test
  void theFrameworkCostsVietnamAboutAsMuchAsUndpsWorstCase() {
    // UNDP's worst case: -19 %. This study, at GTAP's long-run substitution elasticities and with
    // every other supplier's 2025 tariffs, finds more (README "Central case, Monte Carlo and
    // published ranges"); it must stay within a band around it, not drift to another order.
    double change = central(FRAMEWORK, "imports_from_partner/total/final_year/pct_change_vs_baseline");
    assertThat(change).isBetween(-0.35, -0.15);
    // the 46 % no-deal case sits beyond the harshest published -40 %
    assertThat(central(NO_DEAL, "imports_from_partner/total/final_year/pct_change_vs_baseline")).isLessThan(-0.40);
  }

  @Test
  void theDynamicsSettleOnTheComparativeStaticsOfTheLastRegime() {
    // By the final year (5 years after the last central date, half-life 2 quarters) each sector's
    // US imports from Vietnam stand at the last regime's equilibrium ratio to the baseline.
    for (String scenario : List.of(NO_DEAL, FRAMEWORK, ZERO, LOW)) {
      Scenario sc = study.scenarios().stream().filter(s -> s.name().equals(scenario)).findFirst().orElseThrow();
      String last = sc.regimes().get(sc.regimes().size() - 1).name();
      for (EquilibriumTable t : engine.centralCase().tables()) {
        if (t.scenario().equals(scenario) && t.regime().equals(last)) {
          double statics = t.flowsAfter().get("VN").get("US") / t.flowsBefore().get("VN").get("US") - 1;
          double dynamics = central(scenario, "imports_from_partner/" + t.sector() + "/final_year/pct_change_vs_baseline");
          assertThat(dynamics).as(scenario + " " + t.sector()).isCloseTo(statics, within(0.01));
        }
      }
    }
  }

  @Test
  void aSmallMonteCarloAgreesWithTheCentralCase() {
    long trials = 400;
    RunSettings r = study.run();
    ModelConfig small = study.withRun(new RunSettings(trials, r.seed(), r.sampling(), r.solver(), 2, null));
    ProjectionEngine e = ProjectionEngine.of(small);
    PartialResult all = e.simulate(0, trials, 2, TrialProgress.NONE);
    RunResult result = e.finish(all, 1, Instant.EPOCH, Instant.EPOCH, Map.of());
    Map<String, Double> median = new HashMap<>();
    for (KpiStatistics k : result.kpis()) {
      median.put(k.key().scenario() + "|" + k.key().id(), k.stats().percentiles().p50());
    }
    String id = "imports_from_partner/total/final_year/pct_change_vs_baseline";
    assertThat(median.get(NO_DEAL + "|" + id)).isLessThan(median.get(FRAMEWORK + "|" + id));
    assertThat(median.get(FRAMEWORK + "|" + id)).isLessThan(median.get(ZERO + "|" + id));
    // The central case sits at the modes. The substitution elasticities are right-skewed,
    // triangular(1.75, g/2, g) (issue 12): their medians, g - sqrt((g - 1.75) g / 4), lie 10-13 %
    // above the modes (electronics 4.86 against 4.4, apparel 4.17 against 3.7), and the response
    // to a large tariff change grows faster than Es, so the median outcome lies further from zero
    // than the central case (by about a quarter of it for zero-for-zero's large cuts, less for the
    // others). Tolerance: 15 % of the central value, plus 0.05 for the rest and for 400 trials of
    // sampling noise.
    for (String s : List.of(NO_DEAL, FRAMEWORK, ZERO, LOW)) {
      double c = central(s, id);
      assertThat(median.get(s + "|" + id)).as(s).isCloseTo(c, within(0.05 + 0.15 * Math.abs(c)));
    }
  }
}
