package org.tariffcast.reporting.workbook;

import java.util.Comparator;
import java.util.List;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.tariffcast.model.result.ConvergencePoint;
import org.tariffcast.model.result.KpiStatistics;
import org.tariffcast.model.result.Measure;
import org.tariffcast.model.result.Statistics;

/**
 * How precise the numbers are: the running mean and standard error of the followed KPIs as
 * trials accumulate, then every KPI's mean with its standard error and 95 % confidence interval
 * at the end of the run. The convergence chart follows.
 */
final class ConvergenceSheet {
  static final int HEADER_ROW = 3;

  private final WorkbookContext ctx;
  private final XSSFSheet sheet;
  private final Cells cells;
  private final Styles st;

  ConvergenceSheet(WorkbookContext ctx, XSSFSheet sheet) {
    this.ctx = ctx;
    this.sheet = sheet;
    this.cells = ctx.cells;
    this.st = ctx.styles;
  }

  void write() {
    Layout.widths(sheet, 24, 62, 10, 13, 13, 13, 13, 13, 12);
    cells.text(sheet, 0, 0, "Convergence and precision", st.title);
    cells.paragraph(sheet, 1, 0, 8, "Standard error = sd / sqrt(trials); 95 % interval of the mean = mean ± 1.96 standard "
        + "errors; relative half-width = 1.96 standard errors / |mean|.", st.subtitle);
    cells.header(sheet, HEADER_ROW, 0, "Scenario", "KPI", "Trials", "Mean", "Standard error", "95 % CI low",
        "95 % CI high", "Relative half-width", "Percentile error");
    int r = HEADER_ROW + 1;
    List<ConvergencePoint> points = ctx.data.result().convergence().stream()
        .sorted(Comparator.comparing(ConvergencePoint::kpi, ctx.data.kpiOrder())
            .thenComparingLong(ConvergencePoint::trials)).toList();
    for (ConvergencePoint p : points) {
      Measure m = p.kpi().measure();
      r = row(r, p.kpi().scenario(), ctx.labels.kpi(p.kpi()), p.trials(), p.mean(), p.standardError(), m, null);
    }
    r++;
    cells.text(sheet, r++, 0, "Precision of every KPI at the end of the run", st.section);
    cells.header(sheet, r++, 0, "Scenario", "KPI", "Trials", "Mean", "Standard error", "95 % CI low", "95 % CI high",
        "Relative half-width", "Percentile error");
    for (KpiStatistics k : ctx.data.sortedKpis()) {
      Statistics s = k.stats();
      r = row(r, k.key().scenario(), ctx.labels.kpi(k.key()), s.count(), s.mean(), s.standardError(),
          k.key().measure(), s.percentileError());
    }
    ctx.pictures(sheet, SheetNames.CONVERGENCE, r + 1);
    sheet.createFreezePane(0, HEADER_ROW + 1);
    ctx.print(sheet, HEADER_ROW + 1);
  }

  private int row(int r, String scenario, String kpi, long trials, double mean, double se, Measure m,
      Double percentileError) {
    XSSFCellStyle value = st.number(m.isFraction() ? Styles.PERCENT_2 : Styles.USD_BN_2);
    XSSFCellStyle error = st.number(m.isFraction() ? Styles.PERCENT_2 : Styles.USD_BN_3);
    double half = 1.959963984540054 * se;
    cells.text(sheet, r, 0, scenario);
    cells.text(sheet, r, 1, kpi);
    cells.number(sheet, r, 2, trials, st.number(Styles.COUNT));
    cells.number(sheet, r, 3, mean, st.number(m.isFraction() ? Styles.PERCENT_2 : Styles.USD_BN_2, true));
    cells.number(sheet, r, 4, se, error);
    cells.number(sheet, r, 5, mean - half, value);
    cells.number(sheet, r, 6, mean + half, value);
    if (mean != 0) {
      cells.number(sheet, r, 7, half / Math.abs(mean), st.number(Styles.PERCENT_2));
    } else {
      cells.text(sheet, r, 7, Cells.MISSING, st.missing);
    }
    if (percentileError != null) {
      cells.number(sheet, r, 8, percentileError, st.number(Styles.PERCENT_2));
    }
    return r + 1;
  }
}
