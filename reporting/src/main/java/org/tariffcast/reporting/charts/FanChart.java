package org.tariffcast.reporting.charts;

import java.awt.Color;
import java.util.Optional;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.LegendItemCollection;
import org.jfree.chart.plot.DatasetRenderingOrder;
import org.jfree.chart.plot.SeriesRenderingOrder;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.DeviationRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;
import org.tariffcast.model.result.KpiKey;
import org.tariffcast.model.result.Metric;
import org.tariffcast.model.result.Percentiles;
import org.tariffcast.model.result.Statistics;
import org.tariffcast.model.scenario.Scenario;
import org.tariffcast.model.time.YearQuarter;
import org.tariffcast.reporting.text.NumberText;
import org.tariffcast.reporting.workbook.SheetNames;

/**
 * Fan chart of the bilateral balance of one scenario by quarter: the P5–P95 and P25–P75 bands
 * across trials, the median, and the baseline's median for reference. USD bn per quarter.
 */
final class FanChart {
  static final int WIDTH = 900;
  static final int HEIGHT = 500;

  private FanChart() {}

  static Optional<RenderedChart> render(ChartContext ctx, String scenario) {
    Metric metric = Metric.BILATERAL_BALANCE;
    if (!ctx.data.hasSeries(scenario, metric, KpiKey.TOTAL)) {
      return Optional.empty();
    }
    YIntervalSeries outer = new YIntervalSeries(ctx.labels.word("chart.fan.band90", "90 % band (P5–P95)"));
    YIntervalSeries inner = new YIntervalSeries(ctx.labels.word("chart.fan.band50", "50 % band (P25–P75)"));
    var l = ctx.labels;
    XYSeries median = new XYSeries(l.word("chart.fan.median", "Median"));
    XYSeries baseline = new XYSeries(l.word("chart.fan.baseline", "Baseline median"));
    for (YearQuarter q : ctx.data.quarters()) {
      double x = QuarterAxis.x(q);
      Optional<Statistics> s = ctx.data.series(scenario, metric, KpiKey.TOTAL, q);
      if (s.isPresent()) {
        Percentiles p = s.get().percentiles();
        outer.add(x, bn(p.p50()), bn(p.p5()), bn(p.p95()));
        inner.add(x, bn(p.p50()), bn(p.p25()), bn(p.p75()));
        median.add(x, bn(p.p50()));
      }
      if (!ctx.data.isBaseline(scenario)) {
        ctx.data.series(Scenario.BASELINE, metric, KpiKey.TOTAL, q)
            .ifPresent(b -> baseline.add(x, bn(b.percentiles().p50())));
      }
    }
    Color colour = ctx.colour(scenario);
    YIntervalSeriesCollection bands = new YIntervalSeriesCollection();
    bands.addSeries(outer);
    bands.addSeries(inner);
    DeviationRenderer bandRenderer = new DeviationRenderer(true, false);
    bandRenderer.setAlpha(1f);
    bandRenderer.setSeriesFillPaint(0, blend(colour, 0.22));
    bandRenderer.setSeriesFillPaint(1, blend(colour, 0.45));
    bandRenderer.setSeriesPaint(0, ChartStyle.withAlpha(colour, 0));
    bandRenderer.setSeriesPaint(1, ChartStyle.withAlpha(colour, 0));
    bandRenderer.setSeriesStroke(0, ChartStyle.solid(0.1f));
    bandRenderer.setSeriesStroke(1, ChartStyle.solid(0.1f));

    XYSeriesCollection lines = new XYSeriesCollection();
    lines.addSeries(median);
    if (baseline.getItemCount() > 0) {
      lines.addSeries(baseline);
    }
    XYLineAndShapeRenderer lineRenderer = new XYLineAndShapeRenderer(true, false);
    lineRenderer.setSeriesPaint(0, colour.darker());
    lineRenderer.setSeriesStroke(0, ChartStyle.solid(2.5f));
    lineRenderer.setSeriesPaint(1, ChartStyle.BASELINE);
    lineRenderer.setSeriesStroke(1, ChartStyle.dashed(1.8f));

    XYPlot plot = new XYPlot();
    plot.setDomainAxis(QuarterAxis.create(l.word("wb.outlook.quarter", "Quarter")));
    var range = ChartStyle.numberAxis(l.word("chart.fan.axis", "USD bn per quarter, nominal (negative: "
        + ctx.labels.home() + " deficit)", l.homeAdjective()),
        "#,##0.0");
    double[] shared = sharedRange(ctx, metric);
    range.setRange(shared[0], shared[1]);
    plot.setRangeAxis(range);
    plot.setDataset(0, lines);
    plot.setRenderer(0, lineRenderer);
    plot.setDataset(1, bands);
    plot.setRenderer(1, bandRenderer);
    // REVERSE draws the highest index first: the bands go under the lines
    plot.setDatasetRenderingOrder(DatasetRenderingOrder.REVERSE);
    // FORWARD draws series 0 (the 90 % band) first, so the 50 % band lies on top of it
    plot.setSeriesRenderingOrder(SeriesRenderingOrder.FORWARD);
    LegendItemCollection legend = new LegendItemCollection();
    legend.add(ChartStyle.legendLine(l.word("chart.fan.median", "Median"), colour.darker(), ChartStyle.solid(2.5f)));
    legend.add(ChartStyle.legendBox(l.word("chart.fan.band50", "50 % band (P25–P75)"), blend(colour, 0.45)));
    legend.add(ChartStyle.legendBox(l.word("chart.fan.band90", "90 % band (P5–P95)"), blend(colour, 0.22)));
    if (baseline.getItemCount() > 0) {
      legend.add(ChartStyle.legendLine(l.word("chart.fan.baseline", "Baseline median"), ChartStyle.BASELINE, ChartStyle.dashed(1.8f)));
    }
    plot.setFixedLegendItems(legend);
    ValueMarker zero = new ValueMarker(0, ChartStyle.MUTED, ChartStyle.solid(0.8f));
    plot.addRangeMarker(zero);

    String who = ctx.data.isOutlook(scenario) ? l.word("chart.fan.outlook",
        "the outlook (all scenarios weighted by probability)") : l.word("wb.tornado.scenario", scenario, scenario);
    JFreeChart chart = new JFreeChart(l.word("chart.fan.title", l.metric(metric) + " under " + who, l.metric(metric),
        who), ChartStyle.TITLE, plot, true);
    String trials = l.messages().map(m -> m.fixed(ctx.data.info().trials(), 0))
        .orElse(NumberText.fixed(ctx.data.info().trials(), 0));
    ctx.style.finish(chart, l.word("chart.fan.subtitle", "Median with 50 % and 90 % bands across " + trials
        + " trials, by quarter; dashed: baseline median. Same scale on every scenario's chart", trials));
    return Optional.of(ctx.render("fan-balance-" + ctx.filePart(scenario) + ".png", SheetNames.OUTLOOK, chart, WIDTH,
        HEIGHT));
  }

