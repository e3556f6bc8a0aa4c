package org.tariffcast.model.scenario;

import java.util.Locale;
import org.tariffcast.model.trade.TariffWedge;

/**
 * What a {@link TariffRule} may change on a flow, by the key a modeler writes in
 * {@code scenarios.yml}. Values are fractions of the world price (0.46 is 46 %).
 */
public enum WedgeComponent {
  /** Sets the ad valorem rate. */
  AD_VALOREM("ad_valorem"),
  /** Sets the ad valorem rate to the base-year rate plus this surcharge (e.g. a reciprocal tariff on top of MFN). */
  SURCHARGE("surcharge"),
  /** Sets the anti-dumping/countervailing duty equivalent. */
  ANTI_DUMPING("anti_dumping"),
  /** Sets the non-tariff-barrier equivalent. */
  NON_TARIFF_BARRIER("non_tariff_barrier"),
  /** Sets the export-control equivalent. */
  EXPORT_CONTROL("export_control"),
  /** Sets the share of the flow deemed transshipped, in [0, 1]. */
  TRANSSHIPMENT_SHARE("transshipment_share"),
  /** Sets the rate charged on transshipped goods. */
  TRANSSHIPMENT_RATE("transshipment_rate"),
  /** Sets the rate charged on transshipped goods to the base-year ad valorem rate plus this surcharge. */
  TRANSSHIPMENT_SURCHARGE("transshipment_surcharge");

  private final String key;

  WedgeComponent(String key) {
    this.key = key;
  }

  /** The key in {@code scenarios.yml}. */
  public String key() {
    return key;
  }

  public static WedgeComponent fromKey(String key) {
    for (WedgeComponent c : values()) {
      if (c.key.equals(key.toLowerCase(Locale.ROOT))) {
        return c;
      }
    }
    return null;
  }

  /** True for components that must stay in [0, 1]. */
  public boolean isShare() {
    return this == TRANSSHIPMENT_SHARE;
  }

  /**
   * Applies a value of this component to {@code current}; {@code base} is the base-year wedge of
   * the same flow (surcharges add to its ad valorem rate).
   */
  public TariffWedge apply(TariffWedge base, TariffWedge current, double value) {
    return switch (this) {
      case AD_VALOREM -> current.withAdValorem(value);
      case SURCHARGE -> current.withAdValorem(base.adValorem() + value);
      case ANTI_DUMPING -> current.withAntiDumping(value);
      case NON_TARIFF_BARRIER -> current.withNonTariffBarrier(value);
      case EXPORT_CONTROL -> current.withExportControl(value);
      case TRANSSHIPMENT_SHARE -> current.withTransshipmentShare(value);
      case TRANSSHIPMENT_RATE -> current.withTransshipmentRate(value);
      case TRANSSHIPMENT_SURCHARGE -> current.withTransshipmentRate(base.adValorem() + value);
    };
  }
}
