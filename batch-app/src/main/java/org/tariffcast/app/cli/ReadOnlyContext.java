package org.tariffcast.app.cli;

import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration;
import org.springframework.boot.flyway.autoconfigure.FlywayMigrationStrategy;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.JdbcClientAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.JdbcTemplateAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.tariffcast.app.TariffcastProperties;
import org.tariffcast.app.persistence.PersistenceConfiguration;
import org.tariffcast.app.persistence.ResultRepository;
import org.tariffcast.app.persistence.RunRepository;

/**
 * The lean context of the read-only commands ({@code history}, {@code show}, {@code compare}):
 * the data source of {@code spring.datasource.*}, JDBC and the two repositories that read runs
 * and results. No job repository, no job, no Quartz, no scan of the application's packages.
 * Flyway only looks: it migrates when the database is behind this build (a new database, or an
 * upgrade), and otherwise leaves it alone.
 */
@Configuration(proxyBeanMethods = false)
@ImportAutoConfiguration({DataSourceAutoConfiguration.class, JdbcTemplateAutoConfiguration.class,
    JdbcClientAutoConfiguration.class, FlywayAutoConfiguration.class})
@EnableConfigurationProperties(TariffcastProperties.class)
@Import({PersistenceConfiguration.class, RunRepository.class, ResultRepository.class})
class ReadOnlyContext {
  @Bean
  FlywayMigrationStrategy migrateOnlyWhenBehind() {
    return flyway -> {
      if (flyway.info().pending().length > 0) {
        flyway.migrate();
      }
    };
  }
}
