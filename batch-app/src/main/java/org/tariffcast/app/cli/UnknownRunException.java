package org.tariffcast.app.cli;

/** A run id that the database does not hold: a usage error (exit 2), worded one way everywhere. */
final class UnknownRunException extends UsageException {
  private static final long serialVersionUID = 1L;

  UnknownRunException(long runId, String database) {
    super("no run " + runId + " in " + database + "; `tariffcast history` lists the runs");
  }
}
