package org.tariffcast.reporting.charts;

import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.text.NumberFormat;
import java.util.ArrayList;
import java.util.List;
import org.jfree.chart.axis.AxisState;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberTick;
import org.jfree.chart.axis.TickType;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.TextAnchor;
import org.tariffcast.reporting.text.NumberText;

/** A logarithmic trials axis with ticks at 1, 2 and 5 times powers of ten (500, 1,000, 2,000, 5,000, ...). */
final class TrialsAxis extends LogAxis {
  private static final long serialVersionUID = 1L;
  private final NumberFormat format = NumberText.format("#,##0");

  TrialsAxis(String label) {
    super(label);
    setSmallestValue(1);
  }

  @Override
  public List refreshTicks(Graphics2D g2, AxisState state, Rectangle2D dataArea, RectangleEdge edge) {
    List<NumberTick> ticks = new ArrayList<>();
    double lower = Math.max(1, getLowerBound());
    double upper = getUpperBound();
    TextAnchor anchor = edge == RectangleEdge.TOP ? TextAnchor.BOTTOM_CENTER : TextAnchor.TOP_CENTER;
    for (int e = (int) Math.floor(Math.log10(lower)); e <= (int) Math.ceil(Math.log10(upper)); e++) {
      for (int m : new int[] {1, 2, 5}) {
        double v = m * Math.pow(10, e);
        if (v >= lower && v <= upper) {
          ticks.add(new NumberTick(TickType.MAJOR, v, format.format(v), anchor, TextAnchor.CENTER, 0.0));
        }
      }
    }
    return ticks;
  }
}
