package org.tariffcast.reporting.workbook;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.tariffcast.model.result.Measure;
import org.tariffcast.model.result.Metric;
import org.tariffcast.model.result.RunInfo;
import org.tariffcast.model.result.ScenarioInfo;
import org.tariffcast.model.result.Statistics;
import org.tariffcast.model.result.TargetProbability;
import org.tariffcast.model.result.Window;
import org.tariffcast.reporting.text.NumberText;

/**
 * The first sheet: the headline of every scenario and the outlook in a sentence, a native chart
 * of the final-year changes, the headline indicators (final year and whole horizon) as level,
 * change and % change against baseline with P5, P50 and P95, and the probabilities of the
 * configured targets.
 */
final class SummarySheet {
  /** Columns of the headline table. */
  static final int COL_SCENARIO = 0;
  static final int COL_PROBABILITY = 1;
  static final int COL_INDICATOR = 2;
  static final int COL_LEVEL = 3;
  static final int COL_CHANGE = 6;
  static final int COL_PCT = 9;
  static final int LAST_COL = 11;
  /** Rows the native chart takes. */
  static final int CHART_ROWS = 20;
  /** Metrics of the native chart: final-year median % change against baseline. */
  static final List<Metric> CHART_METRICS = List.of(Metric.IMPORTS_FROM_PARTNER, Metric.EXPORTS_TO_PARTNER,
      Metric.PARTNER_EXPORTS);

  private final WorkbookContext ctx;
  private final XSSFSheet sheet;
  private final Cells cells;
  private final Styles st;

  SummarySheet(WorkbookContext ctx, XSSFSheet sheet) {
    this.ctx = ctx;
    this.sheet = sheet;
    this.cells = ctx.cells;
    this.st = ctx.styles;
  }

  void write() {
    Layout.widths(sheet, 28, 12, 40, 11, 12, 11, 11, 12, 11, 11, 12, 11);
    RunInfo info = ctx.data.info();
    cells.text(sheet, 0, 0, info.title(), st.title);
    cells.paragraph(sheet, 1, 0, LAST_COL, runLine(ctx), st.subtitle);
    cells.paragraph(sheet, 2, 0, LAST_COL, "Money in USD bn (billions of US dollars, world prices). Final year = "
        + ctx.labels.finalYear() + " (USD bn per year); whole horizon = " + ctx.labels.horizon()
        + " (USD bn in total). P50 is the median across trials, P5–P95 the 90 % interval; changes are "
        + "against the no-change baseline in the same trials.", st.subtitle);
    int r = 4;
    cells.text(sheet, r++, 0, "Key findings", st.section);
    for (ScenarioInfo s : ctx.data.compared()) {
      String sentence = ctx.sentences.headline(s.name());
      cells.paragraph(sheet, r++, 0, LAST_COL, sentence, st.sentence);
    }
    r++;
    int chartRow = r;
    boolean chart = hasChartData();
    if (chart) {
      r += CHART_ROWS + 1;
    }
    cells.text(sheet, r++, 0, "Headline indicators", st.section);
    for (Window w : List.of(Window.FINAL_YEAR, Window.HORIZON)) {
      r = headlineTable(r, w) + 1;
    }
    r = targets(r) + 1;
    if (chart) {
      chartData(r, chartRow);
    }
    sheet.createFreezePane(0, 2);
    Layout.print(sheet, info.runId(), 2);
  }

  /** e.g. "Run 42 · finished 2026-01-05 02:41 UTC · 10,000 trials (lhs, seed 20250402) · solver ces · ..." */
  static String runLine(WorkbookContext ctx) {
    RunInfo info = ctx.data.info();
    String finished = info.finishedAt() == null ? "not finished"
        : "finished " + info.finishedAt().toString().replace('T', ' ').replaceAll(":\\d\\d(\\.\\d+)?Z$", " UTC");
    return "Run " + info.runId() + " · " + finished + " · " + NumberText.fixed(info.trials(), 0) + " trials ("
        + info.sampling().label() + ", seed " + info.seed() + ") · solver " + info.solver().label() + " · horizon "
        + ctx.labels.horizon() + " · base year " + info.baseYear() + " · report " + ctx.generatedAt.toString()
        .substring(0, 10);
  }

  private int headlineTable(int r, Window window) {
    cells.text(sheet, r++, 0, ctx.labels.window(window), st.textBold);
    int group = r++;
    cells.merged(sheet, group, COL_LEVEL, COL_LEVEL + 2, "Level (" + ctx.labels.unit(window, Measure.LEVEL) + ")",
        st.groupHeader);
    cells.merged(sheet, group, COL_CHANGE, COL_CHANGE + 2, "Change vs baseline (USD bn)", st.groupHeader);
    cells.merged(sheet, group, COL_PCT, COL_PCT + 2, "% change vs baseline", st.groupHeader);
    cells.header(sheet, r++, 0, "Scenario", "Weight", "Indicator", "P5", "P50", "P95", "P5", "P50", "P95", "P5", "P50",
        "P95");
    for (ScenarioInfo s : ctx.data.scenarios()) {
      for (Metric m : ctx.data.headlineMetrics()) {
        cells.text(sheet, r, COL_SCENARIO, s.name());
        if (ctx.data.isBaseline(s.name())) {
          cells.text(sheet, r, COL_PROBABILITY, "reference", st.centredText);
        } else if (ctx.data.isOutlook(s.name())) {
          cells.text(sheet, r, COL_PROBABILITY, "weighted", st.centredText);
        } else {
          cells.number(sheet, r, COL_PROBABILITY, s.probability(), st.centred(Styles.PERCENT));
        }
        cells.text(sheet, r, COL_INDICATOR, ctx.labels.metric(m));
        triple(r, COL_LEVEL, ctx.data.total(s.name(), m, window, Measure.LEVEL), Measure.LEVEL);
        triple(r, COL_CHANGE, ctx.data.total(s.name(), m, window, Measure.CHANGE_VS_BASELINE),
            Measure.CHANGE_VS_BASELINE);
        triple(r, COL_PCT, ctx.data.total(s.name(), m, window, Measure.PCT_CHANGE_VS_BASELINE),
            Measure.PCT_CHANGE_VS_BASELINE);
        r++;
      }
    }
    return r;
  }

