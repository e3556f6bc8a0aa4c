package org.tariffcast.model.trade;

import static org.tariffcast.model.Checks.finite;
import static org.tariffcast.model.Checks.fraction;

/**
 * Everything that separates the importer's internal price from the world price on one
 * exporter-to-importer flow, each part as a fraction of the world price (0.46 is 46 %).
 *
 * <p>The parts add: {@code t = adValorem + antiDumping + nonTariffBarrier + exportControl}.
 * A share {@code transshipmentShare} of the flow is deemed transshipped and pays
 * {@code transshipmentRate} instead of {@code adValorem}. The power of the wedge is
 * {@code T = (1 - d)(1 + t) + d(1 + t_trans)}.
 *
 * @param adValorem ad valorem tariff, including surcharges (reciprocal, Section 301)
 * @param antiDumping ad valorem equivalent of anti-dumping and countervailing duties
 * @param nonTariffBarrier ad valorem equivalent of non-tariff barriers (a cost, not revenue)
 * @param exportControl ad valorem equivalent of the exporter's controls on this flow (not revenue)
 * @param transshipmentShare share d of the flow deemed transshipped, in [0, 1]
 * @param transshipmentRate ad valorem rate charged on the transshipped share
 */
public record TariffWedge(
    double adValorem,
    double antiDumping,
    double nonTariffBarrier,
    double exportControl,
    double transshipmentShare,
    double transshipmentRate) {

  /** No wedge at all: free trade. */
  public static final TariffWedge FREE = new TariffWedge(0, 0, 0, 0, 0, 0);

  public TariffWedge {
    check(adValorem, "adValorem");
    check(antiDumping, "antiDumping");
    check(nonTariffBarrier, "nonTariffBarrier");
    check(exportControl, "exportControl");
    fraction(transshipmentShare, "transshipmentShare");
    check(transshipmentRate, "transshipmentRate");
  }

  private static void check(double v, String name) {
    finite(v, name);
    if (v <= -1) {
      throw new IllegalArgumentException(name + " must be > -1 (a fraction of the world price), found " + v);
    }
  }

  public static TariffWedge of(double adValorem, double antiDumping, double nonTariffBarrier,
      double exportControl, double transshipmentShare, double transshipmentRate) {
    return new TariffWedge(adValorem, antiDumping, nonTariffBarrier, exportControl, transshipmentShare,
        transshipmentRate);
  }

  /** A plain ad valorem tariff and nothing else. */
  public static TariffWedge adValorem(double rate) {
    return new TariffWedge(rate, 0, 0, 0, 0, 0);
  }

  /** The parts other than the ad valorem tariff, paid by transshipped and direct goods alike. */
  public double otherParts() {
    return antiDumping + nonTariffBarrier + exportControl;
  }

  /** The power {@code T = (1-d)(1+t) + d(1+t_trans)}: internal price / world price. */
  public double power() {
    double other = otherParts();
    return (1 - transshipmentShare) * (1 + adValorem + other)
        + transshipmentShare * (1 + transshipmentRate + other);
  }

  /**
   * Customs revenue per USD of flow at world prices: duties only (ad valorem, transshipment
   * rate, anti-dumping), not the cost equivalents of barriers or controls.
   */
  public double revenueRate() {
    return (1 - transshipmentShare) * adValorem + transshipmentShare * transshipmentRate + antiDumping;
  }
}
