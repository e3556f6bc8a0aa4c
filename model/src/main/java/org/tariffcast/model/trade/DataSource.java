package org.tariffcast.model.trade;

import static org.tariffcast.model.Checks.notBlank;
import static org.tariffcast.model.Checks.notNull;
import static org.tariffcast.model.Checks.positive;

/**
 * Where a group of data rows came from: the file, the cited source, the quality flag and
 * how many rows carry that pair. The Assumptions sheet of every report lists them.
 */
public record DataSource(String file, String source, Quality quality, int rows) {
  public DataSource {
    notBlank(file, "data source file");
    notBlank(source, "data source");
    notNull(quality, "data source quality");
    positive(rows, "data source rows");
  }

  public static DataSource of(String file, String source, Quality quality, int rows) {
    return new DataSource(file, source, quality, rows);
  }
}
