package org.tariffcast.reporting.charts;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.geom.Ellipse2D;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.annotations.XYLineAnnotation;
import org.jfree.chart.annotations.XYShapeAnnotation;
import org.jfree.chart.annotations.XYTextAnnotation;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.IntervalMarker;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.LookupPaintScale;
import org.jfree.chart.renderer.xy.DeviationRenderer;
import org.jfree.chart.renderer.xy.XYBlockRenderer;
import org.jfree.chart.title.PaintScaleLegend;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.xy.DefaultXYZDataset;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;
import org.tariffcast.model.explore.FrontierAnswer;
import org.tariffcast.model.explore.GoalSeekAnswer;
import org.tariffcast.model.explore.GridPoint;
import org.tariffcast.model.explore.LeverAxis;
import org.tariffcast.reporting.explore.ExploreData;
import org.tariffcast.reporting.explore.ExploreData.Quantity;

/**
 * The explorer's charts: a heat map of one quantity over a two-lever grid (XYBlockRenderer, axes
 * in the levers' units) with contour lines and the frontier drawn on it, and a line chart of one
 * quantity along one lever with its 90 % band (p5-p95 of the trials; for a probability, its
 * Wilson 95 % interval) and the goal-seek's answer marked.
 */
public final class ExploreCharts {
  static final Color FRONTIER = new Color(0x11, 0x11, 0x11);
  static final Color CONTOUR = new Color(255, 255, 255, 220);

  private final ChartStyle style;

  public ExploreCharts(String sourceLine) {
    this.style = new ChartStyle(sourceLine);
  }

  static double step(List<Double> values, double scale) {
    return values.size() < 2 ? 1 : (values.get(1) - values.get(0)) * scale;
  }

  /** A colour from the cividis-like ramp (dark blue to yellow, readable by colour-blind readers), t in [0, 1]. */
  static Color ramp(double t) {
    double[][] stops = {{0.00, 0x00, 0x22, 0x4E}, {0.25, 0x3A, 0x4D, 0x6F}, {0.50, 0x7C, 0x7B, 0x78},
        {0.75, 0xC3, 0xAC, 0x66}, {1.00, 0xFD, 0xE7, 0x37}};
    t = Math.max(0, Math.min(1, t));
    for (int i = 1; i < stops.length; i++) {
      if (t <= stops[i][0]) {
        double u = (t - stops[i - 1][0]) / (stops[i][0] - stops[i - 1][0]);
        return new Color((int) Math.round(stops[i - 1][1] + u * (stops[i][1] - stops[i - 1][1])),
            (int) Math.round(stops[i - 1][2] + u * (stops[i][2] - stops[i - 1][2])),
            (int) Math.round(stops[i - 1][3] + u * (stops[i][3] - stops[i - 1][3])));
      }
    }
    return new Color(0xFD, 0xE7, 0x37);
  }

