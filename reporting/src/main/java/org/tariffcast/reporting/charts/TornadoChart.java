package org.tariffcast.reporting.charts;

import java.awt.Paint;
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
import org.tariffcast.model.result.DriverSwing;
import org.tariffcast.reporting.content.Drivers;
import org.tariffcast.reporting.text.NumberText;
import org.tariffcast.reporting.workbook.SheetNames;

/**
 * Tornado of the drivers of one scenario's headline KPI, in USD bn: for each driver (a parameter,
 * or a block of rank-correlated parameters counted once, named by their labels) the KPI's swing
 * between the driver's low and high tenth, largest at the top; green bars raise the KPI, orange
 * ones lower it. For the outlook, which scenario happens is a driver too (blue), with its share of
 * the variance.
 */
final class TornadoChart {
  static final int WIDTH = 900;
  /** The words of the scenario as a driver of the outlook. */
  static final String SCENARIO_LABEL = "Which scenario happens";

  private TornadoChart() {}

  /**
   * The KPI a scenario's tornado explains: the first of the study's headline indicators with
   * driver swings for the scenario, else its first KPI (in report order) that has any.
   */
  static Optional<KpiKey> driverKpi(ChartContext ctx, String scenario) {
    List<DriverSwing> all = ctx.data.result().swings();
    Optional<KpiKey> preferred = ctx.data.firstHeadline(scenario, k -> all.stream().anyMatch(s -> s.kpi().equals(k)));
    if (preferred.isPresent()) {
      return preferred;
    }
    return all.stream().map(DriverSwing::kpi).filter(k -> k.scenario().equals(scenario))
        .min(ctx.data.kpiOrder());
  }

  static Optional<RenderedChart> render(ChartContext ctx, String scenario, int top) {
    Optional<KpiKey> kpi = driverKpi(ctx, scenario);
    if (kpi.isEmpty()) {
      return Optional.empty();
    }
    var l = ctx.labels;
    List<Drivers.Row> rows = Drivers.of(ctx.data, kpi.get(), l.word("drivers.scenario", SCENARIO_LABEL));
    if (rows.isEmpty()) {
      return Optional.empty();
    }
    List<Drivers.Row> shown = rows.subList(0, Math.min(top, rows.size()));
    DefaultCategoryDataset dataset = new DefaultCategoryDataset();
    double max = 0;
    double min = 0;
    java.util.Set<String> used = new java.util.HashSet<>();
    java.util.Set<Integer> scenarioColumn = new java.util.HashSet<>();
    for (Drivers.Row r : shown) {
      String share = l.messages().map(m -> m.fixed(100 * r.varianceShare(), 0))
          .orElse(NumberText.fixed(100 * r.varianceShare(), 0));
      String label = r.isScenario() ? l.word("wb.tornado.variance", r.label() + " (" + share + " % of the variance)",
          r.label(), share) : l.driver(r);
      if (r.isScenario()) {
        scenarioColumn.add(dataset.getColumnCount());
      }
      dataset.addValue(r.swing() / 1e9, "Swing", ChartStyle.distinct(label, used));
      max = Math.max(max, r.swing() / 1e9);
      min = Math.min(min, r.swing() / 1e9);
    }
    BarRenderer renderer = new BarRenderer() {
      @Override
      public Paint getItemPaint(int row, int column) {
        if (scenarioColumn.contains(column)) {
          return ChartStyle.LEVEL;
        }
        Number v = dataset.getValue(row, column);
        return v != null && v.doubleValue() < 0 ? ChartStyle.NEGATIVE : ChartStyle.POSITIVE;
      }
    };
    renderer.setBarPainter(new StandardBarPainter());
    renderer.setShadowVisible(false);
    renderer.setDrawBarOutline(false);
    renderer.setMaximumBarWidth(0.12);
    renderer.setItemMargin(0);
    double span = Math.max(max - min, 1e-9);
    String pattern = span >= 10 ? "+#,##0.0;-#,##0.0" : "+#,##0.00;-#,##0.00";
    renderer.setDefaultItemLabelGenerator(new StandardCategoryItemLabelGenerator("{2}", NumberText.format(pattern)));
    renderer.setDefaultItemLabelsVisible(true);
    renderer.setDefaultItemLabelFont(ChartStyle.ITEM_LABEL);
    renderer.setDefaultPositiveItemLabelPosition(new ItemLabelPosition(ItemLabelAnchor.OUTSIDE3, TextAnchor.CENTER_LEFT));
    renderer.setDefaultNegativeItemLabelPosition(new ItemLabelPosition(ItemLabelAnchor.OUTSIDE9, TextAnchor.CENTER_RIGHT));
    renderer.setItemLabelAnchorOffset(4);
    CategoryAxis drivers = new CategoryAxis(null);
    drivers.setMaximumCategoryLabelWidthRatio(0.42f);
    drivers.setMaximumCategoryLabelLines(3);
    drivers.setCategoryMargin(0.25);
    NumberAxis usd = ChartStyle.numberAxis(l.word("wb.tornado.axis",
        "Swing of the KPI from the driver's low to its high tenth, USD bn"), "#,##0.0");
    // from the most negative to the most positive swing, with room for the value labels on both sides
    double pad = Math.max(span * 0.18, 0.05);
    usd.setRange(min - pad, max + pad);
    CategoryPlot plot = new CategoryPlot(dataset, drivers, usd, renderer);
    plot.setOrientation(PlotOrientation.HORIZONTAL);
    plot.addRangeMarker(new ValueMarker(0, ChartStyle.MUTED, ChartStyle.solid(1f)));
    String who = ctx.data.isOutlook(scenario) ? l.word("wb.tornado.outlook", "the outlook")
        : l.word("wb.tornado.scenario", scenario, scenario);
    JFreeChart chart = new JFreeChart(l.word("wb.tornado.title", "What drives the uncertainty under " + who, who),
        ChartStyle.TITLE, plot, false);
    String kpiWords = l.kpi(kpi.get());
    String extra = scenarioColumn.isEmpty() ? "" : l.word("wb.tornado.subtitleScenario", "; blue: the scenario (its "
        + "lowest to its highest tenth of the probability); the parameters' swings are the probability-weighted means of "
        + "their swings under each scenario");
    ctx.style.finish(chart, l.word("wb.tornado.subtitle", "KPI: " + kpiWords + ". Mean in the trials with the driver's "
        + "highest tenth of draws minus the mean in its lowest tenth; rank-correlated parameters count once. Top "
        + shown.size() + " of " + rows.size() + " drivers; green raises it, orange lowers it", kpiWords,
        Integer.toString(shown.size()), Integer.toString(rows.size())) + extra);
    int height = 190 + 40 * shown.size();
    return Optional.of(ctx.render("tornado-" + ctx.filePart(scenario) + ".png", SheetNames.DRIVERS, chart, WIDTH,
        height));
  }
}
