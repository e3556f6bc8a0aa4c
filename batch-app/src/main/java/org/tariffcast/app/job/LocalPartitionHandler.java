package org.tariffcast.app.job;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.batch.core.partition.support.AbstractPartitionHandler;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.BatchStatus;

/**
 * Runs the partitions of the simulate step on this machine, lowest trial range first, on a
 * pool of as many worker threads as the run asked for ({@code --threads}). Spring Batch hands
 * it only the partitions still to do: on a restart the COMPLETED ones are not among them.
 */
public class LocalPartitionHandler extends AbstractPartitionHandler {
  private final Step worker;
  private final WorkerThreads threads;

  public LocalPartitionHandler(Step worker, WorkerThreads threads) {
    this.worker = worker;
    this.threads = threads;
  }

  @Override
  protected Set<StepExecution> doHandle(StepExecution manager, Set<StepExecution> partitions) throws Exception {
    List<StepExecution> ordered = new ArrayList<>(partitions);
    ordered.sort(Comparator.comparingLong(s -> s.getExecutionContext().getLong(JobParams.TRIALS_FROM, 0L)));
    int poolSize = Math.max(1, Math.min(threads.workers(manager.getJobExecution()), ordered.size()));
    AtomicInteger n = new AtomicInteger();
    ExecutorService pool = Executors.newFixedThreadPool(poolSize, r -> {
      Thread t = new Thread(r, "simulate-" + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    });
    try {
      List<Future<StepExecution>> futures = new ArrayList<>();
      for (StepExecution partition : ordered) {
        futures.add(pool.submit(() -> {
          worker.execute(partition);
          return partition;
        }));
      }
      Set<StepExecution> done = new LinkedHashSet<>();
      for (int i = 0; i < futures.size(); i++) {
        try {
          done.add(futures.get(i).get());
        } catch (java.util.concurrent.ExecutionException e) {
          StepExecution failed = ordered.get(i);
          failed.setStatus(BatchStatus.FAILED);
          failed.addFailureException(e.getCause());
          done.add(failed);
        }
      }
      return done;
    } finally {
      pool.shutdownNow();
    }
  }
}
