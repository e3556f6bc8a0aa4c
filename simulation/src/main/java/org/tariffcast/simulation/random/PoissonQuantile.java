package org.tariffcast.simulation.random;

/**
 * The Poisson inverse CDF: the smallest count k with {@code P(K <= k) >= u}. Drawing lumpy
 * deliveries through it with the trial's own uniform keeps scenarios coupled (common random
 * numbers: a larger mean never gives fewer deliveries for the same uniform). Exact summation
 * for means up to 700; above that the normal approximation with continuity correction.
 */
public final class PoissonQuantile {
  private PoissonQuantile() {}

  /**
   * @param u probability in (0, 1)
   * @param mean expected count, >= 0
   * @return the count
   */
  public static long of(double u, double mean) {
    if (!(mean >= 0) || Double.isInfinite(mean)) {
      throw new IllegalArgumentException("Poisson mean must be a finite number >= 0, found " + mean);
    }
    if (!(u > 0 && u < 1)) {
      throw new IllegalArgumentException("probability u must be in (0, 1), found " + u);
    }
    if (mean == 0) {
      return 0;
    }
    if (mean > 700) {
      double z = Math.sqrt(2) * org.apache.commons.math3.special.Erf.erfInv(2 * u - 1);
      return Math.max(0, (long) Math.floor(mean + Math.sqrt(mean) * z + 0.5));
    }
    double p = StrictMath.exp(-mean);
    double cumulative = p;
    long k = 0;
    while (cumulative < u) {
      k++;
      p *= mean / k;
      double next = cumulative + p;
      if (next == cumulative) {
        break; // the tail no longer adds anything representable
      }
      cumulative = next;
    }
    return k;
  }
}
