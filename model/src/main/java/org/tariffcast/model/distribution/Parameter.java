package org.tariffcast.model.distribution;

import static org.tariffcast.model.Checks.notBlank;
import static org.tariffcast.model.Checks.notNull;

/**
 * One input of the model, by name, with its distribution: an elasticity, a transshipment
 * share, an effective date, a fulfilment rate. A known value is a parameter whose
 * distribution is {@link Fixed}. Two uses of the same name share one draw per trial.
 *
 * @param name unique name, e.g. {@code elasticity.substitution.ELEC.US} or {@code vn_transshipment_share}
 * @param distribution what a trial draws from
 */
public record Parameter(String name, Distribution distribution) {
  public Parameter {
    notBlank(name, "parameter name");
    notNull(distribution, "distribution of parameter " + name);
  }

  public static Parameter of(String name, Distribution distribution) {
    return new Parameter(name, distribution);
  }

  public static Parameter fixed(String name, double value) {
    return new Parameter(name, Fixed.of(value));
  }

  /** True if trials draw different values (a sampled dimension). */
  public boolean isUncertain() {
    return !distribution.isDegenerate();
  }

  public double central() {
    return distribution.central();
  }
}
