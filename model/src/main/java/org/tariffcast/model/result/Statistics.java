package org.tariffcast.model.result;

import static org.tariffcast.model.Checks.notNull;

/**
 * Summary of one quantity over the trials of a run.
 *
 * @param count trials summarised
 * @param mean arithmetic mean
 * @param sd sample standard deviation
 * @param standardError sd / sqrt(count), the error of the mean
 * @param min smallest value
 * @param max largest value
 * @param percentiles p5 ... p95
 * @param percentileError bound on the relative error of each percentile's value (0.0039 is 0.39 %; 0 when exact)
 */
public record Statistics(long count, double mean, double sd, double standardError, double min, double max,
    Percentiles percentiles, double percentileError) {
  public Statistics {
    if (count < 0) {
      throw new IllegalArgumentException("statistics count must be >= 0, found " + count);
    }
    notNull(percentiles, "percentiles");
    if (!(percentileError >= 0)) {
      throw new IllegalArgumentException("percentileError must be >= 0, found " + percentileError);
    }
  }

  /** Lower end of the normal-approximation confidence interval of the mean at 95 %. */
  public double meanCiLow() {
    return mean - 1.959963984540054 * standardError;
  }

  /** Upper end of the normal-approximation confidence interval of the mean at 95 %. */
  public double meanCiHigh() {
    return mean + 1.959963984540054 * standardError;
  }
}
