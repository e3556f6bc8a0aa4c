package org.tariffcast.app.job;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongConsumer;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.Marker;
import org.slf4j.MarkerFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.listener.JobExecutionListener;
import org.tariffcast.app.persistence.RunRecord;
import org.tariffcast.app.persistence.RunRepository;

/**
 * Keeps {@code projection_run} in step with the job: creates the row when a run starts (its
 * id is the job instance id), records which process runs each execution, keeps the heartbeat
 * going, and records how the execution ended. Every execution ends with one line in the log
 * and on the console, {@code run 12 COMPLETED in 3m07s: 10,000 trials, reports/2026-12-01/run-12}
 * (FAILED and INVALID alike; KILLED when the process is stopped while the run is going).
 */
public class RunListener implements JobExecutionListener {
  private static final Logger log = LoggerFactory.getLogger("org.tariffcast.run");
  /**
   * Marks the line that ends an execution ({@link #afterJob}): {@code run} and {@code resume}
   * print the outcome themselves, so their console leaves this line to the log file.
   */
  public static final Marker END_OF_RUN = MarkerFactory.getMarker("END_OF_RUN");
  private final RunRepository runs;
  private final ProgressMonitor monitor;
  private final LongConsumer release;
  private final Path reports;
  private final Map<Long, Thread> killHooks = new ConcurrentHashMap<>();

  /**
   * {@code release} forgets what was cached for a run (configuration, engine) once its execution
   * ends; {@code reports} is the reports folder as configured, which the final line names.
   */
  public RunListener(RunRepository runs, ProgressMonitor monitor, LongConsumer release, Path reports) {
    this.runs = runs;
    this.monitor = monitor;
    this.release = release;
    this.reports = reports;
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
    long start = System.nanoTime();
    Thread hook = new Thread(() -> log.warn(finalLine(runId, "KILLED", Duration.ofNanos(System.nanoTime() - start),
        "the process was stopped; 'tariffcast run' or 'resume --run " + runId + "' continues it")), "run-killed");
    try {
      Runtime.getRuntime().addShutdownHook(hook);
      killHooks.put(runId, hook);
    } catch (IllegalStateException shuttingDown) {
      // the process is already stopping
    }
  }

  @Override
  public void afterJob(JobExecution execution) {
    long runId = execution.getJobInstance().getInstanceId();
    Thread hook = killHooks.remove(runId);
    if (hook != null) {
      try {
        Runtime.getRuntime().removeShutdownHook(hook);
      } catch (IllegalStateException shuttingDown) {
        // the hook runs anyway
      }
    }
    monitor.stopHeartbeat(runId);
    monitor.stop(runId);
    monitor.endPhase(runId);
    release.accept(runId);
    BatchStatus status = execution.getStatus();
    String message = execution.getAllFailureExceptions().stream().map(RunListener::describe).distinct()
        .collect(Collectors.joining("; "));
    runs.finished(runId, status.name(), message.isEmpty() ? null : message);
    Duration took = execution.getStartTime() == null ? Duration.ZERO
        : Duration.between(execution.getStartTime(), java.time.LocalDateTime.now());
    String line = finalLine(runId, null, took, message);
    if (status == BatchStatus.COMPLETED) {
      log.info(END_OF_RUN, line);
    } else {
      log.warn(END_OF_RUN, line);
    }
  }

  /** {@code run 12 COMPLETED in 3m07s: 10,000 trials, reports/2026-12-01/run-12}; status null: the stored one. */
  String finalLine(long runId, String status, Duration took, String message) {
    RunRecord r = runs.find(runId).orElse(null);
    String s = status != null ? status : r == null ? "UNKNOWN" : r.status();
    StringBuilder b = new StringBuilder(String.format(Locale.ROOT, "run %d %s in %s", runId, s, duration(took)));
    if (r != null) {
      long trials = r.trials() == null ? 0 : r.trials();
      long planned = r.trialsPlanned() == null ? 0 : r.trialsPlanned();
      b.append(": ").append("COMPLETED".equals(s) || planned == 0 ? String.format(Locale.ROOT, "%,d trials", trials)
          : String.format(Locale.ROOT, "%,d of %,d trials merged", trials, planned));
      if (r.reportPath() != null && "COMPLETED".equals(s)) {
        b.append(", ").append(reports.resolve(r.reportPath()));
      }
    }
    if (!"COMPLETED".equals(s)) {
      String why = message != null && !message.isBlank() ? message : r == null ? null : r.message();
      if (why != null && !why.isBlank()) {
        b.append("; ").append(why.replaceAll("\\s*\\R\\s*", " | "));
      }
    }
    return b.toString();
  }

  /** {@code 3m07s}, {@code 1h02m05s}. */
  public static String duration(Duration d) {
    long s = Math.max(0, d.toSeconds());
    return s >= 3600 ? String.format(Locale.ROOT, "%dh%02dm%02ds", s / 3600, (s / 60) % 60, s % 60)
        : String.format(Locale.ROOT, "%dm%02ds", s / 60, s % 60);
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
