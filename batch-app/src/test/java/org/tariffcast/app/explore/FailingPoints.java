package org.tariffcast.app.explore;

import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.tariffcast.app.job.JobParams;
import org.tariffcast.app.job.PartitionListener;

/**
 * Test hook, added with {@code spring.main.sources}: while armed, every grid point from index
 * {@code failFrom} on fails before it starts, as if the process had died there.
 */
@Configuration(proxyBeanMethods = false)
public class FailingPoints {
  static final AtomicInteger FAIL_FROM = new AtomicInteger(Integer.MAX_VALUE);

  @Bean
  PartitionListener failAtPoint() {
    return new PartitionListener() {
      @Override
      public void beforeStep(StepExecution step) {
        if (step.getStepName().startsWith(ExploreJobConfiguration.POINT_STEP)
            && step.getExecutionContext().getInt(JobParams.PARTITION_INDEX) >= FAIL_FROM.get()) {
          throw new IllegalStateException("point " + step.getExecutionContext().getInt(JobParams.PARTITION_INDEX)
              + " fails on purpose (test)");
        }
      }
    };
  }
}
