package org.tariffcast.app.cli;

import org.springframework.context.ConfigurableApplicationContext;

/**
 * A command that only reads the database ({@code history}, {@code show}, {@code compare}): it
 * gets {@link ReadOnlyDatabase}, one JDBC connection and the settings, and no Spring context.
 */
abstract class ReadOnlyCommand extends Subcommand {
  ReadOnlyCommand() {
    super(SpringContexts.Kind.ENVIRONMENT); // never opened: call() is the light path
  }

  /** The command's work on the database; returns the exit status ({@link ExitCodes}). */
  abstract int run(ReadOnlyDatabase db) throws Exception;

  @Override
  public Integer call() throws Exception {
    try (ReadOnlyDatabase db = ReadOnlyDatabase.open(parent.springArgs)) {
      return run(db);
    }
  }

  @Override
  final int run(ConfigurableApplicationContext ctx) {
    throw new IllegalStateException("a read-only command opens no Spring context");
  }
}
