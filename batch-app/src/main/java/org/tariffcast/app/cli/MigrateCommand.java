package org.tariffcast.app.cli;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;
import org.flywaydb.core.api.MigrationVersion;
import org.springframework.context.ConfigurableApplicationContext;
import org.tariffcast.app.persistence.SchemaVersions;
import picocli.CommandLine.Command;

/**
 * {@code migrate}: brings the database's schema up to this build, on purpose. The read-only
 * commands refuse a database that is behind; {@code run}, {@code resume}, {@code schedule} and
 * the other commands that start the application migrate it as they start (Flyway).
 */
@Command(name = "migrate", mixinStandardHelpOptions = true,
    header = "Bring the database's schema up to this build (Flyway); no run is started.",
    description = {"Apply the migrations of this build that the database lacks (Flyway), print the schema",
        "version before and after, and exit. history, show and compare never migrate: they refuse a",
        "database that is behind this build and name this command. Back the database up first",
        "(tariffcast backup for H2, pg_dump for PostgreSQL): a migrated database cannot be used by an",
        "older build."},
    footer = {"", "Exit status: 0 migrated or already current, 1 failed, 2 settings or usage wrong.",
        "Example: tariffcast backup && tariffcast migrate"})
public class MigrateCommand extends Subcommand {
  @Override
  public Integer call() throws Exception {
    Optional<List<MigrationVersion>> before = ReadOnlyDatabase.appliedVersions(parent.springArgs);
    try (ConfigurableApplicationContext ctx = SpringContexts.open(SpringContexts.Kind.APPLICATION,
        parent.springArgs)) {
      return report(ctx, before);
    }
  }

  @Override
  int run(ConfigurableApplicationContext ctx) {
    return report(ctx, Optional.empty());
  }

  private int report(ConfigurableApplicationContext ctx, Optional<List<MigrationVersion>> before) {
    String table = ctx.getEnvironment().getProperty("spring.flyway.table", SchemaVersions.HISTORY_TABLE);
    List<MigrationVersion> after;
    try (var c = ctx.getBean(DataSource.class).getConnection()) {
      after = SchemaVersions.applied(c, table).orElse(List.of());
    } catch (java.sql.SQLException e) {
      throw new IllegalStateException("cannot read the schema history: " + e.getMessage(), e);
    }
    String database = RunLookup.database(ctx.getEnvironment().getProperty("spring.datasource.url", "the database"));
    List<MigrationVersion> was = before.orElse(List.of());
    long applied = after.stream().filter(v -> !was.contains(v)).count();
    if (applied == 0) {
      out().printf("%s is at schema version %s, this build's: nothing to migrate%n", database,
          SchemaVersions.latest(after));
    } else {
      out().printf("%s migrated from schema version %s to %s (%d migration%s applied)%n", database,
          before.isEmpty() ? "none (a new database)" : SchemaVersions.latest(was), SchemaVersions.latest(after),
          applied, applied == 1 ? "" : "s");
    }
    Map<MigrationVersion, String> missing = SchemaVersions.missing(after);
    if (!missing.isEmpty()) {
      err().println("error: still missing " + missing.keySet());
      return ExitCodes.FAILED;
    }
    return ExitCodes.OK;
  }
}
