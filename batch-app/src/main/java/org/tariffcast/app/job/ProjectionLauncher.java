package org.tariffcast.app.job;

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
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.stereotype.Component;
import org.tariffcast.app.TariffcastProperties;
import org.tariffcast.app.persistence.RunLocks;
import org.tariffcast.app.persistence.RunRecord;
import org.tariffcast.app.persistence.RunRepository;
import org.tariffcast.model.config.ModelConfig;

/**
 * Starts, resumes and refuses runs. A run from the command line is a new job instance, unless
 * the latest run of the same configuration (same SHA-256, same overrides) failed or was killed:
 * then that run is resumed, its stale STARTED execution first recovered (marked FAILED) with
 * {@link JobOperator#recover}. A scheduled run's identity is its schedule and fire time, so a
 * fire that completed is refused and a fire that failed is resumed.
 */
@Component
public class ProjectionLauncher {
  private static final Logger log = LoggerFactory.getLogger(ProjectionLauncher.class);
  private final JobOperator operator;
  private final JobRepository repository;
  private final Job job;
  private final RunRepository runs;
  private final WorkerThreads threads;
  private final TariffcastProperties properties;
  private final RunLocks locks;
  private final CheckedConfigs checked;

  public ProjectionLauncher(JobOperator operator, JobRepository repository, Job projectionJob, RunRepository runs,
      WorkerThreads threads, TariffcastProperties properties, RunLocks locks, CheckedConfigs checked) {
    this.locks = locks;
    this.checked = checked;
    this.operator = operator;
    this.repository = repository;
    this.job = projectionJob;
    this.runs = runs;
    this.threads = threads;
    this.properties = properties;
  }

  /** How a launch ended. */
  public record Outcome(long runId, BatchStatus status, boolean resumed, String message) {
    public boolean completed() {
      return status == BatchStatus.COMPLETED;
    }
  }

