package org.tariffcast.model.config;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Collection;
import org.tariffcast.model.time.YearQuarter;

/**
 * The arithmetic a value may be written with: numbers ({@code 0.65}, {@code 46%}), lever names
 * and fixed parameters, {@code + - * /} (also {@code × ÷ −}), unary minus and parentheses; in a
 * date field, quarters ({@code 2025Q3 + delay}, as quarter ordinals). Read by recursive descent,
 * no scripting engine. Evaluated in decimal arithmetic (34 significant digits) and rounded to a
 * double once at the end, so {@code 20% * 0.65} is the double nearest 0.13 — the same as
 * writing {@code 13%}.
 */
final class Expression {
  private static final MathContext MC = MathContext.DECIMAL128;

  /** The names an expression may use. */
  interface Names {
    /** The value of a lever or a fixed parameter; null if the name is neither. */
    BigDecimal constant(String name);

    /** True if the name is a parameter whose value varies per trial. */
    boolean perTrial(String name);

    /** Every name known, for "did you mean". */
    Collection<String> known();
  }

  /** A problem at a character offset of the expression (0-based). */
  static final class Failure extends Exception {
    private static final long serialVersionUID = 1L;
    final int offset;
    final String expected;
    final String found;

    Failure(int offset, String expected, String found) {
      super(expected + ", found " + found, null, false, false);
      this.offset = offset;
      this.expected = expected;
      this.found = found;
    }
  }

  private final String text;
  private final Names names;
  private final boolean dates;
  private int pos;

  private Expression(String text, Names names, boolean dates) {
    this.text = text;
    this.names = names;
    this.dates = dates;
  }

  /** The value of {@code text}; {@code dates} allows quarters (as ordinals). */
  static BigDecimal evaluate(String text, Names names, boolean dates) throws Failure {
    Expression e = new Expression(text, names, dates);
    BigDecimal v = e.sum();
    e.skipSpace();
    if (e.pos < text.length()) {
      throw new Failure(e.pos, "an operator (+, -, *, /) or the end of the expression",
          "'" + text.substring(e.pos) + "'");
    }
    return v;
  }

  /** True if {@code text} uses operators or names, so a failed plain read should be explained as an expression. */
  static boolean looksLikeExpression(String text, Names names) {
    String t = text.trim();
    if (t.matches("[A-Za-z_]+\\s*\\(.*")) {
      return false; // a distribution such as triangular(...): its parser explains the problem
    }
    if (t.matches(".*[+*/()×÷−].*") || t.indexOf('-', 1) > 0) {
      return true;
    }
    for (String n : names.known()) {
      if (t.equals(n)) {
        return true;
      }
    }
    return false;
  }

  private BigDecimal sum() throws Failure {
    BigDecimal v = product();
    while (true) {
      skipSpace();
      char c = peek();
      if (c == '+') {
        pos++;
        v = v.add(product(), MC);
      } else if (c == '-' || c == '−') {
        pos++;
        v = v.subtract(product(), MC);
      } else {
        return v;
      }
    }
  }

  private BigDecimal product() throws Failure {
    BigDecimal v = unary();
    while (true) {
      skipSpace();
      char c = peek();
      if (c == '*' || c == '×') {
        pos++;
        v = v.multiply(unary(), MC);
      } else if (c == '/' || c == '÷') {
        int at = pos++;
        int start = pos;
        BigDecimal d = unary();
        if (d.signum() == 0) {
          throw new Failure(at, "a divisor other than 0",
              "'" + text.substring(start, pos).trim() + "' = 0");
        }
        v = v.divide(d, MC);
      } else {
        return v;
      }
    }
  }

  private BigDecimal unary() throws Failure {
    skipSpace();
    char c = peek();
    if (c == '-' || c == '−') {
      pos++;
      return unary().negate();
    }
    if (c == '+') {
      pos++;
      return unary();
    }
    return primary();
  }

  private BigDecimal primary() throws Failure {
    skipSpace();
    int start = pos;
    char c = peek();
    if (c == '(') {
      pos++;
      BigDecimal v = sum();
      skipSpace();
      if (peek() != ')') {
        throw new Failure(pos, "')' closing the '(' at character " + (start + 1), found());
      }
      pos++;
      return v;
    }
    if (Character.isDigit(c) || c == '.') {
      return number(start);
    }
    if (Character.isLetter(c) || c == '_') {
      while (pos < text.length() && (Character.isLetterOrDigit(text.charAt(pos)) || text.charAt(pos) == '_'
          || text.charAt(pos) == '.')) {
        pos++;
      }
      return name(start, text.substring(start, pos));
    }
    throw new Failure(pos, "a number, a lever or parameter name, '-' or '('", found());
  }

