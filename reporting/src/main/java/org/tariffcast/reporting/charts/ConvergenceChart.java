package org.tariffcast.reporting.charts;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.DeviationRenderer;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;
import org.tariffcast.model.result.ConvergencePoint;
import org.tariffcast.model.result.Indicator;
import org.tariffcast.model.result.KpiKey;
import org.tariffcast.model.result.ScenarioInfo;
import org.tariffcast.reporting.text.NumberText;
import org.tariffcast.reporting.workbook.SheetNames;

/**
 * Convergence of the headline KPI: its running mean under each scenario and the outlook against
 * the number of trials, with the 95 % confidence band of the mean (mean ± 1.96 standard errors).
 */
final class ConvergenceChart {
  static final int WIDTH = 900;
  static final int HEIGHT = 500;

  private ConvergenceChart() {}

  /**
   * The indicator the chart follows: the first of the study's headline indicators with
   * convergence points, else the first indicator (in report order) that has any.
   */
  static Optional<Indicator> followed(ChartContext ctx) {
    List<ConvergencePoint> points = ctx.data.result().convergence();
    for (Indicator headline : ctx.data.description().headlines()) {
      if (points.stream().anyMatch(p -> Indicator.of(p.kpi()).equals(headline))) {
        return Optional.of(headline);
      }
    }
    return points.stream().map(ConvergencePoint::kpi).min(ctx.data.kpiOrder()).map(Indicator::of);
  }

  static Optional<RenderedChart> render(ChartContext ctx) {
    Optional<Indicator> followed = followed(ctx);
    if (followed.isEmpty()) {
      return Optional.empty();
    }
    boolean fraction = followed.get().measure().isFraction();
    double unit = fraction ? 1 : 1e9;
    YIntervalSeriesCollection dataset = new YIntervalSeriesCollection();
    DeviationRenderer renderer = new DeviationRenderer(true, true);
    renderer.setAlpha(0.18f);
    long minTrials = Long.MAX_VALUE;
    long maxTrials = 0;
    int index = 0;
    for (ScenarioInfo s : ctx.data.scenarios()) {
      KpiKey key = followed.get().key(s.name());
      List<ConvergencePoint> points = ctx.data.result().convergence().stream().filter(p -> p.kpi().equals(key))
          .sorted(Comparator.comparingLong(ConvergencePoint::trials)).toList();
      if (points.isEmpty()) {
        continue;
      }
      YIntervalSeries series = new YIntervalSeries(ctx.data.isOutlook(s.name()) ? "Outlook (weighted)" : s.name());
      for (ConvergencePoint p : points) {
        double half = 1.959963984540054 * p.standardError();
        series.add(p.trials(), p.mean() / unit, (p.mean() - half) / unit, (p.mean() + half) / unit);
        minTrials = Math.min(minTrials, p.trials());
        maxTrials = Math.max(maxTrials, p.trials());
      }
      dataset.addSeries(series);
      renderer.setSeriesPaint(index, ctx.colour(s.name()));
      renderer.setSeriesFillPaint(index, ctx.colour(s.name()));
      renderer.setSeriesStroke(index, ChartStyle.solid(2f));
      renderer.setSeriesShape(index, new java.awt.geom.Ellipse2D.Double(-3, -3, 6, 6));
      index++;
    }
    if (index == 0) {
      return Optional.empty();
    }
    ValueAxis trials;
    if (maxTrials >= 20 * minTrials) {
      TrialsAxis log = new TrialsAxis("Trials (log scale)");
      log.setRange(minTrials * 0.8, maxTrials * 1.25);
      trials = log;
    } else {
      NumberAxis lin = ChartStyle.numberAxis("Trials", "#,##0");
      lin.setAutoRangeIncludesZero(true);
      trials = lin;
    }
    NumberAxis value = ChartStyle.numberAxis(fraction ? ctx.labels.measure(followed.get().measure()) : "USD bn",
        fraction ? "0.0%" : "#,##0.0");
    XYPlot plot = new XYPlot(dataset, trials, value, renderer);
    JFreeChart chart = new JFreeChart("Convergence of the estimate as trials accumulate", ChartStyle.TITLE, plot, true);
    ctx.style.finish(chart, "KPI: " + ctx.labels.kpi(followed.get()) + ". Line: running mean; band: 95 % confidence interval");
    return Optional.of(ctx.render("convergence.png", SheetNames.CONVERGENCE, chart, WIDTH, HEIGHT));
  }
}
