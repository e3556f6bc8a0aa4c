package org.tariffcast.reporting.workbook;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.tariffcast.model.result.KpiKey;
import org.tariffcast.model.result.Metric;
import org.tariffcast.model.result.ScenarioInfo;
import org.tariffcast.model.result.Statistics;
import org.tariffcast.model.scenario.Scenario;
import org.tariffcast.model.time.YearQuarter;

/**
 * The outlook quarter by quarter: a block for each of the balance, imports, exports and tariff
 * revenue with the outlook's percentile bands (the data of a fan chart), its mean, the baseline's
 * median and each scenario's median; USD bn per quarter. A native line chart of the balance bands
 * follows its block; the PNG fan charts of every scenario close the sheet.
 */
final class OutlookSheet {
  static final List<Metric> METRICS = List.of(Metric.BILATERAL_BALANCE, Metric.IMPORTS_FROM_PARTNER,
      Metric.EXPORTS_TO_PARTNER, Metric.TARIFF_REVENUE);
  static final String[] BANDS = {"P5", "P10", "P25", "P50", "P75", "P90", "P95"};

  private final WorkbookContext ctx;
  private final XSSFSheet sheet;
  private final Cells cells;
  private final Styles st;

  private final boolean front;

  /** @param front the printed sheet (headline rows and charts) rather than the annex's full table */
  OutlookSheet(WorkbookContext ctx, XSSFSheet sheet, boolean front) {
    this.front = front;
    this.ctx = ctx;
    this.sheet = sheet;
    this.cells = ctx.cells;
    this.st = ctx.styles;
  }

  /** A column: its header and how to read it from a quarter. */
  private record Column(String header, Function<YearQuarter, Optional<Double>> value, boolean bold) {}

  void write() {
    List<Metric> metrics = METRICS.stream().filter(m -> !front || m == Metric.BILATERAL_BALANCE).filter(m -> ctx.data.scenarios().stream()
        .anyMatch(s -> ctx.data.hasSeries(s.name(), m, KpiKey.TOTAL))).toList();
    var l = ctx.labels;
    cells.text(sheet, 0, 0, front ? l.word("wb.outlook.title", "Outlook over time") : "Outlook by quarter, every indicator",
        st.title);
    int last = 9 + ctx.data.configured().size();
    sheet.setColumnWidth(0, 10 * 256);
    Layout.widths(sheet, 1, last, 12);
    cells.paragraph(sheet, 1, 0, last, SummarySheet.runLine(ctx), st.subtitle);
    cells.paragraph(sheet, 2, 0, last, l.word("wb.outlook.note", "Nominal USD bn per quarter. The outlook weighs the "
        + "scenarios by their probabilities; its percentiles are the bands of a fan chart. Scenario columns give each "
        + "scenario's median.") + (front ? l.word("wb.outlook.annex", " Imports, exports and tariff revenue by quarter: "
        + "the annex, sheet " + SheetNames.OUTLOOK_DATA + ".", SheetNames.OUTLOOK_DATA) : ""), st.subtitle);
    int r = 4;
    for (Metric m : metrics) {
      List<Column> columns = columns(m);
      cells.text(sheet, r++, 0, ctx.labels.metric(m) + ", USD bn per quarter", st.section);
      int header = r++;
      r = block(header, columns);
      if (!front && m == Metric.BILATERAL_BALANCE && ctx.data.hasSeries(Scenario.OUTLOOK, m, KpiKey.TOTAL)) {
        r = nativeChart(r + 1, header);
      }
      r++;
    }
    if (metrics.isEmpty()) {
      cells.text(sheet, r++, 0, "The run has no quarterly series.", st.note);
    }
    if (front) {
      ctx.pictures(sheet, SheetNames.OUTLOOK, r);
    }
    sheet.createFreezePane(1, 3);
    ctx.print(sheet, 3);
  }