  /** Thrown when a run may not start: it already completed, or another live process runs it. */
  public static class RefusedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public RefusedException(String message) {
      super(message);
    }
  }

  /**
   * {@code run}: projects the study in {@code studyDir}, whose configuration {@code config}
   * (overrides not yet applied) was just validated; the run computes exactly that
   * configuration (the folder is not read again). Holds the configuration's lock
   * ({@link ConfigurationLock}) throughout: a second {@code run} of the same configuration
   * waits, then reports the run it waited for if that completed. Runs of {@code run} killed
   * before they stored their configuration (orphans) are adopted when they ran this study with
   * these overrides, else closed as ABANDONED with the reason.
   */
  public Outcome run(Path studyDir, ModelConfig config, Overrides overrides, Integer threadCount, boolean forceNew)
      throws Exception {
    String key = overrides.canonical();
    String dir = studyDir.toAbsolutePath().normalize().toString();
    // the run of this configuration that had completed before any wait: not the one waited for
    Long completedBefore = runs.latestOf(config.snapshot().sha256(), key)
        .filter(r -> "COMPLETED".equals(r.status())).map(RunRecord::runId).orElse(null);
    try (ConfigurationLock lock = ConfigurationLock.acquire(locks, ConfigurationLock.key(config.snapshot().sha256(),
        key), Owner.current(), properties.staleAfter(), AWAIT_POLL, holder -> log.info(
            "{} of this configuration is running in process {}: waiting for it instead of repeating it",
            runs.withOwner(holder).map(r -> "run " + r.runId()).orElse("a run"), holder))) {
      Optional<RunRecord> latest = forceNew ? Optional.empty() : runs.latestOf(config.snapshot().sha256(), key);
      if (latest.isPresent() && "STARTED".equals(latest.get().status())
          && !Owner.isStale(latest.get(), properties.staleAfter())) {
        latest = Optional.of(awaitOther(latest.get()));
        if ("COMPLETED".equals(latest.get().status())) {
          return new Outcome(latest.get().runId(), BatchStatus.COMPLETED, false, "");
        }
      }
      if (lock.waited() && latest.isPresent() && "COMPLETED".equals(latest.get().status())
          && !Long.valueOf(latest.get().runId()).equals(completedBefore)) {
        log.info("run {} of this configuration completed while this one waited: not repeating it",
            latest.get().runId());
        return new Outcome(latest.get().runId(), BatchStatus.COMPLETED, false, "");
      }
      RunRecord resumeTarget = latest.filter(this::resumable).orElse(null);
      RunRecord adopted = settleOrphans(dir, key, forceNew || resumeTarget != null, resumeTarget);
      if (resumeTarget != null) {
        log.info("run {} of this configuration {}: resuming it", resumeTarget.runId(),
            "STARTED".equals(resumeTarget.status()) ? "was killed" : "ended " + resumeTarget.status());
        return resume(resumeTarget.runId(), threadCount, false);
      }
      if (adopted != null) {
        checked.offerForRun(adopted.runId(), config);
        try {
          return resume(adopted.runId(), threadCount, true);
        } finally {
          checked.withdraw(null, adopted.runId());
        }
      }
      String runKey = UUID.randomUUID().toString();
      JobParametersBuilder params = new JobParametersBuilder()
          .addString(JobParams.RUN_KEY, runKey, true)
          .addString(JobParams.STUDY_DIR, dir, false)
          .addString(JobParams.OVERRIDES, key, false)
          .addString(JobParams.ORIGIN, "cli", false);
      if (threadCount != null) {
        params.addLong(JobParams.THREADS, threadCount.longValue(), false);
      }
      checked.offerForNewRun(runKey, config);
      try {
        return outcome(operator.start(job, params.toJobParameters()), false);
      } finally {
        checked.withdraw(runKey, null);
      }
    }
  }

  /**
   * The orphans of {@code run}: runs STARTED by a process now gone that never stored their
   * configuration (killed during their validate step). The newest one of this study folder
   * and these overrides is returned for adoption, unless {@code noAdoption}; every other one
   * is closed (ABANDONED), its message saying why. Each is claimed first, so that only one
   * process adopts or closes it.
   */
  private RunRecord settleOrphans(String dir, String overrides, boolean noAdoption, RunRecord resumed) {
    RunRecord adopt = null;
    String me = Owner.current();
    for (RunRecord o : runs.withoutConfiguration()) {
      if (!Owner.isStale(o, properties.staleAfter()) || !runs.claim(o.runId(), o.owner(), me)) {
        continue;
      }
      boolean same = dir.equals(o.studyDir()) && overrides.equals(o.overrides());
      String killed = "run " + o.runId() + " was killed during its validate step (process " + o.owner()
          + " is gone) before it stored its configuration";
      if (same && !noAdoption && adopt == null) {
        log.warn("{}: this run of the same study and options adopts it and resumes it", killed);
        adopt = o;
        continue;
      }
      String why = killed + "; nothing of it was computed. Closed by the run of " + dir
          + (overrides.isEmpty() ? "" : " [" + overrides + "]") + " in process " + me + " at "
          + RunRepository.now() + (same && resumed != null ? ", which resumed run " + resumed.runId()
              + " of the same configuration instead" : same ? ", started with --new" : "")
          + ". 'tariffcast run --config " + o.studyDir() + (o.overrides().isEmpty() ? "" : " with " + o.overrides())
          + "' starts it anew.";
      log.warn("{}: closing it as ABANDONED", killed);
      JobExecution last = LastExecution.of(repository, o.runId()).orElse(null);
      if (last != null && last.isRunning()) {
        operator.recover(last);
        try {
          operator.abandon(repository.getJobExecution(last.getId()));
        } catch (Exception e) {
          log.debug("run {}: execution {} not abandoned: {}", o.runId(), last.getId(), e.toString());
        }
      }
      runs.finished(o.runId(), "ABANDONED", why);
    }
    return adopt;
  }

  /** How often a {@code run} waiting for the same configuration's run in another process looks again. */
  static final java.time.Duration AWAIT_POLL = java.time.Duration.ofSeconds(2);

  /**
   * Waits while another live process runs the same configuration, instead of repeating its work;
   * returns the run as it ended (or as it stands once its process is gone).
   */
  private RunRecord awaitOther(RunRecord running) throws InterruptedException {
    log.info("run {} of this configuration is running in process {}: waiting for it instead of repeating it",
        running.runId(), running.owner());
    RunRecord r = running;
    while ("STARTED".equals(r.status()) && !Owner.isStale(r, properties.staleAfter())) {
      Thread.sleep(AWAIT_POLL.toMillis());
      r = runs.find(r.runId()).orElse(r);
    }
    log.info("run {} of this configuration ended {}", r.runId(), "STARTED".equals(r.status()) ? "KILLED" : r.status());
    return r;
  }

  /** Resumes a failed, stopped or killed run where it stopped. */
  public Outcome resume(long runId, Integer threadCount) throws Exception {
    return resume(runId, threadCount, false);
  }

  /** As {@link #resume(long, Integer)}; {@code claimed}: this process took the run over from a dead one. */
  private Outcome resume(long runId, Integer threadCount, boolean claimed) throws Exception {
    JobInstance instance = repository.getJobInstance(runId);
    if (instance == null) {
      throw new IllegalArgumentException("no run " + runId);
    }
    JobExecution last = repository.getLastJobExecution(instance);
    if (last.getStatus() == BatchStatus.COMPLETED) {
      throw new RefusedException("run " + runId + " already completed");
    }
    if (last.getStatus() == BatchStatus.ABANDONED) {
      throw new RefusedException("run " + runId + " was closed (ABANDONED) and cannot be resumed: "
          + runs.find(runId).map(RunRecord::message).orElse("no reason recorded"));
    }
    recoverIfKilled(runId, last, claimed);
    threads.forResume(runId, threadCount);
    try {
      return outcome(operator.restart(last), true);
    } finally {
      threads.forResume(runId, null);
    }
  }

  /**
   * A schedule's fire: the job instance of (schedule, fire time). Refused if that fire already
   * completed or is running in a live process; resumed if it failed or was killed.
   */
  public Outcome runScheduled(TariffcastProperties.Schedule schedule, String fireTime) throws Exception {
    return runScheduled(schedule, fireTime, false);
  }

  /**
   * As {@link #runScheduled(TariffcastProperties.Schedule, String)}; {@code ownerDead} true when
   * the Quartz cluster re-fires a fire whose scheduler died: its execution is then recovered
   * without waiting for the heartbeat to go stale.
   */
  public Outcome runScheduled(TariffcastProperties.Schedule schedule, String fireTime, boolean ownerDead)
      throws Exception {
    Path study = schedule.study() != null ? schedule.study() : properties.study();
    JobParametersBuilder builder = new JobParametersBuilder()
        .addString(JobParams.SCHEDULE, schedule.name(), true)
        .addString(JobParams.FIRE_TIME, fireTime, true)
        .addString(JobParams.STUDY_DIR, study.toAbsolutePath().normalize().toString(), false)
        .addString(JobParams.OVERRIDES, new Overrides(schedule.trials(), schedule.seed()).canonical(), false)
        .addString(JobParams.ORIGIN, "schedule", false);
    if (schedule.threads() > 0) {
      builder.addLong(JobParams.THREADS, (long) schedule.threads(), false);
    }
    JobParameters params = builder.toJobParameters();
    JobInstance instance = repository.getJobInstance(JobParams.JOB_NAME, params);
    if (instance != null) {
      JobExecution last = repository.getLastJobExecution(instance);
      if (last != null && last.getStatus() == BatchStatus.COMPLETED) {
        throw new RefusedException("schedule " + schedule.name() + " fire " + fireTime + " already ran: run "
            + instance.getInstanceId() + " completed");
      }
      if (last != null) {
        recoverIfKilled(instance.getInstanceId(), last, ownerDead);
        return outcome(operator.restart(last), true);
      }
    }
    return outcome(operator.start(job, params), false);
  }

  private boolean resumable(RunRecord run) {
    return switch (run.status()) {
      case "FAILED", "STOPPED", "ABANDONED" -> true;
      case "STARTED" -> Owner.isStale(run, properties.staleAfter());
      default -> false;
    };
  }

  private void recoverIfKilled(long runId, JobExecution last, boolean ownerDead) {
    if (!last.isRunning()) {
      return;
    }
    RunRecord run = runs.find(runId).orElse(null);
    if (!ownerDead && run != null && !Owner.isStale(run, properties.staleAfter())) {
      throw new RefusedException("run " + runId + " is running in process " + run.owner());
    }
    log.warn("run {} KILLED: its process {} is gone (execution {} left {}); recovering it", runId,
        run == null ? "?" : run.owner(), last.getId(), last.getStatus());
    operator.recover(last);
    runs.finished(runId, "FAILED", "killed; recovered");
  }

  private Outcome outcome(JobExecution execution, boolean resumed) {
    long runId = execution.getJobInstance().getInstanceId();
    String message = execution.getAllFailureExceptions().stream().map(RunListener::describe).distinct()
        .collect(Collectors.joining("; "));
    return new Outcome(runId, execution.getStatus(), resumed, message);
  }
}
