package org.tariffcast.model.config;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.DoublePredicate;
import org.tariffcast.model.distribution.DistributionParser;

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

  String string(YamlValue v, String expected) {
    if (!v.isScalar() || v.text().isBlank()) {
      problem(v, expected);
      return null;
    }
    return v.text().trim();
  }

  String optionalString(YamlValue v) {
    return v.isScalar() ? v.text().trim() : null;
  }

  Double number(YamlValue v, String expected, DoublePredicate ok) {
    if (!v.isScalar()) {
      problem(v, expected);
      return null;
    }
    double d;
    try {
      d = DistributionParser.number(v.text(), v.text());
    } catch (IllegalArgumentException e) {
      problem(v, expected);
      return null;
    }
    if (!ok.test(d)) {
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
