package org.tariffcast.reporting;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * What {@link ReportWriter#write} wrote, each under its final name.
 *
 * @param workbook {@code tariffcast-run-<id>.xlsx}
 * @param charts the PNG charts, in the order the workbook shows them
 * @param summaryJson {@code summary.json}, written last: its presence means the report is complete
 */
public record ReportFiles(Path workbook, List<Path> charts, Path summaryJson) {
  public ReportFiles {
    Objects.requireNonNull(workbook, "workbook");
    charts = List.copyOf(charts);
    Objects.requireNonNull(summaryJson, "summaryJson");
  }
}
