package org.tariffcast.simulation.equilibrium;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.tariffcast.model.run.SolverKind;
import org.tariffcast.simulation.EquilibriumException;

class CesAndLinearTest {
  static final List<String> THREE = List.of("US", "VN", "CN");

  /** US imports 100 from VN and 300 from CN; VN and CN import 50 each from the US; no tariffs. */
  static SectorMarket threeRegions(double[][] power0) {
    double[][] flows = {{0, 50, 50}, {100, 0, 0}, {300, 0, 0}};
    double[][] rate0 = new double[3][3];
    for (int r = 0; r < 3; r++) {
      for (int v = 0; v < 3; v++) {
        rate0[r][v] = power0[r][v] - 1;
      }
    }
    return SectorMarket.of("ELEC", THREE, flows, power0, rate0);
  }

  static double[][] ones() {
    return new double[][] {{1, 1, 1}, {1, 1, 1}, {1, 1, 1}};
  }

  static double[][] minusOne(double[][] t) {
    double[][] r = new double[t.length][t.length];
    for (int i = 0; i < t.length; i++) {
      for (int j = 0; j < t.length; j++) {
        r[i][j] = t[i][j] - 1;
      }
    }
    return r;
  }

  static final double INF = Double.POSITIVE_INFINITY;

  @Test
  void smartSettingLinearImportChangesAreTheHandComputedElasticitySums() {
    SectorMarket m = threeRegions(ones());
    double[][] t1 = ones();
    t1[1][0] = 1.2; // US tariff on VN: 0 -> 20 %
    Equilibrium e = Equilibria.solve(SolverKind.LINEAR, m, new double[] {-1.5, -1.5, -1.5}, new double[] {4, 4, 4},
        new double[] {INF, INF, INF}, t1, minusOne(t1));
    for (int r = 0; r < 3; r++) {
      assertThat(e.worldPriceChange(r)).isEqualTo(0.0);
      assertThat(e.producerSurplus(r)).isEqualTo(0.0);
    }
    // theta_VN = 100 / 400 = 0.25; own-price elasticity 0.25 x -1.5 - 0.75 x 4 = -3.375; M-hat = -3.375 x 0.2
    assertThat(e.flowRatio(1, 0)).isCloseTo(1 - 0.675, within(1e-12));
    assertThat(e.newFlow(1, 0)).isCloseTo(32.5, within(1e-10));
    // cross-price elasticity 0.25 x (-1.5 + 4) = 0.625; M-hat = 0.625 x 0.2 = 0.125
    assertThat(e.flowRatio(2, 0)).isCloseTo(1.125, within(1e-12));
    assertThat(e.newFlow(2, 0)).isCloseTo(337.5, within(1e-10));
    // flows into VN and CN do not move
    assertThat(e.flowRatio(0, 1)).isEqualTo(1.0);
    assertThat(e.flowRatio(0, 2)).isEqualTo(1.0);
    // dP = 0.25 x 0.2 = 0.05; CS = -1.5 x 400 x 0.05^2 / 2 - 400 x 0.05 = -20.75; TR = 32.5 x 0.2
    assertThat(e.compositePriceChange(0)).isCloseTo(0.05, within(1e-15));
    assertThat(e.consumerSurplus(0)).isCloseTo(-20.75, within(1e-10));
    assertThat(e.tariffRevenue(0)).isCloseTo(6.5, within(1e-10));
  }

  @Test
  void smartSettingCesImportChangesAreTheClosedForm() {
    SectorMarket m = threeRegions(ones());
    double[][] t1 = ones();
    t1[1][0] = 1.2;
    Equilibrium e = Equilibria.solve(SolverKind.CES, m, new double[] {-1.5, -1.5, -1.5}, new double[] {4, 4, 4},
        new double[] {INF, INF, INF}, t1, minusOne(t1));
    // world prices fixed: P = (0.25 x 1.2^-3 + 0.75)^(-1/3); q_VN = (1.2/P)^-4 P^-1.5; q_CN = P^4 P^-1.5
    double p = Math.pow(0.25 * Math.pow(1.2, -3) + 0.75, -1.0 / 3);
    assertThat(e.worldPriceChange(1)).isEqualTo(0.0);
    assertThat(e.flowRatio(1, 0)).isCloseTo(Math.pow(1.2 / p, -4) * Math.pow(p, -1.5), within(1e-12));
    assertThat(e.flowRatio(2, 0)).isCloseTo(Math.pow(p, 4) * Math.pow(p, -1.5), within(1e-12));
    assertThat(e.compositePriceChange(0)).isCloseTo(p - 1, within(1e-14));
    // CS = -R (P^(1+Em) - 1) / (1 + Em) with R = 400
    assertThat(e.consumerSurplus(0)).isCloseTo(-400 * (Math.pow(p, -0.5) - 1) / -0.5, within(1e-9));
    assertThat(e.iterations()).isZero();
  }

