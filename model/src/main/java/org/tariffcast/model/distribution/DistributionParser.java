package org.tariffcast.model.distribution;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.tariffcast.model.time.YearQuarter;

/**
 * Reads the one-line distribution syntax shared by YAML and CSV files:
 *
 * <pre>
 *   5                     fixed value (also fixed(5), inf, -inf, 46%)
 *   normal(mean, sd)
 *   truncnormal(mean, sd, min, max)
 *   lognormal(mu, sigma)
 *   uniform(min, max)
 *   triangular(min, mode, max)
 *   beta(alpha, beta) | beta(alpha, beta, min, max)
 *   discrete(v1: p1, v2: p2, ...)
 * </pre>
 *
 * A number may be written as a percentage ({@code 46%} is 0.46) or as a quarter
 * ({@code 2025Q3}, read as its {@linkplain YearQuarter#ordinal() ordinal}). Errors are
 * {@link SyntaxException}s that say what was expected and what was found.
 */
public final class DistributionParser {
  /** The names a modeler may write, for error messages. */
  public static final String KINDS =
      "a number or one of fixed(v), normal(mean, sd), truncnormal(mean, sd, min, max), lognormal(mu, sigma), "
          + "uniform(min, max), triangular(min, mode, max), beta(alpha, beta[, min, max]), discrete(v: p, ...)";

  private DistributionParser() {}

  /** A text that is not a distribution: says what was expected and what was found. */
  public static final class SyntaxException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;
    private final String expected;
    private final String found;

    SyntaxException(String expected, String found, Throwable cause) {
      super("expected " + expected + ", found " + found, cause);
      this.expected = expected;
      this.found = found;
    }

    /** What would have been right, e.g. {@code 3 arguments in triangular(...)}. */
    public String expected() {
      return expected;
    }

    /** What was written, quoted. */
    public String found() {
      return found;
    }
  }

  private static SyntaxException fail(String expected, String found) {
    return new SyntaxException(expected, found, null);
  }

  public static Distribution parse(String text) {
    if (text == null || text.isBlank()) {
      throw fail(KINDS, "an empty value");
    }
    String s = text.trim();
    int open = s.indexOf('(');
    if (open < 0) {
      return Fixed.of(number(s, text));
    }
    if (!s.endsWith(")")) {
      throw fail("a closing ')' in a distribution", "'" + text.trim() + "'");
    }
    String kind = s.substring(0, open).trim().toLowerCase(Locale.ROOT);
    String inner = s.substring(open + 1, s.length() - 1).trim();
    List<String> args = inner.isEmpty() ? List.of() : split(inner);
    try {
      return switch (kind) {
        case "fixed" -> { arity(kind, args, 1, text); yield Fixed.of(number(args.get(0), text)); }
        case "normal" -> { arity(kind, args, 2, text); yield Normal.of(num(args, 0, text), num(args, 1, text)); }
        case "truncnormal", "truncated_normal" -> {
          arity(kind, args, 4, text);
          yield TruncatedNormal.of(num(args, 0, text), num(args, 1, text), num(args, 2, text), num(args, 3, text));
        }
        case "lognormal" -> { arity(kind, args, 2, text); yield LogNormal.of(num(args, 0, text), num(args, 1, text)); }
        case "uniform" -> { arity(kind, args, 2, text); yield Uniform.of(num(args, 0, text), num(args, 1, text)); }
        case "triangular" -> {
          arity(kind, args, 3, text);
          yield Triangular.of(num(args, 0, text), num(args, 1, text), num(args, 2, text));
        }
        case "beta" -> {
          if (args.size() == 2) {
            yield BetaDist.of(num(args, 0, text), num(args, 1, text));
          }
          arity(kind, args, 4, text);
          yield BetaDist.of(num(args, 0, text), num(args, 1, text), num(args, 2, text), num(args, 3, text));
        }
        case "discrete" -> discrete(args, text);
        default -> throw fail(KINDS, "'" + text.trim() + "'");
      };
    } catch (SyntaxException e) {
      throw e;
    } catch (IllegalArgumentException e) {
      throw new SyntaxException("a valid " + kind + " distribution (" + e.getMessage() + ")", "'" + text.trim() + "'", e);
    }
  }

  /** Reads one number: decimal, {@code inf}, a percentage or a quarter ordinal. */
  public static double number(String token, String context) {
    String t = token.trim();
    String lower = t.toLowerCase(Locale.ROOT);
    if (lower.equals("inf") || lower.equals("+inf") || lower.equals("infinity") || lower.equals(".inf")) {
      return Double.POSITIVE_INFINITY;
    }
    if (lower.equals("-inf") || lower.equals("-infinity") || lower.equals("-.inf")) {
      return Double.NEGATIVE_INFINITY;
    }
    if (YearQuarter.looksLikeQuarter(t)) {
      return YearQuarter.parse(t).ordinal();
    }
    boolean percent = t.endsWith("%");
    String digits = percent ? t.substring(0, t.length() - 1).trim() : t;
    if (!digits.matches("[+-]?(?:\\d++(?:\\.\\d*+)?|\\.\\d++)(?:[eE][+-]?\\d++)?")) {
      throw fail("a number (e.g. 0.46 or 46%; inf; a quarter such as 2025Q3 for a date)", "'" + t + "'"
          + (context.trim().equals(t) ? "" : " in '" + context.trim() + "'"));
    }
    double v = Double.parseDouble(digits);
    if (!Double.isFinite(v)) {
      throw fail("a number within +-1.7e308 (write inf for infinity)", "'" + t + "'"
          + (context.trim().equals(t) ? "" : " in '" + context.trim() + "'"));
    }
    return percent ? v / 100.0 : v;
  }

  private static Discrete discrete(List<String> args, String text) {
    if (args.isEmpty()) {
      throw fail("discrete(value: probability, ...)", "'" + text.trim() + "'");
    }
    List<Double> values = new ArrayList<>();
    List<Double> probs = new ArrayList<>();
    for (String a : args) {
      int colon = a.lastIndexOf(':');
      if (colon < 0) {
        throw fail("'value: probability' in discrete(...)", "'" + a.trim() + "'");
      }
      values.add(number(a.substring(0, colon), text));
      probs.add(number(a.substring(colon + 1), text));
    }
    return new Discrete(values, probs);
  }

  private static double num(List<String> args, int i, String text) {
    return number(args.get(i), text);
  }

  private static void arity(String kind, List<String> args, int n, String text) {
    if (args.size() != n) {
      throw fail(n + " argument" + (n == 1 ? "" : "s") + " in " + kind + "(...)",
          args.size() + " in '" + text.trim() + "'");
    }
  }

  private static List<String> split(String inner) {
    List<String> out = new ArrayList<>();
    for (String part : inner.split(",", -1)) {
      out.add(part.trim());
    }
    return out;
  }
}
