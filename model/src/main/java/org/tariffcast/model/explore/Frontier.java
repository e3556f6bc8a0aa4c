package org.tariffcast.model.explore;

import org.tariffcast.model.result.KpiKey;
import org.tariffcast.model.run.Target;

/**
 * The frontier of a sweep: the grid points at which {@code target} is met with at least
 * {@code probability}, and among them the one with the best value of a cost KPI.
 *
 * @param target the study's target
 * @param probability the probability it must reach, in (0, 1)
 * @param cost the KPI of the base scenario that measures what a point costs (such as the change
 *     in Vietnam's exports against baseline)
 * @param statistic which statistic of {@code cost} is compared
 * @param lowestIsBest true if the best point has the lowest statistic (a loss), false if the
 *     highest (a change whose fall is the cost)
 */
public record Frontier(Target target, double probability, KpiKey cost, Statistic statistic, boolean lowestIsBest) {
  public Frontier {
    if (target == null || cost == null || statistic == null) {
      throw new IllegalArgumentException("frontier: target, cost and statistic expected, got " + target + ", " + cost
          + ", " + statistic);
    }
    if (!(probability > 0 && probability < 1)) {
      throw new IllegalArgumentException("frontier probability in (0, 1) expected, got " + probability);
    }
  }
}
