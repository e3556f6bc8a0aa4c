package org.tariffcast.app.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tariffcast.model.config.ConfigLoader;
import org.tariffcast.model.config.ModelConfig;
import org.tariffcast.model.result.RunResult;
import org.tariffcast.reporting.ReportFiles;
import org.tariffcast.reporting.ReportOptions;
import org.tariffcast.reporting.ReportWriter;
import org.tariffcast.reporting.workbook.SheetNames;
import org.tariffcast.reporting.workbook.TextWidth;
import org.tariffcast.simulation.PartialResult;
import org.tariffcast.simulation.ProjectionEngine;
import org.tariffcast.simulation.TrialProgress;

/**
 * The default study's reports on paper: a short run of {@code config/us-vietnam-2025} rendered
 * as the application renders it. Every sheet of the front workbook and the annex has a print
 * area and title rows; no text in the front workbook is wider than its column; and, where
 * LibreOffice is installed, the front workbook prints on at most 25 A4 pages (skipped with the
 * reason printed where it is not); the PDF brief has 2 to 4 pages and names the most likely
 * outcome. {@code -Dreport.keep=DIR} keeps the files for a look.
 */
class DefaultStudyPrintTest {
  static final Path STUDY = Path.of("..", "config", "us-vietnam-2025").toAbsolutePath().normalize();
  static final long TRIALS = 200;
  static final int MAX_FRONT_PAGES = 25;

  @TempDir
  static Path dir;
  static ReportFiles files;

  @BeforeAll
  static void render() throws Exception {
    ModelConfig config = ConfigLoader.load(STUDY);
    config = config.withRun(config.run().withTrials(TRIALS));
    ProjectionEngine engine = ProjectionEngine.of(config);
    PartialResult all = engine.simulate(0, TRIALS, 2, TrialProgress.NONE);
    Instant t = Instant.parse("2026-01-05T02:00:00Z");
    RunResult result = engine.finish(all, 7, t, t.plusSeconds(60), Map.of("tariffcast", "test"));
    String keep = System.getProperty("report.keep");
    Path out = keep == null ? dir.resolve("report") : Path.of(keep);
    files = ReportWriter.of(ReportOptions.defaults().at(t.plusSeconds(120))).write(result, out);
  }

  @Test
  void everySheetHasAPrintAreaAndTitleRows() throws Exception {
    for (Path book : List.of(files.workbook(), files.annex())) {
      try (XSSFWorkbook wb = open(book)) {
        for (int i = 0; i < wb.getNumberOfSheets(); i++) {
          XSSFSheet s = wb.getSheetAt(i);
          assertThat(wb.getPrintArea(i)).as("print area of %s in %s", s.getSheetName(), book.getFileName())
              .isNotNull().startsWith(printName(s.getSheetName()) + "!$A$1:");
          assertThat(s.getRepeatingRows()).as("title rows of %s", s.getSheetName()).isNotNull();
          assertThat(s.getRepeatingRows().getFirstRow()).isZero();
          assertThat(s.getPrintSetup().getLandscape()).isTrue();
        }
      }
    }
    try (XSSFWorkbook front = open(files.workbook()); XSSFWorkbook annex = open(files.annex())) {
      assertThat(names(front)).containsExactlyElementsOf(SheetNames.ORDER);
      assertThat(names(annex)).containsExactlyElementsOf(SheetNames.ANNEX);
    }
  }

  @Test
  void theBriefHasTwoToFourPagesAndNamesTheMostLikelyOutcome() throws Exception {
    try (var doc = org.apache.pdfbox.Loader.loadPDF(files.brief().toFile())) {
      assertThat(doc.getNumberOfPages()).isBetween(2, 4);
      String text = new org.apache.pdfbox.text.PDFTextStripper().getText(doc).replaceAll("\\s+", " ");
      // scenarios.yml gives the Framework the highest probability of the five
      assertThat(text).contains("The most likely outcome is Framework");
      assertThat(text).contains("Baseline (the reference for every change): 2024 tariffs kept unchanged from "
          + "April 2025 to March 2031.");
      assertThat(text).contains("Data quality:");
    }
  }

