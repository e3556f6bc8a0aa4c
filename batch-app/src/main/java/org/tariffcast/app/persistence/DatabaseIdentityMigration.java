package org.tariffcast.app.persistence;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Locale;
import java.util.UUID;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.Context;
import org.flywaydb.core.api.migration.JavaMigration;

/**
 * Gives the database an identity at its first migration: a random UUID in the one-row table
 * {@code database_identity}. Every report folder records it ({@code database-id}), so a run of
 * another database (a new one after the old was lost, or a second one writing into the same
 * {@code reports/}) never takes a folder that is not its own. On H2 it also stops the job
 * repository's sequences from caching 32 values: a process killed after taking one would make
 * the next run id jump by 32.
 */
public class DatabaseIdentityMigration implements JavaMigration {
  /** Far from the others' numbers so that parallel work on the schema does not collide. */
  static final String VERSION = "20";
  static final String[] BATCH_SEQUENCES = {"BATCH_JOB_INSTANCE_SEQ", "BATCH_JOB_EXECUTION_SEQ",
      "BATCH_STEP_EXECUTION_SEQ"};

  @Override
  public MigrationVersion getVersion() {
    return MigrationVersion.fromVersion(VERSION);
  }

  @Override
  public String getDescription() {
    return "database identity";
  }

  @Override
  public Integer getChecksum() {
    return 20_001;
  }

  @Override
  public boolean canExecuteInTransaction() {
    return true;
  }

  @Override
  public void migrate(Context context) throws Exception {
    Connection c = context.getConnection();
    try (Statement s = c.createStatement()) {
      s.execute("CREATE TABLE database_identity (database_id VARCHAR(36) NOT NULL PRIMARY KEY, "
          + "created_at TIMESTAMP WITH TIME ZONE NOT NULL)");
      if (c.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT).contains("h2")) {
        for (String seq : BATCH_SEQUENCES) {
          s.execute("ALTER SEQUENCE " + seq + " NO CACHE");
        }
      }
    }
    try (PreparedStatement p = c.prepareStatement(
        "INSERT INTO database_identity (database_id, created_at) VALUES (?, ?)")) {
      p.setString(1, UUID.randomUUID().toString());
      p.setTimestamp(2, Timestamp.from(Instant.now()));
      p.executeUpdate();
    }
  }
}
