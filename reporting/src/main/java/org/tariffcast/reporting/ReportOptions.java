package org.tariffcast.reporting;

import java.time.Clock;
import java.time.Instant;
import java.util.Objects;

/**
 * How a report is rendered.
 *
 * @param chartScale pixels per logical point of the PNG charts (2 gives crisp images on
 *     high-density screens and in print), in [1, 4]
 * @param clock the clock whose instant the report prints as its generation time (the charts'
 *     source line, the Summary sheet, {@code generated_at} in summary.json, document properties);
 *     fix it to render byte-comparable summaries
 * @param topDrivers parameters listed per KPI on the Drivers sheet and bars per tornado chart
 */
public record ReportOptions(double chartScale, Clock clock, int topDrivers) {
  public ReportOptions {
    if (!(chartScale >= 1 && chartScale <= 4)) {
      throw new IllegalArgumentException("chartScale must be in [1, 4], found " + chartScale);
    }
    Objects.requireNonNull(clock, "clock");
    if (topDrivers < 1 || topDrivers > 100) {
      throw new IllegalArgumentException("topDrivers must be in [1, 100], found " + topDrivers);
    }
  }

  /** Scale 2, the system clock in UTC, 10 drivers. */
  public static ReportOptions defaults() {
    return new ReportOptions(2.0, Clock.systemUTC(), 10);
  }

  public ReportOptions withChartScale(double scale) {
    return new ReportOptions(scale, clock, topDrivers);
  }

  public ReportOptions withClock(Clock c) {
    return new ReportOptions(chartScale, c, topDrivers);
  }

  /** A clock fixed at {@code instant} (UTC). */
  public ReportOptions at(Instant instant) {
    return withClock(Clock.fixed(instant, java.time.ZoneOffset.UTC));
  }

  public ReportOptions withTopDrivers(int n) {
    return new ReportOptions(chartScale, clock, n);
  }
}
