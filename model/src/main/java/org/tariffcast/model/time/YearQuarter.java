package org.tariffcast.model.time;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A calendar quarter such as {@code 2025Q3}. Its {@link #ordinal()} (year * 4 + quarter - 1)
 * lets dates be numbers, so that a distribution over quarters is a distribution over ordinals.
 */
public record YearQuarter(int year, int quarter) implements Comparable<YearQuarter> {
  private static final Pattern TEXT = Pattern.compile("(\\d{4})\\s*-?\\s*Q([1-4])", Pattern.CASE_INSENSITIVE);

  public YearQuarter {
    if (year < 1900 || year > 2200) {
      throw new IllegalArgumentException("year must be in [1900, 2200], found " + year);
    }
    if (quarter < 1 || quarter > 4) {
      throw new IllegalArgumentException("quarter must be 1, 2, 3 or 4, found " + quarter);
    }
  }

  public static YearQuarter of(int year, int quarter) {
    return new YearQuarter(year, quarter);
  }

  /** Parses {@code 2025Q3} (also {@code 2025-Q3}, case-insensitive). */
  public static YearQuarter parse(String text) {
    Matcher m = TEXT.matcher(text == null ? "" : text.trim());
    if (!m.matches()) {
      throw new IllegalArgumentException("quarter must look like 2025Q3, found '" + text + "'");
    }
    return new YearQuarter(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
  }

  /** True if the text looks like a quarter ({@code 2025Q3}). */
  public static boolean looksLikeQuarter(String text) {
    return text != null && TEXT.matcher(text.trim()).matches();
  }

  public static YearQuarter ofOrdinal(long ordinal) {
    return new YearQuarter((int) Math.floorDiv(ordinal, 4), (int) Math.floorMod(ordinal, 4) + 1);
  }

  /** year * 4 + (quarter - 1): consecutive quarters have consecutive ordinals. */
  public int ordinal() {
    return year * 4 + quarter - 1;
  }

  public YearQuarter plus(int quarters) {
    return ofOrdinal((long) ordinal() + quarters);
  }

  /** Quarters from {@code this} to {@code other}: positive when other is later. */
  public int quartersUntil(YearQuarter other) {
    return other.ordinal() - ordinal();
  }

  @Override
  public int compareTo(YearQuarter o) {
    return Integer.compare(ordinal(), o.ordinal());
  }

  @Override
  public String toString() {
    return year + "Q" + quarter;
  }
}
