package org.tariffcast.model.config;

import java.util.ArrayList;
import java.util.List;

/** Collects every problem found while reading a study, so that all are reported at once. */
final class Problems {
  private final List<ConfigProblem> list = new ArrayList<>();

  void add(String file, int line, int column, String field, String expected, String found) {
    list.add(ConfigProblem.of(file, line, column, field, expected, found));
  }

  void add(ConfigProblem p) {
    list.add(p);
  }

  boolean isEmpty() {
    return list.isEmpty();
  }

  /** The files that have a problem. */
  java.util.Set<String> files() {
    java.util.Set<String> out = new java.util.HashSet<>();
    list.forEach(p -> out.add(p.file()));
    return out;
  }

  int size() {
    return list.size();
  }

  List<ConfigProblem> sorted() {
    return list.stream().sorted().distinct().toList();
  }

  /** Quotes what was found in the file, shortened if long. */
  static String quote(String text) {
    if (text == null) {
      return "nothing";
    }
    String t = text.length() > 80 ? text.substring(0, 77) + "..." : text;
    return "'" + t.replace("\n", "\\n") + "'";
  }
}
