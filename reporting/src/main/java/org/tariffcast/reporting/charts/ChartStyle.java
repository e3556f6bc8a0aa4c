package org.tariffcast.reporting.charts;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Paint;
import java.awt.Shape;
import java.awt.Stroke;
import java.awt.geom.Line2D;
import java.awt.geom.Rectangle2D;
import java.text.NumberFormat;
import java.util.List;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.LegendItem;
import org.jfree.chart.axis.AxisLocation;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.axis.TickUnits;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.block.BlockBorder;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.Plot;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.HorizontalAlignment;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.RectangleInsets;
import org.tariffcast.reporting.text.NumberText;

/**
 * The house look of every chart: fonts, colours (a palette that colour-blind readers can tell
 * apart), light grid lines, a subtitle that says how to read the chart, and a source line
 * naming the run and the date.
 */
public final class ChartStyle {
  static final String FONT = ChartFonts.FAMILY;
  static final Font TITLE = new Font(FONT, Font.BOLD, 17);
  static final Font SUBTITLE = new Font(FONT, Font.PLAIN, 12);
  static final Font AXIS_LABEL = new Font(FONT, Font.PLAIN, 12);
  static final Font TICK = new Font(FONT, Font.PLAIN, 11);
  static final Font SOURCE = new Font(FONT, Font.PLAIN, 10);
  static final Font ITEM_LABEL = new Font(FONT, Font.PLAIN, 10);
  static final Color TEXT = new Color(0x22, 0x22, 0x22);
  static final Color MUTED = new Color(0x66, 0x66, 0x66);
  static final Color GRID = new Color(0xDD, 0xDD, 0xDD);
  static final Color BASELINE = new Color(0x55, 0x55, 0x55);
  static final Color OUTLOOK = new Color(0x1B, 0x1B, 0x3A);
  static final Color POSITIVE = new Color(0x00, 0x9E, 0x73);
  static final Color NEGATIVE = new Color(0xD5, 0x5E, 0x00);
  static final Color LEVEL = new Color(0x4D, 0x6D, 0x8A);
  /** Okabe-Ito colours, in the order scenarios take them. */
  static final List<Color> PALETTE = List.of(new Color(0x00, 0x72, 0xB2), new Color(0xD5, 0x5E, 0x00),
      new Color(0x00, 0x9E, 0x73), new Color(0xCC, 0x79, 0xA7), new Color(0xE6, 0x9F, 0x00),
      new Color(0x56, 0xB4, 0xE9), new Color(0x99, 0x99, 0x33), new Color(0x88, 0x22, 0x55));

  private final String sourceLine;

  /** @param sourceLine e.g. "Source: tariffcast run 42 (us-vietnam-2025), 10,000 trials · rendered 2025-07-16" */
  public ChartStyle(String sourceLine) {
    this.sourceLine = sourceLine;
  }

  /** The colour of the i-th configured scenario. */
  static Color scenarioColour(int i) {
    return PALETTE.get(Math.floorMod(i, PALETTE.size()));
  }

  static Color withAlpha(Color c, int alpha) {
    return new Color(c.getRed(), c.getGreen(), c.getBlue(), alpha);
  }

