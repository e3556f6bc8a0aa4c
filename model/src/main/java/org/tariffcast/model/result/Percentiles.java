package org.tariffcast.model.result;

/** The percentiles reported for every series point and KPI, in the unit of the value. */
public record Percentiles(double p5, double p10, double p25, double p50, double p75, double p90, double p95) {
  /** The probabilities, in field order. */
  public static final double[] LEVELS = {0.05, 0.10, 0.25, 0.50, 0.75, 0.90, 0.95};

  public Percentiles {
    double[] v = {p5, p10, p25, p50, p75, p90, p95};
    for (int i = 1; i < v.length; i++) {
      if (v[i] < v[i - 1]) {
        throw new IllegalArgumentException("percentiles must not decrease, found p" + (int) (LEVELS[i - 1] * 100)
            + " = " + v[i - 1] + " > p" + (int) (LEVELS[i] * 100) + " = " + v[i]);
      }
    }
  }

  /** From an array in {@link #LEVELS} order. */
  public static Percentiles of(double[] v) {
    if (v.length != LEVELS.length) {
      throw new IllegalArgumentException("percentiles need " + LEVELS.length + " values, found " + v.length);
    }
    return new Percentiles(v[0], v[1], v[2], v[3], v[4], v[5], v[6]);
  }

  public double[] toArray() {
    return new double[] {p5, p10, p25, p50, p75, p90, p95};
  }
}
