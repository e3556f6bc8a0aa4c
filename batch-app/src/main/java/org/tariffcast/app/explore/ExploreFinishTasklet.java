package org.tariffcast.app.explore;

import java.util.List;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.beans.factory.ObjectProvider;
import org.tariffcast.model.explore.GridPoint;

/** Checks that every grid point is stored, then has the sweep's reports written. */
public class ExploreFinishTasklet implements Tasklet {
  private final ExploreContexts contexts;
  private final ExploreRepository sweeps;
  private final ObjectProvider<ExploreReportWriter> writers;

  public ExploreFinishTasklet(ExploreContexts contexts, ExploreRepository sweeps,
      ObjectProvider<ExploreReportWriter> writers) {
    this.contexts = contexts;
    this.sweeps = sweeps;
    this.writers = writers;
  }

  @Override
  public RepeatStatus execute(StepContribution contribution, ChunkContext chunk) throws Exception {
    long sweepId = chunk.getStepContext().getStepExecution().getJobExecution().getJobInstance().getInstanceId();
    ExploreContexts.Sweep sweep = contexts.sweep(sweepId);
    List<GridPoint> points = sweeps.points(sweepId);
    if (points.size() != sweep.plan().points()) {
      throw new IllegalStateException("sweep " + sweepId + ": " + sweep.plan().points() + " points expected, "
          + points.size() + " stored");
    }
    for (ExploreReportWriter w : writers.orderedStream().toList()) {
      w.write(sweepId, sweep, points);
    }
    return RepeatStatus.FINISHED;
  }
}
