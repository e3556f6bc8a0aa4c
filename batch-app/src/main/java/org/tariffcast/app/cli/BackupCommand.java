package org.tariffcast.app.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import javax.sql.DataSource;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.tariffcast.app.persistence.DatabaseBackup;
import org.tariffcast.app.persistence.H2Files;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code backup}: an online, consistent copy of the H2 database; guidance for PostgreSQL. */
@Command(name = "backup", mixinStandardHelpOptions = true,
    header = "Back up the database (H2), or print how to (PostgreSQL).",
    description = {"Write a consistent copy of the H2 database file into a zip, while runs may go on",
        "(H2's BACKUP TO), check it, and say what it holds. A backup never replaces another file.",
        "For PostgreSQL, print the pg_dump and pg_restore commands to use instead.",
        "Restore with 'tariffcast restore --from FILE' (batch-app/OPERATIONS.md, 'Backup and restore')."},
    footer = {"", "Exit status: 0 written, 1 not written (e.g. PostgreSQL, or the file exists), 2 usage.",
        "Example: tariffcast backup --to /mnt/backup/tariffcast-$(date +%Y%m%d).zip"})
public class BackupCommand extends Subcommand {
  @Option(names = "--to", paramLabel = "FILE",
      description = "the zip to write (default: backups/tariffcast-<yyyyMMdd-HHmmss>.zip)")
  Path to;

  /**
   * Backs up the database as it is, over one plain connection: no Spring context, so a database
   * behind this build is copied before anything migrates it ('backup, then migrate').
   */
  @Override
  public Integer call() throws Exception {
    LightSettings settings = LightSettings.load(parent.springArgs);
    String url = ReadOnlyDatabase.url(settings);
    if (H2Files.file(url).isEmpty()) {
      err().println(DatabaseBackup.postgresGuidance(url));
      return ExitCodes.FAILED;
    }
    java.util.Optional<java.sql.Connection> connection = ReadOnlyDatabase.connect(settings, url);
    if (connection.isEmpty()) {
      err().println("backup not written: there is no database at " + H2Files.file(url).orElseThrow()
          .toAbsolutePath().normalize() + " (spring.datasource.url " + RunLookup.database(url) + ")");
      return ExitCodes.FAILED;
    }
    try (java.sql.Connection c = connection.get()) {
      return backup(new SingleConnectionDataSource(c, true), url);
    }
  }

  @Override
  int run(ConfigurableApplicationContext ctx) throws Exception {
    String url = ctx.getEnvironment().getProperty("spring.datasource.url");
    if (H2Files.file(url).isEmpty()) {
      err().println(DatabaseBackup.postgresGuidance(url));
      return ExitCodes.FAILED;
    }
    return backup(ctx.getBean(DataSource.class), url);
  }

  private int backup(DataSource dataSource, String url) throws Exception {
    Path target = to != null ? to : DatabaseBackup.defaultTarget();
    try {
      DatabaseBackup.Contents c = DatabaseBackup.backup(dataSource, url, target);
      out().printf("backup of %s (%s) written to %s (%,d bytes)%n", H2Files.file(url).orElseThrow(), c.describe(),
          target.toAbsolutePath().normalize(), Files.size(target));
      return ExitCodes.OK;
    } catch (DatabaseBackup.BackupException e) {
      err().println("backup not written: " + e.getMessage());
      return ExitCodes.FAILED;
    }
  }
}
