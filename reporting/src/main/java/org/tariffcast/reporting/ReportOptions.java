package org.tariffcast.reporting;

import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import org.tariffcast.reporting.text.Messages;

/**
 * How a report is rendered.
 *
 * @param chartScale pixels per logical point of the PNG charts (2 gives crisp images on
 *     high-density screens and in print), in [1, 4]
 * @param clock the clock whose instant the report prints as its generation time (the charts'
 *     source line, the Summary sheet, {@code generated_at} in summary.json, document properties);
 *     fix it to render byte-comparable summaries
 * @param topDrivers parameters listed per KPI on the Drivers sheet and bars per tornado chart
 * @param language ISO 639-1 code of the brief's language, one of {@link Messages#LANGUAGES}
 *     ({@code en} or {@code vi}); the workbook's Summary gives its key findings in it (from the study's
 *     perspective), the rest of the workbook stays in English
 */
public record ReportOptions(double chartScale, Clock clock, int topDrivers, String language) {
  public ReportOptions {
    if (!(chartScale >= 1 && chartScale <= 4)) {
      throw new IllegalArgumentException("chartScale must be in [1, 4], found " + chartScale);
    }
    Objects.requireNonNull(clock, "clock");
    if (topDrivers < 1 || topDrivers > 100) {
      throw new IllegalArgumentException("topDrivers must be in [1, 100], found " + topDrivers);
    }
    if (!Messages.LANGUAGES.contains(language)) {
      throw new IllegalArgumentException("language must be one of " + Messages.LANGUAGES + ", found '" + language + "'");
    }
  }

  /** Scale, clock and drivers as given, in English. */
  public ReportOptions(double chartScale, Clock clock, int topDrivers) {
    this(chartScale, clock, topDrivers, "en");
  }

  /** Scale 2, the system clock in UTC, 10 drivers, English. */
  public static ReportOptions defaults() {
    return new ReportOptions(2.0, Clock.systemUTC(), 10);
  }

  public ReportOptions withChartScale(double scale) {
    return new ReportOptions(scale, clock, topDrivers, language);
  }

  public ReportOptions withClock(Clock c) {
    return new ReportOptions(chartScale, c, topDrivers, language);
  }

  /** A clock fixed at {@code instant} (UTC). */
  public ReportOptions at(Instant instant) {
    return withClock(Clock.fixed(instant, java.time.ZoneOffset.UTC));
  }

  public ReportOptions withTopDrivers(int n) {
    return new ReportOptions(chartScale, clock, n, language);
  }

  /** The same options with the brief in {@code code} ({@code en} or {@code vi}). */
  public ReportOptions withLanguage(String code) {
    return new ReportOptions(chartScale, clock, topDrivers, code);
  }
}
