package org.tariffcast.simulation.equilibrium;

import java.util.List;
import org.tariffcast.model.trade.TariffMatrix;
import org.tariffcast.model.trade.TradeMatrix;

/**
 * The calibration of one sector's market: base-year flows at world prices, the power of the
 * base wedge on every flow, and the shares both solvers use. Rows are exporters {@code r},
 * columns importers {@code v}; the diagonal holds intra-regional trade when the study has it.
 * Immutable.
 *
 * <ul>
 *   <li>{@code theta[s][v]}: importer v's expenditure share on source s at internal prices,
 *       {@code M0 T0 / sum_s M0 T0}; a column of zeros when v imports nothing.</li>
 *   <li>{@code phi[r][v]}: exporter r's sales share to v at world prices, {@code M0 / sum_v M0}.</li>
 * </ul>
 */
public final class SectorMarket {
  private final String sector;
  private final List<String> regions;
  private final int n;
  final double[][] flows;
  final double[][] power0;
  final double[][] rate0;
  final double[][] theta;
  final double[][] phi;
  final double[] thetaSum;
  final double[] exports;
  final double[] expenditure;
  /** {@code theta} transposed and flattened: {@code thetaT[v * n + s] = theta[s][v]}. */
  final double[] thetaT;
  /** Per importer v: the sources s with {@code theta_sv != 0}, at {@code [v * n + k]} for k < sourceCount[v]. */
  final int[] sources;
  final int[] sourceCount;
  /** Per exporter r: the destinations v with {@code phi_rv != 0}, at {@code [r * n + k]} for k < destinationCount[r]. */
  final int[] destinations;
  final int[] destinationCount;
  /** {@code sum_v phi_rv}: 1, up to rounding, for exporters with exports, else 0. */
  final double[] phiSum;

  private SectorMarket(String sector, List<String> regions, double[][] flows, double[][] power0, double[][] rate0) {
    this.sector = sector;
    this.regions = List.copyOf(regions);
    this.n = regions.size();
    if (n < 2) {
      throw new IllegalArgumentException("a market needs at least 2 regions, found " + n + " in sector " + sector);
    }
    this.flows = copy(flows, "flows", sector);
    this.power0 = copy(power0, "power0", sector);
    this.rate0 = copy(rate0, "rate0", sector);
    for (int r = 0; r < n; r++) {
      for (int v = 0; v < n; v++) {
        if (!(this.flows[r][v] >= 0) || Double.isInfinite(this.flows[r][v])) {
          throw new IllegalArgumentException("flow " + regions.get(r) + "->" + regions.get(v) + " in sector " + sector
              + " must be a finite USD value >= 0, found " + this.flows[r][v]);
        }
        if (!(this.power0[r][v] > 0) || Double.isInfinite(this.power0[r][v])) {
          throw new IllegalArgumentException("tariff power " + regions.get(r) + "->" + regions.get(v) + " in sector "
              + sector + " must be a finite number > 0, found " + this.power0[r][v]);
        }
      }
    }
    theta = new double[n][n];
    phi = new double[n][n];
    thetaSum = new double[n];
    exports = new double[n];
    expenditure = new double[n];
    for (int v = 0; v < n; v++) {
      double e = 0;
      for (int s = 0; s < n; s++) {
        e += this.flows[s][v] * this.power0[s][v];
      }
      expenditure[v] = e;
      if (e > 0) {
        double sum = 0;
        for (int s = 0; s < n; s++) {
          theta[s][v] = this.flows[s][v] * this.power0[s][v] / e;
          sum += theta[s][v];
        }
        thetaSum[v] = sum;
      }
    }
    for (int r = 0; r < n; r++) {
      double x = 0;
      for (int v = 0; v < n; v++) {
        x += this.flows[r][v];
      }
      exports[r] = x;
      if (x > 0) {
        for (int v = 0; v < n; v++) {
          phi[r][v] = this.flows[r][v] / x;
        }
      }
    }
    // the solvers' view of the structure, computed once per market rather than per solve
    thetaT = new double[n * n];
    sources = new int[n * n];
    sourceCount = new int[n];
    destinations = new int[n * n];
    destinationCount = new int[n];
    phiSum = new double[n];
    for (int v = 0; v < n; v++) {
      int k = 0;
      for (int r = 0; r < n; r++) {
        double th = theta[r][v];
        thetaT[v * n + r] = th;
        if (th != 0) {
          sources[v * n + k++] = r;
        }
      }
      sourceCount[v] = k;
    }
    for (int r = 0; r < n; r++) {
      int k = 0;
      double s = 0;
      for (int v = 0; v < n; v++) {
        s += phi[r][v];
        if (phi[r][v] != 0) {
          destinations[r * n + k++] = v;
        }
      }
      destinationCount[r] = k;
      phiSum[r] = s;
    }
  }

