package org.tariffcast.app.cli;

import java.io.IOException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.JdbcClientAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.JdbcTemplateAutoConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.tariffcast.app.TariffcastProperties;
import org.tariffcast.app.persistence.ResultRepository;
import org.tariffcast.app.persistence.RunRepository;

/**
 * The lean context of the read-only commands ({@code history}, {@code show}, {@code compare}):
 * the data source of {@code spring.datasource.*}, JDBC and the two repositories that read runs
 * and results. No job repository, no job, no Quartz, no Flyway, no scan of the application's
 * packages. {@link #current} tells whether the database holds every migration of this build;
 * when it does not (a new database, an upgrade), the command gets the whole application instead,
 * whose Flyway migrates it.
 */
@Configuration(proxyBeanMethods = false)
@ImportAutoConfiguration({DataSourceAutoConfiguration.class, JdbcTemplateAutoConfiguration.class,
    JdbcClientAutoConfiguration.class})
@EnableConfigurationProperties(TariffcastProperties.class)
@Import({RunRepository.class, ResultRepository.class})
class ReadOnlyContext {
  /** Migrations that are Java classes, not files under {@code db/migration/}: Spring Batch's and Quartz's tables. */
  static final int JAVA_MIGRATIONS = 2;

  /** True if Flyway's history holds at least as many successful versioned migrations as this build ships. */
  static boolean current(ConfigurableApplicationContext ctx) {
    try (Connection c = ctx.getBean(DataSource.class).getConnection(); Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM \"flyway_schema_history\" WHERE \"success\" "
            + "AND \"version\" IS NOT NULL")) {
      return rs.next() && rs.getInt(1) >= shipped();
    } catch (SQLException e) {
      return false; // no history table: a new database
    }
  }

  static int shipped() {
    try {
      return new PathMatchingResourcePatternResolver().getResources("classpath*:db/migration/V*__*.sql").length
          + JAVA_MIGRATIONS;
    } catch (IOException e) {
      return Integer.MAX_VALUE;
    }
  }
}
