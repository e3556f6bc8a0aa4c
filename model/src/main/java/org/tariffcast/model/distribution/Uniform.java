package org.tariffcast.model.distribution;

import static org.tariffcast.model.Checks.finite;

/** {@code uniform(min, max)}. Central value: the midpoint. */
public record Uniform(double min, double max) implements Distribution {
  public Uniform {
    finite(min, "uniform min");
    finite(max, "uniform max");
    if (!(min < max)) {
      throw new IllegalArgumentException("uniform min must be < max, found min " + min + " and max " + max);
    }
  }

  public static Uniform of(double min, double max) {
    return new Uniform(min, max);
  }

  @Override public double central() { return 0.5 * (min + max); }
  @Override public double quantile(double p) { return min + Distribution.checkProbability(p) * (max - min); }
  @Override public double lowerBound() { return min; }
  @Override public double upperBound() { return max; }
  @Override public String spec() { return "uniform(" + Distribution.fmt(min) + ", " + Distribution.fmt(max) + ")"; }
}
