package org.tariffcast.app.explore;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.listener.JobExecutionListener;
import org.tariffcast.app.job.Owner;

/**
 * Keeps {@code explore_run}'s status in step with the job's, records which process runs the
 * sweep and keeps its heartbeat going while it runs (so that a sweep left STARTED by a killed
 * process is recognised as such).
 */
public class ExploreRunListener implements JobExecutionListener {
  private static final Logger log = LoggerFactory.getLogger(ExploreRunListener.class);
  private final ExploreRepository sweeps;
  private final ExploreContexts contexts;
  private final Duration beat;
  private final ScheduledExecutorService beats = Executors.newSingleThreadScheduledExecutor(r -> {
    Thread t = new Thread(r, "sweep-heartbeat");
    t.setDaemon(true);
    return t;
  });
  private final Map<Long, ScheduledFuture<?>> running = new ConcurrentHashMap<>();

  /** {@code beat}: how often a running sweep says its process is alive (a tenth of the stale-after time). */
  public ExploreRunListener(ExploreRepository sweeps, ExploreContexts contexts, Duration beat) {
    this.sweeps = sweeps;
    this.contexts = contexts;
    this.beat = beat;
  }

  @Override
  public void beforeJob(JobExecution execution) {
    long id = execution.getJobInstance().getInstanceId();
    if (sweeps.find(id).isPresent()) {
      sweeps.startedBy(id, Owner.current());
    }
    long ms = Math.max(1000, beat.toMillis());
    running.put(id, beats.scheduleAtFixedRate(() -> {
      try {
        sweeps.heartbeat(id);
      } catch (RuntimeException e) {
        log.debug("sweep {}: heartbeat not written: {}", id, e.toString());
      }
    }, ms, ms, TimeUnit.MILLISECONDS));
  }

  @Override
  public void afterJob(JobExecution execution) {
    long id = execution.getJobInstance().getInstanceId();
    ScheduledFuture<?> f = running.remove(id);
    if (f != null) {
      f.cancel(false);
    }
    if (sweeps.find(id).isPresent()) {
      String message = execution.getAllFailureExceptions().stream()
          .map(t -> t.getClass().getSimpleName() + ": " + t.getMessage()).distinct()
          .collect(Collectors.joining("; "));
      sweeps.status(id, execution.getStatus().name(), message.isEmpty() ? null : message);
    }
    contexts.release(id);
  }
}
