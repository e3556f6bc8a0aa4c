package org.tariffcast.model.run;

import java.util.Locale;

/** How trials cover the space of uncertain parameters. Shocks are always pseudo-random. */
public enum SamplingMethod {
  /** Independent uniform draws from each trial's own stream. */
  RANDOM,
  /** Latin hypercube: each parameter's range cut into as many strata as trials, strata permuted from the seed. */
  LHS,
  /** Scrambled Sobol sequence: point i for trial i. */
  SOBOL;

  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static SamplingMethod parse(String text) {
    return org.tariffcast.model.Checks.byLabel(SamplingMethod.class, text);
  }
}
