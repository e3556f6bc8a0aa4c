package org.tariffcast.app.explore;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.partition.PartitionHandler;
import org.springframework.batch.core.partition.Partitioner;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.core.step.builder.TaskletStepBuilder;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.transaction.PlatformTransactionManager;
import org.tariffcast.app.TariffcastProperties;
import org.tariffcast.app.job.JobParams;
import org.tariffcast.app.job.LocalPartitionHandler;
import org.tariffcast.app.job.PartitionListener;
import org.tariffcast.app.job.WorkerThreads;

/**
 * The explore job ({@code run --explore FILE}): prepare (store the sweep: study files, sweep
 * text) -> points (partitioned: one partition per grid point, each the base scenario at the
 * point's levers on the same trials) -> finish (goal-seeks, frontier, reports). One sweep is one
 * job instance; a restart skips the COMPLETED steps and, inside points, the COMPLETED points
 * (and a point whose row is stored even if its step was not marked).
 */
@Configuration(proxyBeanMethods = false)
public class ExploreJobConfiguration {
  public static final String JOB_NAME = "explore";
  public static final String PREPARE_STEP = "explore-prepare";
  public static final String POINTS_STEP = "explore-points";
  public static final String POINT_STEP = "explore-point";
  public static final String FINISH_STEP = "explore-finish";
  /** Job parameter: the sweep file read at the start (non-identifying). */
  public static final String EXPLORE_FILE = "explore.file";

  @Bean
  Job exploreJob(JobRepository repository, Step explorePrepareStep, Step explorePointsStep, Step exploreFinishStep,
      ExploreRunListener listener) {
    return new JobBuilder(JOB_NAME, repository).start(explorePrepareStep).next(explorePointsStep)
        .next(exploreFinishStep).listener(listener).build();
  }

  @Bean
  ExploreRunListener exploreRunListener(ExploreRepository sweeps, ExploreContexts contexts,
      TariffcastProperties properties) {
    return new ExploreRunListener(sweeps, contexts, properties.staleAfter().dividedBy(10));
  }

  @Bean
  Step explorePrepareStep(JobRepository repository, PlatformTransactionManager tx, ExploreRepository sweeps) {
    return new StepBuilder(PREPARE_STEP, repository).tasklet(new ExplorePrepareTasklet(sweeps), tx).build();
  }

  @Bean
  Step explorePointsStep(JobRepository repository, Partitioner explorePartitioner,
      PartitionHandler explorePointsPartitionHandler) {
    return new StepBuilder(POINTS_STEP, repository).partitioner(POINT_STEP, explorePartitioner)
        .partitionHandler(explorePointsPartitionHandler).build();
  }

  /** The grid points run by this machine's worker threads; remote workers under the {@code remote} profile. */
  @Bean
  @Profile("!remote")
  PartitionHandler explorePointsPartitionHandler(Step explorePointStep, WorkerThreads threads) {
    return new LocalPartitionHandler(explorePointStep, threads);
  }

  /** One partition per grid point; its context holds the point's index (and, for ordering, as trials.from). */
  @Bean
  @StepScope
  Partitioner explorePartitioner(@Value("#{stepExecution}") StepExecution manager, ExploreContexts contexts) {
    long sweepId = manager.getJobExecution().getJobInstance().getInstanceId();
    int points = contexts.sweep(sweepId).plan().points();
    return gridSize -> {
      Map<String, ExecutionContext> out = new LinkedHashMap<>();
      for (int i = 0; i < points; i++) {
        ExecutionContext ctx = new ExecutionContext();
        ctx.putInt(JobParams.PARTITION_INDEX, i);
        ctx.putLong(JobParams.TRIALS_FROM, i);
        out.put("point" + i, ctx);
      }
      return out;
    };
  }

  @Bean
  Step explorePointStep(JobRepository repository, PlatformTransactionManager tx, ExploreContexts contexts,
      ExploreRepository sweeps, WorkerThreads threads, ObjectProvider<PartitionListener> listeners) {
    TaskletStepBuilder builder = new StepBuilder(POINT_STEP, repository)
        .tasklet(new ExplorePointTasklet(contexts, sweeps, threads), tx);
    listeners.orderedStream().forEach(builder::listener);
    return builder.build();
  }

  @Bean
  Step exploreFinishStep(JobRepository repository, PlatformTransactionManager tx, ExploreContexts contexts,
      ExploreRepository sweeps, ObjectProvider<ExploreReportWriter> writers) {
    return new StepBuilder(FINISH_STEP, repository)
        .tasklet(new ExploreFinishTasklet(contexts, sweeps, writers), tx).build();
  }
}
