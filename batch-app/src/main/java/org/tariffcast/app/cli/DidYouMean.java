package org.tariffcast.app.cli;

import java.util.Collection;
import java.util.Locale;
import java.util.Optional;

/** The known name closest to a mistyped one, if one is close enough to be a likely typo. */
final class DidYouMean {
  private DidYouMean() {}

  static Optional<String> closest(String typed, Collection<String> known) {
    String t = typed.toLowerCase(Locale.ROOT);
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    for (String k : known) {
      String c = k.toLowerCase(Locale.ROOT);
      int d = c.startsWith(t) || t.startsWith(c) ? 1 : distance(t, c);
      if (d < bestDistance) {
        best = k;
        bestDistance = d;
      }
    }
    return best != null && bestDistance <= Math.max(2, t.length() / 3) ? Optional.of(best) : Optional.empty();
  }

  /** Levenshtein distance: insertions, deletions and substitutions. */
  static int distance(String a, String b) {
    int[] prev = new int[b.length() + 1];
    int[] cur = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      prev[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      cur[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int substitute = prev[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
        cur[j] = Math.min(substitute, Math.min(prev[j], cur[j - 1]) + 1);
      }
      int[] swap = prev;
      prev = cur;
      cur = swap;
    }
    return prev[b.length()];
  }

  /** {@code no scenario 'Nope' in run 2; did you mean 'No deal'? (known: a, b, c)} */
  static String message(String what, String typed, String where, Collection<String> known) {
    return "no " + what + " '" + typed + "' in " + where
        + closest(typed, known).map(s -> "; did you mean '" + s + "'?").orElse("") + " (" + what + "s: "
        + String.join(", ", known) + ")";
  }
}