  /** From a study's base flows (USD per year) and base wedges of one sector. */
  public static SectorMarket of(TradeMatrix flows, TariffMatrix baseTariffs) {
    if (!flows.regions().equals(baseTariffs.regions())) {
      throw new IllegalArgumentException("flows and tariffs of sector " + flows.sector() + " must share regions, found "
          + flows.regions() + " and " + baseTariffs.regions());
    }
    int n = flows.size();
    double[][] power = new double[n][n];
    double[][] rate = new double[n][n];
    for (int r = 0; r < n; r++) {
      for (int v = 0; v < n; v++) {
        power[r][v] = WedgeArithmetic.power(baseTariffs.wedge(r, v));
        rate[r][v] = WedgeArithmetic.revenueRate(baseTariffs.wedge(r, v));
      }
    }
    return new SectorMarket(flows.sector(), flows.regions(), flows.toArray(), power, rate);
  }

  /**
   * From arrays: {@code flows[r][v]} USD per year at world prices, {@code power0[r][v]} the
   * power {@code T0 = 1 + t} of the base wedge, {@code rate0[r][v]} customs revenue per USD of
   * flow (a fraction).
   */
  public static SectorMarket of(String sector, List<String> regions, double[][] flows, double[][] power0,
      double[][] rate0) {
    return new SectorMarket(sector, regions, flows, power0, rate0);
  }

  public String sector() {
    return sector;
  }

  public List<String> regions() {
    return regions;
  }

  public int size() {
    return n;
  }

  /** Base flow, USD per year at world prices. */
  public double flow(int exporter, int importer) {
    return flows[exporter][importer];
  }

  /** Power of the base wedge {@code T0}. */
  public double power0(int exporter, int importer) {
    return power0[exporter][importer];
  }

  /** Base customs revenue per USD of flow. */
  public double revenueRate0(int exporter, int importer) {
    return rate0[exporter][importer];
  }

  /** Importer v's expenditure share on source s at internal prices. */
  public double theta(int source, int importer) {
    return theta[source][importer];
  }

  /** Exporter r's sales share to v at world prices. */
  public double phi(int exporter, int importer) {
    return phi[exporter][importer];
  }

  /** Total exports of r at world prices, diagonal included, USD per year. */
  public double exports(int exporter) {
    return exports[exporter];
  }

  /** Total expenditure of v on the sector's goods at internal prices, USD per year. */
  public double expenditure(int importer) {
    return expenditure[importer];
  }

  private static double[][] copy(double[][] a, String what, String sector) {
    if (a == null) {
      throw new IllegalArgumentException(what + " of sector " + sector + " must not be null");
    }
    double[][] out = new double[a.length][];
    for (int i = 0; i < a.length; i++) {
      if (a[i].length != a.length) {
        throw new IllegalArgumentException(what + " of sector " + sector + " must be square, found row " + i
            + " of length " + a[i].length + " in a matrix of " + a.length + " rows");
      }
      out[i] = a[i].clone();
    }
    return out;
  }
}
