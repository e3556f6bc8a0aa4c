package org.tariffcast.model.result;

import static org.tariffcast.model.Checks.notNull;

/** A KPI's running mean and standard error after the first {@code trials} trials. */
public record ConvergencePoint(KpiKey kpi, long trials, double mean, double standardError) {
  public ConvergencePoint {
    notNull(kpi, "convergence kpi");
    if (trials <= 0) {
      throw new IllegalArgumentException("convergence trials must be > 0, found " + trials);
    }
  }
}
