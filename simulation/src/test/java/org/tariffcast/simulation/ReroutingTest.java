package org.tariffcast.simulation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;
import static org.tariffcast.simulation.fixtures.StudyBuilder.fixed;
import static org.tariffcast.simulation.fixtures.StudyBuilder.quarter;
import static org.tariffcast.simulation.fixtures.StudyBuilder.regime;
import static org.tariffcast.simulation.fixtures.StudyBuilder.rule;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.tariffcast.model.config.ModelConfig;
import org.tariffcast.model.result.EquilibriumTable;
import org.tariffcast.model.run.RunSettings;
import org.tariffcast.model.run.SamplingMethod;
import org.tariffcast.model.run.SolverKind;
import org.tariffcast.model.scenario.Rerouting;
import org.tariffcast.model.scenario.Scenario;
import org.tariffcast.model.scenario.TariffRule;
import org.tariffcast.model.scenario.WedgeComponent;
import org.tariffcast.model.time.YearQuarter;
import org.tariffcast.simulation.fixtures.StudyBuilder;

/**
 * Transshipment as re-routing in the engine: US imports of ELEC from VN 100, CN 200, ASEAN 100,
 * ROW 300, no base tariffs, every supply infinitely elastic (world prices fixed). A fifth of the
 * VN flow (20) is Chinese goods routed through Vietnam; routes to the US: via VN, direct from CN,
 * via ASEAN; routing cost 10 % on the indirect routes, route-choice elasticity 2.
 *
 * <p>By hand. Base landed costs: via VN 1 x 1.1, direct 1, via ASEAN 1 x 1.1; weights
 * 1.1^-2 = 0.826446, 1, 0.826446 (sum 2.652893): shares 0.311526, 0.376947, 0.311526. The pool
 * is 20 / 0.311526 = 64.2. The scenario deems the fifth transshipped and charges it 40 %: via VN
 * costs 1.4 x 1.1 = 1.54, weight 1.54^-2 = 0.421656 (sum 2.248102): shares 0.187561, 0.444820,
 * 0.367619. Moves 64.2 x (share after - share before): VN -7.9586, CN +4.3574, ASEAN +3.6012
 * (they add up to 0). Vietnam's own goods pay 0 % as before (the deemed share is the routed
 * goods), so the equilibrium leaves every flow at its base: US imports from VN 92.0414, CN
 * 204.3574, ASEAN 103.6012.
 */
class ReroutingTest {
  static final List<String> REGIONS = List.of("US", "VN", "CN", "ASEAN", "ROW");

  static StudyBuilder base(SolverKind solver) {
    double inf = Double.POSITIVE_INFINITY;
    return new StudyBuilder("reroute", REGIONS, List.of("ELEC"), "US", "VN")
        .horizon(YearQuarter.of(2025, 1), 8)
        .allElasticities(-1.25, 5, inf)
        .flow("ELEC", "VN", "US", 100).flow("ELEC", "CN", "US", 200).flow("ELEC", "ASEAN", "US", 100)
        .flow("ELEC", "ROW", "US", 300).flow("ELEC", "US", "VN", 10).flow("ELEC", "CN", "VN", 50)
        .run(RunSettings.of(10, 7, SamplingMethod.RANDOM, solver));
  }

  static Rerouting rerouting(double share) {
    return Rerouting.of("Chinese goods through Vietnam", "US", "VN", "CN", List.of("ASEAN"), List.of("ELEC"),
        fixed("vn_routed_share", share), fixed("route_elasticity", 2), fixed("routing_cost", 0.10), "test");
  }

  static ModelConfig study(SolverKind solver, boolean reroute, double surcharge, double deemed, double penalty) {
    StudyBuilder b = base(solver);
    List<Object> parts = new ArrayList<>(List.of(WedgeComponent.SURCHARGE, fixed("vn_rate", surcharge)));
    if (deemed > 0) {
      parts.addAll(List.of(WedgeComponent.TRANSSHIPMENT_SHARE, fixed("vn_deemed", deemed),
          WedgeComponent.TRANSSHIPMENT_RATE, fixed("vn_penalty", penalty)));
    }
    TariffRule r = rule(List.of("US"), List.of("VN"), List.of("ELEC"), parts.toArray());
    b.scenario(Scenario.of("Framework", 1, "penalty on transshipped goods", List.of(
        regime("deal", quarter("deal_date", 2025, 2), List.of(r)))));
    if (reroute) {
      b.rerouting(rerouting(0.2));
    }
    return b.build();
  }

