package org.tariffcast.model.trade;

import static org.tariffcast.model.Checks.copy;
import static org.tariffcast.model.Checks.notBlank;
import static org.tariffcast.model.Checks.noDuplicates;

import java.util.Arrays;
import java.util.List;

/**
 * Base-year flows of one sector, exporter (row) by importer (column), in USD per year at
 * world (pre-tariff) prices. The diagonal holds intra-regional trade or domestic sales when
 * the study includes them. Immutable.
 */
public final class TradeMatrix {
  private final String sector;
  private final List<String> regions;
  private final double[][] flows;

  private TradeMatrix(String sector, List<String> regions, double[][] flows) {
    this.sector = notBlank(sector, "trade matrix sector");
    this.regions = copy(regions, "trade matrix regions");
    noDuplicates(this.regions, "trade matrix regions");
    int n = this.regions.size();
    if (n < 2) {
      throw new IllegalArgumentException("trade matrix of sector " + sector + " needs at least 2 regions, found " + n);
    }
    if (flows.length != n) {
      throw new IllegalArgumentException("trade matrix of sector " + sector + " must have " + n + " rows, found " + flows.length);
    }
    this.flows = new double[n][];
    for (int r = 0; r < n; r++) {
      if (flows[r].length != n) {
        throw new IllegalArgumentException("trade matrix of sector " + sector + " row " + this.regions.get(r)
            + " must have " + n + " columns, found " + flows[r].length);
      }
      for (int v = 0; v < n; v++) {
        double x = flows[r][v];
        if (!(x >= 0) || Double.isInfinite(x)) {
          throw new IllegalArgumentException("trade flow " + this.regions.get(r) + "->" + this.regions.get(v)
              + " in sector " + sector + " must be a finite USD value >= 0, found " + x);
        }
      }
      this.flows[r] = flows[r].clone();
    }
  }

  /** Flows in USD per year, {@code flows[exporter][importer]}, regions in the given order. */
  public static TradeMatrix of(String sector, List<String> regions, double[][] flows) {
    return new TradeMatrix(sector, regions, flows);
  }

  public String sector() {
    return sector;
  }

  public List<String> regions() {
    return regions;
  }

  public int size() {
    return regions.size();
  }

  /** USD per year from exporter index {@code r} to importer index {@code v}. */
  public double flow(int r, int v) {
    return flows[r][v];
  }

  public double flow(String exporter, String importer) {
    return flows[index(exporter)][index(importer)];
  }

  public int index(String region) {
    int i = regions.indexOf(region);
    if (i < 0) {
      throw new IllegalArgumentException("region '" + region + "' is not in trade matrix of sector " + sector
          + " (regions " + regions + ")");
    }
    return i;
  }

  /** Total exports of exporter {@code r} (USD per year, diagonal included). */
  public double exports(int r) {
    return Arrays.stream(flows[r]).sum();
  }

  /** Total imports of importer {@code v} (USD per year, diagonal included). */
  public double imports(int v) {
    double s = 0;
    for (double[] row : flows) {
      s += row[v];
    }
    return s;
  }

  /** A copy of the flows, {@code [exporter][importer]}. */
  public double[][] toArray() {
    double[][] out = new double[flows.length][];
    for (int i = 0; i < flows.length; i++) {
      out[i] = flows[i].clone();
    }
    return out;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof TradeMatrix t && sector.equals(t.sector) && regions.equals(t.regions)
        && Arrays.deepEquals(flows, t.flows);
  }

  @Override
  public int hashCode() {
    return 31 * (31 * sector.hashCode() + regions.hashCode()) + Arrays.deepHashCode(flows);
  }

  @Override
  public String toString() {
    return "TradeMatrix[" + sector + ", " + regions + ", " + Arrays.deepToString(flows) + "]";
  }
}
