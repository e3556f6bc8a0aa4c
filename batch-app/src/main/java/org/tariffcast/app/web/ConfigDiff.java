package org.tariffcast.app.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The difference between two configuration snapshots, file by file and line by line (longest
 * common subsequence, with {@value #CONTEXT} lines of context around each change), as a
 * reviewer reads a unified diff.
 */
public final class ConfigDiff {
  static final int CONTEXT = 2;
  static final int MAX_LINES = 3000;

  private ConfigDiff() {}

  /** One line of a diff: {@code kind} is ' ' (same), '+' (added), '-' (removed) or '@' (a gap). */
  public record Line(char kind, String text) {
    public String css() {
      return switch (kind) {
        case '+' -> "diff-add";
        case '-' -> "diff-del";
        case '@' -> "diff-gap";
        default -> "diff-same";
      };
    }

    public String shown() {
      return kind == '@' ? text : kind + " " + text;
    }
  }

  /** One file: added, removed or changed, with its lines. */
  public record FileDiff(String path, String change, List<Line> lines) {}

  /** Files that differ between {@code before} and {@code after}, by path. */
  public static List<FileDiff> of(Map<String, String> before, Map<String, String> after) {
    List<FileDiff> out = new ArrayList<>();
    TreeSet<String> paths = new TreeSet<>(before.keySet());
    paths.addAll(after.keySet());
    for (String p : paths) {
      String a = before.get(p);
      String b = after.get(p);
      if (a == null) {
        out.add(new FileDiff(p, "added", lines(List.of(), split(b))));
      } else if (b == null) {
        out.add(new FileDiff(p, "removed", lines(split(a), List.of())));
      } else if (!a.equals(b)) {
        out.add(new FileDiff(p, "changed", lines(split(a), split(b))));
      }
    }
    return out;
  }

  static List<String> split(String s) {
    return s.isEmpty() ? List.of() : List.of(s.split("\r?\n", -1));
  }

  /** The unified lines of a change from {@code a} to {@code b}. */
  static List<Line> lines(List<String> a, List<String> b) {
    int prefix = 0;
    while (prefix < a.size() && prefix < b.size() && a.get(prefix).equals(b.get(prefix))) {
      prefix++;
    }
    int suffix = 0;
    while (suffix < a.size() - prefix && suffix < b.size() - prefix
        && a.get(a.size() - 1 - suffix).equals(b.get(b.size() - 1 - suffix))) {
      suffix++;
    }
    List<String> am = a.subList(prefix, a.size() - suffix);
    List<String> bm = b.subList(prefix, b.size() - suffix);
    List<Line> all = new ArrayList<>();
    for (int i = 0; i < prefix; i++) {
      all.add(new Line(' ', a.get(i)));
    }
    if (am.size() > MAX_LINES || bm.size() > MAX_LINES) {
      am.forEach(l -> all.add(new Line('-', l)));
      bm.forEach(l -> all.add(new Line('+', l)));
    } else {
      int[][] lcs = new int[am.size() + 1][bm.size() + 1];
      for (int i = am.size() - 1; i >= 0; i--) {
        for (int j = bm.size() - 1; j >= 0; j--) {
          lcs[i][j] = am.get(i).equals(bm.get(j)) ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
        }
      }
      int i = 0;
      int j = 0;
      while (i < am.size() || j < bm.size()) {
        if (i < am.size() && j < bm.size() && am.get(i).equals(bm.get(j))) {
          all.add(new Line(' ', am.get(i++)));
          j++;
        } else if (i < am.size() && (j == bm.size() || lcs[i + 1][j] >= lcs[i][j + 1])) {
          all.add(new Line('-', am.get(i++)));
        } else {
          all.add(new Line('+', bm.get(j++)));
        }
      }
    }
    for (int k = a.size() - suffix; k < a.size(); k++) {
      all.add(new Line(' ', a.get(k)));
    }
    return trimContext(all);
  }

  /** Keeps changed lines and {@value #CONTEXT} lines around them; a gap line stands for what is left out. */
  static List<Line> trimContext(List<Line> all) {
    boolean[] keep = new boolean[all.size()];
    for (int i = 0; i < all.size(); i++) {
      if (all.get(i).kind() != ' ') {
        for (int k = Math.max(0, i - CONTEXT); k <= Math.min(all.size() - 1, i + CONTEXT); k++) {
          keep[k] = true;
        }
      }
    }
    List<Line> out = new ArrayList<>();
    int skipped = 0;
    for (int i = 0; i < all.size(); i++) {
      if (keep[i]) {
        if (skipped > 0) {
          out.add(new Line('@', "… " + skipped + " unchanged line" + (skipped == 1 ? "" : "s") + " …"));
          skipped = 0;
        }
        out.add(all.get(i));
      } else {
        skipped++;
      }
    }
    if (skipped > 0 && !out.isEmpty()) {
      out.add(new Line('@', "… " + skipped + " unchanged line" + (skipped == 1 ? "" : "s") + " …"));
    }
    return out;
  }
}
