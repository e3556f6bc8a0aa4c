package org.tariffcast.app.support;

import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.tariffcast.app.job.JobParams;
import org.tariffcast.app.job.PartitionListener;

/**
 * Test hook, added with {@code spring.main.sources}: every partition waits {@link #DELAY_MS}
 * before it starts (so a run lasts long enough to watch), and partitions from index
 * {@link #FAIL_FROM} on fail, as if their process had died there.
 */
@Configuration(proxyBeanMethods = false)
public class SlowPartitions {
  public static final AtomicInteger DELAY_MS = new AtomicInteger(0);
  public static final AtomicInteger FAIL_FROM = new AtomicInteger(Integer.MAX_VALUE);

  public static void reset() {
    DELAY_MS.set(0);
    FAIL_FROM.set(Integer.MAX_VALUE);
  }

  @Bean
  PartitionListener slowPartition() {
    return new PartitionListener() {
      @Override
      public void beforeStep(StepExecution stepExecution) {
        int index = stepExecution.getExecutionContext().getInt(JobParams.PARTITION_INDEX);
        if (index >= FAIL_FROM.get()) {
          throw new IllegalStateException("partition " + index + " fails on purpose (test)");
        }
        try {
          Thread.sleep(DELAY_MS.get());
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
    };
  }
}
