package org.tariffcast.simulation;

/**
 * An equilibrium could not be found: the Newton iteration did not converge, the linear
 * clearing system is singular, or a result is not a finite number. The message names the
 * sector, and, once the trial kernel has added them, the scenario, regime and trial, so that a
 * planner can reproduce the failure. Never replaced by a silent NaN.
 */
public final class EquilibriumException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** Trial number when the failure is not in a Monte Carlo trial (the central case). */
  public static final long CENTRAL_CASE = -1;

  private final String sector;
  private final String scenario;
  private final String regime;
  private final long trial;
  private final String reason;

  private EquilibriumException(String sector, String scenario, String regime, long trial, String reason,
      Throwable cause) {
    super(message(sector, scenario, regime, trial, reason), cause);
    this.sector = sector;
    this.scenario = scenario;
    this.regime = regime;
    this.trial = trial;
    this.reason = reason;
  }

  /** A failure in the market of {@code sector}, before the caller knows the scenario and trial. */
  public static EquilibriumException of(String sector, String reason) {
    return new EquilibriumException(sector, null, null, Long.MIN_VALUE, reason, null);
  }

  /** The same failure, located in a scenario, regime and trial ({@link #CENTRAL_CASE} for the central case). */
  public EquilibriumException in(String scenarioName, String regimeName, long trialNumber) {
    return new EquilibriumException(sector, scenarioName, regimeName, trialNumber, reason, this);
  }

  public String sector() {
    return sector;
  }

  /** Scenario name, or null when not yet known. */
  public String scenario() {
    return scenario;
  }

  /** Regime name, or null when not yet known. */
  public String regime() {
    return regime;
  }

  /** Trial number, {@link #CENTRAL_CASE}, or {@code Long.MIN_VALUE} when not yet known. */
  public long trial() {
    return trial;
  }

  /** What went wrong, without the location. */
  public String reason() {
    return reason;
  }

  private static String message(String sector, String scenario, String regime, long trial, String reason) {
    StringBuilder b = new StringBuilder("no equilibrium in sector ").append(sector);
    if (scenario != null) {
      b.append(", scenario '").append(scenario).append('\'');
    }
    if (regime != null) {
      b.append(", regime '").append(regime).append('\'');
    }
    if (trial == CENTRAL_CASE) {
      b.append(", central case");
    } else if (trial != Long.MIN_VALUE) {
      b.append(", trial ").append(trial);
    }
    return b.append(": ").append(reason).toString();
  }
}
