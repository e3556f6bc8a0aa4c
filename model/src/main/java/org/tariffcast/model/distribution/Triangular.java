package org.tariffcast.model.distribution;

import static org.tariffcast.model.Checks.finite;

/** {@code triangular(min, mode, max)}. Central value: the mode. */
public record Triangular(double min, double mode, double max) implements Distribution {
  public Triangular {
    finite(min, "triangular min");
    finite(mode, "triangular mode");
    finite(max, "triangular max");
    if (!(min <= mode && mode <= max && min < max)) {
      throw new IllegalArgumentException("triangular needs min <= mode <= max and min < max, found ("
          + min + ", " + mode + ", " + max + ")");
    }
  }

  public static Triangular of(double min, double mode, double max) {
    return new Triangular(min, mode, max);
  }

  @Override public double central() { return mode; }

  @Override
  public double quantile(double p) {
    Distribution.checkProbability(p);
    double width = max - min;
    double split = (mode - min) / width;
    if (p < split) {
      return min + Math.sqrt(p * width * (mode - min));
    }
    return max - Math.sqrt((1 - p) * width * (max - mode));
  }

  @Override public double lowerBound() { return min; }
  @Override public double upperBound() { return max; }
  @Override public String spec() {
    return "triangular(" + Distribution.fmt(min) + ", " + Distribution.fmt(mode) + ", " + Distribution.fmt(max) + ")";
  }
}
