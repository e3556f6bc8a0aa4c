package org.tariffcast.simulation.equilibrium;

import org.tariffcast.model.run.SolverKind;

/**
 * Solves sector markets for tariff changes: {@link #prepare} once per market and elasticity
 * draw, then {@link #solve} for each tariff change. Two models: {@link LinearSolver} (GSIM) and
 * {@link CesSolver} (exact Armington-CES). An instance holds preallocated work arrays: one per
 * worker thread, not thread-safe.
 */
public sealed interface EquilibriumSolver permits PreparedMarketSolver {

  /** A solver of the given kind for markets of up to {@code maxRegions} regions. */
  static EquilibriumSolver of(SolverKind kind, int maxRegions) {
    if (kind == null) {
      throw new IllegalArgumentException("solver kind must not be null");
    }
    if (maxRegions < 2) {
      throw new IllegalArgumentException("maxRegions must be >= 2, found " + maxRegions);
    }
    return switch (kind) {
      case LINEAR -> new LinearSolver(maxRegions);
      case CES -> new CesSolver(maxRegions);
    };
  }

  SolverKind kind();

  /**
   * Sets the market and the elasticities of one draw (the linear solver also factors its
   * clearing system here, which depends on nothing else).
   *
   * @param market the sector market, at most the solver's capacity in regions
   * @param importDemand {@code Em[v] < 0} by importer
   * @param substitution {@code Es[v] > 0} by importer
   * @param exportSupply {@code Ex[r] > 0} by exporter, {@code +Infinity} for infinitely elastic supply
   */
  void prepare(SectorMarket market, double[] importDemand, double[] substitution, double[] exportSupply);

  /**
   * Solves the prepared market for new wedges.
   *
   * @param power1 power {@code T1} of the new wedge on every flow
   * @param rate1 customs revenue per USD of flow under the new wedges
   * @param out receives the equilibrium
   * @throws org.tariffcast.simulation.EquilibriumException if the solution fails or a result is not finite
   */
  void solve(double[][] power1, double[][] rate1, Equilibrium out);
}
