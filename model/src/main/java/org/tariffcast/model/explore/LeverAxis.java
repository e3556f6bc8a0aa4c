package org.tariffcast.model.explore;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * One axis of a sweep: a lever of the study and the values the grid gives it, ascending.
 *
 * @param lever the lever's key in {@code study.yml}, such as {@code us_rate_vn}
 * @param values the lever's values on the grid, in the lever's own unit (a fraction for a rate:
 *     0.46 is 46 %), strictly ascending, at least one
 */
public record LeverAxis(String lever, List<Double> values) {
  /** The most values one axis may have (a 2-lever grid holds at most this squared points). */
  public static final int MAX_VALUES = 200;

  public LeverAxis {
    if (lever == null || lever.isBlank()) {
      throw new IllegalArgumentException("lever must not be blank, got " + lever);
    }
    if (values == null || values.isEmpty() || values.size() > MAX_VALUES) {
      throw new IllegalArgumentException("values of " + lever + ": 1.." + MAX_VALUES + " expected, got "
          + (values == null ? null : values.size()));
    }
    values = List.copyOf(values);
    for (int i = 0; i < values.size(); i++) {
      if (!Double.isFinite(values.get(i)) || (i > 0 && !(values.get(i) > values.get(i - 1)))) {
        throw new IllegalArgumentException("values of " + lever + " must be finite and strictly ascending, got "
            + values);
      }
    }
  }

  public static LeverAxis of(String lever, List<Double> values) {
    return new LeverAxis(lever, values);
  }

  /**
   * {@code from, from + step, ...} up to {@code to} inclusive, counted in decimal so that 0 to
   * 0.46 by 0.02 gives exactly the doubles {@code 0.02 * k} is written as ({@code 0.06}, not
   * {@code 0.060000000000000005}).
   */
  public static LeverAxis of(String lever, BigDecimal from, BigDecimal to, BigDecimal step) {
    if (step.signum() <= 0 || to.compareTo(from) < 0) {
      throw new IllegalArgumentException("grid of " + lever + ": step > 0 and to >= from expected, got from " + from
          + ", to " + to + ", step " + step);
    }
    List<Double> out = new ArrayList<>();
    for (BigDecimal v = from; v.compareTo(to) <= 0; v = v.add(step)) {
      out.add(v.doubleValue());
      if (out.size() > MAX_VALUES) {
        break;
      }
    }
    return new LeverAxis(lever, out);
  }

  public int size() {
    return values.size();
  }
}
