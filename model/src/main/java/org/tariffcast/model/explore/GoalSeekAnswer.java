package org.tariffcast.model.explore;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The answer of a goal-seek over a sweep's grid ({@link Sweeps#goalSeek}).
 *
 * @param name the goal-seek's name (as {@link GoalSeek#name()})
 * @param lever the lever sought
 * @param fixed the other levers and the grid values they were held at (empty in a one-lever sweep)
 * @param level the level sought: a probability (0..1) or the KPI's value in its unit
 * @param outcome whether the curve crosses the level on the grid
 * @param value the lever value at which the estimate reaches {@code level} (linear interpolation
 *     between grid points), in the lever's unit; NaN unless {@link Outcome#CROSSES}
 * @param low the lowest lever value, next to {@code value}, at which {@code level} is still
 *     within the estimate's 95 % confidence band (the band inverted); NaN unless crossing
 * @param high the highest such value; NaN unless crossing
 * @param lowOpen true if the band still holds the level at the grid's first value: the interval
 *     reaches beyond the grid on that side and {@code low} is the grid's end
 * @param highOpen the same at the grid's last value
 */
public record GoalSeekAnswer(String name, String lever, Map<String, Double> fixed, double level, Outcome outcome,
    double value, double low, double high, boolean lowOpen, boolean highOpen) {
  /** How the estimate relates to the level over the grid. */
  public enum Outcome {
    /** The estimate crosses the level between two grid values (or meets it at one). */
    CROSSES,
    /** The estimate is above the level at every grid value. */
    ABOVE_EVERYWHERE,
    /** The estimate is below the level at every grid value. */
    BELOW_EVERYWHERE
  }

  public GoalSeekAnswer {
    if (name == null || lever == null || outcome == null) {
      throw new IllegalArgumentException("goal-seek answer: name, lever and outcome expected");
    }
    fixed = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(fixed));
    if (outcome == Outcome.CROSSES && !(low <= value && value <= high)) {
      throw new IllegalArgumentException("goal-seek " + name + ": low <= value <= high expected, got " + low + ", "
          + value + ", " + high);
    }
  }
}
