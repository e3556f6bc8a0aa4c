package org.tariffcast.app.mail;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.job.JobExecution;
import org.tariffcast.app.job.RunEndListener;

/** At the end of every run's execution: records its mail and sends what is due; never fails the run. */
public class RunEndMailer implements RunEndListener {
  private static final Logger log = LoggerFactory.getLogger(RunEndMailer.class);
  private final DeliveryService deliveries;

  public RunEndMailer(DeliveryService deliveries) {
    this.deliveries = deliveries;
  }

  @Override
  public void afterJob(JobExecution execution) {
    long runId = execution.getJobInstance().getInstanceId();
    try {
      deliveries.runEnded(runId, execution.getId());
      deliveries.sendDue();
    } catch (RuntimeException e) {
      log.warn("run {}: mail not recorded or sent: {}", runId, e.toString());
    }
  }
}
