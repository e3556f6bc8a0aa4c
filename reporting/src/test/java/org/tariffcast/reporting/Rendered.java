package org.tariffcast.reporting;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.tariffcast.model.result.RunResult;

/** Renders a run into a folder with a fixed clock and opens what was written. */
public final class Rendered {
  public static final Instant NOW = Instant.parse("2026-01-05T03:00:00Z");

  private Rendered() {}

  public static ReportFiles write(RunResult run, Path dir) throws IOException {
    return ReportWriter.of(ReportOptions.defaults().at(NOW)).write(run, dir);
  }

  /** Every text cell of a sheet, row by row. */
  public static java.util.List<String> texts(org.apache.poi.ss.usermodel.Sheet s) {
    java.util.List<String> out = new java.util.ArrayList<>();
    s.forEach(r -> r.forEach(c -> {
      if (c.getCellType() == org.apache.poi.ss.usermodel.CellType.STRING) {
        out.add(c.getStringCellValue());
      }
    }));
    return out;
  }

  public static XSSFWorkbook open(Path workbook) throws IOException {
    try (InputStream in = Files.newInputStream(workbook)) {
      return new XSSFWorkbook(in);
    }
  }
}
