package org.tariffcast.model.config;

import java.util.Map;
import java.util.function.Predicate;
import org.tariffcast.model.distribution.Distribution;
import org.tariffcast.model.distribution.DistributionParser;
import org.tariffcast.model.distribution.Parameter;

/**
 * Reads a value that may be uncertain: a number, a one-line distribution, or the name of a
 * parameter from {@code parameters.yml}. Problems name the location.
 */
final class ValueReader {
  private static final String NAME = "[A-Za-z_][A-Za-z0-9_.\\-]*";
  /** A quarter inside a value, such as the 2025Q3 of {@code triangular(2025Q3, ...)}. */
  private static final java.util.regex.Pattern QUARTER =
      java.util.regex.Pattern.compile("(?<![A-Za-z0-9_.])\\d{1,4}\\s*-?\\s*[Qq]\\s*\\d");
  private final Fields fields;
  private final Map<String, Parameter> named;

  ValueReader(Fields fields, Map<String, Parameter> named) {
    this.fields = fields;
    this.named = named;
  }

  /**
   * A constraint on the drawn values, with the words an error message uses; {@code dates} when
   * the value is a date, the only kind of value that may be written with quarters ({@code 2025Q3}).
   */
  record Range(Predicate<Distribution> test, String words, boolean dates) {
    Range(Predicate<Distribution> test, String words) {
      this(test, words, false);
    }

    /** A date: quarters allowed, with this constraint on the ordinals drawn. */
    static Range dates(Predicate<Distribution> test, String words) {
      return new Range(test, words, true);
    }

    static final Range ANY = new Range(d -> true, "");
    static final Range FRACTION = new Range(d -> d.lowerBound() >= 0 && d.upperBound() <= 1,
        "a value within [0, 1] on its whole range");
    static final Range NEGATIVE = new Range(d -> d.upperBound() < 0, "a value < 0 on its whole range");
    static final Range POSITIVE = new Range(d -> d.lowerBound() > 0, "a value > 0 on its whole range");
    static final Range POSITIVE_FINITE = new Range(d -> d.lowerBound() > 0 && Double.isFinite(d.central()),
        "a value > 0 on its whole range, with a finite central value");
    static final Range NON_NEGATIVE_FINITE = new Range(
        d -> d.lowerBound() >= 0 && Double.isFinite(d.upperBound()), "a value within [0, inf) with a finite upper bound");
    static final Range RATE = new Range(d -> d.lowerBound() > -1 && Double.isFinite(d.upperBound()),
        "a rate > -1 with a finite upper bound");
  }

  Parameter read(YamlValue v, String autoName, Range range) {
    if (v.isMissing() || !v.isScalar()) {
      fields.problem(v, "a number, a distribution such as triangular(min, mode, max), or a parameter name"
          + (range.words().isEmpty() ? "" : ", " + range.words()));
      return null;
    }
    return read(Location.of(v), v.text(), autoName, range);
  }

  Parameter read(Location at, String text, String autoName, Range range) {
    String t = text == null ? "" : text.trim();
    Parameter p;
    if (named.containsKey(t)) {
      p = named.get(t);
    } else {
      if (!range.dates() && QUARTER.matcher(t).find()) {
        fields.problem(at, (range.words().isEmpty() ? "a number or a distribution" : range.words())
            + " (a quarter such as 2025Q3 is a date, and this is not a date field)", Problems.quote(t));
        return null;
      }
      try {
        p = Parameter.of(autoName, DistributionParser.parse(t));
      } catch (DistributionParser.SyntaxException e) {
        if (t.matches(NAME) && !t.equalsIgnoreCase("inf") && !t.equalsIgnoreCase("infinity")) {
          fields.problem(at, "a number, a distribution or a parameter defined under 'parameters' in parameters.yml",
              "'" + t + "'");
        } else {
          fields.problem(at, e.expected(), e.found());
        }
        return null;
      }
    }
    if (!range.test().test(p.distribution())) {
      fields.problem(at, range.words(), "'" + t + "'"
          + (named.containsKey(t) ? " = " + p.distribution().spec() : ""));
      return null;
    }
    return p;
  }
}
