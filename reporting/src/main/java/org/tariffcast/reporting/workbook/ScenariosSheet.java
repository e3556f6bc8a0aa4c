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

  ScenariosSheet(WorkbookContext ctx, XSSFSheet sheet) {
    this.ctx = ctx;
    this.sheet = sheet;
    this.cells = ctx.cells;
    this.st = ctx.styles;
  }

  /** Metrics whose breakdowns are regions rather than sectors. */
  static boolean byRegion(Metric m) {
    return m == Metric.HOME_IMPORTS_BY_SOURCE || m == Metric.WELFARE;
  }

  /** The KPI rows of the sheet: (metric, breakdown, window, measure) in report order, scenario left out. */
  static List<KpiKey> rows(WorkbookContext ctx) {
    Set<KpiKey> out = new LinkedHashSet<>();
    for (KpiStatistics k : ctx.data.sortedKpis()) {
      KpiKey key = k.key();
      if (key.breakdown().equals(KpiKey.TOTAL) || byRegion(key.metric())) {
        out.add(key.forScenario("*"));
      }
    }
    List<KpiKey> sorted = new ArrayList<>(out);
    sorted.sort(ctx.data.kpiOrder());
    return sorted;
  }

  void write() {
    List<ScenarioInfo> scenarios = ctx.data.scenarios();
    Layout.widths(sheet, 34, 12, 18, 24, 20);
    Layout.widths(sheet, LABEL_COLS, LABEL_COLS + PER_SCENARIO * scenarios.size() - 1, 11);
    cells.text(sheet, 0, 0, "Scenarios side by side", st.title);
    int last = LABEL_COLS + PER_SCENARIO * scenarios.size() - 1;
    cells.paragraph(sheet, 1, 0, last, SummarySheet.runLine(ctx), st.subtitle);
    cells.paragraph(sheet, 2, 0, last, "P5, P50 (median) and P95 across trials; means and standard errors are on the Convergence sheet. Changes are scenario minus baseline "
        + "in the same trial; % changes divide by the absolute value of the reference.", st.subtitle);
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
    for (KpiKey row : rows(ctx)) {
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
    ctx.pictures(sheet, SheetNames.SCENARIOS, r + 1);
    sheet.createFreezePane(LABEL_COLS, HEADER_ROW + 1);
    Layout.print(sheet, ctx.data.info().runId(), HEADER_ROW + 1);
  }
}
