package org.tariffcast.model.result;

import static org.tariffcast.model.Checks.copy;
import static org.tariffcast.model.Checks.notBlank;
import static org.tariffcast.model.Checks.notNull;

import java.util.List;

/**
 * How far one KPI swings between the low and the high draws of one driver: the mean of the
 * KPI over the trials whose draw of the driver lies in the top tenth of its distribution, minus
 * the mean over those in the bottom tenth. A driver is one uncertain parameter, or a block of
 * parameters that are rank-correlated with each other (they move together, so they count once):
 * the block's draw is the sum of its members' normal scores, whose tenths are those of a normal
 * with the block's variance. The bar of a tornado chart, in the KPI's unit (USD for the KPIs the
 * engine records swings of).
 *
 * @param kpi the KPI
 * @param driver the driver's key: the parameter's name, or for a block {@link #GROUP_PREFIX}
 *     followed by the name of its first member in name order (e.g. {@code group:es_APPAREL})
 * @param members the parameters the driver stands for, in name order: one for a single parameter
 * @param low mean KPI over the trials whose driver draw is in its distribution's bottom tenth
 * @param high mean KPI over the trials whose driver draw is in its top tenth
 * @param standardError standard error of {@code high - low} (from the two groups' variances);
 *     NaN when either group has fewer than 2 trials
 * @param lowTrials trials in the bottom tenth
 * @param highTrials trials in the top tenth
 */
public record DriverSwing(KpiKey kpi, String driver, List<String> members, double low, double high,
    double standardError, long lowTrials, long highTrials) {
  /** The prefix of a rank-correlated block's key. */
  public static final String GROUP_PREFIX = "group:";

  public DriverSwing {
    notNull(kpi, "swing kpi");
    notBlank(driver, "swing driver");
    members = copy(members, "swing members");
    if (members.isEmpty()) {
      throw new IllegalArgumentException("driver " + driver + " must stand for at least one parameter");
    }
    if (members.size() == 1 != !driver.startsWith(GROUP_PREFIX)) {
      throw new IllegalArgumentException("driver " + driver + ": a block's key starts with '" + GROUP_PREFIX
          + "' and a single parameter's does not, found members " + members);
    }
    if (lowTrials < 0 || highTrials < 0) {
      throw new IllegalArgumentException("trial counts must be >= 0, found " + lowTrials + " and " + highTrials);
    }
  }

  public static DriverSwing of(KpiKey kpi, String driver, List<String> members, double low, double high,
      double standardError, long lowTrials, long highTrials) {
    return new DriverSwing(kpi, driver, members, low, high, standardError, lowTrials, highTrials);
  }

  /** The key of the block whose members are {@code members} (name order). */
  public static String groupKey(List<String> members) {
    return members.size() == 1 ? members.get(0) : GROUP_PREFIX + members.get(0);
  }

  /** {@code high - low}: the KPI's swing from the driver's low to its high draws (KPI unit, USD). */
  public double swing() {
    return high - low;
  }

  public boolean isGroup() {
    return members.size() > 1;
  }
}