  static EquilibriumTable table(ModelConfig c) {
    return ProjectionEngine.of(c).centralCase().tables().stream().filter(t -> t.regime().equals("deal")).findFirst()
        .orElseThrow();
  }

  static double toUs(EquilibriumTable t, String exporter) {
    return t.flowsAfter().get(exporter).get("US");
  }

  @ParameterizedTest
  @EnumSource(SolverKind.class)
  void thePenaltyReroutesTheDeemedGoodsByHand(SolverKind solver) {
    EquilibriumTable t = table(study(solver, true, 0, 0.2, 0.40));
    assertThat(toUs(t, "VN")).isCloseTo(92.0414, offset(1e-4));
    assertThat(toUs(t, "CN")).isCloseTo(204.3574, offset(1e-4));
    assertThat(toUs(t, "ASEAN")).isCloseTo(103.6012, offset(1e-4));
    assertThat(toUs(t, "ROW")).isCloseTo(300, offset(1e-9));
    // what leaves Vietnam arrives by the other routes: the US buys as much as before
    assertThat(toUs(t, "VN") + toUs(t, "CN") + toUs(t, "ASEAN")).isCloseTo(400, offset(1e-9));
  }

  /**
   * A share of the arrivals lost on the way: with 30 % lost, China gains 4.3574 x 0.7 = 3.0502 and
   * ASEAN 3.6012 x 0.7 = 2.5208; Vietnam still loses 7.9586; the US buys 0.3 x 7.9586 = 2.3876
   * less in all (remaining + rerouted + lost = the routed goods before).
   */
  @Test
  void aLostShareOfTheReroutedGoodsVanishes() {
    StudyBuilder b = base(SolverKind.CES);
    b.scenario(Scenario.of("Framework", 1, "penalty", List.of(regime("deal", quarter("deal_date", 2025, 2),
        List.of(rule(List.of("US"), List.of("VN"), List.of("ELEC"), WedgeComponent.SURCHARGE, fixed("vn_rate", 0),
            WedgeComponent.TRANSSHIPMENT_SHARE, fixed("vn_deemed", 0.2), WedgeComponent.TRANSSHIPMENT_RATE,
            fixed("vn_penalty", 0.40)))))));
    b.rerouting(Rerouting.of("Chinese goods through Vietnam", "US", "VN", "CN", List.of("ASEAN"), List.of("ELEC"),
        fixed("vn_routed_share", 0.2), fixed("route_elasticity", 2), fixed("routing_cost", 0.10),
        fixed("lost_share", 0.3), "test"));
    EquilibriumTable t = table(b.build());
    assertThat(toUs(t, "VN")).isCloseTo(92.0414, offset(1e-4));
    assertThat(toUs(t, "CN")).isCloseTo(203.0502, offset(1e-4));
    assertThat(toUs(t, "ASEAN")).isCloseTo(102.5208, offset(1e-4));
    assertThat(toUs(t, "VN") + toUs(t, "CN") + toUs(t, "ASEAN")).isCloseTo(400 - 2.3876, offset(1e-4));
  }

