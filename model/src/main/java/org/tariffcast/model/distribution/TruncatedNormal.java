package org.tariffcast.model.distribution;

import static org.tariffcast.model.Checks.finite;
import static org.tariffcast.model.Checks.notNaN;
import static org.tariffcast.model.Checks.positive;

/**
 * {@code truncnormal(mean, sd, min, max)}: a normal(mean, sd) restricted to [min, max]
 * (either bound may be {@code inf}). Central value: the mode, i.e. mean clipped to [min, max].
 */
public record TruncatedNormal(double mean, double sd, double min, double max) implements Distribution {
  public TruncatedNormal {
    finite(mean, "truncnormal mean");
    finite(sd, "truncnormal sd");
    positive(sd, "truncnormal sd");
    notNaN(min, "truncnormal min");
    notNaN(max, "truncnormal max");
    if (!(min < max)) {
      throw new IllegalArgumentException("truncnormal min must be < max, found min " + min + " and max " + max);
    }
    double mass = StandardNormal.cdf((max - mean) / sd) - StandardNormal.cdf((min - mean) / sd);
    if (!(mass > 1e-12)) {
      throw new IllegalArgumentException("truncnormal [min, max] = [" + min + ", " + max
          + "] holds no probability of normal(" + mean + ", " + sd + ")");
    }
  }

  public static TruncatedNormal of(double mean, double sd, double min, double max) {
    return new TruncatedNormal(mean, sd, min, max);
  }

  @Override public double central() { return Math.max(min, Math.min(max, mean)); }

  @Override
  public double quantile(double p) {
    Distribution.checkProbability(p);
    double a = StandardNormal.cdf((min - mean) / sd);
    double b = StandardNormal.cdf((max - mean) / sd);
    double x = mean + sd * StandardNormal.inverse(a + p * (b - a));
    return Math.max(min, Math.min(max, x));
  }

  @Override public double lowerBound() { return min; }
  @Override public double upperBound() { return max; }
  @Override public String spec() {
    return "truncnormal(" + Distribution.fmt(mean) + ", " + Distribution.fmt(sd) + ", "
        + Distribution.fmt(min) + ", " + Distribution.fmt(max) + ")";
  }
}
