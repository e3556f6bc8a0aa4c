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
import org.tariffcast.reporting.text.ModelRange;
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
  static final int COL_CHANGE = 4;
  static final int COL_PCT = 7;
  static final int LAST_COL = 9;
  /** Domain warnings named in the summary's paragraph; the Assumptions sheet lists them all. */
  static final int MAX_RANGE_WARNINGS = 4;
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
    Layout.widths(sheet, 26, 11, 40, 12, 11, 12, 11, 10, 11, 10);
    ctx.fitIndicators(sheet, COL_INDICATOR);
    RunInfo info = ctx.data.info();
    cells.text(sheet, 0, 0, info.title(), st.title);
    cells.paragraph(sheet, 1, 0, LAST_COL, runLine(ctx), st.subtitle);
    cells.paragraph(sheet, 2, 0, LAST_COL, ctx.labels.word("wb.summary.money", "Money in nominal USD bn (billions of US dollars at world prices). Final year = "
        + ctx.labels.finalYear() + " (USD bn per year). The headline statistic, used on every sheet and chart, is the "
        + "median (P50) across trials with its 90 % interval (P5 to P95); where a mean is shown it says so. Changes are "
        + "against the no-change baseline (" + info.baseYear() + " tariffs kept for the whole horizon) in the same trials.",
        ctx.labels.finalYear(), Integer.toString(info.baseYear())),
        st.subtitle);
    int r = 4;
    var findings = ctx.findings();
    cells.text(sheet, r++, 0, findings.map(f -> f.words("summary.keyFindings")).orElse("Key findings"), st.section);
    for (ScenarioInfo s : ctx.data.compared()) {
      String sentence = findings.map(f -> f.headline(s.name())).orElseGet(() -> ctx.sentences.headline(s.name()));
      cells.paragraph(sheet, r++, 0, LAST_COL, sentence, st.sentence);
    }
    if (findings.isPresent()) {
      for (String aim : findings.get().aims()) {
        cells.paragraph(sheet, r++, 0, LAST_COL, "\u2022 " + aim, st.sentence);
      }
    }
    Optional<String> range = ModelRange.paragraph(ctx.data.result().domainWarnings(), MAX_RANGE_WARNINGS);
    if (range.isPresent()) {
      cells.paragraph(sheet, r++, 0, LAST_COL, range.get(), st.warning);
    }
    cells.paragraph(sheet, r++, 0, LAST_COL, ctx.labels.word("wb.summary.intervals", "The 90 % intervals carry the "
        + "uncertainty the model was given (elasticities, dates, demand); the margin on a probability is Monte Carlo "
        + "sampling noise only. Neither covers doubt about the model itself or its data: see the annex, sheet "
        + SheetNames.ASSUMPTIONS + ".", SheetNames.ASSUMPTIONS), st.subtitle);
    r++;
    List<org.tariffcast.reporting.charts.RenderedChart> comparison = ctx.chartsFor(SheetNames.SCENARIOS).stream()
        .filter(c -> c.fileName().equals("scenario-comparison.png")).toList();
    r = ctx.pictures(sheet, comparison, r);
    int tableStart = r;
    String window = ctx.labels.window(Window.FINAL_YEAR).toLowerCase(java.util.Locale.ROOT);
    cells.text(sheet, r++, 0, ctx.labels.word("wb.summary.headline", "Headline indicators, " + window, window),
        st.section);
    r = headlineTable(r, Window.FINAL_YEAR);
    ctx.keep(sheet, tableStart, tableStart + 4);
    int targetStart = r;
    r = targets(r) + 1;
    ctx.keep(sheet, targetStart, Math.min(r, targetStart + 4));
    sheet.createFreezePane(0, 2);
    ctx.print(sheet, 2);
  }

  /** e.g. "Run 42 · finished 2026-01-05 02:41 UTC · 10,000 trials (lhs, seed 20250402) · solver ces · ..." */
  static String runLine(WorkbookContext ctx) {
    RunInfo info = ctx.data.info();
    var l = ctx.labels;
    String when = info.finishedAt() == null ? null
        : info.finishedAt().toString().replace('T', ' ').replaceAll(":\\d\\d(\\.\\d+)?Z$", " UTC");
    String finished = when == null ? l.word("wb.notFinished", "not finished") : l.word("wb.finished", "finished " + when, when);
    String trials = l.messages().map(m -> m.fixed(info.trials(), 0)).orElse(NumberText.fixed(info.trials(), 0));
    return l.word("wb.runLine", "Run " + info.runId() + " · " + finished + " · " + trials + " trials ("
        + info.sampling().label() + ", seed " + info.seed() + ") · solver " + info.solver().label() + " · horizon "
        + l.horizon() + " · base year " + info.baseYear() + " · report " + ctx.generatedAt.toString()
        .substring(0, 10), Long.toString(info.runId()), finished, trials, info.sampling().label(),
        Long.toString(info.seed()), info.solver().label(), l.horizon(), Integer.toString(info.baseYear()),
        ctx.generatedAt.toString().substring(0, 10));
  }

  private int headlineTable(int r, Window window) {
    cells.text(sheet, r++, 0, ctx.labels.window(window), st.textBold);
    int group = r++;
    var l = ctx.labels;
    cells.text(sheet, group, COL_LEVEL, l.measure(Measure.LEVEL), st.groupHeader);
    cells.merged(sheet, group, COL_CHANGE, COL_CHANGE + 2, l.word("wb.column.changeUsd", "Change vs baseline (USD bn)"),
        st.groupHeader);
    cells.merged(sheet, group, COL_PCT, COL_PCT + 2, l.measure(Measure.PCT_CHANGE_VS_BASELINE), st.groupHeader);
    cells.header(sheet, r++, 0, l.word("column.scenario", "Scenario"), l.word("column.probability", "Probability"),
        l.word("wb.column.indicator", "Indicator"), l.word("wb.column.p50usd", "P50 (USD bn)"), "P5", "P50", "P95", "P5",
        "P50", "P95");
    for (ScenarioInfo s : ctx.data.scenarios()) {
      for (Metric m : ctx.data.headlineMetrics()) {
        cells.text(sheet, r, COL_SCENARIO, ctx.data.isOutlook(s.name()) ? ctx.labels.word("scenario.outlook", s.name())
            : s.name());
        if (ctx.data.isBaseline(s.name())) {
          cells.text(sheet, r, COL_PROBABILITY, ctx.labels.word("wb.scenario.reference", "reference"), st.centredText);
        } else if (ctx.data.isOutlook(s.name())) {
          cells.text(sheet, r, COL_PROBABILITY, ctx.labels.word("wb.scenario.weighted", "weighted"), st.centredText);
        } else {
          cells.number(sheet, r, COL_PROBABILITY, s.probability(), st.centred(Styles.PERCENT));
        }
        cells.text(sheet, r, COL_INDICATOR, ctx.labels.metric(m));
        cells.number(sheet, r, COL_LEVEL, ctx.data.total(s.name(), m, window, Measure.LEVEL)
            .map(x -> x.percentiles().p50()), ctx.kpiStyle(Measure.LEVEL, true));
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

  /**
   * Targets as a matrix: a row per target, in words, with its probability under each scenario
   * ("< 0.1 %" and "> 99.9 %" near 0 and 1), and a note on the largest sampling margin.
   */
  private int targets(int r) {
    List<TargetProbability> all = ctx.data.result().targets();
    if (all.isEmpty()) {
      return r;
    }
    var l = ctx.labels;
    cells.text(sheet, r++, 0, l.word("wb.aims.heading", "Probability that each aim is met"), st.section);
    List<ScenarioInfo> columns = ctx.data.compared();
    List<String> header = new ArrayList<>(List.of(l.word("wb.aims.aim", "Aim"), "", ""));
    columns.forEach(s -> header.add(ctx.data.isOutlook(s.name()) ? l.word("scenario.outlook", "Outlook (weighted)")
        : s.name()));
    cells.header(sheet, r, 0, header.toArray(String[]::new));
    sheet.addMergedRegion(new CellRangeAddress(r, r, 0, 2));
    r++;
    var findings = ctx.findings();
    double margin = 0;
    for (String target : ctx.data.targetNames()) {
      String definition = ctx.data.targetRule(target);
      // in the report's language and from its side, the brief's words for the aim; else the study's name and rule
      String words = findings.isPresent() ? findings.get().aimWords(target)
          : target + (definition.isEmpty() ? "" : " (" + TargetWords.of(definition, ctx.labels) + ")");
      cells.merged(sheet, r, 0, 2, words, st.wrap);
      for (int i = 0; i < columns.size(); i++) {
        String scenario = columns.get(i).name();
        Optional<TargetProbability> t = all.stream()
            .filter(x -> x.target().equals(target) && x.scenario().equals(scenario)).findFirst();
        cells.text(sheet, r, 3 + i, t.map(x -> l.messages().map(m -> m.probability(x.probability()))
            .orElse(NumberText.probabilityText(x.probability()))).orElse(Cells.MISSING),
            st.rightBold);
        if (t.isPresent()) {
          margin = Math.max(margin, Math.max(t.get().probability() - t.get().ciLow(), t.get().ciHigh()
              - t.get().probability()));
        }
      }
      double width = 0;
      for (int c = 0; c <= 2; c++) {
        width += TextWidth.columnPoints(sheet.getColumnWidth(c));
      }
      int lines = TextWidth.lines(words, width - 6, Styles.BODY_POINTS, false);
      Cells.row(sheet, r).setHeightInPoints((float) Math.max(sheet.getDefaultRowHeightInPoints(),
          lines * TextWidth.LINE_POINTS + 3));
      r++;
    }
    double pp = margin * 100;
    String points = l.messages().map(m -> m.fixed(pp, 1)).orElse(NumberText.fixed(pp, 1));
    cells.paragraph(sheet, r++, 0, LAST_COL, l.word("wb.aims.margin", "Each probability is the share of trials that meet "
        + "the aim; its sampling margin (95 %) is at most ±" + points + " percentage points. That margin is "
        + "sampling noise, not doubt about the model.", points), st.subtitle);
    return r;
  }
}
