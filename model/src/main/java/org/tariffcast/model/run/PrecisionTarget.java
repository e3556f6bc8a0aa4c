package org.tariffcast.model.run;

import static org.tariffcast.model.Checks.positive;

/**
 * Stop adding trial batches once every KPI's confidence half-width is below
 * {@code relativeHalfWidth} times the absolute value of its mean (or {@code absoluteHalfWidth}
 * USD, whichever is larger), checked after each batch; never more than {@code maxTrials}.
 *
 * @param relativeHalfWidth e.g. 0.01 for +/- 1 % of the mean
 * @param absoluteHalfWidth USD floor for KPIs whose mean is near zero
 * @param confidence e.g. 0.95
 * @param batchTrials trials per batch (>= 1)
 * @param maxTrials cap on trials (>= batchTrials)
 */
public record PrecisionTarget(double relativeHalfWidth, double absoluteHalfWidth, double confidence,
    long batchTrials, long maxTrials) {
  public PrecisionTarget {
    positive(relativeHalfWidth, "precision relativeHalfWidth");
    if (!(absoluteHalfWidth >= 0)) {
      throw new IllegalArgumentException("precision absoluteHalfWidth must be >= 0 USD, found " + absoluteHalfWidth);
    }
    if (!(confidence > 0 && confidence < 1)) {
      throw new IllegalArgumentException("precision confidence must be in (0, 1), found " + confidence);
    }
    positive(batchTrials, "precision batchTrials");
    if (maxTrials < batchTrials) {
      throw new IllegalArgumentException("precision maxTrials must be >= batchTrials (" + batchTrials + "), found " + maxTrials);
    }
  }
}
