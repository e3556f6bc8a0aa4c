package org.tariffcast.app.job;

import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tariffcast.app.persistence.PartitionRepository;
import org.tariffcast.app.persistence.RunRepository;
import org.tariffcast.simulation.TrialProgress;

/**
 * Tells the console and the log how a run is going (partitions done, trials per second, ETA)
 * every few seconds and whenever a partition completes, and keeps the run's heartbeat fresh so
 * that another process can tell a live run from a killed one.
 */
public class ProgressMonitor implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger("org.tariffcast.progress");
  private final RunRepository runs;
  private final PartitionRepository partitions;
  private final Duration interval;
  private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
    Thread t = new Thread(r, "progress");
    t.setDaemon(true);
    return t;
  });
  private final Map<Long, Tracker> trackers = new ConcurrentHashMap<>();
  private final Map<Long, ScheduledFuture<?>> heartbeats = new ConcurrentHashMap<>();
  private final Map<Long, ScheduledFuture<?>> phases = new ConcurrentHashMap<>();

  public ProgressMonitor(RunRepository runs, PartitionRepository partitions, Duration interval) {
    this.runs = runs;
    this.partitions = partitions;
    this.interval = interval;
  }

  private final class Tracker {
    final long runId;
    final int partitions;
    final long trials;
    final long trialsBefore;
    final AtomicInteger partitionsDone;
    final AtomicLong trialsDone = new AtomicLong();
    final long startNanos = System.nanoTime();
    volatile ScheduledFuture<?> task;

    Tracker(long runId, int partitions, long trials, int partitionsDone, long trialsBefore) {
      this.runId = runId;
      this.partitions = partitions;
      this.trials = trials;
      this.partitionsDone = new AtomicInteger(partitionsDone);
      this.trialsBefore = trialsBefore;
    }

    String line() {
      return line(partitionsDone.get(), trialsDone.get());
    }

    String line(int partitionsNow, long now) {
      double seconds = Math.max(1e-3, (System.nanoTime() - startNanos) / 1e9);
      double rate = now / seconds;
      long remaining = Math.max(0, trials - trialsBefore - now);
      String eta = rate > 0 ? format(Duration.ofSeconds((long) Math.ceil(remaining / rate))) : "unknown";
      return String.format(Locale.ROOT, "run %d: %d/%d partitions done, %,d/%,d trials, %,.0f trials/s, ETA %s",
          runId, partitionsNow, partitions, trialsBefore + now, trials, rate, eta);
    }
  }

  /** Starts reporting on a run's simulate step; partitions and trials already stored count as done. */
  public void start(long runId, int partitions, long trials, int partitionsDone, long trialsDone) {
    Tracker t = new Tracker(runId, partitions, trials, partitionsDone, trialsDone);
    Tracker old = trackers.put(runId, t);
    if (old != null && old.task != null) {
      old.task.cancel(false);
    }
    long ms = Math.max(200, interval.toMillis());
    t.task = timer.scheduleAtFixedRate(() -> tick(t), ms, ms, TimeUnit.MILLISECONDS);
    log.info("run {}: simulating, {}/{} partitions already done", runId, partitionsDone, partitions);
  }

  private void tick(Tracker t) {
    // partitions run by other processes (remote workers) show in the database only
    int stored = partitions.count(t.runId);
    long storedTrials = partitions.trialsStored(t.runId) - t.trialsBefore;
    log.info(t.line(Math.max(t.partitionsDone.get(), stored), Math.max(t.trialsDone.get(), storedTrials)));
  }

  /** Keeps the run's heartbeat fresh while this process runs it. */
  public void startHeartbeat(long runId) {
    long ms = Math.max(200, interval.toMillis());
    ScheduledFuture<?> old = heartbeats.put(runId, timer.scheduleAtFixedRate(() -> {
      try {
        runs.heartbeat(runId);
      } catch (RuntimeException e) {
        log.debug("heartbeat failed", e);
      }
    }, ms, ms, TimeUnit.MILLISECONDS));
    if (old != null) {
      old.cancel(false);
    }
  }

  public void stopHeartbeat(long runId) {
    ScheduledFuture<?> f = heartbeats.remove(runId);
    if (f != null) {
      f.cancel(false);
    }
  }

  /** Counts trials as the engine reports them (increments). */
  public TrialProgress progress(long runId) {
    Tracker t = trackers.get(runId);
    return t == null ? TrialProgress.NONE : n -> t.trialsDone.addAndGet(n);
  }

  public void partitionDone(long runId, TrialPlan.TrialRange range, boolean computed) {
    Tracker t = trackers.get(runId);
    if (t != null) {
      int done = t.partitionsDone.incrementAndGet();
      log.info("{} ({} trials {}..{}{})", t.line(done, t.trialsDone.get()), range.partitionName(), range.from(),
          range.to() - 1, computed ? "" : ", not needed: precision reached");
    }
  }

  public void stop(long runId) {
    Tracker t = trackers.remove(runId);
    if (t != null && t.task != null) {
      t.task.cancel(false);
    }
  }

  /**
   * The run has entered a step after the simulation ({@code what}: "merge: merging the partition
   * results, computing and storing the statistics"): says so now and every interval until
   * {@link #endPhase}, so the console is never silent while a run works.
   */
  public void phase(long runId, String what) {
    long start = System.nanoTime();
    log.info("run {}: {}", runId, what);
    long ms = Math.max(200, interval.toMillis());
    ScheduledFuture<?> old = phases.put(runId, timer.scheduleAtFixedRate(() -> log.info("run {}: {} ({} so far)",
        runId, what, format(Duration.ofNanos(System.nanoTime() - start))), ms, ms, TimeUnit.MILLISECONDS));
    if (old != null) {
      old.cancel(false);
    }
  }

  public void endPhase(long runId) {
    ScheduledFuture<?> f = phases.remove(runId);
    if (f != null) {
      f.cancel(false);
    }
  }

  @Override
  public void close() {
    timer.shutdownNow();
  }

  static String format(Duration d) {
    long s = d.getSeconds();
    return String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, (s / 60) % 60, s % 60);
  }
}