  @Test
  void cesAgreesWithLinearToFirstOrderTheGapShrinksWithTheSquareOfTheShock() {
    SectorMarket m = Gsim4x4Test.market();
    double[] em = Gsim4x4Test.fill(-1.25);
    double[] es = Gsim4x4Test.fill(5);
    double[] ex = Gsim4x4Test.fill(1.5);
    double previousGap = Double.NaN;
    double previousRelative = Double.NaN;
    for (double eps : new double[] {0.04, 0.02, 0.01, 0.005}) {
      double[][] t1 = Gsim4x4Test.copy(Gsim4x4Test.T0);
      t1[2][0] *= 1 - eps; // US and EU cut their tariffs on each other by a fraction eps of the power
      t1[0][2] *= 1 - eps;
      Equilibrium lin = Equilibria.solve(SolverKind.LINEAR, m, em, es, ex, t1, Gsim4x4Test.minusOne(t1));
      Equilibrium ces = Equilibria.solve(SolverKind.CES, m, em, es, ex, t1, Gsim4x4Test.minusOne(t1));
      double gap = 0;
      double relative = 0;
      for (int r = 0; r < 4; r++) {
        gap = Math.max(gap, Math.abs(ces.worldPriceChange(r) - lin.worldPriceChange(r)));
        for (int v = 0; v < 4; v++) {
          if (m.flow(r, v) > 0) {
            double dl = lin.flowRatio(r, v) - 1;
            double dc = ces.flowRatio(r, v) - 1;
            gap = Math.max(gap, Math.abs(dc - dl));
            relative = Math.max(relative, Math.abs(dc - dl) / Math.abs(dl));
          }
        }
        double wl = lin.netWelfare(r);
        double wc = ces.netWelfare(r);
        assertThat(Math.abs(wc - wl)).isLessThanOrEqualTo(Math.abs(wl) * 20 * eps + 1e-9);
      }
      if (!Double.isNaN(previousGap)) {
        // halving the shock quarters the absolute gap and halves the relative gap: O(shock^2)
        assertThat(previousGap / gap).as("gap ratio at eps " + eps).isBetween(3.4, 4.6);
        assertThat(previousRelative / relative).as("relative gap ratio at eps " + eps).isBetween(1.7, 2.3);
      }
      previousGap = gap;
      previousRelative = relative;
    }
  }

  @Test
  void aLargeTariffDrivesLinearFlowsNegativeButCesKeepsThemPositive() {
    // importer US buys 10 from VN and 90 from CN; 46 % on VN with Es = 8
    double[][] flows = {{0, 20, 20}, {10, 0, 5}, {90, 5, 0}};
    double[][] t0 = ones();
    SectorMarket m = SectorMarket.of("APP", THREE, flows, t0, minusOne(t0));
    double[][] t1 = ones();
    t1[1][0] = 1.46;
    double[] em = {-1.25, -1.25, -1.25};
    double[] es = {8, 8, 8};
    double[] ex = {5, 5, 5};
    Equilibrium lin = Equilibria.solve(SolverKind.LINEAR, m, em, es, ex, t1, minusOne(t1));
    Equilibrium ces = Equilibria.solve(SolverKind.CES, m, em, es, ex, t1, minusOne(t1));
    assertThat(lin.newFlow(1, 0)).isNegative();
    // it still falls by more than three quarters: VN's price falls, softening the 1.46^-8 = 0.05 drop
    assertThat(ces.newFlow(1, 0)).isPositive().isLessThan(2.5);
    for (int r = 0; r < 3; r++) {
      for (int v = 0; v < 3; v++) {
        assertThat(ces.newFlow(r, v)).isGreaterThanOrEqualTo(0);
      }
    }
  }

  @Test
  void anUnchangedWedgeGivesExactlyTheBaseEquilibrium() {
    for (SolverKind kind : SolverKind.values()) {
      SectorMarket m = Gsim4x4Test.market();
      double[][] t1 = Gsim4x4Test.copy(Gsim4x4Test.T0);
      Equilibrium e = Equilibria.solve(kind, m, Gsim4x4Test.fill(-1.25), Gsim4x4Test.fill(5), Gsim4x4Test.fill(1.5),
          t1, Gsim4x4Test.minusOne(t1));
      for (int r = 0; r < 4; r++) {
        assertThat(e.worldPriceChange(r)).isEqualTo(0.0);
        assertThat(e.netWelfare(r)).isEqualTo(0.0);
        for (int v = 0; v < 4; v++) {
          assertThat(e.newFlow(r, v)).isEqualTo(m.flow(r, v));
        }
      }
    }
  }

  @Test
  void unitSubstitutionElasticityIsTheCobbDouglasLimit() {
    SectorMarket m = threeRegions(ones());
    double[][] t1 = ones();
    t1[1][0] = 1.2;
    Equilibrium e = Equilibria.solve(SolverKind.CES, m, new double[] {-0.8, -0.8, -0.8}, new double[] {1, 1, 1},
        new double[] {INF, INF, INF}, t1, minusOne(t1));
    // P = 1.2^0.25; q_VN = (1.2/P)^-1 P^-0.8
    double p = Math.pow(1.2, 0.25);
    assertThat(e.flowRatio(1, 0)).isCloseTo(p / 1.2 * Math.pow(p, -0.8), within(1e-12));
    Equilibrium near = Equilibria.solve(SolverKind.CES, m, new double[] {-0.8, -0.8, -0.8},
        new double[] {1.00001, 1.00001, 1.00001}, new double[] {INF, INF, INF}, t1, minusOne(t1));
    assertThat(near.flowRatio(1, 0)).isCloseTo(e.flowRatio(1, 0), within(1e-5));
  }

  @Test
  void nonConvergenceIsAnErrorNamingTheSector() {
    SectorMarket m = threeRegions(ones());
    double[][] t1 = ones();
    t1[1][0] = 0.01;
    assertThatThrownBy(() -> Equilibria.solve(SolverKind.CES, m, new double[] {-1, -1, -1},
        new double[] {900, 900, 900}, new double[] {0.5, 0.5, 0.5}, t1, minusOne(t1)))
        .isInstanceOf(EquilibriumException.class)
        .hasMessageContaining("sector ELEC");
    EquilibriumException located = EquilibriumException.of("ELEC", "stalled").in("No deal", "reciprocal 46%", 17);
    assertThat(located.getMessage())
        .isEqualTo("no equilibrium in sector ELEC, scenario 'No deal', regime 'reciprocal 46%', trial 17: stalled");
  }
}
