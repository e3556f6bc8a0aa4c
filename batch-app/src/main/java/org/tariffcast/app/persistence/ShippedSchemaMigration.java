package org.tariffcast.app.persistence;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.Context;
import org.flywaydb.core.api.migration.JavaMigration;

/**
 * A Flyway migration that runs a DDL script shipped inside a library's jar (Spring Batch's job
 * repository, Quartz's job store) for the database it is connected to, so that our schema
 * history owns those tables without copying their DDL. {@code DROP} and {@code COMMIT}
 * statements of the shipped scripts are left out: a migration creates, once. The
 * scripts hold plain DDL: whole-line {@code --} comments and statements ending in {@code ;}.
 */
public class ShippedSchemaMigration implements JavaMigration {
  private final String version;
  private final String description;
  private final String h2Script;
  private final String postgresScript;

  public ShippedSchemaMigration(String version, String description, String h2Script, String postgresScript) {
    this.version = version;
    this.description = description;
    this.h2Script = h2Script;
    this.postgresScript = postgresScript;
  }

  /** Spring Batch 6's job repository tables. */
  public static ShippedSchemaMigration springBatch() {
    return new ShippedSchemaMigration("2", "spring batch job repository",
        "org/springframework/batch/core/schema-h2.sql", "org/springframework/batch/core/schema-postgresql.sql");
  }

  /** Quartz's JDBC job store tables. */
  public static ShippedSchemaMigration quartz() {
    return new ShippedSchemaMigration("3", "quartz job store", "org/quartz/impl/jdbcjobstore/tables_h2.sql",
        "org/quartz/impl/jdbcjobstore/tables_postgres.sql");
  }

  @Override
  public MigrationVersion getVersion() {
    return MigrationVersion.fromVersion(version);
  }

  @Override
  public String getDescription() {
    return description;
  }

  @Override
  public Integer getChecksum() {
    return (h2Script + "|" + postgresScript).hashCode();
  }

  @Override
  public boolean canExecuteInTransaction() {
    return true;
  }

  @Override
  public void migrate(Context context) throws Exception {
    Connection connection = context.getConnection();
    String product = connection.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT);
    String script = product.contains("postgres") ? postgresScript : product.contains("h2") ? h2Script : null;
    if (script == null) {
      throw new IllegalStateException("tariffcast supports H2 and PostgreSQL, found " + product);
    }
    try (Statement statement = connection.createStatement()) {
      for (String sql : statements(script)) {
        statement.execute(sql);
      }
    }
  }

  static List<String> statements(String resource) throws IOException {
    String text;
    try (InputStream in = ShippedSchemaMigration.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("schema script not on the classpath: " + resource);
      }
      text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    StringBuilder code = new StringBuilder();
    for (String line : text.split("\\R")) {
      if (!line.strip().startsWith("--")) {
        code.append(line).append('\n');
      }
    }
    List<String> out = new ArrayList<>();
    for (String s : code.toString().split(";")) {
      String head = s.strip().toUpperCase(Locale.ROOT);
      if (head.isEmpty() || head.startsWith("DROP ") || head.equals("COMMIT") || head.startsWith("BEGIN")) {
        continue;
      }
      out.add(s);
    }
    return out;
  }
}
