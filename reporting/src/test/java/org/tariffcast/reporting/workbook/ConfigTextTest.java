package org.tariffcast.reporting.workbook;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tariffcast.reporting.ReportFiles;
import org.tariffcast.reporting.Rendered;
import org.tariffcast.reporting.SmallRun;

/**
 * Scenario names and configuration lines that look like formulas or paths stay text: string cells
 * with the quote prefix, no formula anywhere in the file, and file names made only of [a-z0-9-].
 */
class ConfigTextTest {
  static final String HYPERLINK = "=HYPERLINK(\"http://example.invalid\",\"click me\")";
  static final String PLUS = "+1";
  static final String PATH = "../../etc";

  @Test
  void formulaLikeScenarioNamesAreStoredAsText(@TempDir Path dir) throws IOException {
    ReportFiles files = Rendered.write(SmallRun.hostileNames(HYPERLINK, PLUS, PATH), dir);
    try (XSSFWorkbook wb = Rendered.open(files.workbook()); XSSFWorkbook annex = Rendered.open(files.annex())) {
      List<Cell> found = new ArrayList<>();
      List<Sheet> sheets = new ArrayList<>();
      wb.forEach(sheets::add);
      annex.forEach(sheets::add);
      for (Sheet s : sheets) {
        for (Row r : s) {
          for (Cell c : r) {
            assertThat(c.getCellType()).isNotEqualTo(CellType.FORMULA);
            if (c.getCellType() == CellType.STRING
                && (c.getStringCellValue().equals(HYPERLINK) || c.getStringCellValue().equals(PLUS))) {
              found.add(c);
            }
          }
        }
      }
      // every sheet that lists scenarios names them: Summary, Scenarios, Sectors, Drivers, Central case, ...
      assertThat(found).hasSizeGreaterThan(20);
      for (Cell c : found) {
        assertThat(c.getCellStyle().getQuotePrefixed()).as(c.getSheet().getSheetName() + "!" + c.getAddress()).isTrue();
      }
      // lines of the configuration snapshot that look like formulas are text too
      List<String> assumptions = WorkbookTest.texts(annex.getSheet("Assumptions"));
      assertThat(assumptions).contains(HYPERLINK, "+1+1", "@SUM(A1:A2)");
    }
    // and neither file has a <f> (formula) element in any sheet
    for (Path book : List.of(files.workbook(), files.annex())) {
      try (ZipFile zip = new ZipFile(book.toFile())) {
        Enumeration<? extends ZipEntry> entries = zip.entries();
        while (entries.hasMoreElements()) {
          ZipEntry e = entries.nextElement();
          if (e.getName().startsWith("xl/worksheets/")) {
            try (InputStream in = zip.getInputStream(e)) {
              assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).as(e.getName()).doesNotContain("<f>")
                  .doesNotContain("<f ");
            }
          }
        }
      }
    }
  }

  @Test
  void chartFileNamesAreSanitizedAndStayInTheFolder(@TempDir Path dir) throws IOException {
    ReportFiles files = Rendered.write(SmallRun.hostileNames(HYPERLINK, PLUS, PATH), dir);
    for (Path chart : files.charts()) {
      assertThat(chart.getParent()).isEqualTo(dir);
      assertThat(chart.getFileName().toString()).matches("[a-z0-9-]+\\.png");
    }
    List<String> names = files.charts().stream().map(p -> p.getFileName().toString()).toList();
    assertThat(names).contains("fan-balance-hyperlink-http-example-invalid-click-me.png", "fan-balance-1.png",
        "fan-balance-etc.png", "fan-balance-outlook.png");
    assertThat(names).doesNotHaveDuplicates();
    try (Stream<Path> all = Files.list(dir)) {
      assertThat(all.map(p -> p.getFileName().toString()))
          .allMatch(n -> n.matches("[a-z0-9-]+\\.png|tariffcast-run-42(-annex)?\\.xlsx|tariffcast-brief-run-42\\.pdf|summary\\.json"));
    }
    try (Stream<Path> above = Files.list(dir.getParent())) {
      assertThat(above.map(p -> p.getFileName().toString())).doesNotContain("etc");
    }
  }
}
