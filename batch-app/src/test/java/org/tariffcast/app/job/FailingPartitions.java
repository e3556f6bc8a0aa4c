package org.tariffcast.app.job;

import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Test hook, added to the application with {@code spring.main.sources}: while armed, every
 * partition from index {@code failFrom} on fails before it starts, as if the process had
 * died there.
 */
@Configuration(proxyBeanMethods = false)
public class FailingPartitions {
  static final AtomicInteger FAIL_FROM = new AtomicInteger(Integer.MAX_VALUE);

  static void failFrom(int index) {
    FAIL_FROM.set(index);
  }

  static void disarm() {
    FAIL_FROM.set(Integer.MAX_VALUE);
  }

  @Bean
  PartitionListener failAtPartition() {
    return new PartitionListener() {
      @Override
      public void beforeStep(StepExecution stepExecution) {
        int index = stepExecution.getExecutionContext().getInt(JobParams.PARTITION_INDEX);
        if (index >= FAIL_FROM.get()) {
          throw new IllegalStateException("partition " + index + " fails on purpose (test)");
        }
      }
    };
  }
}
