package org.tariffcast.model.distribution;

import java.util.Arrays;
import java.util.List;

/**
 * {@code discrete(v1: p1, v2: p2, ...)}: finitely many values with probabilities summing to 1,
 * values in increasing order. Quarters may be written as values ({@code 2025Q3}); they are held
 * as quarter ordinals. Central value: the most likely value (the first, on ties).
 */
public record Discrete(List<Double> values, List<Double> probabilities) implements Distribution {
  /** Probabilities must sum to 1 within this tolerance. */
  public static final double SUM_TOLERANCE = 1e-9;

  public Discrete {
    values = List.copyOf(values);
    probabilities = List.copyOf(probabilities);
    if (values.isEmpty()) {
      throw new IllegalArgumentException("discrete needs at least one value, found none");
    }
    if (values.size() != probabilities.size()) {
      throw new IllegalArgumentException("discrete needs one probability per value, found "
          + values.size() + " values and " + probabilities.size() + " probabilities");
    }
    double sum = 0;
    for (int i = 0; i < values.size(); i++) {
      double v = values.get(i);
      double p = probabilities.get(i);
      if (!Double.isFinite(v)) {
        throw new IllegalArgumentException("discrete value " + (i + 1) + " must be finite, found " + v);
      }
      if (!(p >= 0 && p <= 1)) {
        throw new IllegalArgumentException("discrete probability of value " + Distribution.fmt(v)
            + " must be in [0, 1], found " + p);
      }
      if (i > 0 && !(values.get(i - 1) < v)) {
        throw new IllegalArgumentException("discrete values must be strictly increasing, found "
            + Distribution.fmt(values.get(i - 1)) + " before " + Distribution.fmt(v));
      }
      sum += p;
    }
    if (Math.abs(sum - 1) > SUM_TOLERANCE) {
      throw new IllegalArgumentException("discrete probabilities must sum to 1, found " + sum);
    }
  }

  public static Discrete of(double[] values, double[] probabilities) {
    return new Discrete(Arrays.stream(values).boxed().toList(), Arrays.stream(probabilities).boxed().toList());
  }

  @Override
  public double central() {
    int best = 0;
    for (int i = 1; i < values.size(); i++) {
      if (probabilities.get(i) > probabilities.get(best)) {
        best = i;
      }
    }
    return values.get(best);
  }

  @Override
  public double quantile(double p) {
    Distribution.checkProbability(p);
    double cumulative = 0;
    int last = values.size() - 1;
    while (last > 0 && probabilities.get(last) == 0) {
      last--;
    }
    for (int i = 0; i < last; i++) {
      cumulative += probabilities.get(i);
      if (p <= cumulative && probabilities.get(i) > 0) {
        return values.get(i);
      }
    }
    return values.get(last);
  }

  @Override public double lowerBound() { return values.get(0); }
  @Override public double upperBound() { return values.get(values.size() - 1); }

  @Override
  public String spec() {
    StringBuilder b = new StringBuilder("discrete(");
    for (int i = 0; i < values.size(); i++) {
      if (i > 0) {
        b.append(", ");
      }
      b.append(Distribution.fmt(values.get(i))).append(": ").append(Distribution.fmt(probabilities.get(i)));
    }
    return b.append(')').toString();
  }
}
