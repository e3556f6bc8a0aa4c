package org.tariffcast.app.explore;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.stereotype.Component;
import org.tariffcast.app.job.JobParams;
import org.tariffcast.app.job.Overrides;
import org.tariffcast.model.config.ModelConfig;

/**
 * Starts or resumes a sweep. A sweep whose latest run of the same study files, sweep file and
 * overrides failed or was stopped is resumed (its stored points are not run again); otherwise a
 * new job instance starts.
 */
@Component
public class ExploreLauncher {
  private static final Logger log = LoggerFactory.getLogger(ExploreLauncher.class);
  private final JobOperator operator;
  private final JobRepository repository;
  private final Job job;
  private final ExploreRepository sweeps;

  public ExploreLauncher(JobOperator operator, JobRepository repository, Job exploreJob, ExploreRepository sweeps) {
    this.operator = operator;
    this.repository = repository;
    this.job = exploreJob;
    this.sweeps = sweeps;
  }

  /** How a sweep ended. */
  public record Outcome(long sweepId, BatchStatus status, boolean resumed, String message) {
    public boolean completed() {
      return status == BatchStatus.COMPLETED;
    }
  }

  public Outcome run(Path studyDir, ModelConfig study, Path exploreFile, Overrides overrides, Integer threads,
      boolean forceNew) throws Exception {
    String exploreSha = ExplorePrepareTasklet.sha256(Files.readString(exploreFile));
    if (!forceNew) {
      Optional<Long> latest = sweeps.latestOf(study.snapshot().sha256(), exploreSha, overrides.canonical());
      if (latest.isPresent()) {
        String status = sweeps.find(latest.get()).map(ExploreRepository.SweepRecord::status).orElse("");
        if (status.equals("FAILED") || status.equals("STOPPED")) {
          JobInstance instance = repository.getJobInstance(latest.get());
          JobExecution last = instance == null ? null : repository.getLastJobExecution(instance);
          if (last != null && !last.isRunning()) {
            log.info("sweep {} of this study and sweep file ended {}: resuming it", latest.get(), status);
            return outcome(operator.restart(last), true);
          }
        }
      }
    }
    JobParametersBuilder params = new JobParametersBuilder()
        .addString(JobParams.RUN_KEY, UUID.randomUUID().toString(), true)
        .addString(JobParams.STUDY_DIR, studyDir.toAbsolutePath().normalize().toString(), false)
        .addString(ExploreJobConfiguration.EXPLORE_FILE, exploreFile.toAbsolutePath().normalize().toString(), false)
        .addString(JobParams.OVERRIDES, overrides.canonical(), false)
        .addString(JobParams.ORIGIN, "cli", false);
    if (threads != null) {
      params.addLong(JobParams.THREADS, threads.longValue(), false);
    }
    return outcome(operator.start(job, params.toJobParameters()), false);
  }

  private Outcome outcome(JobExecution execution, boolean resumed) {
    String message = execution.getAllFailureExceptions().stream().map(t -> t.getClass().getSimpleName() + ": " + t.getMessage()).distinct()
        .collect(Collectors.joining("; "));
    return new Outcome(execution.getJobInstance().getInstanceId(), execution.getStatus(), resumed, message);
  }
}
