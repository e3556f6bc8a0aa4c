package org.tariffcast.app.explore;

import java.util.stream.Collectors;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.listener.JobExecutionListener;

/** Keeps {@code explore_run}'s status in step with the job's. */
public class ExploreRunListener implements JobExecutionListener {
  private final ExploreRepository sweeps;
  private final ExploreContexts contexts;

  public ExploreRunListener(ExploreRepository sweeps, ExploreContexts contexts) {
    this.sweeps = sweeps;
    this.contexts = contexts;
  }

  @Override
  public void beforeJob(JobExecution execution) {
    long id = execution.getJobInstance().getInstanceId();
    if (sweeps.find(id).isPresent()) {
      sweeps.status(id, "STARTED", null);
    }
  }

  @Override
  public void afterJob(JobExecution execution) {
    long id = execution.getJobInstance().getInstanceId();
    if (sweeps.find(id).isPresent()) {
      String message = execution.getAllFailureExceptions().stream()
          .map(t -> t.getClass().getSimpleName() + ": " + t.getMessage()).distinct()
          .collect(Collectors.joining("; "));
      sweeps.status(id, execution.getStatus().name(), message.isEmpty() ? null : message);
    }
    contexts.release(id);
  }
}
