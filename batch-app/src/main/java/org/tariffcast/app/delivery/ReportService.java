package org.tariffcast.app.delivery;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.stereotype.Component;
import org.tariffcast.app.job.ProjectionLauncher;
import org.tariffcast.app.persistence.ResultRepository;
import org.tariffcast.app.persistence.RunRepository;

/**
 * {@code report --run ID}: renders a run's reports again from the database. A run whose job
 * stopped after its statistics were stored (say the report folder was not writable) is
 * resumed, so its report and publish steps run and the run completes; a completed run is
 * simply rendered again, and {@code latest} moves only if it is the newest run.
 */
@Component
public class ReportService {
  private final RunRepository runs;
  private final ResultRepository results;
  private final ReportPublisher publisher;
  private final ProjectionLauncher launcher;
  private final JobRepository repository;

  public ReportService(RunRepository runs, ResultRepository results, ReportPublisher publisher,
      ProjectionLauncher launcher, JobRepository repository) {
    this.runs = runs;
    this.results = results;
    this.publisher = publisher;
    this.launcher = launcher;
    this.repository = repository;
  }

  /** The folder the reports are in, relative to the reports root. */
  public String render(long runId) throws Exception {
    runs.find(runId).orElseThrow(() -> new IllegalArgumentException("no run " + runId));
    if (!results.hasStatistics(runId)) {
      throw new IllegalStateException("run " + runId + " has no statistics yet: 'tariffcast resume --run " + runId
          + "' finishes it");
    }
    JobInstance instance = repository.getJobInstance(runId);
    JobExecution last = instance == null ? null : repository.getLastJobExecution(instance);
    if (last != null && last.getStatus() != BatchStatus.COMPLETED) {
      ProjectionLauncher.Outcome o = launcher.resume(runId, null);
      if (!o.completed()) {
        throw new IllegalStateException("run " + runId + ": " + o.message());
      }
      return runs.find(runId).orElseThrow().reportPath();
    }
    String folder = publisher.render(results.load(runId));
    runs.reported(runId, folder);
    publisher.publish(runId, folder);
    runs.stage(runId, "published");
    return folder;
  }
}
