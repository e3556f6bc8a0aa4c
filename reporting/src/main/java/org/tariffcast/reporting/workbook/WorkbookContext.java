package org.tariffcast.reporting.workbook;

import java.time.Instant;
import java.util.List;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.tariffcast.model.result.Measure;
import org.tariffcast.model.result.Window;
import org.tariffcast.reporting.charts.RenderedChart;
import org.tariffcast.reporting.content.ReportData;
import org.tariffcast.reporting.text.Labels;
import org.tariffcast.reporting.text.Sentences;

/** What every sheet writer needs: the run, words, styles, cells, the rendered charts and the options. */
final class WorkbookContext {
  final XSSFWorkbook workbook;
  final ReportData data;
  final Labels labels;
  final Sentences sentences;
  final Styles styles;
  final Cells cells;
  final List<RenderedChart> charts;
  final Instant generatedAt;
  final int topDrivers;
  /** The report's language: the Summary's key findings use it (see {@link #findings()}). */
  final String language;

  WorkbookContext(XSSFWorkbook workbook, ReportData data, List<RenderedChart> charts, Instant generatedAt,
      int topDrivers, String language) {
    this.language = language;
    this.workbook = workbook;
    this.data = data;
    this.labels = Labels.forReport(data, language);
    this.sentences = new Sentences(data, labels);
    this.styles = new Styles(workbook);
    this.cells = new Cells(styles);
    this.charts = charts;
    this.generatedAt = generatedAt;
    this.topDrivers = topDrivers;
  }

  /**
   * The sentences of the Summary's key findings in the report's language and from the study's
   * perspective (the brief's), or empty when the workbook's own English sentences, written from the
   * home region's side, are the right ones (English, home perspective).
   */
  java.util.Optional<org.tariffcast.reporting.brief.BriefText> findings() {
    boolean partner = !data.description().perspective().equals(data.description().home());
    if (language.equals("en") && !partner) {
      return java.util.Optional.empty();
    }
    return java.util.Optional.of(new org.tariffcast.reporting.brief.BriefText(data,
        org.tariffcast.reporting.text.Messages.of(language)));
  }

  /**
   * Widens column {@code col} to hold the longest headline indicator's name on one line (measured
   * as {@link TextWidth} does, so the row-height estimate agrees: Vietnamese names are longer).
   */
  void fitIndicators(org.apache.poi.xssf.usermodel.XSSFSheet sheet, int col) {
    double points = data.headlineMetrics().stream().mapToDouble(m -> TextWidth.points(labels.metric(m),
        Styles.BODY_POINTS, false)).max().orElse(0);
    sheet.setColumnWidth(col, Math.max(sheet.getColumnWidth(col), TextWidth.width256(points + 6)));
  }

  /** The charts meant for a sheet, in order. */
  List<RenderedChart> chartsFor(String sheet) {
    return charts.stream().filter(c -> c.sheet().equals(sheet)).toList();
  }

  /** The style of a KPI value: USD bn (1 decimal) or percent, bold for medians. */
  XSSFCellStyle kpiStyle(Measure measure, boolean bold) {
    return styles.number(measure.isFraction() ? Styles.PERCENT : Styles.USD_BN, bold);
  }

  /** The style of a value of detail tables: USD bn (2 decimals) or percent. */
  XSSFCellStyle detailStyle(Measure measure, boolean bold) {
    return styles.number(measure.isFraction() ? Styles.PERCENT : Styles.USD_BN_2, bold);
  }

  /** The unit words of a KPI. */
  String unit(Window window, Measure measure) {
    return labels.unit(window, measure);
  }

  /** Places the sheet's charts from {@code row} down; returns the first free row. */
  int pictures(org.apache.poi.xssf.usermodel.XSSFSheet sheet, String sheetName, int row) {
    return pictures(sheet, chartsFor(sheetName), row);
  }

  /** Places these charts from {@code row} down, each kept whole on one page; returns the first free row. */
  int pictures(org.apache.poi.xssf.usermodel.XSSFSheet sheet, List<RenderedChart> shown, int row) {
    int r = row;
    for (RenderedChart c : shown) {
      int next = Layout.picture(sheet, c, r, 0);
      keep(sheet, r, next - 1);
      r = next;
    }
    return r;
  }

  /** The charts meant for a sheet that show one of {@code scenarios} (by the file-name part the charts use). */
  List<RenderedChart> chartsFor(String sheet, List<String> scenarios) {
    org.tariffcast.reporting.io.FileNames names = new org.tariffcast.reporting.io.FileNames();
    java.util.Map<String, String> parts = new java.util.HashMap<>();
    for (var s : data.scenarios()) {
      parts.put(s.name(), names.unique(s.name()));
    }
    List<String> suffixes = scenarios.stream().map(s -> "-" + parts.getOrDefault(s, s) + ".png").toList();
    return chartsFor(sheet).stream().filter(c -> suffixes.stream().anyMatch(x -> c.fileName().endsWith(x))).toList();
  }

  /** The scenarios a front sheet shows in full: the outlook and the most likely scenario. */
  List<String> frontScenarios() {
    List<String> out = new java.util.ArrayList<>();
    data.mostLikely().ifPresent(s -> out.add(s.name()));
    data.scenarios().stream().filter(s -> data.isOutlook(s.name())).forEach(s -> out.add(s.name()));
    return out;
  }

  private final java.util.Map<String, List<int[]>> keep = new java.util.HashMap<>();

  /** Rows {@code [from, to)} of a sheet print on one page (a chart, a heading with its table's first rows). */
  void keep(org.apache.poi.xssf.usermodel.XSSFSheet sheet, int from, int to) {
    keep.computeIfAbsent(sheet.getSheetName(), k -> new java.util.ArrayList<>()).add(new int[] {from, to});
  }

  /** Page setup of a finished sheet: print area, title rows, page breaks that keep blocks whole, its page limit. */
  Layout.Pages print(org.apache.poi.xssf.usermodel.XSSFSheet sheet, int headerRows) {
    Layout.fitColumns(sheet, styles);
    return Layout.print(sheet, data.info().runId(), headerRows, SheetNames.maxPages(sheet.getSheetName()),
        keep.getOrDefault(sheet.getSheetName(), List.of()));
  }
}
