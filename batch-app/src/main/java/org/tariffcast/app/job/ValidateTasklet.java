package org.tariffcast.app.job;

import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.tariffcast.app.persistence.RunRepository;
import org.tariffcast.model.config.ConfigException;
import org.tariffcast.model.config.ConfigLoader;
import org.tariffcast.model.config.ModelConfig;

/**
 * Step 1: reads and validates the study folder, applies the overrides, and records the
 * configuration snapshot, its SHA-256, the plan and the software versions on the run. An
 * invalid study marks the run INVALID with every problem and fails the job.
 */
public class ValidateTasklet implements Tasklet {
  private static final Logger log = LoggerFactory.getLogger(ValidateTasklet.class);
  private final RunRepository runs;

  public ValidateTasklet(RunRepository runs) {
    this.runs = runs;
  }

  @Override
  public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
    var stepExecution = chunkContext.getStepContext().getStepExecution();
    long runId = stepExecution.getJobExecution().getJobInstance().getInstanceId();
    JobParameters params = stepExecution.getJobExecution().getJobParameters();
    Path dir = Path.of(params.getString(JobParams.STUDY_DIR));
    ModelConfig config;
    try {
      config = Overrides.parse(params.getString(JobParams.OVERRIDES, "")).applyTo(ConfigLoader.load(dir));
    } catch (ConfigException e) {
      runs.invalid(runId, e.getMessage());
      throw e;
    }
    TrialPlan plan = TrialPlan.of(config.run());
    runs.validated(runId, config, plan.trials(), plan.partitions(), Versions.current());
    log.info("run {}: {}", runId, config.describe());
    log.info("run {}: {} trials in {} partitions{}", runId, plan.trials(), plan.partitions(),
        plan.precision() ? " (precision batches: stops early once precise enough)" : "");
    return RepeatStatus.FINISHED;
  }
}
