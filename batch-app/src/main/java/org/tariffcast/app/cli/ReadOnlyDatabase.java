package org.tariffcast.app.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.flywaydb.core.api.MigrationVersion;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.tariffcast.app.TariffcastProperties;
import org.tariffcast.app.mail.DeliveryRepository;
import org.tariffcast.app.persistence.H2Files;
import org.tariffcast.app.persistence.ResultRepository;
import org.tariffcast.app.persistence.RunRecord;
import org.tariffcast.app.persistence.RunRepository;
import org.tariffcast.app.persistence.SchemaVersions;

/**
 * What {@code history}, {@code show} and {@code compare} read, over one plain JDBC connection
 * opened from {@code spring.datasource.url/username/password} as the application resolves them
 * ({@link LightSettings}): no Spring context, no pool, no job repository, no Quartz, no Flyway.
 * The database's schema is checked against this build with one query on Flyway's history: a
 * database behind this build is refused with the migrations it lacks, never migrated (that is
 * {@code tariffcast migrate}'s, or any run's); a database that does not exist yet, or has no
 * tables, holds no runs and is left as it is.
 */
final class ReadOnlyDatabase implements AutoCloseable {
  private final LightSettings settings;
  private final String url;
  private final Connection connection;
  private final RunRepository runs;
  private final ResultRepository results;
  private final DeliveryRepository deliveries;

  private ReadOnlyDatabase(LightSettings settings, String url, Connection connection) {
    this.settings = settings;
    this.url = url;
    this.connection = connection;
    if (connection == null) {
      runs = null;
      results = null;
      deliveries = null;
    } else {
      SingleConnectionDataSource ds = new SingleConnectionDataSource(connection, true);
      JdbcClient jdbc = JdbcClient.create(ds);
      runs = new RunRepository(jdbc);
      results = new ResultRepository(jdbc, new JdbcTemplate(ds), runs);
      deliveries = new DeliveryRepository(jdbc);
    }
  }

  /** A database whose schema is behind this build: named, with what it lacks and what to do. */
  static final class SchemaBehindException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    SchemaBehindException(String message) {
      super(message);
    }
  }

  /**
   * Opens the database of the settings {@code springArgs} resolve to, read-only.
   *
   * @throws H2Files.UnusableDatabaseException an empty, unreadable or damaged H2 file
   * @throws SchemaBehindException the database lacks migrations of this build
   */
  static ReadOnlyDatabase open(List<String> springArgs) throws SQLException {
    LightSettings settings = LightSettings.load(springArgs);
    String url = url(settings);
    Connection c = connect(settings, url).orElse(null);
    if (c == null) {
      return new ReadOnlyDatabase(settings, url, null); // a new database: nothing to read, nothing created
    }
    try {
      c.setReadOnly(true);
      Optional<List<MigrationVersion>> applied = SchemaVersions.applied(c, historyTable(settings));
      if (applied.isEmpty()) {
        c.close();
        return new ReadOnlyDatabase(settings, url, null); // no tables yet: a new database
      }
      Map<MigrationVersion, String> missing = SchemaVersions.missing(applied.get());
      if (!missing.isEmpty()) {
        throw new SchemaBehindException(behind(RunLookup.database(url), applied.get(), missing));
      }
      return new ReadOnlyDatabase(settings, url, c);
    } catch (RuntimeException | SQLException e) {
      c.close();
      throw e;
    }
  }

  /**
   * The schema versions the database of {@code springArgs} has applied, in order; empty if it
   * does not exist yet or has no tables. Changes nothing.
   */
  static Optional<List<MigrationVersion>> appliedVersions(List<String> springArgs) throws SQLException {
    LightSettings settings = LightSettings.load(springArgs);
    Optional<Connection> c = connect(settings, url(settings));
    if (c.isEmpty()) {
      return Optional.empty();
    }
    try (Connection connection = c.get()) {
      return SchemaVersions.applied(connection, historyTable(settings));
    }
  }

  static String url(LightSettings settings) {
    String url = settings.get("spring.datasource.url", null);
    if (url == null || url.isBlank()) {
      throw new UsageException("spring.datasource.url is not set (config/application.yml or SPRING_DATASOURCE_URL)");
    }
    return url;
  }

  static String historyTable(LightSettings settings) {
    return settings.get("spring.flyway.table", SchemaVersions.HISTORY_TABLE);
  }

  /**
   * A plain JDBC connection to the database of {@code url}, with {@code spring.datasource.username}
   * and {@code password}; empty for an H2 file that does not exist (which is not created).
   */
  static Optional<Connection> connect(LightSettings settings, String url) throws SQLException {
    H2Files.verify(url);
    Optional<Path> file = H2Files.file(url);
    if (file.isPresent() && !Files.exists(file.get())) {
      return Optional.empty();
    }
    try {
      return Optional.of(DriverManager.getConnection(url, settings.get("spring.datasource.username", null),
          settings.get("spring.datasource.password", null)));
    } catch (SQLException e) {
      if (H2Files.isCorruption(e)) {
        throw new H2Files.UnusableDatabaseException(H2Files.corruptionParagraph(url), e);
      }
      throw e;
    }
  }

  /** The refusal of a database behind this build. */
  static String behind(String database, List<MigrationVersion> applied, Map<MigrationVersion, String> missing) {
    return "The database " + database + " is at schema version " + SchemaVersions.latest(applied)
        + " and lacks " + missing.size() + " migration" + (missing.size() == 1 ? "" : "s") + " of this build ("
        + missing.entrySet().stream().map(e -> "V" + e.getKey() + " " + e.getValue())
            .collect(Collectors.joining(", "))
        + "). history, show and compare only read: they never change the schema. Nothing was read or changed. "
        + "Back the database up (tariffcast backup, or pg_dump), then run 'tariffcast migrate' to bring it up to "
        + "this build; or use the build that wrote it.";
  }

  /** True if the database does not exist yet or has no tables: it holds no runs. */
  boolean isNew() {
    return connection == null;
  }

  LightSettings settings() {
    return settings;
  }

  TariffcastProperties tariffcast() {
    return settings.tariffcast();
  }

  /** The recent runs, newest first; none in a new database. */
  List<RunRecord> recent(int limit) {
    return isNew() ? List.of() : runs.recent(limit);
  }

  /** The run's row; throws {@link UnknownRunException} (exit 2) if there is none. */
  RunRecord require(long runId) {
    Optional<RunRecord> r = isNew() ? Optional.empty() : runs.find(runId);
    return r.orElseThrow(() -> new UnknownRunException(runId, RunLookup.database(url)));
  }

  /** The results of runs; only for a run {@link #require} found. */
  ResultRepository results() {
    return results;
  }

  /** The MAIL column of {@code history}: sent, pending, gave up, or "-". */
  String mailSummary(long runId) {
    try {
      return deliveries.summary(runId);
    } catch (RuntimeException e) {
      return "-";
    }
  }

  @Override
  public void close() throws SQLException {
    if (connection != null) {
      connection.close();
    }
  }
}
