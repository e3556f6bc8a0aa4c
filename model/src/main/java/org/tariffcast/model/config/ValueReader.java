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
  private final Map<String, Double> levers;
  private final Expression.Names names;

  ValueReader(Fields fields, Map<String, Parameter> named) {
    this(fields, named, Map.of());
  }

  /** {@code levers}: the value each lever takes in this load, by key. */
  ValueReader(Fields fields, Map<String, Parameter> named, Map<String, Double> levers) {
    this.fields = fields;
    this.named = named;
    this.levers = levers;
    this.names = new Expression.Names() {
      @Override
      public java.math.BigDecimal constant(String name) {
        Double lever = levers.get(name);
        if (lever != null) {
          return java.math.BigDecimal.valueOf(lever);
        }
        Parameter p = named.get(name);
        return p != null && !p.isUncertain() && Double.isFinite(p.central())
            ? java.math.BigDecimal.valueOf(p.central()) : null;
      }

      @Override
      public boolean perTrial(String name) {
        Parameter p = named.get(name);
        return p != null && p.isUncertain();
      }

      @Override
      public java.util.Collection<String> known() {
        java.util.Set<String> all = new java.util.TreeSet<>(levers.keySet());
        all.addAll(named.keySet());
        return all;
      }
    };
  }

  /**
   * A number known at load time, written plainly ({@code 700}) or as an expression of levers
   * and fixed parameters ({@code 700 * purchases_scale}); null after a located problem.
   * {@code expected} words the problem when the value is neither, or is out of range.
   */
  Double constant(YamlValue v, String expected, java.util.function.DoublePredicate ok) {
    if (!v.isScalar()) {
      fields.problem(v, expected);
      return null;
    }
    String t = v.text().trim();
    Double d = Fields.plainNumber(t);
    if (d == null && Expression.looksLikeExpression(t, names)) {
      d = expression(Location.of(v), quoteShift(v) + leading(v.text()), t, false);
      if (d == null) {
        return null;
      }
      if (!ok.test(d)) {
        fields.problem(Location.of(v), expected, "'" + t + "' = " + number(d));
        return null;
      }
      return d;
    }
    if (d == null || !ok.test(d)) {
      fields.problem(v, expected);
      return null;
    }
    return d;
  }

  /** The value of expression {@code t}, or null after a problem located at its character. */
  private Double expression(Location at, int shift, String t, boolean dates) {
    try {
      double d = Expression.evaluate(t, names, dates).doubleValue();
      if (!Double.isFinite(d)) {
        fields.problem(at, "a finite value", "'" + t + "'");
        return null;
      }
      return d;
    } catch (Expression.Failure e) {
      fields.problem(new Location(at.file(), at.line(), at.column() + shift + e.offset, at.field()), e.expected,
          e.found);
      return null;
    }
  }

  /** {@code d} to 10 significant digits, plainly: 0.13, 700, 0.299. */
  static String number(double d) {
    return java.math.BigDecimal.valueOf(d).round(new java.math.MathContext(10)).stripTrailingZeros().toPlainString();
  }

  private static int quoteShift(YamlValue v) {
    return v.node instanceof org.yaml.snakeyaml.nodes.ScalarNode s
        && s.getScalarStyle() != org.yaml.snakeyaml.DumperOptions.ScalarStyle.PLAIN ? 1 : 0;
  }

  private static int leading(String text) {
    int i = 0;
    while (i < text.length() && Character.isWhitespace(text.charAt(i))) {
      i++;
    }
    return i;
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
    static final Range ROUTED_SHARE = new Range(d -> d.lowerBound() >= 0 && d.upperBound() < 1,
        "a share within [0, 1) on its whole range");
    static final Range POSITIVE_FINITE_RANGE = new Range(d -> d.lowerBound() > 0 && Double.isFinite(d.upperBound()),
        "a value > 0 with a finite upper bound");
    static final Range RATE = new Range(d -> d.lowerBound() > -1 && Double.isFinite(d.upperBound()),
        "a rate > -1 with a finite upper bound");
  }

  Parameter read(YamlValue v, String autoName, Range range) {
    if (v.isMissing() || !v.isScalar()) {
      fields.problem(v, "a number, a distribution such as triangular(min, mode, max), or a parameter name"
          + (range.words().isEmpty() ? "" : ", " + range.words()));
      return null;
    }
    return read(Location.of(v), quoteShift(v) + leading(v.text()), v.text(), autoName, range);
  }

  Parameter read(Location at, String text, String autoName, Range range) {
    return read(at, text == null ? 0 : leading(text), text, autoName, range);
  }

  private Parameter read(Location at, int shift, String text, String autoName, Range range) {
    String t = text == null ? "" : text.trim();
    Parameter p;
    if (named.containsKey(t)) {
      p = named.get(t);
    } else if (levers.containsKey(t)) {
      p = Parameter.fixed(autoName, levers.get(t));
    } else {
      if (!range.dates() && QUARTER.matcher(t).find()) {
        fields.problem(at, (range.words().isEmpty() ? "a number or a distribution" : range.words())
            + " (a quarter such as 2025Q3 is a date, and this is not a date field)", Problems.quote(t));
        return null;
      }
      try {
        p = Parameter.of(autoName, DistributionParser.parse(t));
      } catch (DistributionParser.SyntaxException e) {
        if (Expression.looksLikeExpression(t, names)) {
          Double d = expression(at, shift, t, range.dates());
          if (d == null) {
            return null;
          }
          p = Parameter.fixed(autoName, d);
          if (!range.test().test(p.distribution())) {
            fields.problem(at, range.words(), "'" + t + "' = " + number(d));
            return null;
          }
          return p;
        }
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
