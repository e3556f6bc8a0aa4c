package org.tariffcast.model.scenario;

import java.util.Locale;
import org.tariffcast.model.trade.WedgePart;

/**
 * What a {@link TariffRule} may change on a flow, by the key a modeler writes in
 * {@code scenarios.yml}. Values are fractions of the world price (0.46 is 46 %).
 *
 * <p>This enum is the one statement of what a component means: the {@link #part()} of the
 * flow's wedge it sets, and whether the value replaces that part or is added to the flow's
 * base-year ad valorem rate ({@link #addsToBaseRate()}: the surcharges). The trial kernel
 * applies components through {@link #partValue} and nothing else.
 */
public enum WedgeComponent {
  /** Sets the ad valorem rate. */
  AD_VALOREM("ad_valorem", WedgePart.AD_VALOREM, false),
  /** Sets the ad valorem rate to the base-year rate plus this surcharge (e.g. a reciprocal tariff on top of MFN). */
  SURCHARGE("surcharge", WedgePart.AD_VALOREM, true),
  /** Sets the anti-dumping/countervailing duty equivalent. */
  ANTI_DUMPING("anti_dumping", WedgePart.ANTI_DUMPING, false),
  /** Sets the non-tariff-barrier equivalent. */
  NON_TARIFF_BARRIER("non_tariff_barrier", WedgePart.NON_TARIFF_BARRIER, false),
  /** Sets the export-control equivalent. */
  EXPORT_CONTROL("export_control", WedgePart.EXPORT_CONTROL, false),
  /** Sets the share of the flow deemed transshipped, in [0, 1]. */
  TRANSSHIPMENT_SHARE("transshipment_share", WedgePart.TRANSSHIPMENT_SHARE, false),
  /** Sets the rate charged on transshipped goods. */
  TRANSSHIPMENT_RATE("transshipment_rate", WedgePart.TRANSSHIPMENT_RATE, false),
  /** Sets the rate charged on transshipped goods to the base-year ad valorem rate plus this surcharge. */
  TRANSSHIPMENT_SURCHARGE("transshipment_surcharge", WedgePart.TRANSSHIPMENT_RATE, true);

  private final String key;
  private final WedgePart part;
  private final boolean addsToBaseRate;

  WedgeComponent(String key, WedgePart part, boolean addsToBaseRate) {
    this.key = key;
    this.part = part;
    this.addsToBaseRate = addsToBaseRate;
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

  /** The part of the flow's wedge this component sets. */
  public WedgePart part() {
    return part;
  }

  /**
   * True for the surcharges: the value is added to the flow's base-year ad valorem rate (not to
   * the part's current value, so surcharges of successive regimes do not stack); false when the
   * value replaces the part.
   */
  public boolean addsToBaseRate() {
    return addsToBaseRate;
  }

  /**
   * The value {@link #part()} takes when this component is given {@code value} on a flow whose
   * base-year ad valorem rate is {@code baseAdValorem} (both fractions of the world price).
   */
  public double partValue(double value, double baseAdValorem) {
    return addsToBaseRate ? baseAdValorem + value : value;
  }
}
