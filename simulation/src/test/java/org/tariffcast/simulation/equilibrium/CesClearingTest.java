package org.tariffcast.simulation.equilibrium;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.tariffcast.model.run.SolverKind;

/**
 * The CES solver's equilibria clear every market to {@link CesSolver#TOLERANCE}, checked
 * independently of its incremental evaluation and chord steps: the clearing residual
 * {@code ln(sum_v phi_rv q_rv) - Ex_r ln p_r} recomputed with {@link StrictMath} from the
 * reported flows and prices, over random markets, elasticities (Es = 1 and near 1 included) and
 * tariff changes from small to very large, solved in sequence by one solver.
 */
class CesClearingTest {
  @Test
  void randomMarketsClearToTheToleranceWhenRecomputedDirectly() {
    Random rnd = new Random(11);
    EquilibriumSolver solver = EquilibriumSolver.of(SolverKind.CES, 7);
    int solved = 0;
    double worst = 0;
    for (int trial = 0; trial < 3000; trial++) {
      int n = 2 + rnd.nextInt(6);
      List<String> regions = new ArrayList<>();
      for (int r = 0; r < n; r++) {
        regions.add("R" + r);
      }
      double[][] flows = new double[n][n];
      double[][] t0 = new double[n][n];
      double[][] t1 = new double[n][n];
      double[][] rate = new double[n][n];
      for (int r = 0; r < n; r++) {
        for (int v = 0; v < n; v++) {
          flows[r][v] = rnd.nextDouble() < 0.15 ? 0 : Math.exp(rnd.nextGaussian() * 2);
          t0[r][v] = 1 + 0.2 * rnd.nextDouble();
          double scale = switch (trial % 4) {
            case 0 -> 1e-4;
            case 1 -> 0.05;
            case 2 -> 0.3;
            default -> 1.5;
          };
          t1[r][v] = rnd.nextDouble() < 0.4 ? t0[r][v] : t0[r][v] * (1 + scale * rnd.nextDouble());
        }
      }
      double[] em = new double[n];
      double[] es = new double[n];
      double[] ex = new double[n];
      for (int r = 0; r < n; r++) {
        em[r] = -0.3 - 2 * rnd.nextDouble();
        es[r] = switch (rnd.nextInt(6)) {
          case 0 -> 1;
          case 1 -> 1 + 5e-5 * (rnd.nextDouble() - 0.5);
          default -> 0.5 + 11 * rnd.nextDouble();
        };
        ex[r] = rnd.nextDouble() < 0.2 ? Double.POSITIVE_INFINITY : 0.5 + 8 * rnd.nextDouble();
      }
      SectorMarket m = SectorMarket.of("S", regions, flows, t0, rate);
      Equilibrium e = new Equilibrium(n);
      solver.prepare(m, em, es, ex);
      solver.solve(t1, rate, e);
      solved++;
      for (int r = 0; r < n; r++) {
        if (!(m.exports(r) > 0) || Double.isInfinite(ex[r])) {
          continue;
        }
        double p = 1 + e.worldPriceChange(r);
        double sales = 0;
        for (int v = 0; v < n; v++) {
          sales += m.phi(r, v) * e.flowRatio(r, v) / p; // quantity hat q = (M1/M0) / p
        }
        double residual = StrictMath.log(sales) - ex[r] * StrictMath.log(p);
        worst = Math.max(worst, Math.abs(residual));
      }
    }
    assertThat(solved).isEqualTo(3000);
    // the reported price and flows carry a few ulp of their own, beyond the solver's residual
    assertThat(worst).isLessThanOrEqualTo(CesSolver.TOLERANCE * (1 + 1e-3));
  }
}
