package org.tariffcast.app.job;

import java.util.ArrayList;
import java.util.List;
import org.tariffcast.model.run.PrecisionTarget;
import org.tariffcast.model.run.RunSettings;

/**
 * How the simulate step cuts a run's trials into partitions. A fixed trial count is split
 * into {@code partitions} nearly equal ranges. Under a precision target the ranges are the
 * target's batches ({@code batch_trials} each, up to {@code max_trials}): the run stops after
 * the first prefix of batches, in order, whose merged result reaches the precision, so its
 * numbers do not depend on how many batches ran in parallel.
 *
 * @param ranges the partitions in trial order
 * @param precision true if the plan is a sequence of precision batches
 */
public record TrialPlan(List<TrialRange> ranges, boolean precision) {
  /** One partition: trials [from, to). */
  public record TrialRange(int index, long from, long to) {
    public long trials() {
      return to - from;
    }

    public String partitionName() {
      return "partition" + index;
    }
  }

  public static TrialPlan of(RunSettings run) {
    List<TrialRange> ranges = new ArrayList<>();
    PrecisionTarget p = run.precision();
    if (p == null) {
      long n = run.trials();
      int parts = (int) Math.min(run.partitions(), n);
      for (int i = 0; i < parts; i++) {
        ranges.add(new TrialRange(i, n * i / parts, n * (i + 1) / parts));
      }
      return new TrialPlan(List.copyOf(ranges), false);
    }
    long batch = p.batchTrials();
    int i = 0;
    for (long from = 0; from < p.maxTrials(); from += batch) {
      ranges.add(new TrialRange(i++, from, Math.min(p.maxTrials(), from + batch)));
    }
    return new TrialPlan(List.copyOf(ranges), true);
  }

  public long trials() {
    return ranges.isEmpty() ? 0 : ranges.get(ranges.size() - 1).to();
  }

  public int partitions() {
    return ranges.size();
  }
}
