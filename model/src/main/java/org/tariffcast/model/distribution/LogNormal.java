package org.tariffcast.model.distribution;

import static org.tariffcast.model.Checks.finite;
import static org.tariffcast.model.Checks.positive;

/**
 * {@code lognormal(mu, sigma)}: {@code exp(N(mu, sigma))}. Central value: the median
 * {@code exp(mu)}. Mean {@code exp(mu + sigma^2/2)}. Uses {@link StrictMath} so that draws are the same
 * on every machine.
 */
public record LogNormal(double mu, double sigma) implements Distribution {
  public LogNormal {
    finite(mu, "lognormal mu");
    finite(sigma, "lognormal sigma");
    positive(sigma, "lognormal sigma");
  }

  public static LogNormal of(double mu, double sigma) {
    return new LogNormal(mu, sigma);
  }

  @Override public double central() { return StrictMath.exp(mu); }
  @Override public double quantile(double p) {
    return StrictMath.exp(mu + sigma * StandardNormal.inverse(Distribution.checkProbability(p)));
  }
  @Override public double lowerBound() { return 0; }
  @Override public double upperBound() { return Double.POSITIVE_INFINITY; }
  @Override public String spec() { return "lognormal(" + Distribution.fmt(mu) + ", " + Distribution.fmt(sigma) + ")"; }
}
