package org.tariffcast.app.schedule;

import org.quartz.Scheduler;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.tariffcast.app.TariffcastProperties;

/**
 * Schedules, for the {@code schedule} command only (other commands run without Quartz). Quartz
 * itself is Spring Boot's, with the JDBC job store in the application's database, clustered.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "tariffcast.mode", havingValue = "schedule")
public class ScheduleConfiguration {
  @Bean
  ScheduleService scheduleService(Scheduler scheduler, TariffcastProperties properties) {
    return new ScheduleService(scheduler, properties);
  }
}
