package org.tariffcast.app.job;

import java.util.Optional;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.repository.JobRepository;

/** The latest execution of a run's or a sweep's job instance (its id is the run or sweep id). */
public final class LastExecution {
  private LastExecution() {}

  /** The latest execution of job instance {@code instanceId}; empty if there is no such instance or no execution. */
  public static Optional<JobExecution> of(JobRepository repository, long instanceId) {
    JobInstance instance = repository.getJobInstance(instanceId);
    return instance == null ? Optional.empty() : Optional.ofNullable(repository.getLastJobExecution(instance));
  }
}
