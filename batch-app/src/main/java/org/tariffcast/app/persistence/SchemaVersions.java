package org.tariffcast.app.persistence;

import java.io.IOException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.JavaMigration;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * The schema versions this build ships (the scripts under {@code db/migration/} and the Java
 * migrations of {@link PersistenceConfiguration}) and those a database has applied, read from
 * Flyway's history table with one query, without Flyway: how the read-only commands tell a
 * database they can read from one that is behind this build.
 */
public final class SchemaVersions {
  private static final Pattern SCRIPT = Pattern.compile("V([0-9.]+)__(.+)\\.sql");
  /** Flyway's history table ({@code spring.flyway.table}). */
  public static final String HISTORY_TABLE = "flyway_schema_history";

  private SchemaVersions() {}

  /** Every migration this build ships: version to description, in version order. */
  public static Map<MigrationVersion, String> shipped() {
    Map<MigrationVersion, String> all = new TreeMap<>();
    for (JavaMigration m : PersistenceConfiguration.javaMigrations()) {
      all.put(m.getVersion(), m.getDescription());
    }
    try {
      for (Resource r : new PathMatchingResourcePatternResolver().getResources("classpath*:db/migration/V*__*.sql")) {
        Matcher m = SCRIPT.matcher(r.getFilename() == null ? "" : r.getFilename());
        if (m.matches()) {
          all.put(MigrationVersion.fromVersion(m.group(1)), m.group(2).replace('_', ' '));
        }
      }
    } catch (IOException e) {
      throw new IllegalStateException("cannot list the migrations of this build: " + e, e);
    }
    return all;
  }

  /**
   * The versions the database has applied successfully, in order; empty if it has no history
   * table (a new database).
   */
  public static Optional<List<MigrationVersion>> applied(Connection c, String table) {
    List<MigrationVersion> versions = new ArrayList<>();
    try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT \"version\" FROM \"" + table
        + "\" WHERE \"success\" AND \"version\" IS NOT NULL")) {
      while (rs.next()) {
        versions.add(MigrationVersion.fromVersion(rs.getString(1)));
      }
    } catch (SQLException e) {
      try {
        if (!c.getAutoCommit()) {
          c.rollback();
        }
      } catch (SQLException ignored) {
        // the connection is closed by the caller
      }
      return Optional.empty();
    }
    versions.sort(null);
    return Optional.of(versions);
  }

  /** The shipped migrations that {@code applied} lacks, version to description. */
  public static Map<MigrationVersion, String> missing(List<MigrationVersion> applied) {
    Map<MigrationVersion, String> missing = new TreeMap<>(shipped());
    applied.forEach(missing::remove);
    return missing;
  }

  /** {@code 41}, or {@code none} for an empty list: the highest version applied. */
  public static String latest(List<MigrationVersion> applied) {
    return applied.isEmpty() ? "none" : applied.get(applied.size() - 1).getVersion();
  }
}
