package org.tariffcast.app.monitoring;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.tariffcast.app.persistence.RunRecord;
import org.tariffcast.app.persistence.RunRepository;
import org.tariffcast.app.web.ConsoleRepository;
import org.tariffcast.app.web.RunStatus;

/**
 * Prometheus metrics of every run on the database, whichever process ran it: runs started,
 * completed and failed (counters, from {@code projection_run}), runs running and their trials
 * per second (gauges), and the duration of each simulate partition (a timer fed from Spring
 * Batch's step executions, so partitions of remote workers count too).
 */
public class RunMetrics implements MeterBinder, AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(RunMetrics.class);
  private final JdbcClient jdbc;
  private final RunRepository runs;
  private final ConsoleRepository console;
  private final Duration staleAfter;
  private final ScheduledExecutorService poller = Executors.newSingleThreadScheduledExecutor(r -> {
    Thread t = new Thread(r, "run-metrics");
    t.setDaemon(true);
    return t;
  });
  private volatile long lastStepExecution = 0;
  private volatile Snapshot snapshot = new Snapshot(0, 0, 0, 0, 0);
  private Timer partitions;

  record Snapshot(long started, long completed, long failed, long running, double trialsPerSecond) {}

  public RunMetrics(JdbcClient jdbc, RunRepository runs, ConsoleRepository console, Duration staleAfter) {
    this.jdbc = jdbc;
    this.runs = runs;
    this.console = console;
    this.staleAfter = staleAfter;
  }

  @Override
  public void bindTo(MeterRegistry registry) {
    FunctionCounter.builder("tariffcast.runs.started", this, m -> m.snapshot.started())
        .description("runs started (every run on the database)").register(registry);
    FunctionCounter.builder("tariffcast.runs.completed", this, m -> m.snapshot.completed())
        .description("runs completed").register(registry);
    FunctionCounter.builder("tariffcast.runs.failed", this, m -> m.snapshot.failed())
        .description("runs failed, stopped, killed or with an invalid configuration").register(registry);
    Gauge.builder("tariffcast.runs.running", this, m -> m.snapshot.running()).description("runs running now")
        .register(registry);
    Gauge.builder("tariffcast.trials.per.second", this, m -> m.snapshot.trialsPerSecond())
        .description("trials per second of the runs running now").register(registry);
    partitions = Timer.builder("tariffcast.partition.duration").description("wall time of a simulate partition")
        .register(registry);
    poller.scheduleWithFixedDelay(this::refresh, 0, 5, TimeUnit.SECONDS);
  }

  /** Reads the counts and new partition durations from the database. */
  void refresh() {
    try {
      long started = count("");
      long completed = count(" WHERE status = 'COMPLETED'");
      long failed = count(" WHERE status IN ('FAILED', 'STOPPED', 'INVALID', 'ABANDONED')");
      List<Long> live = jdbc.sql("SELECT run_id FROM projection_run WHERE status = 'STARTED'").query(Long.class)
          .list();
      long running = 0;
      double rate = 0;
      for (long id : live) {
        RunRecord r = runs.find(id).orElse(null);
        if (r == null) {
          continue;
        }
        if (RunStatus.of(r, staleAfter) == RunStatus.KILLED) {
          failed++;
        } else {
          running++;
          rate += console.progress(r).trialsPerSecond();
        }
      }
      snapshot = new Snapshot(started, completed, failed, running, rate);
      record Step(long id, Timestamp start, Timestamp end) {}
      for (Step s : jdbc.sql("SELECT STEP_EXECUTION_ID, START_TIME, END_TIME FROM BATCH_STEP_EXECUTION "
          + "WHERE STEP_NAME LIKE 'simulate-partition%' AND END_TIME IS NOT NULL AND STEP_EXECUTION_ID > ? "
          + "AND STATUS = 'COMPLETED' ORDER BY STEP_EXECUTION_ID").param(lastStepExecution)
          .query((rs, n) -> new Step(rs.getLong(1), rs.getTimestamp(2), rs.getTimestamp(3))).list()) {
        if (s.start() != null) {
          partitions.record(Duration.ofMillis(Math.max(0, s.end().getTime() - s.start().getTime())));
        }
        lastStepExecution = s.id();
      }
    } catch (RuntimeException e) {
      log.debug("run metrics not refreshed: {}", e.toString());
    }
  }

  private long count(String where) {
    return jdbc.sql("SELECT COUNT(*) FROM projection_run" + where).query(Long.class).single();
  }

  @Override
  public void close() {
    poller.shutdownNow();
  }
}
