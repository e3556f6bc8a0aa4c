package org.tariffcast.app.delivery;

import org.springframework.stereotype.Component;
import org.tariffcast.app.persistence.ResultRepository;
import org.tariffcast.app.persistence.RunRepository;

/**
 * Renders a completed run's reports again from the database and publishes them: {@code latest}
 * moves only if it is the newest run. (A run stopped before its report is completed by
 * {@code job/ReportLauncher}, which resumes it.)
 */
@Component
public class ReportService {
  private final RunRepository runs;
  private final ResultRepository results;
  private final ReportPublisher publisher;

  public ReportService(RunRepository runs, ResultRepository results, ReportPublisher publisher) {
    this.runs = runs;
    this.results = results;
    this.publisher = publisher;
  }

  /** The folder the reports are in, relative to the reports root. */
  public String render(long runId) {
    String folder = publisher.render(results.load(runId), results::changedSincePrevious);
    runs.reported(runId, folder);
    publisher.publish(runId, folder);
    runs.stage(runId, "published");
    return folder;
  }
}
