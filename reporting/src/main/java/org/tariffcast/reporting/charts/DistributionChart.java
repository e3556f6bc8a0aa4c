package org.tariffcast.reporting.charts;

import java.awt.Color;
import java.awt.Paint;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.renderer.category.BoxAndWhiskerRenderer;
import org.jfree.data.statistics.BoxAndWhiskerItem;
import org.jfree.data.statistics.DefaultBoxAndWhiskerCategoryDataset;
import org.tariffcast.model.result.Measure;
import org.tariffcast.model.result.Metric;
import org.tariffcast.model.result.Percentiles;
import org.tariffcast.model.result.ScenarioInfo;
import org.tariffcast.model.result.Statistics;
import org.tariffcast.model.result.Window;
import org.tariffcast.reporting.workbook.SheetNames;

/**
 * Distribution of the final-year bilateral balance under each scenario, the baseline and the
 * outlook, drawn from the percentiles a run keeps (there are no raw trials): box P25–P75,
 * whiskers P5–P95, a line at the median and a dot at the mean. USD bn per year.
 */
final class DistributionChart {
  static final int WIDTH = 900;

  private DistributionChart() {}

  static Optional<RenderedChart> render(ChartContext ctx) {
    DefaultBoxAndWhiskerCategoryDataset dataset = new DefaultBoxAndWhiskerCategoryDataset();
    List<Paint> paints = new ArrayList<>();
    boolean spansZero = false;
    java.util.Set<String> used = new java.util.HashSet<>();
    for (ScenarioInfo s : ctx.data.scenarios()) {
      Optional<Statistics> st = ctx.data.total(s.name(), Metric.BILATERAL_BALANCE, Window.FINAL_YEAR, Measure.LEVEL);
      if (st.isEmpty()) {
        continue;
      }
      Percentiles p = st.get().percentiles();
      BoxAndWhiskerItem item = new BoxAndWhiskerItem(bn(st.get().mean()), bn(p.p50()), bn(p.p25()), bn(p.p75()),
          bn(p.p5()), bn(p.p95()), bn(p.p5()), bn(p.p95()), List.of());
      String label = ctx.data.isOutlook(s.name()) ? ctx.labels.word("scenario.outlook", "Outlook (weighted)") : ChartStyle.shorten(s.name(), 60);
      dataset.add(item, "Final-year balance", ChartStyle.distinct(label, used));
      paints.add(FanChart.blend(ctx.colour(s.name()), 0.55));
      spansZero |= p.p5() < 0 && p.p95() > 0;
    }
    if (paints.isEmpty()) {
      return Optional.empty();
    }
    BoxAndWhiskerRenderer renderer = new BoxAndWhiskerRenderer() {
      @Override
      public Paint getItemPaint(int row, int column) {
        return paints.get(column);
      }
    };
    renderer.setFillBox(true);
    renderer.setMeanVisible(false);
    renderer.setMedianVisible(true);
    renderer.setMaxOutlierVisible(false);
    renderer.setMinOutlierVisible(false);
    renderer.setUseOutlinePaintForWhiskers(true);
    renderer.setDefaultOutlinePaint(new Color(0x33, 0x33, 0x33));
    renderer.setDefaultOutlineStroke(ChartStyle.solid(1.2f));
    renderer.setArtifactPaint(new Color(0x11, 0x11, 0x11));
    renderer.setMaximumBarWidth(0.45);
    renderer.setWhiskerWidth(0.6);
    CategoryAxis axis = new CategoryAxis(null);
    axis.setMaximumCategoryLabelWidthRatio(0.35f);
    CategoryPlot plot = new CategoryPlot(dataset, axis,
        ChartStyle.numberAxis(ctx.labels.word("chart.distribution.axis", "USD bn per year (negative: "
            + ctx.labels.home() + " deficit)", ctx.labels.homeAdjective()), "#,##0.0"), renderer);
    plot.setOrientation(PlotOrientation.HORIZONTAL);
    if (spansZero) {
      plot.addRangeMarker(new ValueMarker(0, ChartStyle.MUTED, ChartStyle.solid(1f)));
    }
    var l = ctx.labels;
    String balance = l.metric(Metric.BILATERAL_BALANCE);
    JFreeChart chart = new JFreeChart(l.word("chart.distribution.title", balance + " " + l.inFinalYear()
        + ": spread across trials", balance, l.inFinalYear()), ChartStyle.TITLE, plot, false);
    ctx.style.finish(chart, l.word("chart.distribution.subtitle", "Box: P25–P75; whiskers: P5–P95; line: median (the "
        + "Scenarios sheet gives the means)"));
    int height = 170 + 60 * paints.size();
    return Optional.of(ctx.render("distribution-balance-final-year.png", SheetNames.SCENARIOS, chart, WIDTH, height));
  }

  private static double bn(double usd) {
    return usd / 1e9;
  }
}
