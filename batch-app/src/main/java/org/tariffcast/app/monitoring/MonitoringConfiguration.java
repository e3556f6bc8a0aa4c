package org.tariffcast.app.monitoring;

import org.springframework.amqp.rabbit.connection.CachingConnectionFactory;
import org.springframework.amqp.rabbit.core.RabbitAdmin;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.tariffcast.app.TariffcastProperties;
import org.tariffcast.app.persistence.RunRepository;
import org.tariffcast.app.web.ConsoleRepository;

/**
 * Health and metrics for Actuator ({@code /actuator/health}, {@code /actuator/prometheus}) in the
 * console's process. The database and disk space indicators are Spring Boot's own.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
public class MonitoringConfiguration {
  @Bean(destroyMethod = "close")
  RunMetrics runMetrics(JdbcClient jdbc, RunRepository runs, ConsoleRepository console,
      TariffcastProperties properties) {
    return new RunMetrics(jdbc, runs, console, properties.staleAfter());
  }

  /** The broker, under the remote profile: named "broker" in the health document. */
  @Bean
  @Profile("remote")
  BrokerHealthIndicator brokerHealthIndicator(CachingConnectionFactory partitionBrokerConnectionFactory,
      RabbitAdmin partitionBrokerAdmin, @Value("${tariffcast.remote.queue:tariffcast.partitions}") String queue) {
    return new BrokerHealthIndicator(partitionBrokerConnectionFactory, partitionBrokerAdmin, queue);
  }
}
