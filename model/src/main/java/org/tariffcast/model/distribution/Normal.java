package org.tariffcast.model.distribution;

import static org.tariffcast.model.Checks.finite;
import static org.tariffcast.model.Checks.positive;

/** {@code normal(mean, sd)}. Central value: the mean. */
public record Normal(double mean, double sd) implements Distribution {
  public Normal {
    finite(mean, "normal mean");
    finite(sd, "normal sd");
    positive(sd, "normal sd");
  }

  public static Normal of(double mean, double sd) {
    return new Normal(mean, sd);
  }

  @Override public double central() { return mean; }
  @Override public double quantile(double p) {
    return mean + sd * StandardNormal.inverse(Distribution.checkProbability(p));
  }
  @Override public double lowerBound() { return Double.NEGATIVE_INFINITY; }
  @Override public double upperBound() { return Double.POSITIVE_INFINITY; }
  @Override public String spec() { return "normal(" + Distribution.fmt(mean) + ", " + Distribution.fmt(sd) + ")"; }
}
