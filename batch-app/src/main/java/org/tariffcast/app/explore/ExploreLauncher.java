package org.tariffcast.app.explore;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.stereotype.Component;
import org.tariffcast.app.TariffcastProperties;
import org.tariffcast.app.job.JobParams;
import org.tariffcast.app.job.LastExecution;
import org.tariffcast.app.job.Owner;
import org.tariffcast.app.job.ProjectionLauncher;
import org.tariffcast.app.job.Overrides;
import org.tariffcast.model.config.ModelConfig;

/**
 * Starts or resumes a sweep. A sweep whose latest run of the same study files, sweep file and
 * overrides failed, was stopped or was killed (left STARTED by a process that is gone) is resumed
 * (its stored points are not run again); one running in a live process is refused; otherwise a
 * new job instance starts.
 */
@Component
public class ExploreLauncher {
  private static final Logger log = LoggerFactory.getLogger(ExploreLauncher.class);
  private final JobOperator operator;
  private final JobRepository repository;
  private final Job job;
  private final ExploreRepository sweeps;
  private final Duration staleAfter;

  public ExploreLauncher(JobOperator operator, JobRepository repository, Job exploreJob, ExploreRepository sweeps,
      TariffcastProperties properties) {
    this.staleAfter = properties.staleAfter();
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
        Optional<JobExecution> resumable = resumable(latest.get());
        if (resumable.isPresent()) {
          return outcome(operator.restart(resumable.get()), true);
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

  /**
   * The execution to restart when the latest sweep of this study, sweep file and overrides
   * failed, was stopped, or was left STARTED by a process that is gone (that execution is first
   * recovered, and the sweep marked FAILED, "killed; recovered"); empty when it completed.
   *
   * @throws ProjectionLauncher.RefusedException if a live process is running it
   */
  private Optional<JobExecution> resumable(long sweepId) {
    ExploreRepository.Liveness sweep = sweeps.liveness(sweepId).orElse(null);
    Optional<JobExecution> last = LastExecution.of(repository, sweepId);
    if (sweep == null || last.isEmpty()) {
      return Optional.empty();
    }
    switch (sweep.status()) {
      case "FAILED", "STOPPED" -> {
        if (last.get().isRunning()) {
          return Optional.empty();
        }
        log.info("sweep {} of this study and sweep file ended {}: resuming it", sweepId, sweep.status());
        return last;
      }
      case "STARTED" -> {
        if (!Owner.isGone(sweep.owner(), sweep.heartbeatAt() != null ? sweep.heartbeatAt() : sweep.startedAt(),
            staleAfter)) {
          throw new ProjectionLauncher.RefusedException("sweep " + sweepId + " of this study and sweep file is running"
              + " in process " + sweep.owner() + "; wait for it, or start another with --new");
        }
        log.warn("sweep {} KILLED: its process {} is gone (execution {} left {}); recovering it and resuming it",
            sweepId, sweep.owner(), last.get().getId(), last.get().getStatus());
        if (last.get().isRunning()) {
          operator.recover(last.get());
        }
        sweeps.status(sweepId, "FAILED", "killed; recovered");
        return LastExecution.of(repository, sweepId);
      }
      default -> {
        return Optional.empty();
      }
    }
  }

  private Outcome outcome(JobExecution execution, boolean resumed) {
    String message = execution.getAllFailureExceptions().stream().map(t -> t.getClass().getSimpleName() + ": " + t.getMessage()).distinct()
        .collect(Collectors.joining("; "));
    return new Outcome(execution.getJobInstance().getInstanceId(), execution.getStatus(), resumed, message);
  }
}