  /** P5, P50 (bold), P95 of a KPI in three cells, or dashes. */
  private void triple(int r, int c, Optional<Statistics> s, Measure measure) {
    cells.number(sheet, r, c, s.map(x -> x.percentiles().p5()), ctx.kpiStyle(measure, false));
    cells.number(sheet, r, c + 1, s.map(x -> x.percentiles().p50()), ctx.kpiStyle(measure, true));
    cells.number(sheet, r, c + 2, s.map(x -> x.percentiles().p95()), ctx.kpiStyle(measure, false));
  }

  /** Targets as a matrix: a row per target with its probability under each scenario, then its 95 % interval. */
  private int targets(int r) {
    List<TargetProbability> all = ctx.data.result().targets();
    if (all.isEmpty()) {
      return r;
    }
    cells.text(sheet, r++, 0, "Probability that each target is met", st.section);
    List<ScenarioInfo> columns = ctx.data.compared();
    List<String> header = new ArrayList<>(List.of("Target", "", "Definition"));
    columns.forEach(s -> header.add(s.name()));
    cells.header(sheet, r, 0, header.toArray(String[]::new));
    sheet.addMergedRegion(new CellRangeAddress(r, r, 0, 1));
    r++;
    for (String target : ctx.data.targetNames()) {
      cells.merged(sheet, r, 0, 1, target, st.wrap);
      cells.merged(sheet, r + 1, 0, 1, "  95 % confidence interval", st.note);
      cells.text(sheet, r, 2, ctx.data.targetRule(target), st.wrap);
      for (int i = 0; i < columns.size(); i++) {
        String scenario = columns.get(i).name();
        Optional<TargetProbability> t = all.stream()
            .filter(x -> x.target().equals(target) && x.scenario().equals(scenario)).findFirst();
        cells.number(sheet, r, 3 + i, t.map(TargetProbability::probability), st.number(Styles.PERCENT, true));
        cells.text(sheet, r + 1, 3 + i, t.map(x -> NumberText.fixed(x.ciLow() * 100, 1) + "–"
            + NumberText.fixed(x.ciHigh() * 100, 1) + " %").orElse(Cells.MISSING), st.note);
      }
      Cells.row(sheet, r).setHeightInPoints(30);
      r += 2;
    }
    return r;
  }

  private boolean hasChartData() {
    return ctx.data.compared().stream().anyMatch(s -> CHART_METRICS.stream().anyMatch(m ->
        ctx.data.total(s.name(), m, Window.FINAL_YEAR, Measure.PCT_CHANGE_VS_BASELINE).isPresent()));
  }

  /** The cells the native chart reads, and the chart itself at {@code chartRow}. */
  private void chartData(int r, int chartRow) {
    cells.text(sheet, r++, 0, "Chart data: median % change against baseline in " + ctx.labels.finalYear(),
        st.section);
    int head = r++;
    List<String> titles = new ArrayList<>(List.of("Scenario"));
    CHART_METRICS.forEach(m -> titles.add(ctx.labels.metric(m)));
    cells.header(sheet, head, 0, titles.toArray(String[]::new));
    int first = r;
    for (ScenarioInfo s : ctx.data.compared()) {
      cells.text(sheet, r, 0, s.name());
      for (int i = 0; i < CHART_METRICS.size(); i++) {
        Optional<Double> v = ctx.data.total(s.name(), CHART_METRICS.get(i), Window.FINAL_YEAR,
            Measure.PCT_CHANGE_VS_BASELINE).map(x -> x.percentiles().p50());
        if (v.isPresent()) {
          cells.number(sheet, r, 1 + i, v.get(), st.number(Styles.PERCENT));
        } else {
          Cells.row(sheet, r).createCell(1 + i); // a blank: the chart leaves a gap
        }
      }
      r++;
    }
    int last = r - 1;
    byte[][] colours = {NativeCharts.BLUE, NativeCharts.VERMILLION, NativeCharts.GREEN};
    List<NativeCharts.Series> series = new ArrayList<>();
    for (int i = 0; i < CHART_METRICS.size(); i++) {
      series.add(new NativeCharts.Series(new CellRangeAddress(first, last, 1 + i, 1 + i),
          new CellReference(sheet.getSheetName(), head, 1 + i, true, true), colours[i]));
    }
    NativeCharts.columns(sheet, new NativeCharts.Box(chartRow, 0, chartRow + CHART_ROWS, 6),
        "Change against baseline in " + ctx.labels.finalYear() + " (median across trials)",
        new CellRangeAddress(first, last, 0, 0), series, "% change vs baseline", "0%");
  }
}
