package org.tariffcast.app.delivery;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.tariffcast.app.TariffcastProperties;
import org.tariffcast.app.persistence.DatabaseIdentity;
import org.tariffcast.reporting.ReportOptions;

/** Where reports go. */
@Configuration(proxyBeanMethods = false)
public class DeliveryConfiguration {
  @Bean
  ReportPublisher reportPublisher(TariffcastProperties properties, DatabaseIdentity identity) {
    ReportOptions options = ReportOptions.defaults().withChartScale(properties.report().chartScale())
        .withTopDrivers(properties.report().topDrivers()).withLanguage(properties.report().language());
    return new ReportPublisher(properties.reports().toAbsolutePath().normalize(), properties.zoneId(), options,
        identity::id);
  }
}
