package org.tariffcast.reporting.io;

import java.text.Normalizer;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * Turns names that came from configuration (scenario names, parameters) into file-name parts
 * made only of {@code [a-z0-9-]}, never empty, at most {@value #MAX_LENGTH} characters, and
 * distinct from every part this instance handed out before ({@code -2}, {@code -3}, ... are
 * appended on a collision). "No deal (46%)" becomes {@code no-deal-46}; "../../etc" becomes
 * {@code etc}.
 */
public final class FileNames {
  public static final int MAX_LENGTH = 48;

  private final Set<String> used = new HashSet<>();

  /** A part for {@code name}, unique within this instance. */
  public String unique(String name) {
    String base = sanitize(name);
    String candidate = base;
    for (int i = 2; !used.add(candidate); i++) {
      String suffix = "-" + i;
      candidate = trimDashes(base.substring(0, Math.min(base.length(), MAX_LENGTH - suffix.length()))) + suffix;
    }
    return candidate;
  }

  /** Reserves a part so that {@link #unique} never returns it (e.g. fixed chart names). */
  public void reserve(String part) {
    used.add(part);
  }

  /** The sanitized part of {@code name}, not made unique. */
  public static String sanitize(String name) {
    String text = name == null ? "" : Normalizer.normalize(name, Normalizer.Form.NFKD);
    StringBuilder out = new StringBuilder();
    boolean dash = false;
    for (char c : text.toLowerCase(Locale.ROOT).toCharArray()) {
      if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
        out.append(c);
        dash = false;
      } else if (Character.getType(c) == Character.NON_SPACING_MARK) {
        continue; // accents removed: "Việt Nam" -> "viet-nam"
      } else if (!dash && out.length() > 0) {
        out.append('-');
        dash = true;
      }
    }
    String result = trimDashes(out.length() > MAX_LENGTH ? out.substring(0, MAX_LENGTH) : out.toString());
    return result.isEmpty() ? "unnamed" : result;
  }

  private static String trimDashes(String s) {
    int start = 0;
    int end = s.length();
    while (start < end && s.charAt(start) == '-') {
      start++;
    }
    while (end > start && s.charAt(end - 1) == '-') {
      end--;
    }
    return s.substring(start, end);
  }
}
