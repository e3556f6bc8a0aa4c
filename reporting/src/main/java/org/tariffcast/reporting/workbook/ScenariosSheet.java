package org.tariffcast.reporting.workbook;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.tariffcast.model.result.KpiKey;
import org.tariffcast.model.result.KpiStatistics;
import org.tariffcast.model.result.Measure;
import org.tariffcast.model.result.Metric;
import org.tariffcast.model.result.ScenarioInfo;
import org.tariffcast.model.result.Statistics;
import org.tariffcast.model.result.Window;

/**
 * Every scenario, the baseline and the outlook side by side: a row per indicator, window and
 * measure (levels, changes against baseline, % changes against baseline and against the base
 * year), and per scenario its P5, P50 and P95. Totals and by-region breakdowns (diversion,
 * welfare); sector detail is on the Sectors sheet. The comparison and distribution charts follow.
 */
final class ScenariosSheet {
  static final int LABEL_COLS = 5;
  static final int PER_SCENARIO = 3;
  static final int HEADER_ROW = 4;

  private final WorkbookContext ctx;
  private final XSSFSheet sheet;
  private final Cells cells;
  private final Styles st;

  private final boolean front;

  /** @param front the printed sheet (headline rows and charts) rather than the annex's full table */
  ScenariosSheet(WorkbookContext ctx, XSSFSheet sheet, boolean front) {
    this.front = front;
    this.ctx = ctx;
    this.sheet = sheet;
    this.cells = ctx.cells;
    this.st = ctx.styles;
  }

  /**
   * The printed sheet: a row per scenario, headline indicator and window; the level's median,
   * the change against baseline and the % change with their 90 % intervals, and the % change
   * against the base year; then the comparison and distribution charts.
   */
  private void writeFront() {
    Layout.widths(sheet, 22, 34, 24, 12, 11, 12, 11, 10, 11, 10, 12);
    ctx.fitIndicators(sheet, 1);
    int last = 10;
    var l = ctx.labels;
    String baseYear = Integer.toString(ctx.data.info().baseYear());
    cells.text(sheet, 0, 0, l.word("wb.scenarios.title", "Scenarios side by side"), st.title);
    cells.paragraph(sheet, 1, 0, last, SummarySheet.runLine(ctx), st.subtitle);
    cells.paragraph(sheet, 2, 0, last, l.word("wb.scenarios.note", "P50 is the median across trials, the headline "
        + "statistic; P5 to P95 is the 90 % interval. Changes are scenario minus baseline in the same trial. Nominal USD "
        + "bn: per year for the final year, in total for the whole horizon. Breakdowns by region: the annex, sheet "
        + SheetNames.SCENARIO_DETAIL + ".", SheetNames.SCENARIO_DETAIL), st.subtitle);
    int group = HEADER_ROW - 1;
    cells.text(sheet, group, 3, l.measure(Measure.LEVEL), st.groupHeader);
    cells.merged(sheet, group, 4, 6, l.word("wb.column.changeUsd", "Change vs baseline (USD bn)"), st.groupHeader);
    cells.merged(sheet, group, 7, 9, l.measure(Measure.PCT_CHANGE_VS_BASELINE), st.groupHeader);
    cells.text(sheet, group, 10, l.word("wb.scenarios.vsYear", "vs " + baseYear, baseYear), st.groupHeader);
    cells.header(sheet, HEADER_ROW, 0, l.word("column.scenario", "Scenario"), l.word("wb.column.indicator", "Indicator"),
        l.word("wb.column.window", "Window"), l.word("wb.column.p50usd", "P50 (USD bn)"), "P5", "P50", "P95", "P5", "P50",
        "P95", l.word("wb.column.pctP50", "% change P50"));
    int r = HEADER_ROW + 1;
    for (ScenarioInfo s : ctx.data.scenarios()) {
      for (Window w : List.of(Window.FINAL_YEAR, Window.HORIZON)) {
        for (Metric m : ctx.data.headlineMetrics()) {
          if (ctx.data.total(s.name(), m, w, Measure.LEVEL).isEmpty()) {
            continue;
          }
          cells.text(sheet, r, 0, ctx.data.isOutlook(s.name()) ? l.word("scenario.outlook", "Outlook (weighted)")
              : s.name());
          cells.text(sheet, r, 1, ctx.labels.metric(m));
          cells.text(sheet, r, 2, ctx.labels.window(w));
          cells.number(sheet, r, 3, ctx.data.total(s.name(), m, w, Measure.LEVEL).map(x -> x.percentiles().p50()),
              ctx.kpiStyle(Measure.LEVEL, true));
          Optional<Statistics> change = ctx.data.total(s.name(), m, w, Measure.CHANGE_VS_BASELINE);
          cells.number(sheet, r, 4, change.map(x -> x.percentiles().p5()), ctx.kpiStyle(Measure.LEVEL, false));
          cells.number(sheet, r, 5, change.map(x -> x.percentiles().p50()), ctx.kpiStyle(Measure.LEVEL, true));
          cells.number(sheet, r, 6, change.map(x -> x.percentiles().p95()), ctx.kpiStyle(Measure.LEVEL, false));
          Optional<Statistics> pct = ctx.data.total(s.name(), m, w, Measure.PCT_CHANGE_VS_BASELINE);
          cells.number(sheet, r, 7, pct.map(x -> x.percentiles().p5()), ctx.kpiStyle(Measure.PCT_CHANGE_VS_BASELINE, false));
          cells.number(sheet, r, 8, pct.map(x -> x.percentiles().p50()), ctx.kpiStyle(Measure.PCT_CHANGE_VS_BASELINE, true));
          cells.number(sheet, r, 9, pct.map(x -> x.percentiles().p95()), ctx.kpiStyle(Measure.PCT_CHANGE_VS_BASELINE, false));
          cells.number(sheet, r, 10, ctx.data.total(s.name(), m, w, Measure.PCT_CHANGE_VS_BASE_YEAR)
              .map(x -> x.percentiles().p50()), ctx.kpiStyle(Measure.PCT_CHANGE_VS_BASELINE, false));
          r++;
        }
      }
    }
    ctx.pictures(sheet, ctx.chartsFor(SheetNames.SCENARIOS), r + 1);
    sheet.createFreezePane(1, HEADER_ROW + 1);
    ctx.print(sheet, HEADER_ROW + 1);
  }

