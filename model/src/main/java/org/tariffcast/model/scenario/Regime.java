package org.tariffcast.model.scenario;

import static org.tariffcast.model.Checks.copy;
import static org.tariffcast.model.Checks.notBlank;
import static org.tariffcast.model.Checks.notNull;

import java.util.List;
import org.tariffcast.model.distribution.Parameter;

/**
 * One tariff regime of a scenario: from its effective quarter on, its rules apply on top of
 * those of the scenario's earlier regimes (regimes are cumulative), and its purchase
 * commitments start.
 *
 * @param name e.g. {@code pause} or {@code reciprocal 46%}
 * @param effective the first quarter in force, as a {@linkplain org.tariffcast.model.time.YearQuarter#ordinal()
 *     quarter ordinal}; uncertain dates are discrete or triangular distributions over ordinals
 *     (a continuous draw is floored to its quarter)
 * @param rules tariff changes
 * @param commitments names of purchase commitments that start with this regime
 */
public record Regime(String name, Parameter effective, List<TariffRule> rules, List<String> commitments) {
  public Regime {
    notBlank(name, "regime name");
    notNull(effective, "effective date of regime " + name);
    rules = copy(rules, "rules of regime " + name);
    commitments = copy(commitments, "commitments of regime " + name);
  }

  public static Regime of(String name, Parameter effective, List<TariffRule> rules, List<String> commitments) {
    return new Regime(name, effective, rules, commitments);
  }
}