  /**
   * With a 20 % rate on Vietnam as well, Vietnam's own goods (4/5 of the flow) follow the
   * equilibrium at 20 % — the same ratio h as in the study without any transshipment rule — and
   * the routed fifth moves by the hand-computed amounts above, whatever the solver: the step
   * composes with both. VN = 80 h_VN + 20 - 7.9586; CN = 200 h_CN + 4.3574 (the routed goods'
   * costs include Vietnam's 20 % only where not deemed: all are deemed, so they pay 40 %).
   */
  @ParameterizedTest
  @EnumSource(SolverKind.class)
  void vietnamsOwnGoodsFollowTheEquilibriumAndTheRoutedGoodsTheRoutes(SolverKind solver) {
    EquilibriumTable plain = table(study(solver, false, 0.20, 0, 0));
    EquilibriumTable routed = table(study(solver, true, 0.20, 0.2, 0.40));
    double hVn = toUs(plain, "VN") / 100;
    assertThat(hVn).isLessThan(1);
    assertThat(toUs(routed, "VN")).isCloseTo(80 * hVn + 20 - 7.9586, offset(1e-4));
    assertThat(toUs(routed, "CN")).isCloseTo(toUs(plain, "CN") + 4.3574, offset(1e-4));
    assertThat(toUs(routed, "ASEAN")).isCloseTo(toUs(plain, "ASEAN") + 3.6012, offset(1e-4));
    assertThat(toUs(routed, "ROW")).isCloseTo(toUs(plain, "ROW"), offset(1e-9));
  }

  /** Raising the penalty moves volume out of Vietnam and to China and ASEAN, monotonically, with both solvers. */
  @ParameterizedTest
  @EnumSource(SolverKind.class)
  void aRisingPenaltyReroutesMonotonically(SolverKind solver) {
    double vn = Double.POSITIVE_INFINITY;
    double cn = 0;
    double asean = 0;
    for (double penalty : new double[] {0.05, 0.20, 0.40, 0.60, 1.00}) {
      EquilibriumTable t = table(study(solver, true, 0.20, 0.2, penalty));
      assertThat(toUs(t, "VN")).isLessThan(vn);
      assertThat(toUs(t, "CN")).isGreaterThan(cn);
      assertThat(toUs(t, "ASEAN")).isGreaterThan(asean);
      vn = toUs(t, "VN");
      cn = toUs(t, "CN");
      asean = toUs(t, "ASEAN");
    }
  }

  /**
   * In the trials too: with fixed parameters every trial's final-year US imports from Vietnam
   * against the baseline fall by the rerouted 7.9586 of 100 (demand without volatility, no
   * capacity trend: the base path times 92.0414 / 100), and the rerouting study differs from
   * the same study without it exactly there.
   */
  @Test
  void theTrialsCarryTheReroutedFlows() {
    ModelConfig c = study(SolverKind.CES, true, 0, 0.2, 0.40);
    var r = org.tariffcast.simulation.fixtures.Results.run(ProjectionEngine.of(c), 10);
    var kpi = r.kpis().stream().filter(k -> k.key().scenario().equals("Framework")
        && k.key().metric() == org.tariffcast.model.result.Metric.IMPORTS_FROM_PARTNER
        && k.key().breakdown().equals("total")
        && k.key().window() == org.tariffcast.model.result.Window.FINAL_YEAR
        && k.key().measure() == org.tariffcast.model.result.Measure.PCT_CHANGE_VS_BASELINE).findFirst().orElseThrow();
    assertThat(kpi.stats().mean()).isCloseTo(-0.079586, offset(1e-6));
    // Revenue on the goods from Vietnam at the rate of the flow's mix after the moves: Vietnam's
    // own 80 pay 0 %, the routed goods that stay, 20 - 7.9586 = 12.0414, pay 40 %: 4.8166 on
    // 92.0414, a rate of 0.052330 (the wedge's mix, 0.2 x 40 % = 0.08, would overstate it).
    double revenue = finalYearLevel(r, org.tariffcast.model.result.Metric.TARIFF_REVENUE);
    double imports = finalYearLevel(r, org.tariffcast.model.result.Metric.IMPORTS_FROM_PARTNER);
    assertThat(revenue / imports).isCloseTo(0.052330, offset(1e-6));
  }

  static double finalYearLevel(org.tariffcast.model.result.RunResult r, org.tariffcast.model.result.Metric metric) {
    return r.kpis().stream().filter(k -> k.key().scenario().equals("Framework") && k.key().metric() == metric
        && k.key().breakdown().equals("total") && k.key().window() == org.tariffcast.model.result.Window.FINAL_YEAR
        && k.key().measure() == org.tariffcast.model.result.Measure.LEVEL).findFirst().orElseThrow().stats().mean();
  }
}
