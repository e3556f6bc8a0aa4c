package org.tariffcast.model.scenario;

import static org.tariffcast.model.Checks.finite;
import static org.tariffcast.model.Checks.notBlank;
import static org.tariffcast.model.Checks.nonNegative;
import static org.tariffcast.model.Checks.notNull;
import static org.tariffcast.model.Checks.positive;

import org.tariffcast.model.distribution.Parameter;

/**
 * A pledge by {@code importer} to buy more from {@code exporter} in {@code sector}: LNG,
 * aircraft, farm goods, pharmaceuticals, medical supplies. It starts with the regime that
 * names it and adds, per quarter, {@code annualValue / 4 * fulfilment * ramp(t)} to the flow,
 * where ramp rises linearly from 0 to 1 over {@code rampQuarters}. A share
 * {@code displacement} of the added value is taken from the importer's other suppliers in
 * the same sector, pro rata to their flows.
 *
 * @param name e.g. {@code Boeing 737-8 deliveries}
 * @param annualValue pledged USD per year at full ramp
 * @param fulfilment fraction of the pledge actually bought, in [0, 1]
 * @param rampQuarters quarters to reach full value (>= 0; 0 is immediate)
 * @param displacement share of the added value that displaces other suppliers, in [0, 1]
 * @param unitValue USD per delivery for lumpy goods (aircraft): the quarter's value is a Poisson
 *     count with the smooth value's mean, times this unit value; {@code null} for smooth flows
 * @param source where the pledged value comes from
 */
public record PurchaseCommitment(
    String name,
    String sector,
    String exporter,
    String importer,
    double annualValue,
    Parameter fulfilment,
    Parameter rampQuarters,
    Parameter displacement,
    Double unitValue,
    String source) {

  public PurchaseCommitment {
    notBlank(name, "commitment name");
    notBlank(sector, "sector of commitment " + name);
    notBlank(exporter, "exporter of commitment " + name);
    notBlank(importer, "importer of commitment " + name);
    finite(annualValue, "annualValue of commitment " + name);
    nonNegative(annualValue, "annualValue of commitment " + name);
    notNull(fulfilment, "fulfilment of commitment " + name);
    notNull(rampQuarters, "rampQuarters of commitment " + name);
    notNull(displacement, "displacement of commitment " + name);
    checkFraction(fulfilment, "fulfilment of commitment " + name);
    checkFraction(displacement, "displacement of commitment " + name);
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

  private static void checkFraction(Parameter p, String what) {
    if (!(p.distribution().lowerBound() >= 0 && p.distribution().upperBound() <= 1)) {
      throw new IllegalArgumentException(what + " must be a fraction within [0, 1] on its whole range, found "
          + p.distribution().spec());
    }
  }

  public boolean isLumpy() {
    return unitValue != null;
  }
}
