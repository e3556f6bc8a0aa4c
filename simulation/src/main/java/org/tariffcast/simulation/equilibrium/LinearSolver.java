package org.tariffcast.simulation.equilibrium;

import java.util.Arrays;
import org.tariffcast.model.result.DomainWarning;
import org.tariffcast.model.run.SolverKind;
import org.tariffcast.simulation.EquilibriumException;

/**
 * The linear model of GSIM (Francois and Hall 2003), its equations and welfare formulas as
 * published. The shock is {@code dT = T1/T0 - 1}; internal price changes
 * {@code P-hat_rv = dT_rv + x_r}; importer v's composite price change in demand
 * {@code P-hat_v = sum_s theta_sv P-hat_sv}; import changes
 * {@code M-hat_rv = (Em_v + Es_v) P-hat_v - Es_v P-hat_rv} (own-price elasticity
 * {@code theta Em - (1 - theta) Es}, cross-price {@code theta_s (Em + Es)}); clearing
 * {@code sum_v phi_rv M-hat_rv = Ex_r x_r}, a linear system in the world price changes x of the
 * exporters with finite supply elasticity and positive exports (the others keep x = 0: SMART's
 * setting), factored once per {@link #prepare}. New flows {@code M1 = M0 (1 + M-hat)(1 + x)} may
 * turn negative for large shocks. Welfare: {@code PS_r = X_r x_r (1 + Ex_r x_r / 2)} with X_r
 * exports at world prices; {@code CS_v = Em_v R_v dP^2 sign(dP) / 2 - R_v dP} with R_v
 * expenditure at internal prices and GSIM's composite price change
 * {@code dP = sum_s theta_sv ((1 + x_s)(1 + dT_sv) - 1)} (the first-order {@code P-hat_v} plus the
 * cross terms {@code theta x dT}; this is also {@link Equilibrium#compositePriceChange}); tariff
 * revenue {@code sum_s M1 rate1 - M0 rate0}. The {@code sign(dP)} term is GSIM's as published:
 * for a price rise it adds {@code -|Em| R dP^2 / 2} to the surplus where the area behind a
 * linear demand curve adds {@code +|Em| R dP^2 / 2} (for a price fall both add the same); the two
 * agree to first order. The exact integrals are the CES solver's.
 */
public final class LinearSolver extends PreparedMarketSolver {
  private final DenseLu system;
  private final double[][] shock;
  /** Composite price change from the tariffs alone, by importer. */
  private final double[] tariffComposite;
  private final double[] rhs;

  LinearSolver(int capacity) {
    super(capacity);
    system = new DenseLu(capacity);
    shock = new double[capacity][capacity];
    tariffComposite = new double[capacity];
    rhs = new double[capacity];
  }

  @Override
  public SolverKind kind() {
    return SolverKind.LINEAR;
  }

  /** Builds and factors the clearing system of the unknown world price changes. */
  @Override
  void prepareModel(SectorMarket m) {
    double[][] mat = system.matrix();
    for (int i = 0; i < unknowns; i++) {
      int r = unknown[i];
      double[] phiR = m.phi[r];
      double diag = ex[r];
      for (int v = 0; v < n; v++) {
        diag += phiR[v] * es[v];
      }
      for (int j = 0; j < unknowns; j++) {
        int s = unknown[j];
        double c = 0;
        for (int v = 0; v < n; v++) {
          c += phiR[v] * emes[v] * m.theta[s][v];
        }
        mat[i][j] = (i == j ? diag : 0) - c;
      }
    }
    if (!system.factor(unknowns)) {
      throw EquilibriumException.of(m.sector(), "the linear clearing system is singular for these elasticities");
    }
  }

  /**
   * Negative new flows (a base flow with {@code (1 + M-hat)(1 + x) < 0}) and negative new tariff
   * revenue of an importer ({@code sum_s M1 rate1 < 0}): the first-order model extrapolated
   * past zero.
   */
  @Override
  int domainFlags(SectorMarket m, double[][] rate1, Equilibrium out) {
    int flags = 0;
    for (int v = 0; v < n; v++) {
      double revenue = 0;
      for (int r = 0; r < n; r++) {
        double m0 = m.flows[r][v];
        if (m0 != 0) {
          double ratioRv = out.flowRatio[r][v];
          if (ratioRv < 0) {
            flags |= 1 << DomainWarning.Kind.NEGATIVE_FLOW.ordinal();
          }
          revenue += m0 * ratioRv * rate1[r][v];
        }
      }
      if (revenue < 0) {
        flags |= 1 << DomainWarning.Kind.NEGATIVE_REVENUE.ordinal();
      }
    }
    return flags;
  }

  @Override
  void solveChanged(SectorMarket m, Equilibrium out) {
    for (int r = 0; r < n; r++) {
      for (int v = 0; v < n; v++) {
        shock[r][v] = ratio[r][v] - 1;
      }
    }
    prices(m, shock, out.worldPriceChange);
    flowsAndWelfare(m, out);
  }

  /** Solves the clearing system for the shock {@code dT[r][v]}: world price changes of every exporter into {@code x}. */
  private void prices(SectorMarket m, double[][] dT, double[] x) {
    for (int v = 0; v < n; v++) {
      double s = 0;
      for (int r = 0; r < n; r++) {
        s += m.theta[r][v] * dT[r][v];
      }
      tariffComposite[v] = s;
    }
    for (int i = 0; i < unknowns; i++) {
      int r = unknown[i];
      double s = 0;
      for (int v = 0; v < n; v++) {
        double ph = m.phi[r][v];
        if (ph != 0) {
          s += ph * (emes[v] * tariffComposite[v] - es[v] * dT[r][v]);
        }
      }
      rhs[i] = s;
    }
    system.solve(rhs);
    Arrays.fill(x, 0, n, 0.0);
    for (int i = 0; i < unknowns; i++) {
      x[unknown[i]] = rhs[i];
    }
  }

  private void flowsAndWelfare(SectorMarket m, Equilibrium out) {
    double[] x = out.worldPriceChange;
    out.iterations = 0;
    for (int v = 0; v < n; v++) {
      double dp = 0; // first order, drives demand
      double dpWelfare = 0; // GSIM's composite for welfare
      for (int s = 0; s < n; s++) {
        double theta = m.theta[s][v];
        dp += theta * ((ratio[s][v] - 1) + x[s]);
        dpWelfare += theta * ((1 + x[s]) * ratio[s][v] - 1);
      }
      out.compositePriceChange[v] = dpWelfare;
      for (int r = 0; r < n; r++) {
        if (m.flows[r][v] == 0) {
          out.flowRatio[r][v] = 1;
        } else {
          double mhat = emes[v] * dp - es[v] * ((ratio[r][v] - 1) + x[r]);
          out.flowRatio[r][v] = (1 + mhat) * (1 + x[r]);
        }
      }
      double r0 = m.expenditure[v];
      out.consumerSurplus[v] = em[v] * r0 * dpWelfare * dpWelfare * Math.signum(dpWelfare) / 2 - r0 * dpWelfare;
    }
    for (int r = 0; r < n; r++) {
      double xr = x[r];
      out.producerSurplus[r] = xr == 0 ? 0 : m.exports[r] * xr * (1 + ex[r] * xr / 2);
    }
  }
}
