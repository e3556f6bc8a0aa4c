package org.tariffcast.model.scenario;

import static org.tariffcast.model.Checks.finite;
import static org.tariffcast.model.Checks.notBlank;
import static org.tariffcast.model.Checks.notNull;
import static org.tariffcast.model.Checks.positive;

import org.tariffcast.model.distribution.Parameter;
import org.tariffcast.model.time.YearQuarter;

/**
 * A pledge by {@code importer} to buy more from {@code exporter} in {@code sector}: LNG,
 * aircraft, farm goods, pharmaceuticals, medical supplies, as deals are written. It is started
 * by the first regime that names it, and delivers from {@code max(that regime's quarter, start)}
 * to {@code end} (both optional; without an end, to the end of the horizon).
 *
 * <p>Its value is either an <b>annual</b> value, delivered at {@code annualValue / 4 * ramp(m)}
 * in its m-th quarter with {@code ramp(m) = min(1, m / rampQuarters)}, or a <b>total</b> over its
 * period, spread over the period's L quarters in proportion to the same ramp:
 * {@code total * ramp(m) / sum_{j=1..L} ramp(j)}, so that the quarters of the period add up to the
 * total exactly (a total needs an end). Per trial, the value actually added to the flow is
 * that times {@code fulfilment} (the share of the pledge bought) times {@code additionality}
 * (the share of the purchases that is new trade rather than what the importer would have bought
 * from this exporter anyway, already in the baseline). A share {@code displacement} of the
 * added value is taken from the importer's other suppliers in the same sector, pro rata to
 * their flows. Where the exporter's supply of the sector is finite, the added sales raise its
 * producer surplus (the engine's welfare of the exporter).
 *
 * @param name e.g. {@code Boeing 737-8 deliveries}
 * @param annualValue pledged USD per year at full ramp, or {@code null} when {@code totalValue} is given
 * @param totalValue pledged USD over the whole period (start to end), or {@code null} when {@code annualValue} is given
 * @param start first quarter of deliveries, or {@code null}: from the regime that starts the commitment
 * @param end last quarter of deliveries (inclusive), or {@code null}: to the end of the horizon
 * @param fulfilment fraction of the pledge actually bought, in [0, 1]
 * @param rampQuarters quarters to reach full value (>= 0; 0 is immediate)
 * @param displacement share of the added value that displaces other suppliers, in [0, 1]
 * @param additionality share of the fulfilled pledge that is new trade, in [0, 1] (1: all of it)
 * @param unitValue USD per delivery for lumpy goods (aircraft): the quarter's added value is a
 *     Poisson count with the smooth value's mean, times this unit value; {@code null} for smooth flows
 * @param source where the pledged value and dates come from
 */
public record PurchaseCommitment(
    String name,
    String sector,
    String exporter,
    String importer,
    Double annualValue,
    Double totalValue,
    YearQuarter start,
    YearQuarter end,
    Parameter fulfilment,
    Parameter rampQuarters,
    Parameter displacement,
    Parameter additionality,
    Double unitValue,
    String source) {

  public PurchaseCommitment {
    notBlank(name, "commitment name");
    notBlank(sector, "sector of commitment " + name);
    notBlank(exporter, "exporter of commitment " + name);
    notBlank(importer, "importer of commitment " + name);
    if ((annualValue == null) == (totalValue == null)) {
      throw new IllegalArgumentException("commitment " + name + " needs exactly one of annualValue and totalValue, found "
          + (annualValue == null ? "neither" : "both"));
    }
    if (annualValue != null) {
      finite(annualValue, "annualValue of commitment " + name);
      positive(annualValue, "annualValue of commitment " + name);
    }
    if (totalValue != null) {
      finite(totalValue, "totalValue of commitment " + name);
      positive(totalValue, "totalValue of commitment " + name);
      if (end == null) {
        throw new IllegalArgumentException("commitment " + name + " has a totalValue but no end quarter to spread it to");
      }
    }
    if (start != null && end != null && end.compareTo(start) < 0) {
      throw new IllegalArgumentException("commitment " + name + " ends (" + end + ") before it starts (" + start + ")");
    }
    notNull(fulfilment, "fulfilment of commitment " + name);
    notNull(rampQuarters, "rampQuarters of commitment " + name);
    notNull(displacement, "displacement of commitment " + name);
    if (additionality == null) {
      additionality = Parameter.fixed("commitment[" + name + "].additionality", 1);
    }
    checkFraction(fulfilment, "fulfilment of commitment " + name);
    checkFraction(displacement, "displacement of commitment " + name);
    checkFraction(additionality, "additionality of commitment " + name);
    if (!(rampQuarters.distribution().lowerBound() >= 0) || Double.isInfinite(rampQuarters.distribution().upperBound())) {
      throw new IllegalArgumentException("rampQuarters of commitment " + name + " must be within [0, inf), found "
          + rampQuarters.distribution().spec());
    }
    if (unitValue != null) {
      finite(unitValue, "unitValue of commitment " + name);
      positive(unitValue, "unitValue of commitment " + name);
    }
    source = source == null ? "" : source;
  }

  /**
   * An open-ended commitment with an annual value, all of it additional (the form before
   * commitments had dates and totals).
   */
  public PurchaseCommitment(String name, String sector, String exporter, String importer, double annualValue,
      Parameter fulfilment, Parameter rampQuarters, Parameter displacement, Double unitValue, String source) {
    this(name, sector, exporter, importer, annualValue, null, null, null, fulfilment, rampQuarters, displacement, null,
        unitValue, source);
  }

  private static void checkFraction(Parameter p, String what) {
    if (!(p.distribution().lowerBound() >= 0 && p.distribution().upperBound() <= 1)) {
      throw new IllegalArgumentException(what + " must be a fraction within [0, 1] on its whole range, found "
          + p.distribution().spec());
    }
  }

  public boolean isLumpy() {
    return unitValue != null;
  }

  /** True when the value is a total over the period (spread by the ramp), false for an annual value. */
  public boolean isTotal() {
    return totalValue != null;
  }
}
