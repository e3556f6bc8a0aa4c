package org.tariffcast.app.job;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.tariffcast.app.persistence.PartitionRepository;
import org.tariffcast.app.persistence.ResultRepository;
import org.tariffcast.app.persistence.RunRecord;
import org.tariffcast.app.persistence.RunRepository;
import org.tariffcast.model.config.ModelConfig;
import org.tariffcast.model.result.DomainWarning;
import org.tariffcast.model.result.DriverRerun;
import org.tariffcast.model.result.RunResult;
import org.tariffcast.simulation.PartialResult;
import org.tariffcast.simulation.BenchmarkReruns;
import org.tariffcast.simulation.ProjectionEngine;

/**
 * Step 3: merges the stored partial results in partition order (under a precision target, the
 * shortest prefix of batches that reaches it), lets the engine finish the statistics and the
 * central case, and stores them with the configuration snapshot in one transaction. The benchmark
 * re-runs (their numbers depend on the configuration alone) run meanwhile, their variants side by
 * side on the run's {@code --threads}.
 */
public class MergeTasklet implements Tasklet {
  private static final Logger log = LoggerFactory.getLogger(MergeTasklet.class);
  private final RunConfigs configs;
  private final PartitionRepository partitions;
  private final RunRepository runs;
  private final ResultRepository results;
  private final WorkerThreads threads;

  /**
   * {@code threads}: the run's worker threads ({@code --threads}), on which the benchmark
   * re-runs' variants run side by side (null: one thread).
   */
  public MergeTasklet(RunConfigs configs, PartitionRepository partitions, RunRepository runs,
      ResultRepository results, WorkerThreads threads) {
    this.configs = configs;
    this.partitions = partitions;
    this.runs = runs;
    this.results = results;
    this.threads = threads;
  }

  @Override
  public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
    long runId = chunkContext.getStepContext().getStepExecution().getJobExecution().getJobInstance().getInstanceId();
    TrialPlan plan = configs.plan(runId);
    ProjectionEngine engine = configs.engine(runId);
    long t0 = System.nanoTime();
    // the benchmarked KPIs re-run with the elasticities at other values (deterministic; none without
    // benchmarks): they need the configuration alone, so they start now, their variants side by side on
    // the run's threads, while this thread merges the partitions and finishes the statistics
    int workers = threads == null ? 1 : threads.workers(chunkContext.getStepContext().getStepExecution()
        .getJobExecution());
    ModelConfig config = engine.config();
    CompletableFuture<List<DriverRerun>> reruns = CompletableFuture.supplyAsync(
        () -> BenchmarkReruns.of(config, BenchmarkReruns.TRIALS, workers), MergeTasklet::daemon);
    PartialResult all;
    RunResult result;
    long t1;
    try {
      all = merge(runId, plan, engine);
      t1 = System.nanoTime();
      RunRecord run = runs.find(runId).orElseThrow();
      result = engine.finish(all, runId, run.startedAt(), RunRepository.now(), runs.versions(runId));
    } catch (RuntimeException | Error e) {
      reruns.cancel(true);
      throw e;
    }
    result = result.withReruns(join(reruns));
    long t2 = System.nanoTime();
    results.save(result);
    org.tariffcast.app.PausePoints.at("merge-stored");
    long t3 = System.nanoTime();
    log.info("run {}: statistics of {} trials stored ({} KPIs, {} series points; merged in {} ms, finished in {} ms, "
        + "stored in {} ms)", runId, result.info().trials(), result.kpis().size(), result.series().size(),
        (t1 - t0) / 1_000_000, (t2 - t1) / 1_000_000, (t3 - t2) / 1_000_000);
    if (!result.domainWarnings().isEmpty()) {
      // once per run, every warning in one message
      log.warn("run {}: {} equilibria outside their model's range: {}", runId, result.domainWarnings().size(),
          result.domainWarnings().stream().map(DomainWarning::message).collect(Collectors.joining("; ")));
    }
    return RepeatStatus.FINISHED;
  }

  /** The partial results of the plan merged in order; fails if one that is needed is missing. */
  static PartialResult merge(long runId, TrialPlan plan, ProjectionEngine engine, PartitionRepository partitions) {
    PartialResult merged = null;
    for (TrialPlan.TrialRange r : plan.ranges()) {
      var stored = partitions.find(runId, r.index()).orElseThrow(() -> new IllegalStateException(
          "run " + runId + ": " + r.partitionName() + " (trials " + r.from() + ".." + (r.to() - 1) + ") is missing"));
      if (stored.fromTrial() != r.from() || stored.toTrial() != r.to()) {
        throw new IllegalStateException("run " + runId + ": " + r.partitionName() + " holds trials "
            + stored.fromTrial() + ".." + (stored.toTrial() - 1) + ", expected " + r.from() + ".." + (r.to() - 1));
      }
      PartialResult p = PartialResult.fromBytes(stored.result());
      merged = merged == null ? p : merged.merge(p);
      if (plan.precision() && engine.precisionReached(merged)) {
        break;
      }
    }
    if (merged == null) {
      throw new IllegalStateException("run " + runId + " has no trials to merge");
    }
    return merged;
  }

  /** Runs {@code task} on a new daemon thread (the re-runs' own pool lives inside it). */
  private static void daemon(Runnable task) {
    Thread t = new Thread(task, "benchmark-reruns");
    t.setDaemon(true);
    t.start();
  }

  private static List<DriverRerun> join(CompletableFuture<List<DriverRerun>> reruns) {
    try {
      return reruns.join();
    } catch (CompletionException e) {
      if (e.getCause() instanceof RuntimeException re) {
        throw re;
      }
      if (e.getCause() instanceof Error err) {
        throw err;
      }
      throw e;
    }
  }

  private PartialResult merge(long runId, TrialPlan plan, ProjectionEngine engine) {
    return merge(runId, plan, engine, partitions);
  }

}
