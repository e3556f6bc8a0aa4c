package org.tariffcast.model.result;

import static org.tariffcast.model.Checks.notNull;

/** Statistics of one series point, USD per quarter. */
public record SeriesStatistics(SeriesKey key, Statistics stats) {
  public SeriesStatistics {
    notNull(key, "series key");
    notNull(stats, "series statistics");
  }

  public static SeriesStatistics of(SeriesKey key, Statistics stats) {
    return new SeriesStatistics(key, stats);
  }
}
