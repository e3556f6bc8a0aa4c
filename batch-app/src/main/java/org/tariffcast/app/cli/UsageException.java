package org.tariffcast.app.cli;

/** A command line that names something that is not there (a run, a scenario, a metric): exit 2. */
class UsageException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  UsageException(String message) {
    super(message);
  }
}
