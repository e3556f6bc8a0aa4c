package org.tariffcast.simulation.equilibrium;

import org.tariffcast.model.trade.TariffWedge;

/**
 * The power and revenue rate of a wedge held as six primitive parts, computed exactly as
 * {@link TariffWedge#power()} and {@link TariffWedge#revenueRate()} do (same operations in
 * the same order, hence bit-for-bit the same values), so that the trial kernel can edit wedges
 * without allocating and still recognise an unchanged wedge by equality.
 *
 * <p>Parts are indexed by the {@code AD_VALOREM ... TRANSSHIPMENT_RATE} constants below.
 */
public final class WedgeArithmetic {
  public static final int AD_VALOREM = 0;
  public static final int ANTI_DUMPING = 1;
  public static final int NON_TARIFF_BARRIER = 2;
  public static final int EXPORT_CONTROL = 3;
  public static final int TRANSSHIPMENT_SHARE = 4;
  public static final int TRANSSHIPMENT_RATE = 5;
  /** Number of parts. */
  public static final int PARTS = 6;

  private WedgeArithmetic() {}

  /** The parts of a wedge, in index order. */
  public static double[] parts(TariffWedge w) {
    return new double[] {w.adValorem(), w.antiDumping(), w.nonTariffBarrier(), w.exportControl(),
        w.transshipmentShare(), w.transshipmentRate()};
  }

  public static double power(TariffWedge w) {
    return power(w.adValorem(), w.antiDumping(), w.nonTariffBarrier(), w.exportControl(), w.transshipmentShare(),
        w.transshipmentRate());
  }

  public static double revenueRate(TariffWedge w) {
    return revenueRate(w.adValorem(), w.antiDumping(), w.transshipmentShare(), w.transshipmentRate());
  }

  /** {@code T = (1-d)(1+t+other) + d(1+t_trans+other)}, other = anti-dumping + NTB + export control. */
  public static double power(double adValorem, double antiDumping, double nonTariffBarrier, double exportControl,
      double transshipmentShare, double transshipmentRate) {
    double other = antiDumping + nonTariffBarrier + exportControl;
    return (1 - transshipmentShare) * (1 + adValorem + other)
        + transshipmentShare * (1 + transshipmentRate + other);
  }

  /** Customs revenue per USD at world prices: {@code (1-d) t + d t_trans + anti-dumping}. */
  public static double revenueRate(double adValorem, double antiDumping, double transshipmentShare,
      double transshipmentRate) {
    return (1 - transshipmentShare) * adValorem + transshipmentShare * transshipmentRate + antiDumping;
  }

  /** Power of parts held at {@code offset} in {@code p}. */
  public static double power(double[] p, int offset) {
    return power(p[offset + AD_VALOREM], p[offset + ANTI_DUMPING], p[offset + NON_TARIFF_BARRIER],
        p[offset + EXPORT_CONTROL], p[offset + TRANSSHIPMENT_SHARE], p[offset + TRANSSHIPMENT_RATE]);
  }

  /** Revenue rate of parts held at {@code offset} in {@code p}. */
  public static double revenueRate(double[] p, int offset) {
    return revenueRate(p[offset + AD_VALOREM], p[offset + ANTI_DUMPING], p[offset + TRANSSHIPMENT_SHARE],
        p[offset + TRANSSHIPMENT_RATE]);
  }
}
