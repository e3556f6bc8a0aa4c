package org.tariffcast.model.result;

import java.util.Locale;

/** How a KPI is expressed. */
public enum Measure {
  /** USD summed over the window. */
  LEVEL,
  /** Scenario minus baseline, same trial (common random numbers), USD. */
  CHANGE_VS_BASELINE,
  /** (scenario - baseline) / |baseline|, same trial: a fraction (0.2 is 20 %). */
  PCT_CHANGE_VS_BASELINE,
  /** (scenario - base year) / |base year|, where the base year value is the base-year flow scaled to the window: a fraction. */
  PCT_CHANGE_VS_BASE_YEAR;

  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** True if the value is a fraction rather than USD. */
  public boolean isFraction() {
    return this == PCT_CHANGE_VS_BASELINE || this == PCT_CHANGE_VS_BASE_YEAR;
  }

  public static Measure parse(String text) {
    return org.tariffcast.model.Checks.byLabel(Measure.class, text);
  }
}
