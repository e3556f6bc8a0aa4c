package org.tariffcast.reporting;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * What {@link ReportWriter#write} wrote, each under its final name.
 *
 * @param workbook {@code tariffcast-run-<id>.xlsx}, the front workbook that is printed
 * @param annex {@code tariffcast-run-<id>-annex.xlsx}: full tables, central case, convergence, provenance
 * @param brief {@code tariffcast-brief-run-<id>.pdf}, the 2–4 page brief for leadership
 * @param charts the PNG charts, in the order the workbook shows them
 * @param summaryJson {@code summary.json}, written last: its presence means the report is complete
 */
public record ReportFiles(Path workbook, Path annex, Path brief, List<Path> charts, Path summaryJson) {
  public ReportFiles {
    Objects.requireNonNull(workbook, "workbook");
    Objects.requireNonNull(annex, "annex");
    charts = List.copyOf(charts);
    Objects.requireNonNull(summaryJson, "summaryJson");
  }
}
