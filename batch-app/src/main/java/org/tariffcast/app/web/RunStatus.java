package org.tariffcast.app.web;

import java.time.Duration;
import org.tariffcast.app.job.Owner;
import org.tariffcast.app.persistence.RunRecord;

/**
 * A run's status as an operator reads it: the stored status, with STARTED split into RUNNING
 * (its process is alive) and KILLED (its process is gone or silent for {@code tariffcast.stale-after}).
 */
public enum RunStatus {
  RUNNING("running", "st-running"),
  COMPLETED("completed", "st-completed"),
  FAILED("failed", "st-failed"),
  KILLED("killed", "st-killed"),
  STOPPED("stopped", "st-stopped"),
  INVALID("invalid configuration", "st-invalid"),
  ABANDONED("abandoned", "st-stopped");

  private final String words;
  private final String css;

  RunStatus(String words, String css) {
    this.words = words;
    this.css = css;
  }

  /** What the status badge says, e.g. "failed". */
  public String words() {
    return words;
  }

  /** The CSS class that colours it. */
  public String css() {
    return css;
  }

  /**
   * True for a run that {@code resume} can continue. Not {@link #ABANDONED}: a run closed as an
   * orphan is refused by {@code resume} (with the reason it was closed), so no button offers it.
   */
  public boolean resumable() {
    return this == FAILED || this == KILLED || this == STOPPED;
  }

  /** True for a run that ended badly (an alert is mailed). */
  public boolean bad() {
    return this == FAILED || this == KILLED || this == STOPPED || this == INVALID || this == ABANDONED;
  }

  public static RunStatus of(RunRecord run, Duration staleAfter) {
    if ("STARTED".equals(run.status())) {
      return Owner.isStale(run, staleAfter) ? KILLED : RUNNING;
    }
    try {
      return valueOf(run.status());
    } catch (IllegalArgumentException e) {
      return FAILED;
    }
  }
}
