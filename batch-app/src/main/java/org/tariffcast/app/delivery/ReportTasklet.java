package org.tariffcast.app.delivery;

import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.tariffcast.app.persistence.ResultRepository;
import org.tariffcast.app.persistence.RunRepository;

/**
 * Step 4: renders the run's reports from what the database holds (not from memory), so a
 * report rendered later, by {@code report --run ID}, is the same report.
 */
public class ReportTasklet implements Tasklet {
  private final ResultRepository results;
  private final RunRepository runs;
  private final ReportPublisher publisher;

  public ReportTasklet(ResultRepository results, RunRepository runs, ReportPublisher publisher) {
    this.results = results;
    this.runs = runs;
    this.publisher = publisher;
  }

  @Override
  public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
    long runId = chunkContext.getStepContext().getStepExecution().getJobExecution().getJobInstance().getInstanceId();
    String folder = publisher.render(results.load(runId), results::changedSincePrevious);
    org.tariffcast.app.PausePoints.at("report-moved");
    runs.reported(runId, folder);
    return RepeatStatus.FINISHED;
  }
}
