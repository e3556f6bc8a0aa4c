package org.tariffcast.model.explore;

import org.tariffcast.model.result.KpiKey;
import org.tariffcast.model.result.Statistics;

/**
 * One KPI of a sweep's grid point: its statistics over the point's trials and a 95 %
 * distribution-free confidence interval of its median (the order statistics of ranks
 * {@code n/2 -+ 1.96 sqrt(n)/2}, from the binomial distribution of the count below the median).
 *
 * @param key the KPI (of the sweep's base scenario)
 * @param stats its statistics over the trials, in the KPI's unit (USD, or a fraction for pct measures)
 * @param medianCiLow lower end of the median's 95 % interval, same unit
 * @param medianCiHigh upper end of the median's 95 % interval, same unit
 */
public record PointKpi(KpiKey key, Statistics stats, double medianCiLow, double medianCiHigh) {
  public PointKpi {
    if (key == null || stats == null) {
      throw new IllegalArgumentException("point KPI: key and statistics expected, got " + key + ", " + stats);
    }
    if (!(medianCiLow <= medianCiHigh)) {
      throw new IllegalArgumentException("median interval of " + key + ": low <= high expected, got [" + medianCiLow
          + ", " + medianCiHigh + "]");
    }
  }

  /** The 1-based ranks {@code {lo, hi}} of the 95 % distribution-free interval of the median of {@code n} values. */
  public static long[] medianRanks(long n) {
    if (n < 1) {
      throw new IllegalArgumentException("n >= 1 expected, got " + n);
    }
    double half = 1.959963984540054 * Math.sqrt(n) / 2;
    long lo = Math.max(1, (long) Math.floor(n / 2.0 - half));
    long hi = Math.min(n, (long) Math.ceil(n / 2.0 + half) + 1);
    return new long[] {lo, hi};
  }
}
