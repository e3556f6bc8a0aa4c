package org.tariffcast.simulation.equilibrium;

import org.tariffcast.simulation.EquilibriumException;

/**
 * What both solvers share: the prepared market and elasticity draw, the exporters whose world
 * price is unknown (finite supply elasticity and positive exports; the others keep their price:
 * SMART's setting), the tariff power ratios {@code T1/T0} of a solve, the unchanged shortcut,
 * tariff revenue and the finiteness check. A subclass supplies the model: {@link #prepareModel} after
 * a prepare, {@link #solveChanged} for a tariff change.
 */
abstract sealed class PreparedMarketSolver implements EquilibriumSolver permits LinearSolver, CesSolver {
  final int capacity;
  /** The prepared market; null before the first prepare. */
  SectorMarket market;
  /** The prepared market's size. */
  int n;
  /** Import demand elasticity by importer. */
  final double[] em;
  /** Substitution elasticity by importer. */
  final double[] es;
  /** Export supply elasticity by exporter. */
  final double[] ex;
  /** {@code Em + Es} by importer. */
  final double[] emes;
  /** The exporters with an unknown world price, {@code [0, unknowns)}. */
  final int[] unknown;
  int unknowns;
  /** {@code T1/T0} of the current solve, {@code [r][v]}. */
  final double[][] ratio;

  PreparedMarketSolver(int capacity) {
    this.capacity = capacity;
    em = new double[capacity];
    es = new double[capacity];
    ex = new double[capacity];
    emes = new double[capacity];
    unknown = new int[capacity];
    ratio = new double[capacity][capacity];
  }

  @Override
  public final void prepare(SectorMarket m, double[] importDemand, double[] substitution, double[] exportSupply) {
    int size = m.size();
    if (size > capacity) {
      throw new IllegalArgumentException("market of sector " + m.sector() + " has " + size
          + " regions, more than this solver's capacity " + capacity);
    }
    for (int r = 0; r < size; r++) {
      if (!(importDemand[r] < 0) || Double.isInfinite(importDemand[r])) {
        throw new IllegalArgumentException("import demand elasticity" + where(m, r) + " must be a finite number < 0, "
            + "found " + importDemand[r]);
      }
      if (!(substitution[r] > 0) || Double.isInfinite(substitution[r])) {
        throw new IllegalArgumentException("substitution elasticity" + where(m, r) + " must be a finite number > 0, "
            + "found " + substitution[r]);
      }
      if (!(exportSupply[r] > 0)) {
        throw new IllegalArgumentException("export supply elasticity" + where(m, r) + " must be > 0 (or inf), found "
            + exportSupply[r]);
      }
    }
    market = m;
    n = size;
    unknowns = 0;
    for (int r = 0; r < n; r++) {
      em[r] = importDemand[r];
      es[r] = substitution[r];
      ex[r] = exportSupply[r];
      emes[r] = em[r] + es[r];
      if (m.exports[r] > 0 && !Double.isInfinite(ex[r])) {
        unknown[unknowns++] = r;
      }
    }
    prepareModel(m);
  }

  /** Called at the end of {@link #prepare}, with every field set. */
  abstract void prepareModel(SectorMarket m);

  private static String where(SectorMarket m, int r) {
    return " of region " + m.regions().get(r) + " in sector " + m.sector();
  }

  @Override
  public final void solve(double[][] power1, double[][] rate1, Equilibrium out) {
    SectorMarket m = market;
    if (m == null) {
      throw new IllegalStateException("prepare(...) must be called before solve(...)");
    }
    if (out.n != n) {
      throw new IllegalArgumentException("equilibrium holder has " + out.n + " regions, market has " + n);
    }
    boolean changed = false;
    for (int r = 0; r < n; r++) {
      for (int v = 0; v < n; v++) {
        double t1 = power1[r][v];
        if (!(t1 > 0) || Double.isInfinite(t1)) {
          throw EquilibriumException.of(m.sector(), "new tariff power " + m.regions().get(r) + "->"
              + m.regions().get(v) + " must be a finite number > 0, found " + t1);
        }
        if (t1 != m.power0[r][v]) {
          ratio[r][v] = t1 / m.power0[r][v];
          changed = true;
        } else {
          ratio[r][v] = 1;
        }
      }
    }
    if (!changed) {
      out.setUnchanged(m, rate1);
      return;
    }
    out.market = m;
    solveChanged(m, out);
    out.revenue(m, rate1);
    check(m, out);
    out.domainFlags = domainFlags(m, rate1, out);
  }

  /** The {@link Equilibrium#domainFlags()} of a finished solution. */
  abstract int domainFlags(SectorMarket m, double[][] rate1, Equilibrium out);

  /**
   * Fills {@code out}'s world and composite price changes, flow ratios, consumer and producer
   * surplus and iterations for the tariff ratios in {@link #ratio} (not all 1).
   */
  abstract void solveChanged(SectorMarket m, Equilibrium out);

  private static void check(SectorMarket m, Equilibrium out) {
    int n = m.size();
    for (int r = 0; r < n; r++) {
      if (!Double.isFinite(out.worldPriceChange[r]) || !Double.isFinite(out.consumerSurplus[r])
          || !Double.isFinite(out.producerSurplus[r]) || !Double.isFinite(out.tariffRevenue[r])) {
        throw EquilibriumException.of(m.sector(), "a result for region " + m.regions().get(r) + " is not finite");
      }
      for (int v = 0; v < n; v++) {
        if (!Double.isFinite(out.flowRatio[r][v])) {
          throw EquilibriumException.of(m.sector(), "the new flow " + m.regions().get(r) + "->" + m.regions().get(v)
              + " is not finite");
        }
      }
    }
  }
}
