package org.tariffcast.app.cli;

import java.nio.file.Path;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;
import org.tariffcast.app.persistence.DatabaseBackup;
import org.tariffcast.app.persistence.H2Files;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code restore --from FILE}: puts an H2 backup back in place of a lost or damaged database. */
@Command(name = "restore", mixinStandardHelpOptions = true,
    header = "Restore the H2 database from a backup made by 'tariffcast backup'.",
    description = {"Put the database file of a backup back where spring.datasource.url points. Every",
        "tariffcast process using the database must be stopped. An empty (lost) database file is replaced;",
        "a non-empty one only with --replace, and it is then kept beside it as",
        "<name>.before-restore-<time>. Runs made after the backup are not in it; their report folders",
        "stay and are never overwritten by the restored database's later runs."},
    footer = {"", "Exit status: 0 restored, 1 not restored (the message says why), 2 usage.",
        "Example: tariffcast restore --from backups/tariffcast-20261201-020000.zip"})
public class RestoreCommand extends Subcommand {
  @Option(names = "--from", paramLabel = "FILE", required = true, description = "the backup zip")
  Path from;
  @Option(names = "--replace", description = "replace a non-empty database file (kept beside it)")
  boolean replace;

  public RestoreCommand() {
    super(SpringContexts.Kind.ENVIRONMENT);
  }

  @Override
  int run(ConfigurableApplicationContext ctx) throws Exception {
    Environment env = ctx.getEnvironment();
    String url = env.getProperty("spring.datasource.url");
    if (H2Files.file(url).isEmpty()) {
      err().println(DatabaseBackup.postgresGuidance(url));
      return ExitCodes.FAILED;
    }
    try {
      DatabaseBackup.Contents c = DatabaseBackup.restore(url, env.getProperty("spring.datasource.username", "sa"),
          env.getProperty("spring.datasource.password", ""), from, replace);
      out().printf("restored %s from %s (%s)%n", H2Files.file(url).orElseThrow(), from, c.describe());
      return ExitCodes.OK;
    } catch (DatabaseBackup.BackupException e) {
      err().println("not restored: " + e.getMessage());
      return ExitCodes.FAILED;
    }
  }
}
