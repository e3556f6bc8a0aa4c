package org.tariffcast.app.web;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tariffcast.app.job.ReportLauncher;
import org.tariffcast.app.job.ProjectionLauncher;

/**
 * What the console's buttons start: resuming a run and rendering its reports again. Each runs
 * in the background in this process, one at a time; the run's page shows it in progress.
 */
public class ConsoleActions implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(ConsoleActions.class);
  private final ProjectionLauncher launcher;
  private final ReportLauncher reports;
  private final ExecutorService executor = Executors.newSingleThreadExecutor(r -> {
    Thread t = new Thread(r, "console-action");
    t.setDaemon(true);
    return t;
  });
  private final Map<Long, String> pending = new ConcurrentHashMap<>();
  private final Map<Long, String> outcomes = new ConcurrentHashMap<>();

  public ConsoleActions(ProjectionLauncher launcher, ReportLauncher reports) {
    this.launcher = launcher;
    this.reports = reports;
  }

  /** What is being done to the run now, if anything ("resuming", "rendering the reports"). */
  public String pending(long runId) {
    return pending.get(runId);
  }

  /** How the last action on the run ended, if one ran in this process. */
  public String outcome(long runId) {
    return outcomes.get(runId);
  }

  /** Starts resuming the run; false if something is already being done to it. */
  public boolean resume(long runId, String by) {
    return submit(runId, "resuming", () -> {
      log.info("run {}: resume requested in the console by {}", runId, by);
      ProjectionLauncher.Outcome o = launcher.resume(runId, null);
      return "resumed: " + o.status() + (o.message() == null || o.message().isEmpty() ? "" : " (" + o.message() + ")");
    });
  }

  /** Starts rendering the run's reports again; false if something is already being done to it. */
  public boolean render(long runId, String by) {
    return submit(runId, "rendering the reports", () -> {
      log.info("run {}: report requested in the console by {}", runId, by);
      return "reports rendered again in " + reports.render(runId);
    });
  }

  private interface Action {
    String run() throws Exception;
  }

  private boolean submit(long runId, String what, Action action) {
    if (pending.putIfAbsent(runId, what) != null) {
      return false;
    }
    outcomes.remove(runId);
    executor.submit(() -> {
      try {
        outcomes.put(runId, action.run());
      } catch (Exception e) {
        log.warn("run {}: {} failed: {}", runId, what, e.toString());
        outcomes.put(runId, what + " failed: " + RunPageModel.rootMessage(e));
      } finally {
        pending.remove(runId);
      }
    });
    return true;
  }

  @Override
  public void close() {
    executor.shutdownNow();
  }
}
