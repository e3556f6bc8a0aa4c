package org.tariffcast.app.delivery;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.tariffcast.app.TariffcastProperties;

/** Where reports go. */
@Configuration(proxyBeanMethods = false)
public class DeliveryConfiguration {
  @Bean
  ReportPublisher reportPublisher(TariffcastProperties properties) {
    return new ReportPublisher(properties.reports().toAbsolutePath().normalize(), properties.zoneId());
  }
}