  @Test
  void noTextIsWiderThanItsColumn() throws Exception {
    DataFormatter formatter = new DataFormatter(java.util.Locale.ROOT);
    List<String> cut = new ArrayList<>();
    try (XSSFWorkbook wb = open(files.workbook())) {
      for (org.apache.poi.ss.usermodel.Sheet s : wb) {
        Set<Long> merged = new HashSet<>();
        for (CellRangeAddress m : s.getMergedRegions()) {
          for (int r = m.getFirstRow(); r <= m.getLastRow(); r++) {
            for (int c = m.getFirstColumn(); c <= m.getLastColumn(); c++) {
              merged.add(((long) r << 20) | c);
            }
          }
        }
        for (Row row : s) {
          for (Cell c : row) {
            String text = formatter.formatCellValue(c);
            if (text.isEmpty() || merged.contains(((long) c.getRowIndex() << 20) | c.getColumnIndex())) {
              continue;
            }
            var font = s.getWorkbook().getFontAt(c.getCellStyle().getFontIndex());
            double column = TextWidth.columnPoints(s.getColumnWidth(c.getColumnIndex()));
            if (c.getCellStyle().getWrapText()) {
              // wrapped: the row must be tall enough for the lines at this width
              int lines = TextWidth.lines(text, column - 6, font.getFontHeightInPoints(), font.getBold());
              double need = lines * font.getFontHeightInPoints() * 1.2;
              if (row.getHeightInPoints() < need) {
                cut.add(s.getSheetName() + "!" + c.getAddress() + " needs " + lines + " lines: " + text);
              }
              continue;
            }
            Cell right = row.getCell(c.getColumnIndex() + 1);
            boolean runsOn = c.getCellType() == CellType.STRING
                && (right == null || formatter.formatCellValue(right).isEmpty());
            double width = TextWidth.points(text, font.getFontHeightInPoints(), font.getBold());
            if (!runsOn && width > column - 2) {
              cut.add(s.getSheetName() + "!" + c.getAddress() + " " + Math.round(width) + " pt in "
                  + Math.round(column) + " pt: " + text);
            }
          }
        }
      }
    }
    assertThat(cut).as("cells whose text is cut").isEmpty();
  }

  @Test
  void theFrontWorkbookPrintsOnAtMost25Pages() throws Exception {
    Optional<Path> office = onPath("soffice", "libreoffice");
    if (office.isEmpty()) {
      System.out.println("DefaultStudyPrintTest: print test skipped: neither soffice nor libreoffice is on the PATH");
    }
    assumeTrue(office.isPresent(), "LibreOffice is not on the PATH");
    Path out = dir.resolve("pdf");
    Files.createDirectories(out);
    Process p = new ProcessBuilder(office.get().toString(), "-env:UserInstallation=" + dir.resolve("profile").toUri(),
        "--headless", "--norestore", "--convert-to", "pdf", "--outdir", out.toString(), files.workbook().toString())
        .redirectErrorStream(true).start();
    String log = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(8, TimeUnit.MINUTES)).as(log).isTrue();
    Path pdf = out.resolve(files.workbook().getFileName().toString().replace(".xlsx", ".pdf"));
    assertThat(pdf).as(log).isRegularFile();
    int pages = pages(pdf);
    System.out.println("DefaultStudyPrintTest: the front workbook prints on " + pages + " pages");
    if (System.getProperty("report.keep") != null) {
      Files.copy(pdf, Path.of(System.getProperty("report.keep")).resolve(pdf.getFileName()),
          java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }
    assertThat(pages).isBetween(SheetNames.ORDER.size(), MAX_FRONT_PAGES);
  }

  /** Pages of a PDF: the {@code /Count} of its page tree root (the largest one). */
  static int pages(Path pdf) throws Exception {
    String text = new String(Files.readAllBytes(pdf), StandardCharsets.ISO_8859_1);
    Matcher m = Pattern.compile("/Type\\s*/Pages\\b[^>]*?/Count\\s+(\\d+)|/Count\\s+(\\d+)[^>]*?/Type\\s*/Pages\\b")
        .matcher(text);
    int max = 0;
    while (m.find()) {
      max = Math.max(max, Integer.parseInt(m.group(1) != null ? m.group(1) : m.group(2)));
    }
    return max;
  }

  static Optional<Path> onPath(String... names) {
    String path = System.getenv("PATH");
    if (path == null) {
      return Optional.empty();
    }
    for (String d : path.split(File.pathSeparator)) {
      for (String n : names) {
        Path p = Path.of(d, n);
        if (Files.isExecutable(p)) {
          return Optional.of(p);
        }
      }
    }
    return Optional.empty();
  }

  private static String printName(String sheet) {
    return sheet.matches("[A-Za-z0-9_]+") ? sheet : "'" + sheet.replace("'", "''") + "'";
  }

  private static List<String> names(XSSFWorkbook wb) {
    List<String> out = new ArrayList<>();
    wb.forEach(s -> out.add(s.getSheetName()));
    return out;
  }

  private static XSSFWorkbook open(Path p) throws Exception {
    try (var in = Files.newInputStream(p)) {
      return new XSSFWorkbook(in);
    }
  }
}
