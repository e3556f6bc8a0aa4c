package org.tariffcast.app.job;

import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.StepExecution;
import org.tariffcast.app.persistence.PartitionRepository;
import org.tariffcast.app.persistence.RunRepository;

/** Starts and stops progress reporting around the simulate step, and records its completion. */
public class SimulateStepListener implements StepExecutionListener {
  private final RunConfigs configs;
  private final PartitionRepository partitions;
  private final ProgressMonitor monitor;
  private final RunRepository runs;

  public SimulateStepListener(RunConfigs configs, PartitionRepository partitions, ProgressMonitor monitor,
      RunRepository runs) {
    this.configs = configs;
    this.partitions = partitions;
    this.monitor = monitor;
    this.runs = runs;
  }

  @Override
  public void beforeStep(StepExecution stepExecution) {
    long runId = stepExecution.getJobExecution().getJobInstance().getInstanceId();
    TrialPlan plan = configs.plan(runId);
    monitor.start(runId, plan.partitions(), plan.trials(), partitions.count(runId), partitions.trialsStored(runId));
  }

  @Override
  public ExitStatus afterStep(StepExecution stepExecution) {
    long runId = stepExecution.getJobExecution().getJobInstance().getInstanceId();
    monitor.stop(runId);
    if (stepExecution.getStatus() == org.springframework.batch.core.BatchStatus.COMPLETED) {
      runs.stage(runId, "simulated");
    }
    return null;
  }
}
