package org.tariffcast.model.explore;

/** Which statistic of a KPI's distribution over trials a goal-seek or a frontier reads. */
public enum Statistic {
  /** The median (p50) over trials: the report's one statistic. */
  MEDIAN,
  /** The arithmetic mean over trials. */
  MEAN;

  public static Statistic parse(String text) {
    if (text == null) {
      return null;
    }
    return switch (text.trim()) {
      case "median" -> MEDIAN;
      case "mean" -> MEAN;
      default -> null;
    };
  }

  /** This statistic of a grid point's KPI, in the KPI's unit. */
  public double of(PointKpi k) {
    return this == MEDIAN ? k.stats().percentiles().p50() : k.stats().mean();
  }

  /** Lower end of this statistic's 95 % confidence interval (the median's order-statistic interval, or mean -1.96 se). */
  public double ciLow(PointKpi k) {
    return this == MEDIAN ? k.medianCiLow() : k.stats().meanCiLow();
  }

  /** Upper end of this statistic's 95 % confidence interval. */
  public double ciHigh(PointKpi k) {
    return this == MEDIAN ? k.medianCiHigh() : k.stats().meanCiHigh();
  }

  public String label() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
