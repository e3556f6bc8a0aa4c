package org.tariffcast.app.job;

import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.tariffcast.app.PausePoints;
import org.tariffcast.app.persistence.RunRepository;
import org.tariffcast.model.config.ConfigException;
import org.tariffcast.model.config.ConfigLoader;
import org.tariffcast.model.config.ModelConfig;

/**
 * Step 1: applies the overrides to the run's configuration and records the configuration
 * snapshot, its SHA-256, the plan and the software versions on the run. A run started by
 * {@code run} uses the configuration {@code run} checked (from {@link CheckedConfigs}), never
 * the folder read again; a scheduled run, or a run resumed before its snapshot was stored,
 * reads the study folder here. An invalid study marks the run INVALID with every problem and
 * fails the job.
 */
public class ValidateTasklet implements Tasklet {
  private static final Logger log = LoggerFactory.getLogger(ValidateTasklet.class);
  private final RunRepository runs;
  private final CheckedConfigs checked;

  public ValidateTasklet(RunRepository runs, CheckedConfigs checked) {
    this.runs = runs;
    this.checked = checked;
  }

  @Override
  public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
    var stepExecution = chunkContext.getStepContext().getStepExecution();
    long runId = stepExecution.getJobExecution().getJobInstance().getInstanceId();
    JobParameters params = stepExecution.getJobExecution().getJobParameters();
    Path dir = Path.of(params.getString(JobParams.STUDY_DIR));
    Overrides overrides = Overrides.parse(params.getString(JobParams.OVERRIDES, ""));
    ModelConfig base = checked.take(params.getString(JobParams.RUN_KEY), runId);
    ModelConfig config;
    if (base != null) {
      config = overrides.applyTo(base);
      warnIfChanged(runId, dir, base);
    } else {
      try {
        config = overrides.applyTo(ConfigLoader.load(dir));
      } catch (ConfigException e) {
        runs.invalid(runId, e.getMessage());
        throw e;
      }
    }
    PausePoints.at("validate");
    TrialPlan plan = TrialPlan.of(config.run());
    runs.validated(runId, config, plan.trials(), plan.partitions(), Versions.current());
    log.info("run {}: {}", runId, config.describe());
    log.info("run {}: {} trials in {} partitions{}", runId, plan.trials(), plan.partitions(),
        plan.precision() ? " (precision batches: stops early once precise enough)" : "");
    return RepeatStatus.FINISHED;
  }

  /** Says so when the folder no longer holds the files that were checked: this run keeps the checked ones. */
  private static void warnIfChanged(long runId, Path dir, ModelConfig checkedConfig) {
    String was = checkedConfig.snapshot().sha256();
    String now;
    try {
      String sha = ConfigLoader.load(dir).snapshot().sha256();
      now = was.equals(sha) ? null : "config " + sha.substring(0, 12) + " now";
    } catch (ConfigException e) {
      now = e.total() + " problem" + (e.total() == 1 ? "" : "s") + " now";
    } catch (RuntimeException e) {
      now = "unreadable now: " + e.getMessage();
    }
    if (now != null) {
      log.warn("run {}: the files of {} changed after 'run' checked them (config {} then, {}); this run uses "
          + "them as checked, and the next 'run' reads them again", runId, dir, was.substring(0, 12), now);
    }
  }
}
