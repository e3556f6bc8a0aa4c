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

  public String label() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
