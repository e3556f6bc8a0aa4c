package org.tariffcast.model.explore;

import org.tariffcast.model.result.KpiKey;
import org.tariffcast.model.run.Target;

/**
 * "What would it take": the value of one lever at which an aim is just met, the other levers at
 * their defaults (or, in a two-lever sweep, at their default too). Either a target's probability
 * reaches a level ("P(deficit shrinks by 20 %) reaches 0.5"), or a KPI's statistic reaches a
 * value ("the median deficit change is -30 bn").
 *
 * @param name what reports call it
 * @param lever the lever sought, one of the sweep's axes
 * @param target the study's target whose probability is sought, or null
 * @param kpi the KPI (of the base scenario) whose statistic is sought, or null; exactly one of
 *     target and kpi is given
 * @param statistic the statistic of {@code kpi} (null with a target)
 * @param level the probability (0..1, exclusive) with a target; the KPI's value in its unit
 *     (USD, or a fraction for pct measures) with a KPI
 */
public record GoalSeek(String name, String lever, Target target, KpiKey kpi, Statistic statistic, double level) {
  public GoalSeek {
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException("goal-seek name must not be blank, got " + name);
    }
    if (lever == null || lever.isBlank()) {
      throw new IllegalArgumentException("goal-seek lever must not be blank, got " + lever);
    }
    if ((target == null) == (kpi == null)) {
      throw new IllegalArgumentException("goal-seek " + name + ": exactly one of target and kpi expected");
    }
    if (kpi != null && statistic == null) {
      throw new IllegalArgumentException("goal-seek " + name + ": a statistic for its KPI expected");
    }
    if (!Double.isFinite(level) || (target != null && !(level > 0 && level < 1))) {
      throw new IllegalArgumentException("goal-seek " + name + ": level "
          + (target != null ? "in (0, 1)" : "finite") + " expected, got " + level);
    }
  }

  public boolean isProbability() {
    return target != null;
  }
}
