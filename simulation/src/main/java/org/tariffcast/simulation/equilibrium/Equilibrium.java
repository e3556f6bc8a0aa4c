package org.tariffcast.simulation.equilibrium;

import org.tariffcast.model.result.DomainWarning;
import org.tariffcast.model.result.Welfare;

/**
 * The solution of one sector market for one tariff change: world price changes, new flows and
 * welfare by region. A mutable holder that an {@link EquilibriumSolver} fills, so that the trial
 * kernel reuses it without allocating; {@link Equilibria#solve} returns a fresh one.
 *
 * <p>Units: price changes are fractions (0.05 is +5 %); {@link #flowRatio} is {@code M1/M0}
 * (new over base value at world prices); welfare parts are USD per year at base-year scale.
 */
public final class Equilibrium {
  final int n;
  SectorMarket market;
  final double[] worldPriceChange;
  final double[] compositePriceChange;
  final double[][] flowRatio;
  final double[] consumerSurplus;
  final double[] producerSurplus;
  final double[] tariffRevenue;
  int iterations;
  /** Bit {@code 1 << kind.ordinal()} for each {@link DomainWarning.Kind} this solution shows. */
  int domainFlags;

  public Equilibrium(int regions) {
    this.n = regions;
    worldPriceChange = new double[regions];
    compositePriceChange = new double[regions];
    flowRatio = new double[regions][regions];
    consumerSurplus = new double[regions];
    producerSurplus = new double[regions];
    tariffRevenue = new double[regions];
  }

  /** The market solved. */
  public SectorMarket market() {
    return market;
  }

  /** Proportional change of exporter r's price at world prices ({@code x_r}; 0 with infinite supply elasticity). */
  public double worldPriceChange(int r) {
    return worldPriceChange[r];
  }

  /**
   * Proportional change of importer v's composite internal price, the one its consumer surplus
   * uses: the exact CES price index, or for the linear solver GSIM's
   * {@code sum_s theta_sv ((1 + x_s)(1 + dT_sv) - 1)}.
   */
  public double compositePriceChange(int v) {
    return compositePriceChange[v];
  }

  /** New flow over base flow at world prices, {@code M1/M0 = (1 + M-hat)(1 + x)}; 1 where the base flow is 0. */
  public double flowRatio(int r, int v) {
    return flowRatio[r][v];
  }

  /** New flow, USD per year at world prices. */
  public double newFlow(int r, int v) {
    return market.flows[r][v] * flowRatio[r][v];
  }

  public double consumerSurplus(int region) {
    return consumerSurplus[region];
  }

  public double producerSurplus(int region) {
    return producerSurplus[region];
  }

  public double tariffRevenue(int region) {
    return tariffRevenue[region];
  }

  /** Consumer surplus, producer surplus, tariff revenue change and their sum, USD per year. */
  public Welfare welfare(int region) {
    return Welfare.of(consumerSurplus[region], producerSurplus[region], tariffRevenue[region]);
  }

  /** Net welfare change (the three parts summed in that order), USD per year. */
  public double netWelfare(int region) {
    return consumerSurplus[region] + producerSurplus[region] + tariffRevenue[region];
  }

  /** Newton iterations used (0 for the linear solver or an unchanged market). */
  public int iterations() {
    return iterations;
  }

  /**
   * The ways this solution is outside its model's range, bit {@code 1 << kind.ordinal()} for each
   * {@link DomainWarning.Kind}: 0 when it is within (always for an unchanged market).
   */
  public int domainFlags() {
    return domainFlags;
  }

  /** Sets the unchanged equilibrium: no price change, flows at base, welfare zero except revenue-rate changes. */
  void setUnchanged(SectorMarket m, double[][] rate1) {
    market = m;
    iterations = 0;
    domainFlags = 0;
    for (int r = 0; r < n; r++) {
      worldPriceChange[r] = 0;
      compositePriceChange[r] = 0;
      consumerSurplus[r] = 0;
      producerSurplus[r] = 0;
      java.util.Arrays.fill(flowRatio[r], 1.0);
    }
    revenue(m, rate1);
  }

  /** Tariff revenue change by importer: {@code sum_s M1 rate1 - M0 rate0}. */
  void revenue(SectorMarket m, double[][] rate1) {
    for (int v = 0; v < n; v++) {
      double tr = 0;
      for (int s = 0; s < n; s++) {
        double m0 = m.flows[s][v];
        if (m0 != 0) {
          tr += m0 * flowRatio[s][v] * rate1[s][v] - m0 * m.rate0[s][v];
        }
      }
      tariffRevenue[v] = tr;
    }
  }
}
