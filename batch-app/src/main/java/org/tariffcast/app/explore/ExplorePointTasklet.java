package org.tariffcast.app.explore;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tariffcast.app.PausePoints;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.tariffcast.app.job.JobParams;
import org.tariffcast.app.job.WorkerThreads;
import org.tariffcast.model.explore.GridPoint;
import org.tariffcast.simulation.PartialResult;
import org.tariffcast.simulation.ProjectionEngine;
import org.tariffcast.simulation.TrialProgress;
import org.tariffcast.simulation.explore.SweepRunner;

/**
 * The worker of the points step: runs one grid point (the base scenario at the point's levers,
 * trials [0, n) as every point) and stores it in {@code explore_point} inside the step's
 * transaction; a point already stored is not computed again.
 */
public class ExplorePointTasklet implements Tasklet {
  private static final Logger log = LoggerFactory.getLogger(ExplorePointTasklet.class);
  private final ExploreContexts contexts;
  private final ExploreRepository sweeps;
  private final WorkerThreads threads;

  public ExplorePointTasklet(ExploreContexts contexts, ExploreRepository sweeps, WorkerThreads threads) {
    this.contexts = contexts;
    this.sweeps = sweeps;
    this.threads = threads;
  }

  @Override
  public RepeatStatus execute(StepContribution contribution, ChunkContext chunk) {
    StepExecution step = chunk.getStepContext().getStepExecution();
    long sweepId = step.getJobExecution().getJobInstance().getInstanceId();
    int index = step.getExecutionContext().getInt(JobParams.PARTITION_INDEX);
    if (sweeps.pointExists(sweepId, index)) {
      log.info("sweep {}: point {} already stored, not run again", sweepId, index);
      return RepeatStatus.FINISHED;
    }
    ExploreContexts.Sweep sweep = contexts.sweep(sweepId);
    long trials = SweepRunner.trialsPerPoint(sweep.study(), sweep.plan());
    ProjectionEngine engine = SweepRunner.engine(sweep.study(), sweep.plan(), index);
    int perPoint = threads.perPartition(step.getJobExecution(), sweep.plan().points());
    PartialResult all = engine.simulate(0, trials, perPoint, TrialProgress.NONE);
    GridPoint point = engine.finishScenario(all, index, sweep.plan().point(index));
    sweeps.savePoint(sweepId, point);
    PausePoints.counted("explore-point-stored");
    contribution.incrementWriteCount(trials);
    return RepeatStatus.FINISHED;
  }
}