  /** A header row at {@code header} and a row per quarter below it; returns the first free row. */
  private int block(int header, List<Column> columns) {
    XSSFCellStyle plain = st.number(Styles.USD_BN_2);
    XSSFCellStyle bold = st.number(Styles.USD_BN_2, true);
    List<YearQuarter> quarters = ctx.data.quarters();
    cells.text(sheet, header, 0, ctx.labels.word("wb.outlook.quarter", "Quarter"), st.header);
    Cells.row(sheet, header).setHeightInPoints(30);
    for (int i = 0; i < quarters.size(); i++) {
      cells.text(sheet, header + 1 + i, 0, quarters.get(i).toString());
    }
    for (int c = 0; c < columns.size(); c++) {
      Column col = columns.get(c);
      cells.text(sheet, header, 1 + c, col.header(), st.header);
      for (int i = 0; i < quarters.size(); i++) {
        cells.number(sheet, header + 1 + i, 1 + c, col.value().apply(quarters.get(i)), col.bold() ? bold : plain);
      }
    }
    return header + 1 + quarters.size();
  }

  private List<Column> columns(Metric m) {
    List<Column> out = new ArrayList<>();
    String outlook = Scenario.OUTLOOK;
    for (int b = 0; b < BANDS.length; b++) {
      int index = b;
      out.add(new Column(ctx.labels.word("wb.outlook.band", "Outlook " + BANDS[b], BANDS[b]), q -> ctx.data.series(outlook, m, KpiKey.TOTAL, q)
          .map(s -> s.percentiles().toArray()[index]), b == 3));
    }
    out.add(new Column(ctx.labels.word("wb.outlook.mean", "Outlook mean"), q -> ctx.data.series(outlook, m, KpiKey.TOTAL, q).map(Statistics::mean),
        false));
    out.add(new Column(ctx.labels.word("wb.outlook.baseline", "Baseline P50"), q -> ctx.data.series(Scenario.BASELINE, m, KpiKey.TOTAL, q)
        .map(s -> s.percentiles().p50()), false));
    for (ScenarioInfo s : ctx.data.configured()) {
      out.add(new Column(s.name() + " P50", q -> ctx.data.series(s.name(), m, KpiKey.TOTAL, q)
          .map(x -> x.percentiles().p50()), false));
    }
    return out;
  }

  /** A native line chart of the outlook's balance bands (P5, P25, P50, P75, P95) and the baseline median. */
  private int nativeChart(int r, int header) {
    int first = header + 1;
    int last = header + ctx.data.quarters().size();
    int balanceColumn = 1;
    String name = sheet.getSheetName();
    int[] offsets = {0, 2, 3, 4, 6, 8};
    byte[][] colours = {NativeCharts.LIGHT_BLUE, NativeCharts.MID_BLUE, NativeCharts.DARK_BLUE, NativeCharts.MID_BLUE,
        NativeCharts.LIGHT_BLUE, NativeCharts.GREY};
    double[] widths = {1.25, 1.5, 2.75, 1.5, 1.25, 1.75};
    List<NativeCharts.Series> series = new ArrayList<>();
    for (int i = 0; i < offsets.length; i++) {
      int col = balanceColumn + offsets[i];
      series.add(new NativeCharts.Series(new CellRangeAddress(first, last, col, col),
          new CellReference(name, header, col, true, true), colours[i], i == 5, widths[i]));
    }
    ctx.keep(sheet, r, r + 23);
    NativeCharts.lines(sheet, new NativeCharts.Box(r, 0, r + 22, 10),
        ctx.labels.word("wb.outlook.chart", ctx.labels.metric(Metric.BILATERAL_BALANCE) + ": outlook percentiles by quarter",
            ctx.labels.metric(Metric.BILATERAL_BALANCE)),
        new CellRangeAddress(first, last, 0, 0), series, ctx.labels.word("wb.outlook.axis", "USD bn per quarter"), "#,##0,,,");
    return r + 23;
  }
}
