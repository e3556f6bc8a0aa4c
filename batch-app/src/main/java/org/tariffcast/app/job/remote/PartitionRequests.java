package org.tariffcast.app.job.remote;

import java.nio.charset.StandardCharsets;
import org.springframework.batch.integration.partition.StepExecutionRequest;

/**
 * Partition requests on the wire: {@code stepName:stepExecutionId} as UTF-8 text, rather than
 * Java serialization, so a worker deserializes nothing but a number.
 */
final class PartitionRequests {
  private PartitionRequests() {}

  static String encode(StepExecutionRequest request) {
    return request.getStepName() + ":" + request.getStepExecutionId();
  }

  static StepExecutionRequest decode(byte[] body) {
    String text = new String(body, StandardCharsets.UTF_8).strip();
    int colon = text.lastIndexOf(':');
    if (colon <= 0) {
      throw new IllegalArgumentException("not a partition request: '" + text + "'");
    }
    return new StepExecutionRequest(text.substring(0, colon), Long.parseLong(text.substring(colon + 1)));
  }
}
