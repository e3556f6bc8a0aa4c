package org.tariffcast.reporting.charts;

import java.text.FieldPosition;
import java.text.NumberFormat;
import java.text.ParsePosition;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.axis.TickUnits;
import org.tariffcast.model.time.YearQuarter;

/** A time axis in quarters: x is {@code year + (quarter - 1) / 4}, ticks read {@code 2026Q1}. */
final class QuarterAxis {
  private QuarterAxis() {}

  static double x(YearQuarter q) {
    return q.year() + (q.quarter() - 1) / 4.0;
  }

  static NumberAxis create(String label) {
    NumberAxis axis = new NumberAxis(label);
    TickUnits units = new TickUnits();
    NumberFormat quarters = new QuarterFormat();
    for (double size : new double[] {0.25, 0.5, 1, 2, 5, 10, 20}) {
      units.add(new NumberTickUnit(size, quarters));
    }
    axis.setStandardTickUnits(units);
    axis.setAutoRangeIncludesZero(false);
    axis.setLowerMargin(0.01);
    axis.setUpperMargin(0.01);
    return axis;
  }

  /** Formats an axis value as the quarter it falls in. */
  private static final class QuarterFormat extends NumberFormat {
    @Override
    public StringBuffer format(double number, StringBuffer toAppendTo, FieldPosition pos) {
      long ordinal = Math.round(number * 4);
      return toAppendTo.append(YearQuarter.ofOrdinal(ordinal));
    }

    @Override
    public StringBuffer format(long number, StringBuffer toAppendTo, FieldPosition pos) {
      return format((double) number, toAppendTo, pos);
    }

    @Override
    public Number parse(String source, ParsePosition parsePosition) {
      return null;
    }
  }
}
