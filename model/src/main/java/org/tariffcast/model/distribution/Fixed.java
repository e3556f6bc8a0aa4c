package org.tariffcast.model.distribution;

/**
 * A known value: {@code fixed(5)} or just {@code 5}. May be infinite ({@code inf}), e.g. an
 * infinitely elastic export supply (SMART's setting). Central value: the value.
 */
public record Fixed(double value) implements Distribution {
  public Fixed {
    if (Double.isNaN(value)) {
      throw new IllegalArgumentException("fixed value must be a number, found NaN");
    }
  }

  public static Fixed of(double value) {
    return new Fixed(value);
  }

  @Override public double central() { return value; }
  @Override public double quantile(double p) { Distribution.checkProbability(p); return value; }
  @Override public double lowerBound() { return value; }
  @Override public double upperBound() { return value; }
  @Override public String spec() { return Distribution.fmt(value); }
}
