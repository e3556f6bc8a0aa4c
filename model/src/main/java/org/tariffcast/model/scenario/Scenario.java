package org.tariffcast.model.scenario;

import static org.tariffcast.model.Checks.copy;
import static org.tariffcast.model.Checks.fraction;
import static org.tariffcast.model.Checks.notBlank;

import java.util.List;

/**
 * A negotiated outcome: a sequence of regimes in the order they take effect, weighted by
 * {@code probability} in the outlook. The no-change baseline is not a scenario: every trial
 * evaluates it alongside the scenarios.
 */
public record Scenario(String name, double probability, String description, List<Regime> regimes) {
  /** Names reserved for the baseline and the probability-weighted outlook in results. */
  public static final String BASELINE = "Baseline";
  public static final String OUTLOOK = "Outlook";

  public Scenario {
    notBlank(name, "scenario name");
    if (name.equalsIgnoreCase(BASELINE) || name.equalsIgnoreCase(OUTLOOK)) {
      throw new IllegalArgumentException("scenario name '" + name + "' is reserved for results");
    }
    fraction(probability, "probability of scenario " + name);
    description = description == null ? "" : description;
    regimes = copy(regimes, "regimes of scenario " + name);
  }

  public static Scenario of(String name, double probability, String description, List<Regime> regimes) {
    return new Scenario(name, probability, description, regimes);
  }
}