  /** The heat map of {@code q} over the two-lever grid, with contours and (when given) the frontier. */
  public JFreeChart heatMap(ExploreData data, Quantity q, FrontierAnswer frontier) {
    LeverAxis xa = data.plan().axes().get(0);
    LeverAxis ya = data.plan().axes().get(1);
    double sx = data.percent(xa.lever()) ? 100 : 1;
    double sy = data.percent(ya.lever()) ? 100 : 1;
    int n = data.points().size();
    double[][] xyz = new double[3][n];
    double min = Double.POSITIVE_INFINITY;
    double max = Double.NEGATIVE_INFINITY;
    for (GridPoint p : data.points()) {
      xyz[0][p.index()] = p.lever(xa.lever()) * sx;
      xyz[1][p.index()] = p.lever(ya.lever()) * sy;
      xyz[2][p.index()] = q.values()[p.index()];
      min = Math.min(min, q.values()[p.index()]);
      max = Math.max(max, q.values()[p.index()]);
    }
    boolean probability = q.target() != null;
    if (probability) {
      min = 0;
      max = 1;
    } else if (max - min < 1e-12) {
      max = min + 1;
    }
    DefaultXYZDataset dataset = new DefaultXYZDataset();
    dataset.addSeries(q.title(), xyz);
    XYBlockRenderer renderer = new XYBlockRenderer();
    double bw = step(xa.values(), sx);
    double bh = step(ya.values(), sy);
    renderer.setBlockWidth(bw);
    renderer.setBlockHeight(bh);
    LookupPaintScale scale = new LookupPaintScale(min, max + (max - min) * 1e-9, Color.LIGHT_GRAY);
    int shades = 64;
    for (int i = 0; i < shades; i++) {
      scale.add(min + (max - min) * i / shades, ramp(i / (shades - 1.0)));
    }
    renderer.setPaintScale(scale);
    NumberAxis x = ChartStyle.numberAxis(data.axisLabel(xa.lever()), "0");
    NumberAxis y = ChartStyle.numberAxis(data.axisLabel(ya.lever()), "0");
    x.setRange(xa.values().get(0) * sx - bw / 2, xa.values().get(xa.size() - 1) * sx + bw / 2);
    y.setRange(ya.values().get(0) * sy - bh / 2, ya.values().get(ya.size() - 1) * sy + bh / 2);
    XYPlot plot = new XYPlot(dataset, x, y, renderer);
    JFreeChart chart = new JFreeChart(ChartStyle.shorten(q.title(), 90), JFreeChart.DEFAULT_TITLE_FONT, plot, false);
    String subtitle = probability
        ? "Share of trials meeting the target at each combination (" + data.plan().scenario() + "); white lines: "
            + "probability contours" + (frontier != null ? "; black line: the frontier (probability "
            + pct(frontier.frontier().probability()) + "; met to its right)" : "")
        : q.unit() + ", median over trials at each combination (" + data.plan().scenario() + "); white lines: contours"
            + (frontier != null ? "; black line: the frontier ('" + frontier.frontier().target().name()
                + "' with probability " + pct(frontier.frontier().probability()) + ")" : "");
    style.finish(chart, subtitle);
    plot.setDomainGridlinesVisible(false);
    plot.setRangeGridlinesVisible(false);
    plot.setAxisOffset(RectangleInsets.ZERO_INSETS);
    // contours
    double[] levels = probability ? java.util.Arrays.stream(new double[] {0.2, 0.5, 0.8})
        .filter(l -> frontier == null || l != frontier.frontier().probability()).toArray() : niceLevels(min, max);
    double[] xs = xa.values().stream().mapToDouble(v -> v * sx).toArray();
    double[] ys = ya.values().stream().mapToDouble(v -> v * sy).toArray();
    double[][] z = new double[xs.length][ys.length];
    for (int i = 0; i < xs.length; i++) {
      for (int j = 0; j < ys.length; j++) {
        z[i][j] = q.values()[data.plan().index(i, j)];
      }
    }
    for (double level : levels) {
      List<double[]> segments = contour(xs, ys, z, level);
      for (double[] s : segments) {
        plot.addAnnotation(new XYLineAnnotation(s[0], s[1], s[2], s[3], new BasicStroke(1.2f), CONTOUR));
      }
      if (!segments.isEmpty()) {
        double[] s = segments.get(segments.size() / 2);
        XYTextAnnotation label = new XYTextAnnotation(probability ? pct(level) : number(level),
            (s[0] + s[2]) / 2, (s[1] + s[3]) / 2);
        label.setFont(new Font(ChartStyle.FONT, Font.BOLD, 10));
        label.setPaint(Color.WHITE);
        label.setBackgroundPaint(new Color(0, 0, 0, 110));
        plot.addAnnotation(label);
      }
    }
    if (frontier != null) {
      drawFrontier(plot, frontier, data, sx, sy);
    }
    // colour legend on the right
    NumberAxis legendAxis = ChartStyle.numberAxis(probability ? "" : q.unit(), probability ? "0%" : "0");
    if (probability) {
      legendAxis.setNumberFormatOverride(java.text.NumberFormat.getPercentInstance(Locale.ROOT));
    }
    legendAxis.setRange(min, max);
    legendAxis.setTickLabelFont(ChartStyle.TICK);
    legendAxis.setLabelFont(ChartStyle.AXIS_LABEL);
    PaintScaleLegend legend = new PaintScaleLegend(scale, legendAxis);
    legend.setPosition(RectangleEdge.RIGHT);
    legend.setMargin(4, 10, 4, 4);
    legend.setStripWidth(12);
    legend.setSubdivisionCount(64);
    chart.addSubtitle(legend);
    return chart;
  }

