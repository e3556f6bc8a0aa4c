package org.tariffcast.app.job.remote;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.amqp.core.QueueInformation;
import org.springframework.amqp.rabbit.core.RabbitAdmin;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.partition.PartitionHandler;
import org.springframework.batch.core.partition.StepExecutionSplitter;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.tariffcast.app.job.JobParams;

/**
 * Fails a remote run whose partitions make no progress: no partition started, finished or
 * stored its result for {@code tariffcast.remote.stall-after} (default 15 minutes). The run then
 * FAILS with a message that names the queue, how many requests wait in it, how many workers
 * consume it, and which partitions never started or were left by a silent worker, instead of
 * printing "0/8 partitions done, ETA unknown" for ever. The partitions left are marked FAILED,
 * so {@code resume} sends them again. A single partition that takes longer than the stall time
 * on a live worker also counts as a stall: set the time above the longest partition.
 */
public class StallWatchingPartitionHandler implements PartitionHandler {
  private static final Logger log = LoggerFactory.getLogger(StallWatchingPartitionHandler.class);
  private final PartitionHandler delegate;
  private final JobRepository repository;
  private final JdbcClient jdbc;
  private final RabbitAdmin admin;
  private final String queue;
  private final Duration stallAfter;

  public StallWatchingPartitionHandler(PartitionHandler delegate, JobRepository repository, JdbcClient jdbc,
      RabbitAdmin admin, String queue, Duration stallAfter) {
    this.delegate = delegate;
    this.repository = repository;
    this.jdbc = jdbc;
    this.admin = admin;
    this.queue = queue;
    this.stallAfter = stallAfter;
  }

  /** Thrown when the partitions stalled: its message is the run's failure message. */
  public static class StalledPartitionsException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public StalledPartitionsException(String message) {
      super(message);
    }
  }

  @Override
  public Collection<StepExecution> handle(StepExecutionSplitter splitter, StepExecution manager) throws Exception {
    long runId = manager.getJobExecution().getJobInstance().getInstanceId();
    long jobExecutionId = manager.getJobExecutionId();
    Thread caller = Thread.currentThread();
    AtomicReference<String> stalled = new AtomicReference<>();
    ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "stall-watch-run-" + runId);
      t.setDaemon(true);
      return t;
    });
    long checkMs = Math.max(100, Math.min(10_000, stallAfter.toMillis() / 10));
    String[] last = {null};
    long[] lastChange = {System.nanoTime()};
    ScheduledFuture<?> watch = timer.scheduleWithFixedDelay(() -> {
      try {
        String now = fingerprint(runId, jobExecutionId);
        if (!now.equals(last[0])) {
          last[0] = now;
          lastChange[0] = System.nanoTime();
        } else if (System.nanoTime() - lastChange[0] >= stallAfter.toNanos() && stalled.get() == null) {
          stalled.set(describe(runId, jobExecutionId));
          caller.interrupt();
        }
      } catch (RuntimeException e) {
        log.debug("stall watch of run {}: {}", runId, e.toString());
      }
    }, 0, checkMs, TimeUnit.MILLISECONDS);
    try {
      return delegate.handle(splitter, manager);
    } catch (Exception e) {
      String why = stalled.get();
      if (why == null) {
        throw e;
      }
      Thread.interrupted();
      failLeftPartitions(jobExecutionId, why);
      log.error(why);
      throw new StalledPartitionsException(why);
    } finally {
      watch.cancel(false);
      timer.shutdownNow();
      if (stalled.get() != null) {
        Thread.interrupted();
      }
    }
  }

  /** What changes when partitions move: their step executions (status, version) and the results stored. */
  String fingerprint(long runId, long jobExecutionId) {
    String steps = jdbc.sql("SELECT COUNT(*), COALESCE(SUM(VERSION), 0), "
        + "SUM(CASE WHEN STATUS = 'COMPLETED' THEN 1 ELSE 0 END) FROM BATCH_STEP_EXECUTION "
        + "WHERE JOB_EXECUTION_ID = ? AND STEP_NAME LIKE ?").params(jobExecutionId,
            JobParams.SIMULATE_PARTITION_STEP + ":%")
        .query((rs, n) -> rs.getLong(1) + "/" + rs.getLong(2) + "/" + rs.getLong(3)).single();
    long results = jdbc.sql("SELECT COUNT(*) FROM partition_result WHERE run_id = ?").param(runId).query(Long.class)
        .single();
    return steps + "/" + results;
  }

  String describe(long runId, long jobExecutionId) {
    record Part(String name, String status) {}
    List<Part> parts = jdbc.sql("SELECT STEP_NAME, STATUS FROM BATCH_STEP_EXECUTION WHERE JOB_EXECUTION_ID = ? "
        + "AND STEP_NAME LIKE ? ORDER BY STEP_EXECUTION_ID").params(jobExecutionId,
            JobParams.SIMULATE_PARTITION_STEP + ":%")
        .query((rs, n) -> new Part(rs.getString(1).substring(rs.getString(1).indexOf(':') + 1), rs.getString(2)))
        .list();
    List<String> waiting = new ArrayList<>();
    List<String> silent = new ArrayList<>();
    int done = 0;
    for (Part p : parts) {
      switch (p.status()) {
        case "COMPLETED" -> done++;
        case "STARTING" -> waiting.add(p.name());
        case "STARTED" -> silent.add(p.name());
        default -> { }
      }
    }
    StringBuilder s = new StringBuilder("run ").append(runId).append(": no partition progressed for ")
        .append(text(stallAfter)).append(" (tariffcast.remote.stall-after) on queue '").append(queue).append("'");
    try {
      QueueInformation info = admin.getQueueInfo(queue);
      if (info != null) {
        s.append(" (").append(info.getMessageCount()).append(" requests waiting, ").append(info.getConsumerCount())
            .append(info.getConsumerCount() == 1 ? " worker" : " workers").append(" consuming it)");
      }
    } catch (RuntimeException e) {
      s.append(" (the broker cannot be asked: ").append(e.getMessage()).append(')');
    }
    s.append(": ").append(done).append(" of ").append(parts.size()).append(" partitions done");
    if (!waiting.isEmpty()) {
      s.append("; no worker took ").append(String.join(", ", waiting))
          .append(" (start workers: 'tariffcast worker' with the remote profile)");
    }
    if (!silent.isEmpty()) {
      s.append("; the workers running ").append(String.join(", ", silent)).append(" went silent");
    }
    return s.append(". Resume with: tariffcast resume --run ").append(runId).toString();
  }

  /** Marks the partitions that did not end FAILED, so that a resume sends them again. */
  void failLeftPartitions(long jobExecutionId, String why) {
    JobExecution execution = repository.getJobExecution(jobExecutionId);
    if (execution == null) {
      return;
    }
    for (StepExecution step : execution.getStepExecutions()) {
      if (step.getStepName().startsWith(JobParams.SIMULATE_PARTITION_STEP + ":")
          && (step.getStatus() == BatchStatus.STARTING || step.getStatus() == BatchStatus.STARTED)) {
        step.setStatus(BatchStatus.FAILED);
        step.setExitStatus(ExitStatus.FAILED.addExitDescription(why));
        step.setEndTime(LocalDateTime.now());
        try {
          repository.update(step);
        } catch (RuntimeException e) {
          log.warn("partition {} of job execution {} not marked FAILED: {}", step.getStepName(), jobExecutionId,
              e.toString());
        }
      }
    }
  }

  static String text(Duration d) {
    long s = d.getSeconds();
    return s >= 60 ? String.format(Locale.ROOT, "%dm%02ds", s / 60, s % 60) : s + "s";
  }
}
