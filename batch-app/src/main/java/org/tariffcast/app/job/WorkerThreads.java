package org.tariffcast.app.job;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.batch.core.job.JobExecution;

/**
 * How many threads simulate a run: the {@code --threads} of the command that started or
 * resumed it (a resumed run may use a different number: results do not depend on it), else
 * the configured default.
 */
public class WorkerThreads {
  private final int defaultThreads;
  private final Map<Long, Integer> resumed = new ConcurrentHashMap<>();
  private volatile int fixedPerPartition;

  public WorkerThreads(int defaultThreads) {
    this.defaultThreads = defaultThreads > 0 ? defaultThreads : Runtime.getRuntime().availableProcessors();
  }

  /** Threads for a run about to be resumed. */
  public void forResume(long runId, Integer threads) {
    if (threads != null && threads > 0) {
      resumed.put(runId, threads);
    } else {
      resumed.remove(runId);
    }
  }

  /**
   * On a remote worker, every partition it runs gets this many engine threads, whatever the
   * manager's {@code --threads}.
   */
  public void fixPerPartition(int threads) {
    this.fixedPerPartition = threads;
  }

  public int defaultThreads() {
    return defaultThreads;
  }

  /** Engine threads for one partition: the run's workers shared among the partitions running at once. */
  public int perPartition(JobExecution execution, int partitions) {
    if (fixedPerPartition > 0) {
      return fixedPerPartition;
    }
    int workers = workers(execution);
    return Math.max(1, workers / Math.max(1, Math.min(workers, partitions)));
  }

  public int workers(JobExecution execution) {
    Integer r = resumed.get(execution.getJobInstance().getInstanceId());
    if (r != null) {
      return r;
    }
    Long p = execution.getJobParameters().getLong(JobParams.THREADS);
    return p != null && p > 0 ? p.intValue() : defaultThreads;
  }
}
