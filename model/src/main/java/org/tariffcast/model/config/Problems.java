package org.tariffcast.model.config;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Collects every problem found while reading a study, so that all are reported at once. Per
 * file it keeps the first {@link #SHOWN_PER_FILE} problems by location and counts the others:
 * a 50 MB file of bad rows costs 50 messages, not a million.
 */
final class Problems {
  /** Problems kept (and printed) per file; the rest are counted. */
  static final int SHOWN_PER_FILE = 50;

  private final Map<String, TreeSet<ConfigProblem>> kept = new TreeMap<>();
  private final Map<String, Long> omitted = new TreeMap<>();
  private long total;

  void add(String file, int line, int column, String field, String expected, String found) {
    add(ConfigProblem.of(file, line, column, field, expected, found));
  }

  void add(ConfigProblem p) {
    TreeSet<ConfigProblem> set = kept.computeIfAbsent(p.file(), f -> new TreeSet<>());
    if (!set.add(p)) {
      return; // the same problem twice counts once
    }
    total++;
    if (set.size() > SHOWN_PER_FILE) {
      set.pollLast();
      omitted.merge(p.file(), 1L, Long::sum);
    }
  }

  boolean isEmpty() {
    return total == 0;
  }

  /** The files that have a problem. */
  java.util.Set<String> files() {
    return java.util.Set.copyOf(kept.keySet());
  }

  /** Every problem found, including those not kept. */
  long size() {
    return total;
  }

  /** The kept problems, sorted by file, line and column. */
  List<ConfigProblem> sorted() {
    return kept.values().stream().flatMap(TreeSet::stream).sorted().toList();
  }

  /** The exception that reports them: kept problems, and per file how many more there were. */
  ConfigException exception() {
    Map<String, Long> more = new LinkedHashMap<>(omitted);
    return new ConfigException(sorted(), more);
  }

  /**
   * Quotes what was found in the file, shortened if long, with control characters (and the
   * Unicode controls that reorder text) written as escapes, so a message never carries them
   * to a console or a log.
   */
  static String quote(String text) {
    if (text == null) {
      return "nothing";
    }
    String t = text.length() > 80 ? text.substring(0, 77) + "..." : text;
    return "'" + escapeControls(t) + "'";
  }

  /** {@code text} with every character {@link #isControl} written as {@code \n}, {@code \t} or {@code \\uXXXX}. */
  static String escapeControls(String text) {
    StringBuilder b = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\n') {
        b.append("\\n");
      } else if (c == '\t') {
        b.append("\\t");
      } else if (c == '\r') {
        b.append("\\r");
      } else if (isControl(c)) {
        b.append(String.format("\\u%04X", (int) c));
      } else {
        b.append(c);
      }
    }
    return b.toString();
  }

  /**
   * A character that must not stand in a name: C0 and C1 controls, DEL, the bidirectional
   * embeddings, overrides and isolates (U+202A-U+202E, U+2066-U+2069, which can make a name
   * print as another), the line and paragraph separators and the byte-order mark.
   */
  static boolean isControl(char c) {
    return Character.isISOControl(c) || c >= '\u202A' && c <= '\u202E' || c >= '\u2066' && c <= '\u2069'
        || c == '\u2028' || c == '\u2029' || c == '\u200E' || c == '\u200F' || c == '\uFEFF';
  }

  /** The first control character of {@code text} (see {@link #isControl}), or -1. */
  static int firstControl(String text, boolean lineBreaksAllowed) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (isControl(c) && !(lineBreaksAllowed && (c == '\n' || c == '\t' || c == '\r'))) {
        return i;
      }
    }
    return -1;
  }
}
