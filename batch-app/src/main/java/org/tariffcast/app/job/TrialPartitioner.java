package org.tariffcast.app.job;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.batch.core.partition.Partitioner;
import org.springframework.batch.infrastructure.item.ExecutionContext;

/**
 * Cuts the run's trials into the ranges of its {@link TrialPlan}. Each partition's execution
 * context holds its index and range only: results go to {@code partition_result}. On a
 * restart Spring Batch reuses the contexts of the first attempt, so ranges never move.
 */
public class TrialPartitioner implements Partitioner {
  private final TrialPlan plan;

  public TrialPartitioner(TrialPlan plan) {
    this.plan = plan;
  }

  @Override
  public Map<String, ExecutionContext> partition(int gridSize) {
    Map<String, ExecutionContext> out = new LinkedHashMap<>();
    for (TrialPlan.TrialRange r : plan.ranges()) {
      ExecutionContext ctx = new ExecutionContext();
      ctx.putInt(JobParams.PARTITION_INDEX, r.index());
      ctx.putLong(JobParams.TRIALS_FROM, r.from());
      ctx.putLong(JobParams.TRIALS_TO, r.to());
      out.put(r.partitionName(), ctx);
    }
    return out;
  }
}
