package org.tariffcast.model.run;

/**
 * The limits on what a run may be given, the same wherever it is given ({@code study.yml}, the
 * command line, a schedule): a value outside them is a bad input (exit status 2), never a run
 * that blocks the night.
 */
public final class RunLimits {
  /** Most trials a run may have: 1e9 (about 80 hours of the default study on 2 cores). */
  public static final long MAX_TRIALS = 1_000_000_000L;
  /** Most partitions of the simulate step. */
  public static final int MAX_PARTITIONS = 10_000;
  /** Most worker threads of the simulate step. */
  public static final int MAX_THREADS = 256;

  private RunLimits() {}

  /** The words a problem message uses for the trial limit. */
  public static String trialsWords() {
    return "a number of trials in [1, " + MAX_TRIALS + "]";
  }

  /** True if {@code trials} is within [1, {@link #MAX_TRIALS}]. */
  public static boolean trialsOk(long trials) {
    return trials >= 1 && trials <= MAX_TRIALS;
  }
}
