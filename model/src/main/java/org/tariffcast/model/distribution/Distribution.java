package org.tariffcast.model.distribution;

/**
 * A probability distribution of one uncertain input, with the central value that the
 * deterministic central case uses. Samplers draw through {@link #quantile(double)} (inverse
 * transform), so that a uniform draw, a Latin-hypercube stratum or a Sobol coordinate all map
 * to the same parameter value, and a Gaussian copula can impose rank correlations.
 *
 * <p>Written in configuration as {@code name(arg, ...)}; see {@link DistributionParser}.
 */
public sealed interface Distribution
    permits Fixed, Normal, TruncatedNormal, LogNormal, Uniform, Triangular, BetaDist, Discrete {

  /** The value used by the central case (documented per kind: mean, median, mode). */
  double central();

  /** The inverse cumulative distribution function at probability {@code p} in (0, 1). */
  double quantile(double p);

  /** Smallest value with positive density (may be {@code -Infinity}). */
  double lowerBound();

  /** Largest value with positive density (may be {@code +Infinity}). */
  double upperBound();

  /** True when every draw is the same value. */
  default boolean isDegenerate() {
    return lowerBound() == upperBound();
  }

  /** The configuration text that parses back to an equal distribution. */
  String spec();

  /** Checks that {@code p} is a probability strictly inside (0, 1). */
  static double checkProbability(double p) {
    if (!(p > 0 && p < 1)) {
      throw new IllegalArgumentException("probability p must be in (0, 1), found " + p);
    }
    return p;
  }

  /** Formats a number for {@link #spec()}: shortest text that parses back to the same double. */
  static String fmt(double v) {
    if (v == Double.POSITIVE_INFINITY) {
      return "inf";
    }
    if (v == Double.NEGATIVE_INFINITY) {
      return "-inf";
    }
    if (v == Math.rint(v) && Math.abs(v) < 1e15) {
      return Long.toString((long) v);
    }
    return Double.toString(v);
  }
}
