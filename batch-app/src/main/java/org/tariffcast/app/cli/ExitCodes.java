package org.tariffcast.app.cli;

/** Exit status of every command. */
public final class ExitCodes {
  /** Done. */
  public static final int OK = 0;
  /** The run (or the command) failed. */
  public static final int FAILED = 1;
  /** The configuration or the command line is wrong. */
  public static final int BAD_INPUT = 2;

  private ExitCodes() {}
}
