package org.tariffcast.app.explore;

import java.nio.file.Files;
import java.nio.file.Path;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.tariffcast.app.job.JobParams;
import org.tariffcast.app.job.Overrides;
import org.tariffcast.model.config.ConfigLoader;
import org.tariffcast.model.config.ConfigSnapshot;
import org.tariffcast.model.config.ModelConfig;
import org.tariffcast.model.explore.ExplorePlan;
import org.tariffcast.simulation.explore.SweepRunner;

/**
 * Stores the sweep: the study's files and the sweep text as read now, with its identity, so
 * every later step (and a resumed sweep) reads the database, not the folder.
 */
public class ExplorePrepareTasklet implements Tasklet {
  private final ExploreRepository sweeps;

  public ExplorePrepareTasklet(ExploreRepository sweeps) {
    this.sweeps = sweeps;
  }

  @Override
  public RepeatStatus execute(StepContribution contribution, ChunkContext chunk) throws Exception {
    long sweepId = chunk.getStepContext().getStepExecution().getJobExecution().getJobInstance().getInstanceId();
    if (sweeps.find(sweepId).isPresent()) {
      return RepeatStatus.FINISHED;
    }
    JobParameters params = chunk.getStepContext().getStepExecution().getJobExecution().getJobParameters();
    Path dir = Path.of(params.getString(JobParams.STUDY_DIR));
    Path file = Path.of(params.getString(ExploreJobConfiguration.EXPLORE_FILE));
    Overrides overrides = Overrides.parse(params.getString(JobParams.OVERRIDES));
    ModelConfig study = ConfigLoader.load(dir);
    String text = Files.readString(file);
    ExplorePlan plan = ExploreContexts.plan(overrides.applyTo(study), text, overrides);
    sweeps.create(sweepId, study.snapshot().sha256(), sha256(text), overrides.canonical(), plan.scenario(),
        plan.points(), SweepRunner.trialsPerPoint(overrides.applyTo(study), plan), text, study.snapshot().files());
    return RepeatStatus.FINISHED;
  }

  static String sha256(String text) {
    return ConfigSnapshot.of(java.util.Map.of(ExplorePlan.FILE, text)).sha256();
  }
}
