package org.tariffcast.model.result;

import static org.tariffcast.model.Checks.notNull;

/** One deterministic KPI value (the central case), USD or a fraction as its measure says. */
public record KpiValue(KpiKey key, double value) {
  public KpiValue {
    notNull(key, "kpi key");
  }
}
