package org.tariffcast.app.job;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.tariffcast.app.persistence.PartitionRepository;
import org.tariffcast.simulation.PartialResult;
import org.tariffcast.simulation.ProjectionEngine;

/**
 * The worker of the simulate step: runs the trials of one partition and stores the engine's
 * partial result in {@code partition_result}, inside the step's transaction. If the row is
 * already there (the process died after the commit but before Spring Batch marked the step
 * COMPLETED) it is not computed or written again. Under a precision target a batch whose
 * predecessors already reached the precision is not needed and completes without a row.
 */
public class SimulatePartitionTasklet implements Tasklet {
  /** Exit code of a precision batch that was not needed. */
  public static final String NOT_NEEDED = "NOT_NEEDED";
  private static final Logger log = LoggerFactory.getLogger(SimulatePartitionTasklet.class);

  private final RunConfigs configs;
  private final PartitionRepository partitions;
  private final ProgressMonitor progress;
  private final WorkerThreads threads;
  private final PrecisionPrefix prefix;

  public SimulatePartitionTasklet(RunConfigs configs, PartitionRepository partitions, ProgressMonitor progress,
      WorkerThreads threads, PrecisionPrefix prefix) {
    this.prefix = prefix;
    this.configs = configs;
    this.partitions = partitions;
    this.progress = progress;
    this.threads = threads;
  }

  @Override
  public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
    StepExecution step = chunkContext.getStepContext().getStepExecution();
    long runId = step.getJobExecution().getJobInstance().getInstanceId();
    ExecutionContext ctx = step.getExecutionContext();
    TrialPlan.TrialRange range = new TrialPlan.TrialRange(ctx.getInt(JobParams.PARTITION_INDEX),
        ctx.getLong(JobParams.TRIALS_FROM), ctx.getLong(JobParams.TRIALS_TO));
    if (partitions.exists(runId, range.index(), range.from(), range.to())) {
      log.info("run {}: {} already stored, not simulated again", runId, range.partitionName());
      return RepeatStatus.FINISHED;
    }
    TrialPlan plan = configs.plan(runId);
    ProjectionEngine engine = configs.engine(runId);
    if (plan.precision() && prefix.reachedBefore(runId, range.index(), engine)) {
      contribution.setExitStatus(new ExitStatus(NOT_NEEDED, "precision reached by earlier batches"));
      return RepeatStatus.FINISHED;
    }
    int perPartition = threads.perPartition(step.getJobExecution(), plan.partitions());
    PartialResult result = engine.simulate(range.from(), range.to(), perPartition, progress.progress(runId));
    byte[] bytes = result.toBytes();
    partitions.save(runId, range.index(), range.from(), range.to(), bytes);
    org.tariffcast.app.PausePoints.counted("simulate-stored");
    contribution.incrementWriteCount(range.trials());
    return RepeatStatus.FINISHED;
  }

  /** Counts a partition as done once its transaction committed (the step's afterStep). */
  public static StepExecutionListener progressListener(ProgressMonitor progress) {
    return new StepExecutionListener() {
      @Override
      public ExitStatus afterStep(StepExecution step) {
        if (step.getExitStatus().getExitCode().equals(ExitStatus.COMPLETED.getExitCode())
            || step.getExitStatus().getExitCode().equals(NOT_NEEDED)) {
          ExecutionContext ctx = step.getExecutionContext();
          progress.partitionDone(step.getJobExecution().getJobInstance().getInstanceId(),
              new TrialPlan.TrialRange(ctx.getInt(JobParams.PARTITION_INDEX), ctx.getLong(JobParams.TRIALS_FROM),
                  ctx.getLong(JobParams.TRIALS_TO)), !step.getExitStatus().getExitCode().equals(NOT_NEEDED));
        }
        return null;
      }
    };
  }


}