  private BigDecimal number(int start) throws Failure {
    while (pos < text.length() && (Character.isDigit(text.charAt(pos)) || text.charAt(pos) == '.')) {
      pos++;
    }
    if (pos < text.length() && (text.charAt(pos) == 'e' || text.charAt(pos) == 'E')) {
      int save = pos++;
      if (pos < text.length() && (text.charAt(pos) == '+' || text.charAt(pos) == '-')) {
        pos++;
      }
      if (pos < text.length() && Character.isDigit(text.charAt(pos))) {
        while (pos < text.length() && Character.isDigit(text.charAt(pos))) {
          pos++;
        }
      } else {
        pos = save;
      }
    }
    String digits = text.substring(start, pos);
    if (pos < text.length() && (text.charAt(pos) == 'Q' || text.charAt(pos) == 'q')) {
      while (pos < text.length() && Character.isDigit(text.charAt(pos)) || pos < text.length()
          && (text.charAt(pos) == 'Q' || text.charAt(pos) == 'q')) {
        pos++;
      }
      String quarter = text.substring(start, pos);
      if (!dates || !YearQuarter.looksLikeQuarter(quarter)) {
        throw new Failure(start, dates ? "a quarter such as 2025Q3" : "a number (a quarter is a date, and this is "
            + "not a date field)", "'" + quarter + "'");
      }
      return BigDecimal.valueOf(YearQuarter.parse(quarter).ordinal());
    }
    BigDecimal v;
    try {
      v = new BigDecimal(digits);
    } catch (NumberFormatException e) {
      throw new Failure(start, "a number such as 0.65 or 46%", "'" + digits + "'");
    }
    if (v.abs().compareTo(BigDecimal.valueOf(Double.MAX_VALUE)) > 0) {
      throw new Failure(start, "a finite number", "'" + digits + "'");
    }
    skipSpace();
    if (peek() == '%') {
      pos++;
      v = v.movePointLeft(2);
    }
    return v;
  }

  private BigDecimal name(int start, String name) throws Failure {
    BigDecimal v = names.constant(name);
    if (v != null) {
      return v;
    }
    if (names.perTrial(name)) {
      throw new Failure(start, "a lever or a fixed parameter (a parameter that varies per trial may only stand "
          + "alone)", "'" + name + "'");
    }
    String near = nearest(name, names.known());
    throw new Failure(start, "a known lever or parameter", "'" + name + "'" + (near == null ? ""
        : " (did you mean " + near + "?)"));
  }

  private String found() {
    return pos >= text.length() ? "the end of the expression" : "'" + text.substring(pos) + "'";
  }

  private char peek() {
    return pos < text.length() ? text.charAt(pos) : '\0';
  }

  private void skipSpace() {
    while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
      pos++;
    }
  }

  /**
   * The known name closest to {@code name} by edit distance, if within 2 edits (and less than
   * half its length); else the known names (at most 3, joined by "or") that {@code name} begins
   * up to an underscore, such as {@code us_rate_vn} for {@code us_rate}; else null.
   */
  static String nearest(String name, Collection<String> known) {
    String best = null;
    int bestD = Integer.MAX_VALUE;
    for (String k : known) {
      int d = org.tariffcast.model.Spelling.distance(name.toLowerCase(java.util.Locale.ROOT), k.toLowerCase(java.util.Locale.ROOT));
      if (d < bestD || d == bestD && best != null && k.compareTo(best) < 0) {
        best = k;
        bestD = d;
      }
    }
    if (bestD <= 2 && bestD * 2 < name.length()) {
      return best;
    }
    // a shortened key ("us_rate" for "us_rate_vn"): the known names it begins, word by word
    String lower = name.toLowerCase(java.util.Locale.ROOT);
    java.util.List<String> longer = new java.util.ArrayList<>();
    for (String k : known) {
      if (name.length() >= 3 && k.toLowerCase(java.util.Locale.ROOT).startsWith(lower + "_")) {
        longer.add(k);
      }
    }
    longer.sort(null);
    return longer.isEmpty() || longer.size() > 3 ? null : String.join(" or ", longer);
  }
}
