package org.tariffcast.model.result;

import static org.tariffcast.model.Checks.notNull;

/** Statistics of one KPI: USD, or a fraction when its measure is a percentage change. */
public record KpiStatistics(KpiKey key, Statistics stats) {
  public KpiStatistics {
    notNull(key, "kpi key");
    notNull(stats, "kpi statistics");
  }

  public static KpiStatistics of(KpiKey key, Statistics stats) {
    return new KpiStatistics(key, stats);
  }
}
