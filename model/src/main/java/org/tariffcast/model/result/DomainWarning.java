package org.tariffcast.model.result;

import static org.tariffcast.model.Checks.notBlank;
import static org.tariffcast.model.Checks.notNull;

import java.util.Locale;

/**
 * An equilibrium of the run left the range where its model is meant to be used: in
 * {@code trials} of the run's {@code ofTrials} trials, the market of {@code sector} under regime
 * {@code regime} of scenario {@code scenario} had the {@link Kind} of problem named. The numbers
 * of those trials are still in the statistics; the warning says how far to trust them.
 */
public record DomainWarning(Kind kind, String scenario, String regime, String sector, long trials, long ofTrials) {

  /** What went outside the model's range. */
  public enum Kind {
    /** The linear model gave a negative new flow (a first-order model extrapolated past zero). */
    NEGATIVE_FLOW,
    /** The linear model gave an importer a negative tariff revenue (from negative flows). */
    NEGATIVE_REVENUE,
    /** The CES Newton iteration needed more than its usual number of iterations (a very large shock). */
    SLOW_CONVERGENCE;

    /** The word used in files and the database: the name in lower case. */
    public String label() {
      return name().toLowerCase(Locale.ROOT);
    }

    public static Kind parse(String text) {
      Kind k = org.tariffcast.model.Checks.byLabel(Kind.class, text);
      if (k == null) {
        throw new IllegalArgumentException("domain warning kind must be negative_flow, negative_revenue or "
            + "slow_convergence, found " + text);
      }
      return k;
    }
  }

  public DomainWarning {
    notNull(kind, "domain warning kind");
    notBlank(scenario, "domain warning scenario");
    notBlank(regime, "domain warning regime");
    notBlank(sector, "domain warning sector");
    if (trials < 1 || trials > ofTrials) {
      throw new IllegalArgumentException("domain warning trials must be in [1, ofTrials = " + ofTrials + "], found "
          + trials);
    }
  }

  public static DomainWarning of(Kind kind, String scenario, String regime, String sector, long trials, long ofTrials) {
    return new DomainWarning(kind, scenario, regime, sector, trials, ofTrials);
  }

  /** Share of the run's trials with the problem, a fraction. */
  public double share() {
    return (double) trials / ofTrials;
  }

  /** One sentence for a log or a report. */
  public String message() {
    String what = switch (kind) {
      case NEGATIVE_FLOW -> "the linear model gave a negative flow";
      case NEGATIVE_REVENUE -> "the linear model gave a negative tariff revenue";
      case SLOW_CONVERGENCE -> "the CES solver needed more than its usual iterations";
    };
    String advice = kind == Kind.SLOW_CONVERGENCE ? "the shock is very large for this market"
        : "the linear model is outside its range for shocks of this size: use `ces`";
    return String.format(Locale.ROOT, "%s, regime %s, sector %s: %s in %d of %d trials (%.1f %%); %s", scenario, regime,
        sector, what, trials, ofTrials, 100.0 * share(), advice);
  }
}
