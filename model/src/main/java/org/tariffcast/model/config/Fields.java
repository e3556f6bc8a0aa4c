package org.tariffcast.model.config;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.DoublePredicate;

/** Typed reads of YAML values; every failure becomes a located problem and a null result. */
final class Fields {
  final Problems problems;

  Fields(Problems problems) {
    this.problems = problems;
  }

  void problem(YamlValue v, String expected) {
    problems.add(v.file, v.line, v.column, v.path, expected, v.found());
  }

  void problem(YamlValue v, String expected, String found) {
    problems.add(v.file, v.line, v.column, v.path, expected, found);
  }

  void problem(Location at, String expected, String found) {
    problems.add(at.file(), at.line(), at.column(), at.field(), expected, found);
  }

  /**
   * Checks that {@code map} is a mapping with no unknown key and no key twice. A missing required
   * key is reported by the read of its value, which knows what it expects. Returns false (after
   * reporting) when it is not a mapping.
   */
  boolean keys(YamlValue map, Set<String> required, Set<String> optional) {
    if (!map.isMap()) {
      problem(map, "a mapping with " + (required.isEmpty() ? "keys " + new TreeSet<>(optional)
          : "keys " + new TreeSet<>(required)));
      return false;
    }
    Set<String> allowed = new TreeSet<>(required);
    allowed.addAll(optional);
    Set<String> seen = new HashSet<>();
    for (YamlValue k : map.keyNodes()) {
      String key = k.text();
      if (!seen.add(key)) {
        problems.add(k.file, k.line, k.column, k.path, "each key once", "'" + key + "' again");
      } else if (!allowed.contains(key)) {
        problems.add(k.file, k.line, k.column, k.path, "one of the keys " + allowed, "unknown key '" + key + "'");
      }
    }
    return true;
  }

  /**
   * The longest name (scenario, regime, commitment, target, region or sector name, source), in
   * characters: the database stores names in VARCHAR(200) columns, and names built from two of
   * them (such as {@code scenario[S].regime[R].rule[1].surcharge}) in VARCHAR(500).
   */
  static final int MAX_NAME = 200;
  /** The longest title (VARCHAR(500) in the database). */
  static final int MAX_TITLE = 500;
  /** The longest description or source text (VARCHAR(4000) in the database). */
  static final int MAX_TEXT = 4000;

  /** A plain decimal number: optional sign, digits with an optional point, optional exponent. */
  private static final java.util.regex.Pattern PLAIN =
      java.util.regex.Pattern.compile("[+-]?(?:\\d++(?:\\.\\d*+)?|\\.\\d++)(?:[eE][+-]?\\d++)?");

  /**
   * {@code text} read as a plain decimal number that is finite after parsing, or null: no
   * percent sign, no quarter, no {@code inf} or {@code NaN}, no digit grouping, no
   * {@code 1e400} (which would overflow to infinity).
   */
  static Double plainNumber(String text) {
    if (text == null) {
      return null;
    }
    String t = text.trim();
    if (!PLAIN.matcher(t).matches()) {
      return null;
    }
    double d = Double.parseDouble(t);
    return Double.isFinite(d) ? d : null;
  }

  /** True if {@code text} is written as a plain decimal number, whether or not it is finite. */
  static boolean looksPlain(String text) {
    return text != null && PLAIN.matcher(text.trim()).matches();
  }

  /** A name: a non-blank scalar of at most {@link #MAX_NAME} characters and no control character. */
  String string(YamlValue v, String expected) {
    return string(v, expected, MAX_NAME);
  }

  /** A non-blank scalar of at most {@code max} characters (after trimming) and no control character. */
  String string(YamlValue v, String expected, int max) {
    if (!v.isScalar() || v.text().isBlank()) {
      problem(v, expected);
      return null;
    }
    return checkedText(v, v.text().trim(), expected, max, false);
  }

  /**
   * The text of a name to show in paths such as {@code scenarios[No deal]}, or null (then the
   * path keeps the item's index) when it is missing, blank, too long or holds a control
   * character. Reports nothing: the read of the name itself does.
   */
  String label(YamlValue v) {
    if (!v.isScalar() || v.text().isBlank()) {
      return null;
    }
    String t = v.text().trim();
    return t.length() <= MAX_NAME && Problems.firstControl(t, false) < 0 ? t : null;
  }

  /** An optional title: null when absent; at most {@link #MAX_TITLE} characters, no control character. */
  String optionalString(YamlValue v) {
    return optionalString(v, MAX_TITLE);
  }

  /** An optional text of at most {@code max} characters; line breaks and tabs allowed, other controls not. */
  String optionalString(YamlValue v, int max) {
    if (!v.isScalar()) {
      if (!v.isMissing()) {
        problem(v, "a text of at most " + max + " characters");
      }
      return null;
    }
    return checkedText(v, v.text().trim(), "a text", max, true);
  }

  private String checkedText(YamlValue v, String text, String expected, int max, boolean lineBreaks) {
    int bad = Problems.firstControl(text, lineBreaks);
    if (bad >= 0) {
      problem(v, expected + " without control characters",
          String.format("U+%04X at character %d of %s", (int) text.charAt(bad), bad + 1, Problems.quote(text)));
      return null;
    }
    if (text.length() > max) {
      problem(v, expected + " of at most " + max + " characters", text.length() + " characters");
      return null;
    }
    return text;
  }

  /**
   * A plain decimal number (see {@link #plainNumber}) accepted by {@code ok}, or null after a
   * located problem. A percentage, a quarter, {@code inf} or {@code .nan} is refused.
   */
  Double number(YamlValue v, String expected, DoublePredicate ok) {
    Double d = v.isScalar() ? plainNumber(v.text()) : null;
    if (d == null || !ok.test(d)) {
      problem(v, expected);
      return null;
    }
    return d;
  }

  Long integer(YamlValue v, String expected, long min, long max) {
    if (!v.isScalar() || !v.text().trim().matches("[+-]?\\d{1,18}")) {
      problem(v, expected);
      return null;
    }
    long n = Long.parseLong(v.text().trim());
    if (n < min || n > max) {
      problem(v, expected);
      return null;
    }
    return n;
  }

  /** A sequence; a missing optional one is empty. */
  List<YamlValue> list(YamlValue v, String expected, boolean required) {
    if (v.isMissing() && !required) {
      return List.of();
    }
    if (!v.isList()) {
      problem(v, expected);
      return List.of();
    }
    return v.items();
  }

  /** A code or a list of codes, or "*" for all of {@code allowed}; unknown codes are problems. */
  List<String> selector(YamlValue v, List<String> allowed, String what) {
    List<YamlValue> values = v.isList() ? v.items() : List.of(v);
    List<String> out = new ArrayList<>();
    if (v.isList() && values.isEmpty()) {
      problem(v, "one or more " + what + " codes, or \"*\" for all");
      return List.of();
    }
    for (YamlValue x : values) {
      String code = x.isScalar() ? x.text().trim() : null;
      if (code == null || code.isEmpty()) {
        problem(x, "a " + what + " code (one of " + allowed + ") or \"*\"");
      } else if (code.equals("*")) {
        out.addAll(allowed);
      } else if (!allowed.contains(code)) {
        problem(x, "a " + what + " code, one of " + allowed + " or \"*\"");
      } else if (!out.contains(code)) {
        out.add(code);
      }
    }
    return List.copyOf(new java.util.LinkedHashSet<>(out));
  }
}
