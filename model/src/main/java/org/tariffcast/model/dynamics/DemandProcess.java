package org.tariffcast.model.dynamics;

import static org.tariffcast.model.Checks.finite;
import static org.tariffcast.model.Checks.nonNegative;

/**
 * Demand level of one importer in one sector: a log random walk with drift, quarter by
 * quarter: {@code ln D(t+1) = ln D(t) + drift + volatility * (loading * Z_common + sqrt(1 - loading^2) * Z_own)},
 * where {@code Z_common} is the importer's common factor (moving all its sectors together).
 *
 * @param drift expected log growth per quarter (0.005 is about 2 % a year)
 * @param volatility standard deviation of log growth per quarter
 * @param commonLoading loading on the importer-wide factor, in [0, 1]
 */
public record DemandProcess(double drift, double volatility, double commonLoading) {
  public static final DemandProcess FLAT = new DemandProcess(0, 0, 0);

  public DemandProcess {
    finite(drift, "demand drift");
    finite(volatility, "demand volatility");
    nonNegative(volatility, "demand volatility");
    if (!(commonLoading >= 0 && commonLoading <= 1)) {
      throw new IllegalArgumentException("demand commonLoading must be in [0, 1], found " + commonLoading);
    }
  }

  public static DemandProcess of(double drift, double volatility, double commonLoading) {
    return new DemandProcess(drift, volatility, commonLoading);
  }
}
