package org.tariffcast.model.trade;

import static org.tariffcast.model.Checks.copy;
import static org.tariffcast.model.Checks.notBlank;
import static org.tariffcast.model.Checks.notNull;

import java.util.Arrays;
import java.util.List;

/** The wedge on every exporter (row) to importer (column) flow of one sector. Immutable. */
public final class TariffMatrix {
  private final String sector;
  private final List<String> regions;
  private final TariffWedge[][] wedges;

  private TariffMatrix(String sector, List<String> regions, TariffWedge[][] wedges) {
    this.sector = notBlank(sector, "tariff matrix sector");
    this.regions = copy(regions, "tariff matrix regions");
    int n = this.regions.size();
    if (wedges.length != n) {
      throw new IllegalArgumentException("tariff matrix of sector " + sector + " must have " + n + " rows, found " + wedges.length);
    }
    this.wedges = new TariffWedge[n][];
    for (int r = 0; r < n; r++) {
      if (wedges[r].length != n) {
        throw new IllegalArgumentException("tariff matrix of sector " + sector + " row " + this.regions.get(r)
            + " must have " + n + " columns, found " + wedges[r].length);
      }
      for (int v = 0; v < n; v++) {
        notNull(wedges[r][v], "wedge " + this.regions.get(r) + "->" + this.regions.get(v) + " in sector " + sector);
      }
      this.wedges[r] = wedges[r].clone();
    }
  }

  public static TariffMatrix of(String sector, List<String> regions, TariffWedge[][] wedges) {
    return new TariffMatrix(sector, regions, wedges);
  }

  /** Free trade on every flow. */
  public static TariffMatrix free(String sector, List<String> regions) {
    TariffWedge[][] w = new TariffWedge[regions.size()][regions.size()];
    for (TariffWedge[] row : w) {
      Arrays.fill(row, TariffWedge.FREE);
    }
    return new TariffMatrix(sector, regions, w);
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

  public TariffWedge wedge(int exporter, int importer) {
    return wedges[exporter][importer];
  }

  public TariffWedge wedge(String exporter, String importer) {
    return wedges[regions.indexOf(exporter)][regions.indexOf(importer)];
  }

  /** A copy with one wedge replaced. */
  public TariffMatrix with(int exporter, int importer, TariffWedge wedge) {
    TariffWedge[][] w = toArray();
    w[exporter][importer] = wedge;
    return new TariffMatrix(sector, regions, w);
  }

  public TariffWedge[][] toArray() {
    TariffWedge[][] out = new TariffWedge[wedges.length][];
    for (int i = 0; i < wedges.length; i++) {
      out[i] = wedges[i].clone();
    }
    return out;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof TariffMatrix t && sector.equals(t.sector) && regions.equals(t.regions)
        && Arrays.deepEquals(wedges, t.wedges);
  }

  @Override
  public int hashCode() {
    return 31 * (31 * sector.hashCode() + regions.hashCode()) + Arrays.deepHashCode(wedges);
  }

  @Override
  public String toString() {
    return "TariffMatrix[" + sector + ", " + regions + "]";
  }
}
