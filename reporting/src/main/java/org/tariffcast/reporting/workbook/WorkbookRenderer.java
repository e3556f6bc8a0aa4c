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

  /** @param topDrivers parameters listed per KPI on the Drivers sheet */
  public WorkbookRenderer(int topDrivers) {
    this.topDrivers = topDrivers;
  }

  /** Builds the workbook in memory; the caller closes it. */
  public XSSFWorkbook build(ReportData data, List<RenderedChart> charts, Instant generatedAt) {
    XSSFWorkbook wb = new XSSFWorkbook();
    try {
      WorkbookContext ctx = new WorkbookContext(wb, data, charts, generatedAt, topDrivers);
      for (String name : SheetNames.ORDER) {
        wb.createSheet(name);
      }
      new SummarySheet(ctx, wb.getSheet(SheetNames.SUMMARY)).write();
      new ScenariosSheet(ctx, wb.getSheet(SheetNames.SCENARIOS)).write();
      new OutlookSheet(ctx, wb.getSheet(SheetNames.OUTLOOK)).write();
      new SectorsSheet(ctx, wb.getSheet(SheetNames.SECTORS)).write();
      new DriversSheet(ctx, wb.getSheet(SheetNames.DRIVERS)).write();
      new CentralCaseSheet(ctx, wb.getSheet(SheetNames.CENTRAL_CASE)).write();
      new ConvergenceSheet(ctx, wb.getSheet(SheetNames.CONVERGENCE)).write();
      new AssumptionsSheet(ctx, wb.getSheet(SheetNames.ASSUMPTIONS)).write();
      wb.setActiveSheet(0);
      wb.setFirstVisibleTab(0);
      properties(wb, data, generatedAt);
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
    try (XSSFWorkbook wb = build(data, charts, generatedAt)) {
      try {
        wb.write(out);
      } catch (RuntimeException e) {
        // POI reports a failing stream as its own runtime exception, without the IOException as cause
        throw new IOException("could not write the workbook: " + e.getMessage(), e);
      }
    }
  }

  /** Document properties: the same run renders the same properties, whatever the clock of the machine. */
  private static void properties(XSSFWorkbook wb, ReportData data, Instant generatedAt) {
    POIXMLProperties.CoreProperties core = wb.getProperties().getCoreProperties();
    core.setTitle(data.info().title() + " — run " + data.info().runId());
    core.setCreator("tariffcast");
    core.setSubjectProperty("Projection of trade flows under negotiated tariff outcomes");
    core.setCreated(Optional.of(Date.from(generatedAt)));
    core.setModified(Optional.of(Date.from(generatedAt)));
    core.setIdentifier("tariffcast-run-" + data.info().runId());
    wb.getProperties().getExtendedProperties().setApplication("tariffcast");
  }
}
