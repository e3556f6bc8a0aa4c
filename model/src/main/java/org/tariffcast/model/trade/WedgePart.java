package org.tariffcast.model.trade;

/**
 * The six parts of a {@link TariffWedge}, in the order of its components. A scenario's
 * {@code WedgeComponent} sets exactly one of them.
 */
public enum WedgePart {
  /** Ad valorem tariff, fraction of the world price. */
  AD_VALOREM,
  /** Anti-dumping and countervailing duty equivalent, fraction of the world price. */
  ANTI_DUMPING,
  /** Non-tariff-barrier equivalent, fraction of the world price (a cost, not revenue). */
  NON_TARIFF_BARRIER,
  /** Export-control equivalent, fraction of the world price (not revenue). */
  EXPORT_CONTROL,
  /** Share of the flow deemed transshipped, in [0, 1]. */
  TRANSSHIPMENT_SHARE,
  /** Rate charged on the transshipped share, fraction of the world price. */
  TRANSSHIPMENT_RATE;

  /** This part's value in a wedge. */
  public double of(TariffWedge w) {
    return switch (this) {
      case AD_VALOREM -> w.adValorem();
      case ANTI_DUMPING -> w.antiDumping();
      case NON_TARIFF_BARRIER -> w.nonTariffBarrier();
      case EXPORT_CONTROL -> w.exportControl();
      case TRANSSHIPMENT_SHARE -> w.transshipmentShare();
      case TRANSSHIPMENT_RATE -> w.transshipmentRate();
    };
  }
}
