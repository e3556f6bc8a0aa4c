package org.tariffcast.app.delivery;

import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tariffcast.app.persistence.PartitionRepository;
import org.tariffcast.app.persistence.RunRepository;

/**
 * Step 5: points {@code reports/latest} at the run's reports, then deletes the partition
 * results of runs finished longer ago than {@code tariffcast.keep-partition-results}.
 */
public class PublishTasklet implements Tasklet {
  private static final Logger log = LoggerFactory.getLogger(PublishTasklet.class);
  private final RunRepository runs;
  private final ReportPublisher publisher;
  private final PartitionRepository partitions;
  private final Duration keepPartitionResults;

  public PublishTasklet(RunRepository runs, ReportPublisher publisher, PartitionRepository partitions,
      Duration keepPartitionResults) {
    this.runs = runs;
    this.publisher = publisher;
    this.partitions = partitions;
    this.keepPartitionResults = keepPartitionResults;
  }

  @Override
  public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
    long runId = chunkContext.getStepContext().getStepExecution().getJobExecution().getJobInstance().getInstanceId();
    String folder = runs.find(runId).orElseThrow().reportPath();
    publisher.publish(runId, folder);
    org.tariffcast.app.PausePoints.at("publish-written");
    runs.stage(runId, "published");
    int pruned = partitions.prune(RunRepository.now().minus(keepPartitionResults));
    if (pruned > 0) {
      log.info("deleted {} partition results of runs finished more than {} ago", pruned, keepPartitionResults);
    }
    return RepeatStatus.FINISHED;
  }
}
