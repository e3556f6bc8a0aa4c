package org.tariffcast.reporting.charts;

import java.awt.Color;
import java.awt.geom.Ellipse2D;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.SymbolAxis;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYErrorRenderer;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;
import org.tariffcast.model.result.Measure;
import org.tariffcast.model.result.Metric;
import org.tariffcast.model.result.Percentiles;
import org.tariffcast.model.result.ScenarioInfo;
import org.tariffcast.model.result.Statistics;
import org.tariffcast.model.result.Window;
import org.tariffcast.reporting.workbook.SheetNames;

/**
 * Scenario comparison: for each scenario and the outlook, the final-year percentage change
 * against baseline of the home region's imports from and exports to the partner and of the
 * partner's exports to the world, as a median dot with its P5–P95 whisker.
 */
public final class ComparisonChart {
  static final int WIDTH = 900;
  static final List<Metric> METRICS = List.of(Metric.IMPORTS_FROM_PARTNER, Metric.EXPORTS_TO_PARTNER,
      Metric.PARTNER_EXPORTS);

  private ComparisonChart() {}

  static int height(int scenarios) {
    return 190 + 70 * scenarios;
  }

  /** The words of the chart: English from the run's labels (the workbook), or the brief's language and perspective. */
  public record Words(String title, String axis, String source, String outlook,
      java.util.function.Function<Metric, String> metric) {}

  /**
   * The words from the message bundle: the brief's and, when the report is not English or takes the
   * partner's side, the workbook's.
   */
  public static Words words(org.tariffcast.reporting.text.Messages m, String inFinalYear, String finalYear,
      java.util.function.Function<Metric, String> metric) {
    return new Words(m.get("chart.title", inFinalYear), m.get("chart.axis", finalYear), m.get("chart.source"),
        m.get("scenario.outlook"), metric);
  }

  static Words english(ChartContext ctx) {
    if (ctx.labels.messages().isPresent()) {
      return words(ctx.labels.messages().get(), ctx.labels.inFinalYear(), ctx.labels.finalYear(), ctx.labels::metric);
    }
    return new Words("Scenarios compared: change against baseline " + ctx.labels.inFinalYear(),
        "% change against baseline, " + ctx.labels.finalYear(), "Dot: median across trials; whisker: 90 % interval (P5–P95)",
        "Outlook (weighted)", ctx.labels::metric);
  }

  static Optional<RenderedChart> render(ChartContext ctx) {
    return chart(ctx, english(ctx)).map(chart -> ctx.render("scenario-comparison.png", SheetNames.SCENARIOS, chart,
        WIDTH, height(ctx.data.compared().size())));
  }

  static Optional<JFreeChart> chart(ChartContext ctx, Words words) {
    List<ScenarioInfo> scenarios = ctx.data.compared();
    YIntervalSeriesCollection dataset = new YIntervalSeriesCollection();
    List<Metric> shown = new ArrayList<>();
    int n = METRICS.size();
    for (int m = 0; m < n; m++) {
      Metric metric = METRICS.get(m);
      YIntervalSeries series = new YIntervalSeries(words.metric().apply(metric));
      double offset = (m - (n - 1) / 2.0) * 0.22;
      for (int i = 0; i < scenarios.size(); i++) {
        Optional<Statistics> s = ctx.data.total(scenarios.get(i).name(), metric, Window.FINAL_YEAR,
            Measure.PCT_CHANGE_VS_BASELINE);
        if (s.isPresent()) {
          Percentiles p = s.get().percentiles();
          series.add(i + offset, p.p50(), p.p5(), p.p95());
        }
      }
      if (series.getItemCount() > 0) {
        dataset.addSeries(series);
        shown.add(metric);
      }
    }
    if (shown.isEmpty()) {
      return Optional.empty();
    }
    SymbolAxis scenarioAxis = new SymbolAxis(null,
        scenarios.stream().map(s -> ctx.data.isOutlook(s.name()) ? words.outlook() : ChartStyle.shorten(s.name(), 40))
            .toArray(String[]::new));
    scenarioAxis.setGridBandsVisible(false);
    scenarioAxis.setInverted(true);
    scenarioAxis.setLowerMargin(0.0);
    scenarioAxis.setUpperMargin(0.0);
    scenarioAxis.setRange(-0.6, scenarios.size() - 0.4);
    XYErrorRenderer renderer = new XYErrorRenderer();
    renderer.setDrawXError(false);
    renderer.setDrawYError(true);
    renderer.setCapLength(7);
    renderer.setErrorStroke(ChartStyle.solid(2f));
    renderer.setDefaultLinesVisible(false);
    renderer.setDefaultShapesVisible(true);
    for (int i = 0; i < shown.size(); i++) {
      Color c = ChartStyle.PALETTE.get(i);
      renderer.setSeriesPaint(i, c);
      renderer.setSeriesShape(i, new Ellipse2D.Double(-5, -5, 10, 10));
    }
    XYPlot plot = new XYPlot(dataset, scenarioAxis,
        ChartStyle.numberAxis(words.axis(), "0.0%"), renderer);
    plot.setOrientation(PlotOrientation.HORIZONTAL);
    plot.setDomainGridlinesVisible(false);
    plot.addRangeMarker(new ValueMarker(0, ChartStyle.MUTED, ChartStyle.solid(1f)));
    JFreeChart chart = new JFreeChart(words.title(),
        ChartStyle.TITLE, plot, true);
    ctx.style.finish(chart, words.source());
    scenarioAxis.setTickLabelFont(ChartStyle.AXIS_LABEL);
    return Optional.of(chart);
  }
}
