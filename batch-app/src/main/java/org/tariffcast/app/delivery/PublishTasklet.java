package org.tariffcast.app.delivery;

import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.tariffcast.app.persistence.RunRepository;

/** Step 5: points {@code reports/latest} at the run's reports. */
public class PublishTasklet implements Tasklet {
  private final RunRepository runs;
  private final ReportPublisher publisher;

  public PublishTasklet(RunRepository runs, ReportPublisher publisher) {
    this.runs = runs;
    this.publisher = publisher;
  }

  @Override
  public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
    long runId = chunkContext.getStepContext().getStepExecution().getJobExecution().getJobInstance().getInstanceId();
    String folder = runs.find(runId).orElseThrow().reportPath();
    publisher.publish(runId, folder);
    runs.stage(runId, "published");
    return RepeatStatus.FINISHED;
  }
}
