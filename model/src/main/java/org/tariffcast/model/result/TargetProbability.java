package org.tariffcast.model.result;

import static org.tariffcast.model.Checks.fraction;
import static org.tariffcast.model.Checks.notBlank;

/**
 * The probability that a configured target is met under one scenario (or the outlook), with
 * a 95 % confidence interval (Wilson score) from {@code trials} trials.
 */
public record TargetProbability(String target, String scenario, double probability, double ciLow, double ciHigh,
    long trials) {
  public TargetProbability {
    notBlank(target, "target name");
    notBlank(scenario, "target scenario");
    fraction(probability, "target probability");
    fraction(ciLow, "target ciLow");
    fraction(ciHigh, "target ciHigh");
    if (!(ciLow <= probability + 1e-12 && probability <= ciHigh + 1e-12)) {
      throw new IllegalArgumentException("target interval [" + ciLow + ", " + ciHigh + "] must contain the probability "
          + probability);
    }
  }
}
