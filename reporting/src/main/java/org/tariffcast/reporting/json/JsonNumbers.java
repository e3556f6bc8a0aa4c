package org.tariffcast.reporting.json;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * Numbers in {@code summary.json}: at most {@value #DIGITS} significant digits, rounded half-even,
 * trailing zeros dropped, written in plain notation (no exponent), so that the same result gives
 * the same text on any JVM. Non-finite values have no JSON form and are written as null.
 */
final class JsonNumbers {
  static final int DIGITS = 10;
  private static final MathContext CONTEXT = new MathContext(DIGITS, RoundingMode.HALF_EVEN);

  private JsonNumbers() {}

  /** The rounded value, or null if {@code x} is NaN or infinite. */
  static BigDecimal round(double x) {
    if (!Double.isFinite(x)) {
      return null;
    }
    if (x == 0) {
      return BigDecimal.ZERO;
    }
    BigDecimal d = new BigDecimal(x).round(CONTEXT).stripTrailingZeros();
    return d.scale() < 0 ? d.setScale(0) : d;
  }
}
