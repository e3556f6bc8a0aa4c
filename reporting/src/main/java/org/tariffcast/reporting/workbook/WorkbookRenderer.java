package org.tariffcast.reporting.workbook;

import java.io.IOException;
import java.io.OutputStream;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.apache.poi.ooxml.POIXMLProperties;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.tariffcast.reporting.charts.RenderedChart;
import org.tariffcast.reporting.content.ReportData;

/**
 * Builds the workbook ({@link SheetNames#ORDER}) and writes it to a stream. Text from the
 * configuration goes into string cells only; the file has no formulas and no external links.
 */
public final class WorkbookRenderer {
  private final int topDrivers;
  private final String language;

  /** @param topDrivers parameters listed per KPI on the Drivers sheet */
  public WorkbookRenderer(int topDrivers) {
    this(topDrivers, "en");
  }

  /**
   * @param topDrivers parameters listed per KPI on the Drivers sheet
   * @param language the report's language ({@code Messages.LANGUAGES}): the Summary's key findings
   *     are written in it, from the study's perspective, when it is not English or the study takes
   *     the partner's side; the rest of the workbook is in English
   */
  public WorkbookRenderer(int topDrivers, String language) {
    this.topDrivers = topDrivers;
    this.language = org.tariffcast.reporting.text.Messages.of(language).language();
  }

  /** Builds the front workbook in memory; the caller closes it. */
  public XSSFWorkbook build(ReportData data, List<RenderedChart> charts, Instant generatedAt) {
    return build(data, charts, generatedAt, false);
  }

  /**
   * Builds the front workbook ({@link SheetNames#ORDER}: what is printed) or the annex
   * ({@link SheetNames#ANNEX}: the full tables, central case, convergence and provenance). The
   * annex is a separate file rather than grouped, collapsed rows: collapsed rows print the moment
   * someone expands them, a file keeps the front's page count whatever an analyst does, and the
   * front stays small enough to e-mail.
   */
  public XSSFWorkbook build(ReportData data, List<RenderedChart> charts, Instant generatedAt, boolean annex) {
    XSSFWorkbook wb = new XSSFWorkbook();
    try {
      WorkbookContext ctx = new WorkbookContext(wb, data, charts, generatedAt, topDrivers, language);
      if (annex) {
        for (String name : SheetNames.ANNEX) {
          wb.createSheet(name);
        }
        new ScenariosSheet(ctx, wb.getSheet(SheetNames.SCENARIO_DETAIL), false).write();
        new OutlookSheet(ctx, wb.getSheet(SheetNames.OUTLOOK_DATA), false).write();
        new SectorsSheet(ctx, wb.getSheet(SheetNames.SECTOR_DETAIL), false).write();
        new DriversSheet(ctx, wb.getSheet(SheetNames.DRIVER_DETAIL), false).write();
        new CentralCaseSheet(ctx, wb.getSheet(SheetNames.CENTRAL_CASE)).write();
        new ConvergenceSheet(ctx, wb.getSheet(SheetNames.CONVERGENCE)).write();
        new AssumptionsSheet(ctx, wb.getSheet(SheetNames.ASSUMPTIONS)).write();
      } else {
        for (String name : SheetNames.ORDER) {
          wb.createSheet(name);
        }
        new SummarySheet(ctx, wb.getSheet(SheetNames.SUMMARY)).write();
        new ScenariosSheet(ctx, wb.getSheet(SheetNames.SCENARIOS), true).write();
        new OutlookSheet(ctx, wb.getSheet(SheetNames.OUTLOOK), true).write();
        new SectorsSheet(ctx, wb.getSheet(SheetNames.SECTORS), true).write();
        new DriversSheet(ctx, wb.getSheet(SheetNames.DRIVERS), true).write();
        new BenchmarksSheet(ctx, wb.getSheet(SheetNames.BENCHMARKS)).write();
      }
      wb.setActiveSheet(0);
      wb.setFirstVisibleTab(0);
      properties(wb, data, generatedAt, annex);
      return wb;
    } catch (RuntimeException e) {
      try {
        wb.close();
      } catch (IOException suppressed) {
        e.addSuppressed(suppressed);
      }
      throw e;
    }
  }

  /** Builds the workbook and writes it to {@code out}; a failing stream is reported as an IOException. */
  public void write(ReportData data, List<RenderedChart> charts, Instant generatedAt, OutputStream out)
      throws IOException {
    write(data, charts, generatedAt, false, out);
  }

  /** Builds the front workbook or the annex and writes it to {@code out}. */
  public void write(ReportData data, List<RenderedChart> charts, Instant generatedAt, boolean annex, OutputStream out)
      throws IOException {
    try (XSSFWorkbook wb = build(data, charts, generatedAt, annex)) {
      try {
        wb.write(out);
      } catch (RuntimeException e) {
        // POI reports a failing stream as its own runtime exception, without the IOException as cause
        throw new IOException("could not write the workbook: " + e.getMessage(), e);
      }
    }
  }

  /** Document properties: the same run renders the same properties, whatever the clock of the machine. */
  private static void properties(XSSFWorkbook wb, ReportData data, Instant generatedAt, boolean annex) {
    POIXMLProperties.CoreProperties core = wb.getProperties().getCoreProperties();
    core.setTitle(data.info().title() + " — run " + data.info().runId() + (annex ? " — annex" : ""));
    core.setCreator("tariffcast");
    core.setSubjectProperty("Projection of trade flows under negotiated tariff outcomes");
    core.setCreated(Optional.of(Date.from(generatedAt)));
    core.setModified(Optional.of(Date.from(generatedAt)));
    core.setIdentifier("tariffcast-run-" + data.info().runId() + (annex ? "-annex" : ""));
    wb.getProperties().getExtendedProperties().setApplication("tariffcast");
  }
}
