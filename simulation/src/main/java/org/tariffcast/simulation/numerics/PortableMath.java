package org.tariffcast.simulation.numerics;

/**
 * Elementary functions that give the same bits on every JVM and CPU (Java 17 floating point is
 * strict), unlike {@link Math#exp}/{@link Math#log}, which the JIT may replace by platform
 * intrinsics whose last bit can differ: so a trial's numbers do not depend on the machine that
 * ran it. exp is {@link StrictMath#exp}; log and expm1 are plain arithmetic here, faster than
 * {@link StrictMath}'s. Accuracy (tested against {@link StrictMath}): log within 2 ulp plus 1e-16
 * absolute (its table of logarithms is only double-accurate); expm1 as stated there.
 *
 * <p>log: {@code x = 2^e m}, {@code m = c_j (1 + d)} with {@code c_j} the
 * 128 table points of [1, 2) (their logarithms in two parts), {@code log1p(d)} by its series to
 * degree 8 ({@code 0 <= d < 1/128}); within 1/128 of 1, {@code log1p(x - 1)} by its series to degree 10.
 */
public final class PortableMath {
  private static final double[] LOG_C_HI = new double[129];
  private static final double[] LOG_C_LO = new double[129];
  private static final double[] INV_C = new double[129];
  private static final double LN2_HI;
  private static final double LN2_LO;

  static {
    // fdlibm's split of ln 2: the high part ends in 21 zero bits, the sum is accurate to 1e-27
    LN2_HI = 6.93147180369123816490e-01;
    LN2_LO = 1.90821492927058770002e-10;
    for (int j = 0; j <= 128; j++) {
      double c = 1 + j / 128.0;
      double l = StrictMath.log(c);
      double hi = Double.longBitsToDouble(Double.doubleToRawLongBits(l) & 0xFFFFFFFFF8000000L);
      LOG_C_HI[j] = hi;
      LOG_C_LO[j] = StrictMath.log(c) - hi;
      INV_C[j] = 1 / c;
    }
  }

  private PortableMath() {}

  /** {@code e^x}: {@link StrictMath#exp} (fdlibm's algorithm in Java: portable by specification, and fast). */
  public static double exp(double x) {
    return StrictMath.exp(x);
  }

  /** The natural logarithm of {@code x} ({@code -Infinity} at 0, NaN below). */
  public static double log(double x) {
    if (!(x > 0) || x == Double.POSITIVE_INFINITY) {
      if (x == 0) {
        return Double.NEGATIVE_INFINITY;
      }
      return x == Double.POSITIVE_INFINITY ? x : Double.NaN;
    }
    if (x == 1) {
      return 0;
    }
    if (x > 0.9921875 && x < 1.0078125) {
      double d = x - 1; // exact (Sterbenz)
      return d * (1 - d * (0.5 - d * (1.0 / 3 - d * (0.25 - d * (0.2 - d * (1.0 / 6 - d * (1.0 / 7 - d * (0.125
          - d * (1.0 / 9 - d * 0.1)))))))));
    }
    long bits = Double.doubleToRawLongBits(x);
    int e = (int) (bits >>> 52);
    if (e == 0) { // subnormal: scale up first
      x *= 0x1.0p54;
      bits = Double.doubleToRawLongBits(x);
      e = (int) (bits >>> 52) - 54;
    }
    e -= 1023;
    double m = Double.longBitsToDouble((bits & 0x000FFFFFFFFFFFFFL) | 0x3FF0000000000000L); // [1, 2)
    int j = (int) ((Double.doubleToRawLongBits(m) >>> 45) & 127); // top 7 mantissa bits: c_j <= m < c_(j+1)
    double d = (m - (1 + j / 128.0)) * INV_C[j]; // m / c_j - 1, in [0, 1/128)
    double series = d * (1 - d * (0.5 - d * (1.0 / 3 - d * (0.25 - d * (0.2 - d * (1.0 / 6 - d * (1.0 / 7 - d * 0.125)))))));
    return (e * LN2_HI + LOG_C_HI[j]) + (series + (e * LN2_LO + LOG_C_LO[j]));
  }

  private static final double MAGIC = 0x1.8p52;

  /**
   * {@code x} rounded to the nearest integer, ties to even, for {@code |x| < 2^51}: adding and
   * subtracting 1.5 x 2^52 leaves no fraction bits (IEEE round-to-nearest-even does the rest).
   */
  public static double roundToInt(double x) {
    return (x + MAGIC) - MAGIC;
  }

  /**
   * {@code e^x - 1}: for {@code |x| < 1/128} its Taylor series to degree 9 (truncation below 1e-22
   * relative); beyond, {@code exp(x) - 1} (relative error below 3e-14).
   */
  public static double expm1(double x) {
    if (Math.abs(x) < 0x1.0p-7) {
      return x * (1 + x * (0.5 + x * (1.0 / 6 + x * (1.0 / 24 + x * (1.0 / 120 + x * (1.0 / 720 + x * (1.0 / 5040
          + x * (1.0 / 40320 + x * (1.0 / 362880)))))))));
    }
    return StrictMath.exp(x) - 1;
  }

  /** {@code log(1 + x)}, accurate near 0 ({@link StrictMath}). */
  public static double log1p(double x) {
    return StrictMath.log1p(x);
  }

  /** {@code base^exponent} for {@code base > 0}, as {@code exp(exponent log base)} (a few ulp for moderate results). */
  public static double pow(double base, double exponent) {
    if (exponent == 0 || base == 1) {
      return 1;
    }
    return exp(exponent * log(base));
  }
}
