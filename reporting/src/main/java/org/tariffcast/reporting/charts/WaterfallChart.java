package org.tariffcast.reporting.charts;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.renderer.category.WaterfallBarRenderer;
import org.jfree.data.category.DefaultCategoryDataset;
import org.tariffcast.model.result.Measure;
import org.tariffcast.model.result.Metric;
import org.tariffcast.model.result.Statistics;
import org.tariffcast.model.result.Window;
import org.tariffcast.model.scenario.Scenario;
import org.tariffcast.reporting.text.NumberText;
import org.tariffcast.reporting.workbook.SheetNames;

/**
 * Sector waterfall of the final-year change in the home region's imports from the partner: from
 * the baseline's total through each sector's change against baseline (largest first) to the
 * scenario's total. Means are used because they add up (medians do not); USD bn per year.
 */
final class WaterfallChart {
  static final int WIDTH = 900;
  static final int MAX_SECTORS = 10;
  static final Metric METRIC = Metric.IMPORTS_FROM_PARTNER;
  /** Share of the chart's width given to the sector names, and the lines a name may wrap to. */
  static final float LABEL_WIDTH_RATIO = 0.38f;
  static final int LABEL_LINES = 4;
  /** Height of one bar's row in pixels: room for three lines of a wrapped name. */
  static final int ROW_PX = 46;

  private WaterfallChart() {}

  /** One step: a sector and its mean final-year change against baseline, USD per year. */
  record Step(String label, double change) {}

  /** The sector steps of a scenario, largest absolute change first, or empty if the run has no sector detail. */
  static List<Step> steps(ChartContext ctx, String scenario) {
    List<Step> steps = new ArrayList<>();
    for (String sector : ctx.data.breakdowns(METRIC)) {
      sectorChange(ctx, scenario, sector).ifPresent(c -> steps.add(new Step(ctx.labels.breakdown(sector), c)));
    }
    steps.sort(Comparator.comparingDouble((Step s) -> -Math.abs(s.change())).thenComparing(Step::label));
    return steps;
  }

  private static Optional<Double> sectorChange(ChartContext ctx, String scenario, String sector) {
    Optional<Statistics> change = ctx.data.kpi(scenario, METRIC, sector, Window.FINAL_YEAR, Measure.CHANGE_VS_BASELINE);
    if (change.isPresent()) {
      return Optional.of(change.get().mean());
    }
    Optional<Statistics> level = ctx.data.kpi(scenario, METRIC, sector, Window.FINAL_YEAR, Measure.LEVEL);
    Optional<Statistics> base = ctx.data.kpi(Scenario.BASELINE, METRIC, sector, Window.FINAL_YEAR, Measure.LEVEL);
    if (level.isPresent() && base.isPresent()) {
      return Optional.of(level.get().mean() - base.get().mean());
    }
    return Optional.empty();
  }

