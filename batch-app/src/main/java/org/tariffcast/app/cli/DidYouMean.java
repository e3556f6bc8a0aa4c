package org.tariffcast.app.cli;

import org.tariffcast.model.Spelling;
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
      int d = c.startsWith(t) || t.startsWith(c) ? 1 : Spelling.distance(t, c);
      if (d < bestDistance) {
        best = k;
        bestDistance = d;
      }
    }
    return best != null && bestDistance <= Math.max(2, t.length() / 3) ? Optional.of(best) : Optional.empty();
  }

  /** {@code no scenario 'Nope' in run 2; did you mean 'No deal'? (known: a, b, c)} */
  static String message(String what, String typed, String where, Collection<String> known) {
    return "no " + what + " '" + typed + "' in " + where
        + closest(typed, known).map(s -> "; did you mean '" + s + "'?").orElse("") + " (" + what + "s: "
        + String.join(", ", known) + ")";
  }
}
