package org.tariffcast.model.result;

import java.util.Locale;

/** The stretch of the horizon a KPI sums over. */
public enum Window {
  /** Every quarter of the horizon (USD over the horizon). */
  HORIZON,
  /** The last four quarters (USD per year). */
  FINAL_YEAR;

  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Window parse(String text) {
    return org.tariffcast.model.Checks.byLabel(Window.class, text);
  }
}
