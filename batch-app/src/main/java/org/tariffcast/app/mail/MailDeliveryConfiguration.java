package org.tariffcast.app.mail;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.javamail.JavaMailSender;
import org.tariffcast.app.TariffcastProperties;
import org.tariffcast.app.persistence.RunRepository;
import org.tariffcast.app.schedule.ScheduleSwitches;

/**
 * Mail: the report of each completed run and the alerts, through Spring Boot's mail sender
 * ({@code spring.mail.*}) to {@code tariffcast.mail.reports-to} and {@code alerts-to}. Every
 * process that runs jobs records and sends; {@code schedule} and {@code serve} also watch.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(MailSettings.class)
public class MailDeliveryConfiguration {
  @Bean
  MailComposer mailComposer(JdbcClient jdbc, MailSettings settings, TariffcastProperties properties,
      Environment env) {
    String url = env.getProperty("tariffcast.console.url");
    return new MailComposer(jdbc, settings, properties.reports(),
        url == null || url.isBlank() ? null : java.net.URI.create(url.trim()), properties.zoneId());
  }

  @Bean
  DeliveryService deliveryService(DeliveryRepository deliveries, MailComposer composer,
      ObjectProvider<JavaMailSender> sender, MailSettings settings, RunRepository runs, JdbcClient jdbc) {
    return new DeliveryService(deliveries, composer, sender.getIfAvailable(), settings, runs, jdbc);
  }

  @Bean
  RunEndMailer runEndMailer(DeliveryService deliveries) {
    return new RunEndMailer(deliveries);
  }

  /** The watch, in the long-lived processes only. */
  @Bean
  @ConditionalOnExpression("'${tariffcast.mode:}' == 'schedule' or '${tariffcast.mode:}' == 'serve'")
  DeliveryWatch deliveryWatch(DeliveryService deliveries, RunRepository runs, JdbcClient jdbc,
      TariffcastProperties properties, ScheduleSwitches switches, MailSettings settings) {
    return new DeliveryWatch(deliveries, runs, jdbc, properties, switches, settings);
  }
}
