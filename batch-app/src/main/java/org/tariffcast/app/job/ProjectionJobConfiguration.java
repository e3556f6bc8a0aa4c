package org.tariffcast.app.job;

import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.partition.PartitionHandler;
import org.springframework.batch.core.partition.Partitioner;
import org.springframework.batch.core.partition.support.DefaultStepExecutionAggregator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.core.step.builder.TaskletStepBuilder;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.transaction.PlatformTransactionManager;
import org.tariffcast.app.TariffcastProperties;
import org.tariffcast.app.delivery.PublishTasklet;
import org.tariffcast.app.delivery.ReportPublisher;
import org.tariffcast.app.delivery.ReportTasklet;
import org.tariffcast.app.persistence.PartitionRepository;
import org.tariffcast.app.persistence.ResultRepository;
import org.tariffcast.app.persistence.RunRepository;

/**
 * The projection job: validate -> simulate (partitioned over trial ranges) -> merge -> report
 * -> publish. One run is one job instance; a restart skips the COMPLETED steps and, inside
 * simulate, the COMPLETED partitions.
 */
@Configuration(proxyBeanMethods = false)
public class ProjectionJobConfiguration {

  @Bean
  Job projectionJob(JobRepository repository, Step validateStep, Step simulateStep, Step mergeStep, Step reportStep,
      Step publishStep, RunListener runListener, ObjectProvider<RunEndListener> runEndListeners) {
    org.springframework.batch.core.job.builder.SimpleJobBuilder builder = new JobBuilder(JobParams.JOB_NAME, repository)
        .start(validateStep)
        .next(simulateStep)
        .next(mergeStep)
        .next(reportStep)
        .next(publishStep);
    // afterJob runs in the reverse order of registration: these run after runListener has stored the status
    runEndListeners.orderedStream().forEach(builder::listener);
    return builder.listener(runListener).build();
  }

  @Bean
  Step validateStep(JobRepository repository, PlatformTransactionManager tx, RunRepository runs,
      CheckedConfigs checked) {
    return new StepBuilder(JobParams.VALIDATE_STEP, repository).tasklet(new ValidateTasklet(runs, checked), tx)
        .build();
  }

  /**
   * The partitioned simulate step. Who runs the partitions is the {@link PartitionHandler}: this
   * machine's worker threads by default, remote workers under the {@code remote} profile.
   */
  @Bean
  Step simulateStep(JobRepository repository, Partitioner trialPartitioner, PartitionHandler simulatePartitionHandler,
      SimulateStepListener listener) {
    return new StepBuilder(JobParams.SIMULATE_STEP, repository)
        .partitioner(JobParams.SIMULATE_PARTITION_STEP, trialPartitioner)
        .partitionHandler(simulatePartitionHandler)
        .aggregator(ProjectionJobConfiguration::aggregate)
        .listener(listener)
        .build();
  }

  /** Spring Batch's aggregation, except that precision batches not needed leave the step COMPLETED. */
  static void aggregate(StepExecution manager, java.util.Collection<StepExecution> partitions) {
    new DefaultStepExecutionAggregator().aggregate(manager, partitions);
    if (SimulatePartitionTasklet.NOT_NEEDED.equals(manager.getExitStatus().getExitCode())) {
      manager.setExitStatus(ExitStatus.COMPLETED);
    }
  }

  @Bean
  @Profile("!remote")
  PartitionHandler simulatePartitionHandler(Step simulatePartitionStep, WorkerThreads threads) {
    return new LocalPartitionHandler(simulatePartitionStep, threads);
  }

  @Bean
  @StepScope
  Partitioner trialPartitioner(@Value("#{stepExecution}") StepExecution manager, RunConfigs configs) {
    return new TrialPartitioner(configs.plan(manager.getJobExecution().getJobInstance().getInstanceId()));
  }

  @Bean
  Step simulatePartitionStep(JobRepository repository, PlatformTransactionManager tx, RunConfigs configs,
      PartitionRepository partitions, ProgressMonitor monitor, WorkerThreads threads, PrecisionPrefix prefix,
      ObjectProvider<PartitionListener> listeners) {
    TaskletStepBuilder builder = new StepBuilder(JobParams.SIMULATE_PARTITION_STEP, repository)
        .tasklet(new SimulatePartitionTasklet(configs, partitions, monitor, threads, prefix), tx)
        .listener(SimulatePartitionTasklet.progressListener(monitor));
    listeners.orderedStream().forEach(builder::listener);
    return builder.build();
  }

  @Bean
  Step mergeStep(JobRepository repository, PlatformTransactionManager tx, RunConfigs configs,
      PartitionRepository partitions, RunRepository runs, ResultRepository results, ProgressMonitor monitor,
      WorkerThreads threads) {
    return new StepBuilder(JobParams.MERGE_STEP, repository)
        .tasklet(new MergeTasklet(configs, partitions, runs, results, threads), tx)
        .listener(new PhaseListener(monitor, "step 3 of 5, merge: merging the partition results, computing and "
            + "storing the statistics"))
        .build();
  }

  @Bean
  Step reportStep(JobRepository repository, PlatformTransactionManager tx, ResultRepository results,
      RunRepository runs, ReportPublisher publisher, ProgressMonitor monitor) {
    return new StepBuilder(JobParams.REPORT_STEP, repository)
        .tasklet(new ReportTasklet(results, runs, publisher), tx)
        .listener(new PhaseListener(monitor, "step 4 of 5, report: writing the workbook, charts and summary.json"))
        .build();
  }

  @Bean
  Step publishStep(JobRepository repository, PlatformTransactionManager tx, RunRepository runs,
      ReportPublisher publisher, PartitionRepository partitions, TariffcastProperties properties,
      ProgressMonitor monitor) {
    return new StepBuilder(JobParams.PUBLISH_STEP, repository)
        .tasklet(new PublishTasklet(runs, publisher, partitions, properties.keepPartitionResults()), tx)
        .listener(new PhaseListener(monitor, "step 5 of 5, publish: pointing reports/latest at the run"))
        .build();
  }

  @Bean
  RunListener runListener(RunRepository runs, ProgressMonitor monitor, RunConfigs configs, PrecisionPrefix prefix,
      TariffcastProperties properties) {
    return new RunListener(runs, monitor, id -> {
      configs.release(id);
      prefix.release(id);
    }, properties.reports());
  }

  @Bean
  PrecisionPrefix precisionPrefix(PartitionRepository partitions) {
    return new PrecisionPrefix(partitions);
  }

  @Bean
  SimulateStepListener simulateStepListener(RunConfigs configs, PartitionRepository partitions,
      ProgressMonitor monitor, RunRepository runs) {
    return new SimulateStepListener(configs, partitions, monitor, runs);
  }

  @Bean(destroyMethod = "close")
  ProgressMonitor progressMonitor(RunRepository runs, PartitionRepository partitions,
      TariffcastProperties properties) {
    return new ProgressMonitor(runs, partitions, properties.progressInterval());
  }

  @Bean
  WorkerThreads workerThreads(TariffcastProperties properties) {
    return new WorkerThreads(properties.threads());
  }
}
