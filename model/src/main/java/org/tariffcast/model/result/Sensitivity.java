package org.tariffcast.model.result;

import static org.tariffcast.model.Checks.notBlank;
import static org.tariffcast.model.Checks.notNull;

/**
 * Spearman rank correlation between one sampled parameter and one KPI over {@code trials}
 * trials: the bar of a tornado chart.
 */
public record Sensitivity(KpiKey kpi, String parameter, double rankCorrelation, long trials) {
  public Sensitivity {
    notNull(kpi, "sensitivity kpi");
    notBlank(parameter, "sensitivity parameter");
    if (!(rankCorrelation >= -1 - 1e-12 && rankCorrelation <= 1 + 1e-12)) {
      throw new IllegalArgumentException("rankCorrelation must be in [-1, 1], found " + rankCorrelation);
    }
  }
}
