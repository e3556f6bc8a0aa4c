package org.tariffcast.simulation.statistics;

/** The Wilson score interval of a binomial proportion. */
public final class Wilson {
  /** z of a two-sided 95 % interval. */
  public static final double Z95 = 1.959963984540054;

  private Wilson() {}

  /** {@code {low, high}} of the 95 % Wilson interval for {@code hits} of {@code n} (n > 0). */
  public static double[] interval95(long hits, long n) {
    return interval(hits, n, Z95);
  }

  public static double[] interval(long hits, long n, double z) {
    if (n <= 0 || hits < 0 || hits > n) {
      throw new IllegalArgumentException("need 0 <= hits <= n and n > 0, found hits " + hits + " of " + n);
    }
    double p = (double) hits / n;
    double z2 = z * z;
    double denominator = 1 + z2 / n;
    double centre = (p + z2 / (2.0 * n)) / denominator;
    double half = z * Math.sqrt(p * (1 - p) / n + z2 / (4.0 * n * n)) / denominator;
    double low = hits == 0 ? 0 : Math.max(0, centre - half);
    double high = hits == n ? 1 : Math.min(1, centre + half);
    return new double[] {Math.min(low, p), Math.max(high, p)};
  }
}
