package org.tariffcast.app.persistence;

import java.util.List;
import org.flywaydb.core.api.migration.JavaMigration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The database: Flyway owns every table (ours from {@code db/migration}, Spring Batch's and
 * Quartz's from the scripts shipped in their jars). The data source itself is Spring Boot's,
 * from {@code spring.datasource.*}: an H2 file under {@code ./data/} by default, PostgreSQL in
 * production.
 */
@Configuration(proxyBeanMethods = false)
public class PersistenceConfiguration {
  @Bean
  JavaMigration springBatchSchema() {
    return ShippedSchemaMigration.springBatch();
  }

  @Bean
  JavaMigration quartzSchema() {
    return ShippedSchemaMigration.quartz();
  }

  @Bean
  JavaMigration databaseIdentityMigration() {
    return new DatabaseIdentityMigration();
  }

  /**
   * The Java migrations, as the beans above give them to Flyway: what {@link SchemaVersions}
   * counts with the scripts of {@code db/migration/}.
   */
  public static List<JavaMigration> javaMigrations() {
    return List.of(ShippedSchemaMigration.springBatch(), ShippedSchemaMigration.quartz(),
        new DatabaseIdentityMigration());
  }

  @Bean
  DatabaseIdentity databaseIdentity(JdbcClient jdbc) {
    return new DatabaseIdentity(jdbc);
  }
}
