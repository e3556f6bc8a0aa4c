package org.tariffcast.model.result;

import static org.tariffcast.model.Checks.copy;

import java.util.List;

/**
 * One deterministic evaluation at the parameters' central values and without shocks: the
 * equilibrium table of every scenario, regime and sector, and the KPIs it implies.
 */
public record CentralCase(List<EquilibriumTable> tables, List<KpiValue> kpis) {
  public CentralCase {
    tables = copy(tables, "central case tables");
    kpis = copy(kpis, "central case kpis");
  }
}