  /** Metrics whose breakdowns are regions rather than sectors. */
  static boolean byRegion(Metric m) {
    return m == Metric.HOME_IMPORTS_BY_SOURCE || m == Metric.WELFARE;
  }

  /** The KPI rows of the sheet: (metric, breakdown, window, measure) in report order, scenario left out. */
  static List<KpiKey> rows(WorkbookContext ctx) {
    return rows(ctx, false);
  }

  /** The rows; {@code totalsOnly} leaves out the by-region breakdowns. */
  static List<KpiKey> rows(WorkbookContext ctx, boolean totalsOnly) {
    Set<KpiKey> out = new LinkedHashSet<>();
    for (KpiStatistics k : ctx.data.sortedKpis()) {
      KpiKey key = k.key();
      if (key.breakdown().equals(KpiKey.TOTAL) || (!totalsOnly && byRegion(key.metric()))) {
        out.add(key.forScenario("*"));
      }
    }
    List<KpiKey> sorted = new ArrayList<>(out);
    sorted.sort(ctx.data.kpiOrder());
    return sorted;
  }

  void write() {
    if (front) {
      writeFront();
      return;
    }
    List<ScenarioInfo> scenarios = ctx.data.scenarios();
    Layout.widths(sheet, 34, 12, 18, 24, 20);
    Layout.widths(sheet, LABEL_COLS, LABEL_COLS + PER_SCENARIO * scenarios.size() - 1, 11);
    cells.text(sheet, 0, 0, front ? "Scenarios side by side" : "Scenarios side by side, every indicator", st.title);
    int last = LABEL_COLS + PER_SCENARIO * scenarios.size() - 1;
    cells.paragraph(sheet, 1, 0, last, SummarySheet.runLine(ctx), st.subtitle);
    cells.paragraph(sheet, 2, 0, last, "P50 is the median across trials, the headline statistic; P5 to P95 is the 90 % "
        + "interval. Changes are scenario minus baseline in the same trial; % changes divide by the absolute value of the "
        + "reference. Money in nominal USD." + (front ? " Breakdowns by region: the annex, sheet " + SheetNames.SCENARIO_DETAIL
        + "; means and standard errors: annex, sheet " + SheetNames.CONVERGENCE + "." : ""), st.subtitle);
    int group = HEADER_ROW - 1;
    for (int i = 0; i < scenarios.size(); i++) {
      int c = LABEL_COLS + i * PER_SCENARIO;
      String name = scenarios.get(i).name();
      cells.merged(sheet, group, c, c + PER_SCENARIO - 1, name, st.groupHeader);
    }
    List<String> header = new ArrayList<>(List.of("Indicator", "Breakdown", "Window", "Measure", "Unit"));
    for (int i = 0; i < scenarios.size(); i++) {
      header.addAll(List.of("P5", "P50", "P95"));
    }
    cells.header(sheet, HEADER_ROW, 0, header.toArray(String[]::new));
    int r = HEADER_ROW + 1;
    for (KpiKey row : rows(ctx, front)) {
      cells.text(sheet, r, 0, ctx.labels.metric(row.metric()));
      cells.text(sheet, r, 1, ctx.labels.breakdown(row.breakdown()));
      cells.text(sheet, r, 2, ctx.labels.window(row.window()));
      cells.text(sheet, r, 3, ctx.labels.measure(row.measure()));
      cells.text(sheet, r, 4, ctx.unit(row.window(), row.measure()));
      for (int i = 0; i < scenarios.size(); i++) {
        int c = LABEL_COLS + i * PER_SCENARIO;
        Optional<Statistics> s = ctx.data.kpi(row.forScenario(scenarios.get(i).name()));
        Measure m = row.measure();
        cells.number(sheet, r, c, s.map(x -> x.percentiles().p5()), ctx.kpiStyle(m, false));
        cells.number(sheet, r, c + 1, s.map(x -> x.percentiles().p50()), ctx.kpiStyle(m, true));
        cells.number(sheet, r, c + 2, s.map(x -> x.percentiles().p95()), ctx.kpiStyle(m, false));
      }
      r++;
    }
    if (front) {
      ctx.pictures(sheet, SheetNames.SCENARIOS, r + 1);
    }
    sheet.createFreezePane(LABEL_COLS, HEADER_ROW + 1);
    ctx.print(sheet, HEADER_ROW + 1);
  }
}
