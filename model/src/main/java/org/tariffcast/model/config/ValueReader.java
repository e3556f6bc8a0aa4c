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
  private final Fields fields;
  private final Map<String, Parameter> named;

  ValueReader(Fields fields, Map<String, Parameter> named) {
    this.fields = fields;
    this.named = named;
  }

  /** A constraint on the drawn values, with the words an error message uses. */
  record Range(Predicate<Distribution> test, String words) {
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
