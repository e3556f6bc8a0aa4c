package org.tariffcast.app.job.remote;

import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.MessageListener;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.integration.partition.StepExecutionRequest;
import org.springframework.batch.integration.partition.StepExecutionRequestHandler;

/**
 * Runs the partitions the manager asks for. The message is acknowledged once the partition
 * step has ended (COMPLETED or FAILED, as recorded in the job repository); if the worker dies
 * first, the broker hands the request to another worker, and the worker step does not store a
 * partition twice.
 */
public class PartitionWorker implements MessageListener {
  private static final Logger log = LoggerFactory.getLogger(PartitionWorker.class);
  private final StepExecutionRequestHandler handler;
  private final AtomicLong handled = new AtomicLong();

  public PartitionWorker(StepExecutionRequestHandler handler) {
    this.handler = handler;
  }

  @Override
  public void onMessage(Message message) {
    StepExecutionRequest request = PartitionRequests.decode(message.getBody());
    StepExecution done = handler.handle(request);
    handled.incrementAndGet();
    log.info("partition {} of job execution {}: {}", done.getStepName(), done.getJobExecutionId(), done.getStatus());
  }

  /** Partition requests handled by this worker since it started. */
  public long handled() {
    return handled.get();
  }
}
