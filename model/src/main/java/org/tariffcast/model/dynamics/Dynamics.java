package org.tariffcast.model.dynamics;

import static org.tariffcast.model.Checks.notNull;
import static org.tariffcast.model.Checks.positive;

import java.util.Map;
import org.tariffcast.model.distribution.Parameter;

/**
 * How flows move over the horizon.
 *
 * @param demand per importer and sector, keyed {@code sector/importer}; absent keys are {@link DemandProcess#FLAT}
 * @param capacityTrend per exporter and sector, keyed {@code sector/exporter}: log growth per quarter of
 *     the exporter's supply capacity (a shift of its export supply curve), e.g. supply relocating to Vietnam;
 *     absent keys are 0
 * @param halfLife quarters for flows to close half the gap to a new equilibrium (> 0)
 * @param frontLoadingShare share of one quarter's flow pulled forward into the quarters before an
 *     announced tariff increase (and missing after it), in [0, 1]
 * @param frontLoadingQuarters how many quarters before an increase the pull-forward is spread over (>= 1)
 * @param convergence optional (null for none): quarters after a tariff change until the substitution
 *     elasticity of the sectors with a short-run value reaches its long-run value (> 0); required when
 *     some elasticity has a short-run value
 */
public record Dynamics(
    Map<String, DemandProcess> demand,
    Map<String, Parameter> capacityTrend,
    Parameter halfLife,
    Parameter frontLoadingShare,
    int frontLoadingQuarters,
    Parameter convergence) {

  public Dynamics {
    demand = Map.copyOf(notNull(demand, "demand"));
    capacityTrend = Map.copyOf(notNull(capacityTrend, "capacityTrend"));
    notNull(halfLife, "halfLife");
    if (!(halfLife.distribution().lowerBound() > 0)) {
      throw new IllegalArgumentException("halfLife must be > 0 quarters on its whole range, found "
          + halfLife.distribution().spec());
    }
    notNull(frontLoadingShare, "frontLoadingShare");
    if (!(frontLoadingShare.distribution().lowerBound() >= 0 && frontLoadingShare.distribution().upperBound() <= 1)) {
      throw new IllegalArgumentException("frontLoadingShare must be within [0, 1], found "
          + frontLoadingShare.distribution().spec());
    }
    positive(frontLoadingQuarters, "frontLoadingQuarters");
    if (convergence != null && !(convergence.distribution().lowerBound() > 0
        && Double.isFinite(convergence.distribution().upperBound()))) {
      throw new IllegalArgumentException("convergence must be a finite number of quarters > 0 on its whole range, found "
          + convergence.distribution().spec());
    }
  }

  /** Without a convergence time (no short-run elasticities). */
  public Dynamics(Map<String, DemandProcess> demand, Map<String, Parameter> capacityTrend, Parameter halfLife,
      Parameter frontLoadingShare, int frontLoadingQuarters) {
    this(demand, capacityTrend, halfLife, frontLoadingShare, frontLoadingQuarters, null);
  }

  public static String key(String sector, String region) {
    return sector + "/" + region;
  }

  public DemandProcess demand(String sector, String importer) {
    return demand.getOrDefault(key(sector, importer), DemandProcess.FLAT);
  }

  /** The capacity trend parameter, or null when the exporter has none in this sector. */
  public Parameter capacityTrend(String sector, String exporter) {
    return capacityTrend.get(key(sector, exporter));
  }
}
