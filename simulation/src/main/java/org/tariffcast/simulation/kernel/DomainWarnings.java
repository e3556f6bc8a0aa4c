package org.tariffcast.simulation.kernel;

import java.util.ArrayList;
import java.util.List;
import org.tariffcast.model.result.DomainWarning;

/**
 * Where the equilibria of a run left their model's range: counts of trials by scenario, regime,
 * sector and {@link DomainWarning.Kind}, in one flat {@code long[]} that partial results add
 * element by element (so merging is order-free). Index
 * {@code ((scenario * maxRegimes + (regime - 1)) * sectors + sector) * kinds + kind}, regimes
 * numbered from 1 as in {@link StudyPlan.ScenarioPlan#regimeNames}.
 */
public final class DomainWarnings {
  private static final DomainWarning.Kind[] KINDS = DomainWarning.Kind.values();
  private final StudyPlan plan;
  private final int regimes;
  private final int sectors;

  private DomainWarnings(StudyPlan plan) {
    this.plan = plan;
    this.regimes = Math.max(1, plan.maxRegimes);
    this.sectors = plan.sectors;
  }

  /** The counting layout of a study's plan. */
  public static DomainWarnings of(StudyPlan plan) {
    return new DomainWarnings(plan);
  }

  /** Length of the count array. */
  public int size() {
    return plan.scenarios.length * regimes * sectors * KINDS.length;
  }

  /** Adds one trial to {@code counts} for every kind whose bit is set in {@code flags}. */
  void count(long[] counts, int scenario, int regime, int sector, int flags) {
    int base = ((scenario * regimes + regime - 1) * sectors + sector) * KINDS.length;
    for (int k = 0; k < KINDS.length; k++) {
      if ((flags & (1 << k)) != 0) {
        counts[base + k]++;
      }
    }
  }

  /** The warnings of a run of {@code trials} trials, in index order (scenario, regime, sector, kind). */
  public List<DomainWarning> warnings(long[] counts, long trials) {
    if (counts.length != size()) {
      throw new IllegalArgumentException("domain warning counts must have " + size() + " entries, found "
          + counts.length);
    }
    List<DomainWarning> out = new ArrayList<>();
    for (int b = 0; b < plan.scenarios.length; b++) {
      StudyPlan.ScenarioPlan sp = plan.scenarios[b];
      for (int k = 1; k <= sp.regimes; k++) {
        for (int s = 0; s < sectors; s++) {
          for (int kind = 0; kind < KINDS.length; kind++) {
            long c = counts[((b * regimes + k - 1) * sectors + s) * KINDS.length + kind];
            if (c > 0) {
              out.add(DomainWarning.of(KINDS[kind], sp.name, sp.regimeNames[k], plan.sectorCodes[s], c, trials));
            }
          }
        }
      }
    }
    return out;
  }
}
