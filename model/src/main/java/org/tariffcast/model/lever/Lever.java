package org.tariffcast.model.lever;

import static org.tariffcast.model.Checks.notBlank;

/**
 * A negotiating lever: a named number the study's rules, commitments and dates may use in
 * expressions ({@code surcharge: us_rate_vn * 0.65}), with the range a negotiator would consider.
 * A run uses {@code defaultValue}; a sweep sets it to each value of a grid within [min, max].
 *
 * @param key the name expressions use, such as {@code us_rate_vn}
 * @param label what reports call it, such as "US rate on Vietnamese goods"
 * @param unit the unit of the value, as reports print it (a fraction of the customs value, a
 *     multiple of the pledged package...)
 * @param defaultValue the value of a plain run, within [min, max]
 * @param min the lowest value allowed
 * @param max the highest value allowed
 * @param value the value this configuration uses: the default, or what {@code levers.yml} sets
 *     (a grid point of a sweep)
 */
public record Lever(String key, String label, String unit, double defaultValue, double min, double max,
    double value) {
  /** How lever keys are written: a lower-case letter, then lower-case letters, digits or '_'. */
  public static final String KEY_PATTERN = "[a-z][a-z0-9_]{0,63}";

  public Lever {
    notBlank(key, "lever key");
    if (!key.matches(KEY_PATTERN)) {
      throw new IllegalArgumentException("lever key must match " + KEY_PATTERN + ", got '" + key + "'");
    }
    notBlank(label, "label of lever " + key);
    unit = unit == null ? "" : unit;
    if (!Double.isFinite(min) || !Double.isFinite(max) || min > max) {
      throw new IllegalArgumentException("lever " + key + ": min <= max, both finite, expected; got min " + min
          + ", max " + max);
    }
    if (!(defaultValue >= min && defaultValue <= max)) {
      throw new IllegalArgumentException("lever " + key + ": default within [" + min + ", " + max + "] expected; got "
          + defaultValue);
    }
    if (!(value >= min && value <= max)) {
      throw new IllegalArgumentException("lever " + key + ": value within [" + min + ", " + max + "] expected; got "
          + value);
    }
  }

  /** A lever at its default value. */
  public static Lever of(String key, String label, String unit, double defaultValue, double min, double max) {
    return new Lever(key, label, unit, defaultValue, min, max, defaultValue);
  }

  /** The same lever set to {@code newValue} (within [min, max]). */
  public Lever at(double newValue) {
    return new Lever(key, label, unit, defaultValue, min, max, newValue);
  }

  /** True if this configuration uses another value than the default. */
  public boolean isMoved() {
    return Double.compare(value, defaultValue) != 0;
  }

  /** True if {@code value} is within [min, max]. */
  public boolean allows(double value) {
    return value >= min && value <= max;
  }
}