  /**
   * The frontier: the contour of the target's probability at the frontier's level (thick black;
   * on the maps of other quantities too, from the target's own values), and the least-cost point.
   */
  private void drawFrontier(XYPlot plot, FrontierAnswer f, ExploreData data, double sx, double sy) {
    double[] xs = data.plan().axes().get(0).values().stream().mapToDouble(v -> v * sx).toArray();
    double[] ys = data.plan().axes().get(1).values().stream().mapToDouble(v -> v * sy).toArray();
    double[][] p = new double[xs.length][ys.length];
    for (GridPoint g : data.points()) {
      var t = g.target(f.frontier().target().name());
      int i = data.plan().axes().get(0).values().indexOf(g.lever(data.plan().axes().get(0).lever()));
      int j = data.plan().axes().get(1).values().indexOf(g.lever(data.plan().axes().get(1).lever()));
      p[i][j] = t.probability();
    }
    for (double[] seg : contour(xs, ys, p, f.frontier().probability())) {
      plot.addAnnotation(new XYLineAnnotation(seg[0], seg[1], seg[2], seg[3], new BasicStroke(3.5f), FRONTIER));
    }
    if (f.best() >= 0) {
      GridPoint best = data.points().get(f.best());
      double bx = best.lever(data.plan().axes().get(0).lever()) * sx;
      double by = best.lever(data.plan().axes().get(1).lever()) * sy;
      double w = step(data.plan().axes().get(0).values(), sx);
      double h = step(data.plan().axes().get(1).values(), sy);
      plot.addAnnotation(new XYShapeAnnotation(new Ellipse2D.Double(bx - 0.45 * w, by - 0.45 * h, 0.9 * w, 0.9 * h),
          new BasicStroke(2.5f), Color.WHITE, null));
      XYTextAnnotation label = new XYTextAnnotation("least cost", bx, by + 0.75 * h);
      label.setFont(new Font(ChartStyle.FONT, Font.BOLD, 11));
      label.setPaint(Color.WHITE);
      label.setBackgroundPaint(new Color(0, 0, 0, 140));
      label.setTextAnchor(TextAnchor.CENTER);
      plot.addAnnotation(label);
    }
  }

  /**
   * Contour segments of {@code z} (z[i][j] at (xs[i], ys[j])) at {@code level} by marching
   * squares: {x1, y1, x2, y2} per segment, crossings interpolated linearly along cell edges.
   */
  public static List<double[]> contour(double[] xs, double[] ys, double[][] z, double level) {
    List<double[]> out = new ArrayList<>();
    for (int i = 0; i + 1 < xs.length; i++) {
      for (int j = 0; j + 1 < ys.length; j++) {
        // corners counter-clockwise: (i,j) (i+1,j) (i+1,j+1) (i,j+1)
        double[][] c = {{xs[i], ys[j], z[i][j]}, {xs[i + 1], ys[j], z[i + 1][j]},
            {xs[i + 1], ys[j + 1], z[i + 1][j + 1]}, {xs[i], ys[j + 1], z[i][j + 1]}};
        List<double[]> hits = new ArrayList<>();
        for (int e = 0; e < 4; e++) {
          double[] a = c[e];
          double[] b = c[(e + 1) % 4];
          if ((a[2] < level) != (b[2] < level)) {
            double t = (level - a[2]) / (b[2] - a[2]);
            hits.add(new double[] {a[0] + t * (b[0] - a[0]), a[1] + t * (b[1] - a[1])});
          }
        }
        for (int k = 0; k + 1 < hits.size(); k += 2) {
          out.add(new double[] {hits.get(k)[0], hits.get(k)[1], hits.get(k + 1)[0], hits.get(k + 1)[1]});
        }
      }
    }
    return out;
  }

  /** Up to about five round levels strictly inside (min, max). */
  static double[] niceLevels(double min, double max) {
    double raw = (max - min) / 5;
    double mag = Math.pow(10, Math.floor(Math.log10(raw)));
    double step = raw / mag < 1.5 ? mag : raw / mag < 3.5 ? 2 * mag : raw / mag < 7.5 ? 5 * mag : 10 * mag;
    List<Double> out = new ArrayList<>();
    for (double v = Math.ceil(min / step) * step; v < max; v += step) {
      if (v > min) {
        out.add(Math.abs(v) < step * 1e-9 ? 0 : v);
      }
    }
    return out.stream().mapToDouble(Double::doubleValue).toArray();
  }

