package org.tariffcast.simulation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.tariffcast.model.result.EquilibriumTable;
import org.tariffcast.model.result.Measure;
import org.tariffcast.model.result.Metric;
import org.tariffcast.model.result.RunResult;
import org.tariffcast.model.result.Window;
import org.tariffcast.model.run.SolverKind;
import org.tariffcast.simulation.fixtures.Results;
import org.tariffcast.simulation.fixtures.Studies;

/** The GSIM 4x4 example run as a study through the engine (US home, EU partner, 8 quarters). */
class GsimStudyTest {
  @Test
  void theCentralCaseTableReproducesThePublishedWorldPriceChanges() {
    ProjectionEngine e = ProjectionEngine.of(Studies.gsim4x4(SolverKind.LINEAR));
    assertThat(e.centralCase().tables()).hasSize(1);
    EquilibriumTable t = e.centralCase().tables().get(0);
    assertThat(t.scenario()).isEqualTo("US-EU FTA");
    assertThat(t.regime()).isEqualTo("FTA");
    assertThat(t.worldPriceChange().get("US")).isCloseTo(0.0792, within(0.5e-4));
    assertThat(t.worldPriceChange().get("JP")).isCloseTo(-0.0316, within(0.5e-4));
    assertThat(t.worldPriceChange().get("EU")).isCloseTo(0.0480, within(0.5e-4));
    assertThat(t.worldPriceChange().get("RW")).isCloseTo(-0.0184, within(0.5e-4));
    assertThat(t.flowsBefore().get("EU").get("US")).isEqualTo(300.0);
    assertThat(t.flowsAfter().get("EU").get("US")).isCloseTo(518.22, within(0.02)); // notes, section 5
    assertThat(t.welfare().get("US").net()).isCloseTo(18.2, within(0.05)); // GSIM's published net welfare
    assertThat(t.welfare().get("EU").net()).isCloseTo(14.5, within(0.05));
  }

  @Test
  void quarterlyOutputsAreTheEquilibriumOverFourWithInstantAdjustmentAndFlatDemand() {
    ProjectionEngine e = ProjectionEngine.of(Studies.gsim4x4(SolverKind.LINEAR));
    EquilibriumTable t = e.centralCase().tables().get(0);
    RunResult r = Results.run(e, 16);
    double m1 = t.flowsAfter().get("EU").get("US");
    for (int q = 0; q < 8; q++) {
      assertThat(Results.series(r, "US-EU FTA", Metric.IMPORTS_FROM_PARTNER, "total", q).mean())
          .isCloseTo(m1 / 4, within(1e-9));
      assertThat(Results.series(r, "US-EU FTA", Metric.WELFARE, "US", q).mean())
          .isCloseTo(t.welfare().get("US").net() / 4, within(1e-9));
      assertThat(Results.series(r, "US-EU FTA", Metric.TARIFF_REVENUE, "total", q).mean()).isZero();
    }
    // horizon KPI: eight quarters of M1 / 4; base-year reference: eight quarters of 300 / 4
    assertThat(Results.kpi(r, "US-EU FTA", Metric.IMPORTS_FROM_PARTNER, "total", Window.HORIZON, Measure.LEVEL).mean())
        .isCloseTo(2 * m1, within(1e-9));
    assertThat(Results.kpi(r, "US-EU FTA", Metric.IMPORTS_FROM_PARTNER, "total", Window.HORIZON,
        Measure.PCT_CHANGE_VS_BASE_YEAR).mean()).isCloseTo((2 * m1 - 600) / 600, within(1e-12));
    assertThat(Results.kpi(r, "US-EU FTA", Metric.TARIFF_REVENUE, "total", Window.FINAL_YEAR,
        Measure.CHANGE_VS_BASELINE).mean()).isCloseTo(-300 * 0.32, within(1e-9));
  }

  @Test
  void cesTablesClearTheirMarketsToo() {
    ProjectionEngine e = ProjectionEngine.of(Studies.gsim4x4(SolverKind.CES));
    EquilibriumTable t = e.centralCase().tables().get(0);
    for (String r : Studies.GSIM_REGIONS) {
      double before = t.flowsBefore().get(r).values().stream().mapToDouble(Double::doubleValue).sum();
      double after = t.flowsAfter().get(r).values().stream().mapToDouble(Double::doubleValue).sum();
      double p = 1 + t.worldPriceChange().get(r);
      assertThat(after).isCloseTo(before * Math.pow(p, 2.5), within(1e-7 * before));
    }
  }
}
