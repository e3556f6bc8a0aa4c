package org.tariffcast.reporting.charts;

import java.awt.Paint;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.labels.ItemLabelAnchor;
import org.jfree.chart.labels.ItemLabelPosition;
import org.jfree.chart.labels.StandardCategoryItemLabelGenerator;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.category.DefaultCategoryDataset;
import org.tariffcast.model.result.KpiKey;
import org.tariffcast.model.result.Sensitivity;
import org.tariffcast.reporting.text.NumberText;
import org.tariffcast.reporting.workbook.SheetNames;

/**
 * Tornado of the drivers of one scenario's headline KPI: the sampled parameters with the largest
 * absolute Spearman rank correlation with it, largest at the top; green bars raise the KPI, orange
 * ones lower it.
 */
final class TornadoChart {
  static final int WIDTH = 900;

  private TornadoChart() {}

  /**
   * The KPI a scenario's tornado explains: the first of the study's headline indicators with
   * sensitivity for the scenario, else its first KPI (in report order) that has any.
   */
  static Optional<KpiKey> driverKpi(ChartContext ctx, String scenario) {
    List<Sensitivity> all = ctx.data.result().sensitivity();
    Optional<KpiKey> preferred = ctx.data.firstHeadline(scenario, k -> all.stream().anyMatch(s -> s.kpi().equals(k)));
    if (preferred.isPresent()) {
      return preferred;
    }
    return all.stream().map(Sensitivity::kpi).filter(k -> k.scenario().equals(scenario))
        .min(ctx.data.kpiOrder());
  }

  static Optional<RenderedChart> render(ChartContext ctx, String scenario, int top) {
    Optional<KpiKey> kpi = driverKpi(ctx, scenario);
    if (kpi.isEmpty()) {
      return Optional.empty();
    }
    List<Sensitivity> rows = ctx.data.result().sensitivity().stream().filter(s -> s.kpi().equals(kpi.get()))
        .sorted(Comparator.comparingDouble((Sensitivity s) -> -Math.abs(s.rankCorrelation()))
            .thenComparing(Sensitivity::parameter))
        .toList();
    List<Sensitivity> shown = rows.subList(0, Math.min(top, rows.size()));
    DefaultCategoryDataset dataset = new DefaultCategoryDataset();
    double max = 0.1;
    java.util.Set<String> used = new java.util.HashSet<>();
    for (Sensitivity s : shown) {
      dataset.addValue(s.rankCorrelation(), "Rank correlation",
          ChartStyle.distinct(ctx.data.description().parameterLabel(s.parameter()), used));
      max = Math.max(max, Math.abs(s.rankCorrelation()));
    }
    BarRenderer renderer = new BarRenderer() {
      @Override
      public Paint getItemPaint(int row, int column) {
        Number v = dataset.getValue(row, column);
        return v != null && v.doubleValue() < 0 ? ChartStyle.NEGATIVE : ChartStyle.POSITIVE;
      }
    };
    renderer.setBarPainter(new StandardBarPainter());
    renderer.setShadowVisible(false);
    renderer.setDrawBarOutline(false);
    renderer.setMaximumBarWidth(0.12);
    renderer.setItemMargin(0);
    renderer.setDefaultItemLabelGenerator(new StandardCategoryItemLabelGenerator("{2}", NumberText.format("+0.00;-0.00")));
    renderer.setDefaultItemLabelsVisible(true);
    renderer.setDefaultItemLabelFont(ChartStyle.ITEM_LABEL);
    renderer.setDefaultPositiveItemLabelPosition(new ItemLabelPosition(ItemLabelAnchor.OUTSIDE3, TextAnchor.CENTER_LEFT));
    renderer.setDefaultNegativeItemLabelPosition(new ItemLabelPosition(ItemLabelAnchor.OUTSIDE9, TextAnchor.CENTER_RIGHT));
    renderer.setItemLabelAnchorOffset(4);
    CategoryAxis parameters = new CategoryAxis(null);
    parameters.setMaximumCategoryLabelWidthRatio(0.4f);
    parameters.setCategoryMargin(0.25);
    NumberAxis rho = ChartStyle.numberAxis("Spearman rank correlation with the KPI", "0.00");
    double bound = Math.min(1.0, Math.ceil(max * 1.25 * 10) / 10);
    rho.setRange(-bound, bound);
    CategoryPlot plot = new CategoryPlot(dataset, parameters, rho, renderer);
    plot.setOrientation(PlotOrientation.HORIZONTAL);
    plot.addRangeMarker(new ValueMarker(0, ChartStyle.MUTED, ChartStyle.solid(1f)));
    String who = ctx.data.isOutlook(scenario) ? "the outlook" : scenario;
    JFreeChart chart = new JFreeChart("What drives the uncertainty under " + who, ChartStyle.TITLE, plot, false);
    ctx.style.finish(chart, "KPI: " + ctx.labels.kpi(kpi.get()) + ". Top " + shown.size() + " of " + rows.size()
        + " parameters; green raises it, orange lowers it");
    int height = 170 + 34 * shown.size();
    return Optional.of(ctx.render("tornado-" + ctx.filePart(scenario) + ".png", SheetNames.DRIVERS, chart, WIDTH,
        height));
  }
}