  /**
   * One value range (USD bn) for the fan charts of every scenario, from the lowest P5 to the
   * highest P95 of any scenario and the baseline, padded by 5 %: charts that are compared side by
   * side share their scale, so a wider fan is a wider fan.
   */
  static double[] sharedRange(ChartContext ctx, Metric metric) {
    double lo = Double.POSITIVE_INFINITY;
    double hi = Double.NEGATIVE_INFINITY;
    for (var s : ctx.data.scenarios()) {
      for (YearQuarter q : ctx.data.quarters()) {
        Optional<Statistics> st = ctx.data.series(s.name(), metric, KpiKey.TOTAL, q);
        if (st.isPresent()) {
          lo = Math.min(lo, bn(st.get().percentiles().p5()));
          hi = Math.max(hi, bn(st.get().percentiles().p95()));
        }
      }
    }
    lo = Math.min(lo, 0);
    hi = Math.max(hi, 0);
    double pad = Math.max((hi - lo) * 0.05, 0.1);
    return new double[] {lo - pad, hi + pad};
  }

  private static double bn(double usd) {
    return usd / 1e9;
  }

  /** The colour mixed with white: 0 is white, 1 is the colour itself. */
  static Color blend(Color c, double weight) {
    return new Color((int) Math.round(255 - (255 - c.getRed()) * weight),
        (int) Math.round(255 - (255 - c.getGreen()) * weight), (int) Math.round(255 - (255 - c.getBlue()) * weight));
  }
}
