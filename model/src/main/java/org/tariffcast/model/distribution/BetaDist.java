package org.tariffcast.model.distribution;

import static org.tariffcast.model.Checks.finite;
import static org.tariffcast.model.Checks.positive;

import org.apache.commons.math3.distribution.BetaDistribution;

/**
 * {@code beta(alpha, beta)} on [0, 1], or {@code beta(alpha, beta, min, max)} rescaled to
 * [min, max]. Central value: the mean {@code min + (max - min) * alpha / (alpha + beta)}.
 */
public record BetaDist(double alpha, double beta, double min, double max) implements Distribution {
  public BetaDist {
    finite(alpha, "beta alpha");
    positive(alpha, "beta alpha");
    finite(beta, "beta beta");
    positive(beta, "beta beta");
    finite(min, "beta min");
    finite(max, "beta max");
    if (!(min < max)) {
      throw new IllegalArgumentException("beta min must be < max, found min " + min + " and max " + max);
    }
  }

  public static BetaDist of(double alpha, double beta) {
    return new BetaDist(alpha, beta, 0, 1);
  }

  public static BetaDist of(double alpha, double beta, double min, double max) {
    return new BetaDist(alpha, beta, min, max);
  }

  @Override public double central() { return min + (max - min) * alpha / (alpha + beta); }

  @Override
  public double quantile(double p) {
    Distribution.checkProbability(p);
    // null RandomGenerator: no generator is built, only the inverse CDF is used
    double x = new BetaDistribution(null, alpha, beta, 1e-12).inverseCumulativeProbability(p);
    return min + (max - min) * x;
  }

  @Override public double lowerBound() { return min; }
  @Override public double upperBound() { return max; }

  @Override
  public String spec() {
    String ab = Distribution.fmt(alpha) + ", " + Distribution.fmt(beta);
    return min == 0 && max == 1 ? "beta(" + ab + ")"
        : "beta(" + ab + ", " + Distribution.fmt(min) + ", " + Distribution.fmt(max) + ")";
  }
}
