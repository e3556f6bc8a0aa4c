package org.tariffcast.simulation.equilibrium;

import org.tariffcast.model.run.SolverKind;

/** One-off solutions, allocating fresh work arrays: for tests, the central case and tools. */
public final class Equilibria {
  private Equilibria() {}

  /**
   * Solves {@code market} for new wedges.
   *
   * @param importDemand {@code Em} by importer
   * @param substitution {@code Es} by importer
   * @param exportSupply {@code Ex} by exporter ({@code +Infinity} allowed)
   * @param power1 new wedge powers {@code T1[r][v]}
   * @param rate1 new customs revenue per USD of flow {@code [r][v]}
   */
  public static Equilibrium solve(SolverKind kind, SectorMarket market, double[] importDemand, double[] substitution,
      double[] exportSupply, double[][] power1, double[][] rate1) {
    EquilibriumSolver solver = EquilibriumSolver.of(kind, market.size());
    solver.prepare(market, importDemand, substitution, exportSupply);
    Equilibrium out = new Equilibrium(market.size());
    solver.solve(power1, rate1, out);
    return out;
  }
}
