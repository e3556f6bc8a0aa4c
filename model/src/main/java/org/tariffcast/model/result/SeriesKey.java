package org.tariffcast.model.result;

import static org.tariffcast.model.Checks.notBlank;
import static org.tariffcast.model.Checks.notNull;

import org.tariffcast.model.time.YearQuarter;

/**
 * One point of an output series: a scenario (or {@code Baseline}, {@code Outlook}), a metric,
 * a breakdown ({@code total}, sector or region code) and a quarter.
 */
public record SeriesKey(String scenario, Metric metric, String breakdown, YearQuarter quarter) {
  public SeriesKey {
    notBlank(scenario, "series scenario");
    notNull(metric, "series metric");
    notBlank(breakdown, "series breakdown");
    notNull(quarter, "series quarter");
  }

  public static SeriesKey of(String scenario, Metric metric, String breakdown, YearQuarter quarter) {
    return new SeriesKey(scenario, metric, breakdown, quarter);
  }
}
