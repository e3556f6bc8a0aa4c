package org.tariffcast.reporting.charts;

import java.util.ArrayList;
import java.util.List;
import org.tariffcast.model.result.ScenarioInfo;
import org.tariffcast.reporting.content.ReportData;
import org.tariffcast.reporting.text.Labels;

/**
 * Renders every chart of a run as PNG in memory: fan charts of the balance per scenario and the
 * outlook, the scenario comparison, the distribution of the final-year balance, a tornado of
 * drivers and a sector waterfall per scenario and the outlook, and the convergence chart. A
 * chart whose data the run lacks is left out rather than drawn empty.
 */
public final class ChartBook {
  private final PngRenderer png;
  private final int topDrivers;
  private java.util.Map<String, org.jfree.chart.JFreeChart> drawn = java.util.Map.of();

  /**
   * @param scale pixels per logical point (2 for crisp images)
   * @param topDrivers bars per tornado chart
   */
  public ChartBook(double scale, int topDrivers) {
    this.png = new PngRenderer(scale);
    this.topDrivers = topDrivers;
  }

  /** All charts, in the order the workbook shows them. */
  public List<RenderedChart> render(ReportData data, String sourceLine) {
    return render(data, sourceLine, "en");
  }

  /**
   * All charts, in the order the workbook shows them, their words in {@code language} and from the
   * study's perspective ({@link Labels#forReport}).
   */
  public List<RenderedChart> render(ReportData data, String sourceLine, String language) {
    Labels labels = Labels.forReport(data, language);
    ChartContext ctx = new ChartContext(data, labels, new ChartStyle(sourceLine), png);
    List<RenderedChart> out = new ArrayList<>();
    ComparisonChart.render(ctx).ifPresent(out::add);
    DistributionChart.render(ctx).ifPresent(out::add);
    for (ScenarioInfo s : data.compared()) {
      FanChart.render(ctx, s.name()).ifPresent(out::add);
    }
    for (ScenarioInfo s : data.compared()) {
      WaterfallChart.render(ctx, s.name()).ifPresent(out::add);
    }
    for (ScenarioInfo s : data.compared()) {
      TornadoChart.render(ctx, s.name(), topDrivers).ifPresent(out::add);
    }
    ConvergenceChart.render(ctx).ifPresent(out::add);
    drawn = java.util.Map.copyOf(ctx.drawn);
    return List.copyOf(out);
  }

  /**
   * The scenario comparison drawn afresh with other words (the brief's language and perspective),
   * {@code [width, height]} in logical pixels by {@link #comparisonSize}.
   */
  public static java.util.Optional<org.jfree.chart.JFreeChart> comparison(ReportData data, String sourceLine,
      ComparisonChart.Words words) {
    ChartContext ctx = new ChartContext(data, new Labels(data), new ChartStyle(sourceLine), new PngRenderer(1));
    return ComparisonChart.chart(ctx, words);
  }

  /** Width and height in logical pixels of the scenario comparison of {@code data}. */
  public static int[] comparisonSize(ReportData data) {
    return new int[] {ComparisonChart.WIDTH, ComparisonChart.height(data.compared().size())};
  }

  /** The chart object behind a file of the last {@link #render}, to draw it again (as vectors in the brief). */
  public java.util.Optional<org.jfree.chart.JFreeChart> chart(String fileName) {
    return java.util.Optional.ofNullable(drawn.get(fileName));
  }
}