  static Optional<RenderedChart> render(ChartContext ctx, String scenario) {
    Optional<Statistics> base = ctx.data.total(Scenario.BASELINE, METRIC, Window.FINAL_YEAR, Measure.LEVEL);
    Optional<Statistics> end = ctx.data.total(scenario, METRIC, Window.FINAL_YEAR, Measure.LEVEL);
    List<Step> steps = steps(ctx, scenario);
    if (base.isEmpty() || end.isEmpty() || steps.isEmpty()) {
      return Optional.empty();
    }
    List<Step> shown = new ArrayList<>(steps.subList(0, Math.min(MAX_SECTORS, steps.size())));
    double rest = steps.subList(shown.size(), steps.size()).stream().mapToDouble(Step::change).sum();
    if (steps.size() > shown.size()) {
      String n = Integer.toString(steps.size() - shown.size());
      shown.add(new Step(ctx.labels.word("chart.waterfall.other", "Other sectors (" + n + ")", n), rest));
    }
    double start = base.get().mean();
    double finish = end.get().mean();
    double residual = finish - start - shown.stream().mapToDouble(Step::change).sum();
    if (Math.abs(residual) > 0.005 * Math.max(Math.abs(start), 1)) {
      shown.add(new Step(ctx.labels.word("chart.waterfall.residual", "Not allocated to sectors"), residual));
    }
    DefaultCategoryDataset dataset = new DefaultCategoryDataset();
    String series = "Imports";
    java.util.Set<String> used = new java.util.HashSet<>();
    dataset.addValue(bn(start), series, ChartStyle.distinct(ctx.labels.word("chart.waterfall.baseline", "Baseline (no change)"), used));
    for (Step s : shown) {
      dataset.addValue(bn(s.change()), series, ChartStyle.distinct(s.label(), used));
    }
    String who = ctx.data.isOutlook(scenario) ? ctx.labels.word("scenario.outlook", "Outlook (scenarios weighted)")
        : scenario;
    dataset.addValue(bn(finish), series, ChartStyle.distinct(who, used));
    // both totals in the totals' colour, rises and falls in theirs
    WaterfallBarRenderer renderer = new WaterfallBarRenderer(ChartStyle.LEVEL, ChartStyle.POSITIVE, ChartStyle.NEGATIVE,
        ChartStyle.LEVEL);
    renderer.setBarPainter(new StandardBarPainter());
    renderer.setShadowVisible(false);
    renderer.setDrawBarOutline(false);
    int last = shown.size() + 1;
    renderer.setDefaultItemLabelGenerator(new org.jfree.chart.labels.StandardCategoryItemLabelGenerator() {
      @Override
      public String generateLabel(org.jfree.data.category.CategoryDataset d, int row, int column) {
        double v = d.getValue(row, column).doubleValue() * 1e9;
        return column == 0 || column == last ? NumberText.bn(v) : signed(v);
      }
    });
    renderer.setDefaultItemLabelsVisible(true);
    renderer.setDefaultItemLabelFont(ChartStyle.ITEM_LABEL.deriveFont(11f));
    renderer.setDefaultItemLabelPaint(ChartStyle.TEXT);
    renderer.setDefaultPositiveItemLabelPosition(new org.jfree.chart.labels.ItemLabelPosition(
        org.jfree.chart.labels.ItemLabelAnchor.OUTSIDE3, org.jfree.chart.ui.TextAnchor.CENTER_LEFT));
    renderer.setDefaultNegativeItemLabelPosition(new org.jfree.chart.labels.ItemLabelPosition(
        org.jfree.chart.labels.ItemLabelAnchor.OUTSIDE9, org.jfree.chart.ui.TextAnchor.CENTER_RIGHT));
    renderer.setItemLabelAnchorOffset(4);
    CategoryAxis axis = new CategoryAxis(null);
    axis.setMaximumCategoryLabelWidthRatio(LABEL_WIDTH_RATIO);
    axis.setMaximumCategoryLabelLines(LABEL_LINES);
    axis.setCategoryMargin(0.3);
    NumberAxis value = ChartStyle.numberAxis(ctx.labels.word("chart.waterfall.axis",
        "USD bn per year, nominal (axis starts at zero)"), "#,##0.0");
    double high = Math.max(start, finish);
    double running = start;
    for (Step s : shown) {
      running += s.change();
      high = Math.max(high, running);
    }
    value.setRange(0, bn(high * 1.12));
    CategoryPlot plot = new CategoryPlot(dataset, axis, value, renderer);
    plot.setOrientation(PlotOrientation.HORIZONTAL);
    var l = ctx.labels;
    JFreeChart chart = new JFreeChart(l.word("chart.waterfall.title", l.metric(METRIC) + " " + l.inFinalYear()
        + ", by sector", l.metric(METRIC), l.inFinalYear()), ChartStyle.TITLE, plot, false);
    String to = ctx.data.isOutlook(scenario) ? l.word("wb.tornado.outlook", "the outlook")
        : l.word("wb.tornado.scenario", scenario, scenario);
    ctx.style.finish(chart, l.word("chart.waterfall.subtitle", "From the baseline to " + to + ": MEAN change by sector "
        + "against baseline (means add up; medians do not), largest first; USD bn per year, nominal", to));
    int height = 170 + ROW_PX * (shown.size() + 2);
    return Optional.of(ctx.render("waterfall-imports-" + ctx.filePart(scenario) + ".png", SheetNames.SECTORS, chart,
        WIDTH, height));
  }

  private static String signed(double usd) {
    String s = NumberText.bn(usd);
    return s.startsWith("-") ? "−" + s.substring(1) : "+" + s;
  }

  private static double bn(double usd) {
    return usd / 1e9;
  }
}
