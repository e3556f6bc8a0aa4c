package org.tariffcast.app.job;

import java.util.stream.Collectors;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.listener.JobExecutionListener;
import org.tariffcast.app.persistence.RunRepository;

/**
 * Keeps {@code projection_run} in step with the job: creates the row when a run starts (its
 * id is the job instance id), records which process runs each execution, keeps the heartbeat
 * going, and records how the execution ended.
 */
public class RunListener implements JobExecutionListener {
  private final RunRepository runs;
  private final ProgressMonitor monitor;
  private final java.util.function.LongConsumer release;

  /** {@code release} forgets what was cached for a run (configuration, engine) once its execution ends. */
  public RunListener(RunRepository runs, ProgressMonitor monitor, java.util.function.LongConsumer release) {
    this.runs = runs;
    this.monitor = monitor;
    this.release = release;
  }

  @Override
  public void beforeJob(JobExecution execution) {
    long runId = execution.getJobInstance().getInstanceId();
    JobParameters p = execution.getJobParameters();
    if (runs.find(runId).isEmpty()) {
      runs.create(runId, execution.getId(), p.getString(JobParams.ORIGIN, "cli"), p.getString(JobParams.SCHEDULE),
          p.getString(JobParams.FIRE_TIME), p.getString(JobParams.STUDY_DIR), p.getString(JobParams.OVERRIDES, ""),
          Owner.current());
    } else {
      runs.executing(runId, execution.getId(), Owner.current());
    }
    monitor.startHeartbeat(runId);
  }

  @Override
  public void afterJob(JobExecution execution) {
    long runId = execution.getJobInstance().getInstanceId();
    monitor.stopHeartbeat(runId);
    monitor.stop(runId);
    release.accept(runId);
    BatchStatus status = execution.getStatus();
    String message = execution.getAllFailureExceptions().stream().map(RunListener::describe).distinct()
        .collect(Collectors.joining("; "));
    runs.finished(runId, status.name(), message.isEmpty() ? null : message);
  }

  static String describe(Throwable t) {
    Throwable root = t;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    String m = root.getMessage();
    return m == null ? root.getClass().getSimpleName() : m;
  }
}
