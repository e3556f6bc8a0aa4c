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

  WorkbookContext(XSSFWorkbook workbook, ReportData data, List<RenderedChart> charts, Instant generatedAt,
      int topDrivers) {
    this.workbook = workbook;
    this.data = data;
    this.labels = new Labels(data);
    this.sentences = new Sentences(data, labels);
    this.styles = new Styles(workbook);
    this.cells = new Cells(styles);
    this.charts = charts;
    this.generatedAt = generatedAt;
    this.topDrivers = topDrivers;
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
    int r = row;
    for (RenderedChart c : chartsFor(sheetName)) {
      r = Layout.picture(sheet, c, r, 0);
    }
    return r;
  }
}