  /** Applies the house look, a subtitle and the source line to a chart built by a factory. */
  JFreeChart finish(JFreeChart chart, String subtitle) {
    chart.setBackgroundPaint(Color.WHITE);
    chart.setAntiAlias(true);
    chart.setTextAntiAlias(true);
    chart.setPadding(new RectangleInsets(10, 12, 8, 16));
    TextTitle title = chart.getTitle();
    title.setFont(TITLE);
    title.setPaint(TEXT);
    title.setHorizontalAlignment(HorizontalAlignment.LEFT);
    title.setMargin(0, 4, 2, 0);
    if (subtitle != null && !subtitle.isBlank()) {
      TextTitle sub = new TextTitle(subtitle, SUBTITLE);
      sub.setPaint(MUTED);
      sub.setHorizontalAlignment(HorizontalAlignment.LEFT);
      sub.setTextAlignment(HorizontalAlignment.LEFT);
      sub.setMargin(0, 4, 8, 0);
      chart.addSubtitle(0, sub);
    }
    // first in the list is drawn outermost: the source line goes below the legend
    TextTitle source = new TextTitle(sourceLine, SOURCE);
    source.setPaint(MUTED);
    source.setPosition(RectangleEdge.BOTTOM);
    source.setHorizontalAlignment(HorizontalAlignment.LEFT);
    source.setTextAlignment(HorizontalAlignment.LEFT);
    source.setMargin(8, 4, 0, 0);
    chart.addSubtitle(0, source);
    LegendTitle legend = chart.getLegend();
    if (legend != null) {
      legend.setItemFont(AXIS_LABEL);
      legend.setFrame(BlockBorder.NONE);
      legend.setPosition(RectangleEdge.BOTTOM);
      legend.setHorizontalAlignment(HorizontalAlignment.LEFT);
      legend.setMargin(4, 0, 0, 0);
    }
    Plot plot = chart.getPlot();
    plot.setBackgroundPaint(Color.WHITE);
    plot.setOutlineVisible(false);
    if (plot instanceof XYPlot xy) {
      xy.setDomainGridlinePaint(GRID);
      xy.setRangeGridlinePaint(GRID);
      xy.setDomainGridlineStroke(new BasicStroke(0.8f));
      xy.setRangeGridlineStroke(new BasicStroke(0.8f));
      for (int i = 0; i < xy.getDomainAxisCount(); i++) {
        axis(xy.getDomainAxis(i));
      }
      for (int i = 0; i < xy.getRangeAxisCount(); i++) {
        axis(xy.getRangeAxis(i));
      }
    } else if (plot instanceof CategoryPlot cat) {
      cat.setDomainGridlinesVisible(false);
      cat.setRangeAxisLocation(AxisLocation.BOTTOM_OR_LEFT);
      if (cat.getOrientation() == org.jfree.chart.plot.PlotOrientation.HORIZONTAL) {
        cat.setRangeAxisLocation(AxisLocation.BOTTOM_OR_RIGHT);
      }
      cat.setRangeGridlinePaint(GRID);
      cat.setRangeGridlineStroke(new BasicStroke(0.8f));
      cat.getDomainAxis().setTickLabelFont(AXIS_LABEL);
      cat.getDomainAxis().setTickLabelPaint(TEXT);
      cat.getDomainAxis().setLabelFont(AXIS_LABEL);
      cat.getDomainAxis().setAxisLinePaint(MUTED);
      for (int i = 0; i < cat.getRangeAxisCount(); i++) {
        axis(cat.getRangeAxis(i));
      }
    }
    return chart;
  }

  private static void axis(ValueAxis axis) {
    if (axis == null) {
      return;
    }
    axis.setLabelFont(AXIS_LABEL);
    axis.setLabelPaint(TEXT);
    axis.setTickLabelFont(TICK);
    axis.setTickLabelPaint(TEXT);
    axis.setAxisLinePaint(MUTED);
    axis.setTickMarkPaint(MUTED);
  }

  /**
   * A value axis whose ticks use root-locale number formats with as many decimals as the tick
   * size needs (a 0.05 step shows 0.05, 0.10, ...; a 250 step shows 250, 500, ...), so that
   * neighbouring ticks never print the same text. {@code pattern} only says whether values are
   * fractions shown as percentages ({@code %}) or plain numbers.
   */
  static NumberAxis numberAxis(String label, String pattern) {
    NumberAxis axis = new NumberAxis(label);
    TickUnits units = new TickUnits();
    boolean percent = pattern.contains("%");
    double[] steps = {1, 2, 2.5, 5};
    for (int exp = -6; exp <= 12; exp++) {
      for (double s : steps) {
        double size = s * Math.pow(10, exp);
        int shown = percent ? exp + 2 : exp;
        int decimals = Math.max(0, -shown + (s == 2.5 ? 1 : 0));
        String digits = decimals == 0 ? "#,##0" : "#,##0." + "0".repeat(decimals);
        units.add(new NumberTickUnit(size, NumberText.format(percent ? digits + "%" : digits)));
      }
    }
    axis.setStandardTickUnits(units);
    axis.setAutoRangeIncludesZero(false);
    return axis;
  }

  /** A thin dashed stroke for reference lines. */
  static BasicStroke dashed(float width) {
    return new BasicStroke(width, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 1f, new float[] {6f, 4f}, 0f);
  }

  static BasicStroke solid(float width) {
    return new BasicStroke(width, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND);
  }

  /** A label cut to {@code max} characters with an ellipsis, for axes that do not wrap. */
  static String shorten(String label, int max) {
    return label.length() <= max ? label : label.substring(0, max - 1).stripTrailing() + "…";
  }

  /** {@code label}, or with " (2)", " (3)", ... if {@code used} has it already: category keys must differ. */
  static String distinct(String label, java.util.Set<String> used) {
    String candidate = label;
    for (int i = 2; !used.add(candidate); i++) {
      candidate = label + " (" + i + ")";
    }
    return candidate;
  }

  /** A legend entry drawn as a line. */
  static LegendItem legendLine(String label, Paint paint, Stroke stroke) {
    Shape line = new Line2D.Double(-9, 0, 9, 0);
    return new LegendItem(label, null, null, null, false, line, false, paint, false, paint, stroke, true, line,
        stroke, paint);
  }

  /** A legend entry drawn as a filled box. */
  static LegendItem legendBox(String label, Paint paint) {
    return new LegendItem(label, null, null, null, new Rectangle2D.Double(-6, -6, 12, 12), paint);
  }
}
