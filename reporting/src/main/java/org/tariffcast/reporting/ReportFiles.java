package org.tariffcast.reporting;

import java.nio.file.Path;
import java.util.List;

/** TEMPORARY stub of the reporting API (branch rep owns the real one). */
public record ReportFiles(Path workbook, List<Path> charts, Path summaryJson) {}
