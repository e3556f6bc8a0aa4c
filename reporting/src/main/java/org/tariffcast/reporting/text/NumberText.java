package org.tariffcast.reporting.text;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.text.NumberFormat;
import java.util.Locale;

/**
 * Numbers as words in sentences and chart labels, the same on every machine whatever its
 * locale: a point for decimals, a comma for thousands, half-up rounding.
 */
public final class NumberText {
  private NumberText() {}

  /** A formatter with root-locale symbols, e.g. {@code #,##0.0}. */
  public static NumberFormat format(String pattern) {
    DecimalFormat f = new DecimalFormat(pattern, DecimalFormatSymbols.getInstance(Locale.ROOT));
    f.setRoundingMode(RoundingMode.HALF_UP);
    return f;
  }

  /** USD as billions with one decimal and no unit: 136.6e9 is {@code 136.6}. */
  public static String bn(double usd) {
    return fixed(usd / 1e9, 1);
  }

  /** USD as {@code USD 136.6 bn}. */
  public static String usdBn(double usd) {
    return "USD " + bn(usd) + " bn";
  }

  /** Decimals that keep a percentage readable: none from 9.5 % up, one below. */
  public static int percentDecimals(double... fractions) {
    for (double f : fractions) {
      if (Math.abs(f) < 0.095) {
        return 1;
      }
    }
    return 0;
  }

  /** The magnitude of a fraction as a percentage number without sign or unit: -0.312 is {@code 31}. */
  public static String percentNumber(double fraction, int decimals) {
    return fixed(Math.abs(fraction) * 100, decimals);
  }

  /** A signed percentage with unit: 0.312 is {@code +31 %}, -0.05 is {@code -5.0 %}. */
  public static String signedPercent(double fraction) {
    int d = percentDecimals(fraction);
    String n = fixed(fraction * 100, d);
    return (n.startsWith("-") || isZero(n) ? n : "+" + n) + " %";
  }

  /** A probability as {@code 37 %}. */
  public static String probability(double p) {
    return fixed(p * 100, 0) + " %";
  }

  /**
   * A probability for readers: one decimal ({@code 37.0 %}), and {@code < 0.1 %} or
   * {@code > 99.9 %} near 0 and 1, so that a share of trials never reads as certainty.
   */
  public static String probabilityText(double p) {
    if (p < 0.0005) {
      return "< 0.1 %";
    }
    if (p >= 0.9995) { // 99.95 % and above would round to "100.0 %"
      return "> 99.9 %";
    }
    return fixed(p * 100, 1) + " %";
  }

  /** Fixed decimals with grouping, no negative zero. */
  public static String fixed(double value, int decimals) {
    if (!Double.isFinite(value)) {
      return "n/a";
    }
    String pattern = decimals == 0 ? "#,##0" : "#,##0." + "0".repeat(decimals);
    String s = format(pattern).format(new BigDecimal(value).setScale(decimals, RoundingMode.HALF_UP));
    return isZero(s) ? s.replace("-", "") : s;
  }

  private static boolean isZero(String s) {
    return s.chars().noneMatch(c -> c >= '1' && c <= '9');
  }
}
