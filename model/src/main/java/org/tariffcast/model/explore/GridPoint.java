package org.tariffcast.model.explore;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tariffcast.model.result.KpiKey;
import org.tariffcast.model.result.TargetProbability;

/**
 * The results of one grid point of a sweep: the base scenario run with the levers at
 * {@code levers}, on the same trials as every other point (common random numbers).
 *
 * @param index the point's index in {@link ExplorePlan#point} order
 * @param levers lever key -> value at this point, in the levers' own units (0.2 is 20 %), axis order
 * @param trials trials the point ran
 * @param kpis the base scenario's KPIs
 * @param targets the study's targets for the base scenario, with Wilson 95 % intervals
 */
public record GridPoint(int index, Map<String, Double> levers, long trials, List<PointKpi> kpis,
    List<TargetProbability> targets) {
  public GridPoint {
    if (index < 0 || trials < 1) {
      throw new IllegalArgumentException("grid point: index >= 0 and trials >= 1 expected, got " + index + ", " + trials);
    }
    levers = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(levers));
    kpis = List.copyOf(kpis);
    targets = List.copyOf(targets);
  }

  /** The KPI with this key (scenario included), or null. */
  public PointKpi kpi(KpiKey key) {
    for (PointKpi k : kpis) {
      if (k.key().equals(key)) {
        return k;
      }
    }
    return null;
  }

  /** The target of this name, or null. */
  public TargetProbability target(String name) {
    for (TargetProbability t : targets) {
      if (t.target().equals(name)) {
        return t;
      }
    }
    return null;
  }

  /** The value of lever {@code key} at this point. */
  public double lever(String key) {
    Double v = levers.get(key);
    if (v == null) {
      throw new IllegalArgumentException("grid point " + index + " has no lever " + key + "; it has " + levers.keySet());
    }
    return v;
  }
}
