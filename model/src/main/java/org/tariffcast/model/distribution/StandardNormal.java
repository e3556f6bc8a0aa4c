package org.tariffcast.model.distribution;

import org.apache.commons.math3.special.Erf;

/** The standard normal CDF and its inverse, shared by the normal family. */
final class StandardNormal {
  private static final double SQRT2 = Math.sqrt(2.0);

  private StandardNormal() {}

  static double cdf(double z) {
    return 0.5 * Erf.erfc(-z / SQRT2);
  }

  static double inverse(double p) {
    return SQRT2 * Erf.erfInv(2 * p - 1);
  }
}
