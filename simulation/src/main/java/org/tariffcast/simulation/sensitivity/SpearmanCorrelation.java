package org.tariffcast.simulation.sensitivity;

import java.util.Arrays;

/**
 * Spearman's rank correlation: the Pearson correlation of the ranks, ties taking the average of
 * the ranks they span (so discrete parameters are handled). A constant series has no ranking;
 * its correlation with anything is reported as 0.
 */
public final class SpearmanCorrelation {
  private SpearmanCorrelation() {}

  /** Rank correlation of two equally long series. */
  public static double of(double[] x, double[] y) {
    if (x.length != y.length) {
      throw new IllegalArgumentException("series must be equally long, found " + x.length + " and " + y.length);
    }
    return ofCentredRanks(centredRanks(x), centredRanks(y));
  }

  /** Ranks 1..n (ties averaged) minus their mean (n + 1) / 2. */
  public static double[] centredRanks(double[] x) {
    int n = x.length;
    Integer[] order = new Integer[n];
    for (int i = 0; i < n; i++) {
      order[i] = i;
    }
    Arrays.sort(order, (a, b) -> Double.compare(x[a], x[b]));
    double[] ranks = new double[n];
    int i = 0;
    while (i < n) {
      int j = i;
      while (j + 1 < n && x[order[j + 1]] == x[order[i]]) {
        j++;
      }
      double rank = (i + j) / 2.0 + 1;
      for (int k = i; k <= j; k++) {
        ranks[order[k]] = rank - (n + 1) / 2.0;
      }
      i = j + 1;
    }
    return ranks;
  }

  /** Pearson correlation of two centred rank vectors; 0 if either is constant. */
  public static double ofCentredRanks(double[] a, double[] b) {
    double ab = 0;
    double aa = 0;
    double bb = 0;
    for (int i = 0; i < a.length; i++) {
      ab += a[i] * b[i];
      aa += a[i] * a[i];
      bb += b[i] * b[i];
    }
    if (aa == 0 || bb == 0) {
      return 0;
    }
    double r = ab / Math.sqrt(aa * bb);
    return Math.max(-1, Math.min(1, r));
  }
}
