package org.tariffcast.app.job;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.stereotype.Component;
import org.tariffcast.app.delivery.ReportService;
import org.tariffcast.app.persistence.ResultRepository;
import org.tariffcast.app.persistence.RunRepository;

/**
 * {@code report --run ID}: a run whose job stopped after its statistics were stored (say the
 * report folder was not writable) is resumed, so that its report and publish steps run and the
 * run completes; a completed run is simply rendered again by {@link ReportService}.
 */
@Component
public class ReportLauncher {
  private final RunRepository runs;
  private final ResultRepository results;
  private final JobRepository repository;
  private final ProjectionLauncher launcher;
  private final ReportService reports;

  public ReportLauncher(RunRepository runs, ResultRepository results, JobRepository repository,
      ProjectionLauncher launcher, ReportService reports) {
    this.runs = runs;
    this.results = results;
    this.repository = repository;
    this.launcher = launcher;
    this.reports = reports;
  }

  /** The folder the run's reports are in, relative to the reports root. */
  public String render(long runId) throws Exception {
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
    return reports.render(runId);
  }
}