  static String pct(double p) {
    return String.format(Locale.ROOT, "%.0f %%", p * 100);
  }

  static String number(double v) {
    return Math.abs(v) >= 10 || v == Math.rint(v) ? String.format(Locale.ROOT, "%,.0f", v)
        : String.format(Locale.ROOT, "%.1f", v);
  }

  /**
   * The line of {@code q} along {@code lever} with every other lever at {@code fixedIndex} of
   * its axis: the median (or probability), its 90 % band (p5-p95 of the trials, or the Wilson
   * interval of a probability), the goal-seek's answer and interval when given.
   */
  public JFreeChart line(ExploreData data, Quantity q, String lever, int fixedIndex, String fixedWords,
      GoalSeekAnswer answer) {
    int axis = data.plan().axes().get(0).lever().equals(lever) ? 0 : 1;
    LeverAxis along = data.plan().axes().get(axis);
    double sx = data.percent(lever) ? 100 : 1;
    boolean probability = q.target() != null;
    YIntervalSeries series = new YIntervalSeries(probability ? "probability (band: Wilson 95 % interval)"
        : "median (band: 90 % of trials, p5 to p95)");
    for (int i = 0; i < along.size(); i++) {
      int index = data.plan().axes().size() == 1 ? i : axis == 0 ? data.plan().index(i, fixedIndex)
          : data.plan().index(fixedIndex, i);
      series.add(along.values().get(i) * sx, q.values()[index] * (probability ? 100 : 1),
          q.p5()[index] * (probability ? 100 : 1), q.p95()[index] * (probability ? 100 : 1));
    }
    YIntervalSeriesCollection dataset = new YIntervalSeriesCollection();
    dataset.addSeries(series);
    DeviationRenderer renderer = new DeviationRenderer(true, false);
    renderer.setSeriesPaint(0, ChartStyle.PALETTE.get(0));
    renderer.setSeriesFillPaint(0, ChartStyle.PALETTE.get(0));
    renderer.setSeriesStroke(0, ChartStyle.solid(2.2f));
    renderer.setAlpha(0.22f);
    NumberAxis x = ChartStyle.numberAxis(data.axisLabel(lever), "0");
    NumberAxis y = ChartStyle.numberAxis(probability ? "probability, %" : q.unit(), "0");
    if (probability) {
      y.setRange(0, 100);
    }
    XYPlot plot = new XYPlot(dataset, x, y, renderer);
    JFreeChart chart = new JFreeChart(ChartStyle.shorten(q.title(), 90), JFreeChart.DEFAULT_TITLE_FONT, plot, true);
    style.finish(chart, data.plan().scenario() + (fixedWords.isEmpty() ? "" : ", " + fixedWords)
        + "; the same trials at every value (common random numbers)");
    if (answer != null && answer.outcome() == GoalSeekAnswer.Outcome.CROSSES) {
      IntervalMarker band = new IntervalMarker(answer.low() * sx, answer.high() * sx);
      band.setPaint(ChartStyle.withAlpha(ChartStyle.NEGATIVE, 60));
      plot.addDomainMarker(band);
      ValueMarker at = new ValueMarker(answer.value() * sx, ChartStyle.NEGATIVE, ChartStyle.solid(1.5f));
      at.setLabel("goal-seek: " + data.format(lever, answer.value()));
      at.setLabelFont(ChartStyle.ITEM_LABEL);
      at.setLabelPaint(ChartStyle.NEGATIVE);
      at.setLabelAnchor(org.jfree.chart.ui.RectangleAnchor.TOP_RIGHT);
      at.setLabelTextAnchor(TextAnchor.TOP_LEFT);
      plot.addDomainMarker(at);
      ValueMarker level = new ValueMarker(answer.level() * (probability ? 100 : q.scale()), ChartStyle.MUTED,
          ChartStyle.dashed(1f));
      plot.addRangeMarker(level);
    }
    return chart;
  }
}
