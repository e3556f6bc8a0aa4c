package org.tariffcast.simulation.numerics;

import java.math.BigDecimal;
import java.math.MathContext;

/**
 * Elementary functions that give the same bits on every JVM and CPU (Java 17 floating point is
 * strict), unlike {@link Math#exp}/{@link Math#log}, which the JIT may replace by platform
 * intrinsics whose last bit can differ: so a trial's numbers do not depend on the machine that
 * ran it. All three are plain IEEE arithmetic here (plus {@link StrictMath} outside the common
 * ranges), and faster than {@link StrictMath}'s. Accuracy (tested against {@link StrictMath}
 * and, for exp, against exact values): exp within 0.52 ulp of the exact value, so within 1 ulp
 * of {@link StrictMath#exp}; log within 2 ulp plus 1e-16 absolute (its table of logarithms is
 * only double-accurate); expm1 as stated there.
 *
 * <p>exp: {@code x = (128 k + j) ln2/128 + r} with {@code |r| <= ln2/256},
 * {@code e^x = 2^k 2^(j/128) e^r}, the 128 values {@code 2^(j/128)} in two parts (computed exactly
 * at class initialisation with {@link BigDecimal}), {@code e^r - 1} by its Taylor series to degree
 * 5 (truncation below 6e-19).
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

  /** Table points of exp: {@code 2^(j/128) = EXP_T_HI[j] + EXP_T_LO[j]} to about 2^-106 relative. */
  private static final double[] EXP_T_HI = new double[128];
  private static final double[] EXP_T_LO = new double[128];
  /** {@code 128 / ln 2}. */
  private static final double EXP_SCALE = 0x1.71547652b82fep7;
  /**
   * {@code ln2/128} in two parts: the high part has 32 significant bits, so {@code k * EXP_LN2_HI}
   * is exact for {@code |k| < 2^21}; the sum is within 2^-85 of ln2/128.
   */
  private static final double EXP_LN2_HI;
  private static final double EXP_LN2_LO;
  /** The fast path of exp: results are normal numbers (no gradual underflow) and finite. */
  private static final double EXP_MIN = -707;
  private static final double EXP_MAX = 709;

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
    // exact decimal arithmetic at 60 digits: the same table on every JVM
    MathContext mc = new MathContext(60);
    BigDecimal two = BigDecimal.valueOf(2);
    BigDecimal root = two; // 2^(1/128) by seven square roots
    for (int i = 0; i < 7; i++) {
      root = root.sqrt(mc);
    }
    BigDecimal t = BigDecimal.ONE;
    for (int j = 0; j < 128; j++) {
      double hi = t.doubleValue();
      EXP_T_HI[j] = hi;
      EXP_T_LO[j] = t.subtract(new BigDecimal(hi)).doubleValue();
      t = t.multiply(root, mc);
    }
    BigDecimal ln2 = BigDecimal.ZERO; // ln 2 = sum_k 1 / (k 2^k)
    BigDecimal power = BigDecimal.ONE;
    for (int k = 1; k <= 220; k++) {
      power = power.multiply(two);
      ln2 = ln2.add(BigDecimal.ONE.divide(power.multiply(BigDecimal.valueOf(k)), mc), mc);
    }
    BigDecimal step = ln2.divide(BigDecimal.valueOf(128), mc);
    double stepHi = Double.longBitsToDouble(Double.doubleToRawLongBits(step.doubleValue()) & 0xFFFFFFFFFFE00000L);
    EXP_LN2_HI = stepHi;
    EXP_LN2_LO = step.subtract(new BigDecimal(stepHi)).doubleValue();
  }

  private PortableMath() {}

  /**
   * {@code e^x}, within 0.52 ulp of the exact value for results in the normal range (so within
   * 1 ulp of {@link StrictMath#exp}), exactly 1 at 0; beyond {@code [-707, 709]} and for NaN it
   * is {@link StrictMath#exp} (gradual underflow, overflow).
   *
   * <p>Error budget, relative: the reduced argument {@code r} is exact up to 2^-85 ln2/128 per
   * unit of k (below 1e-20 absolute); the series of {@code e^r - 1} truncates below 6e-19 and
   * rounds below 3e-19; the table is within 2^-106; the two final roundings give 0.5 ulp.
   */
  public static double exp(double x) {
    if (!(x >= EXP_MIN && x <= EXP_MAX)) {
      return StrictMath.exp(x);
    }
    double kd = roundToInt(x * EXP_SCALE);
    int k = (int) kd;
    double r = (x - kd * EXP_LN2_HI) - kd * EXP_LN2_LO; // the first difference is exact (Sterbenz)
    double p = r + r * r * (0.5 + r * (1.0 / 6 + r * (1.0 / 24 + r * (1.0 / 120)))); // e^r - 1
    int j = k & 127;
    double hi = EXP_T_HI[j];
    double m = hi + (hi * p + EXP_T_LO[j]); // 2^(j/128) e^r, in [0.99, 2)
    return m * Double.longBitsToDouble((long) ((k >> 7) + 1023) << 52); // times 2^floor(k/128), exact
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
   * relative); beyond, {@link #exp}{@code (x) - 1} (relative error below 3e-14: 0.52 ulp of e^x over
   * |e^x - 1| > 1/129, and an exact subtraction where e^x is within a factor 2 of 1).
   */
  public static double expm1(double x) {
    if (Math.abs(x) < 0x1.0p-7) {
      return x * (1 + x * (0.5 + x * (1.0 / 6 + x * (1.0 / 24 + x * (1.0 / 120 + x * (1.0 / 720 + x * (1.0 / 5040
          + x * (1.0 / 40320 + x * (1.0 / 362880)))))))));
    }
    return exp(x) - 1;
  }

  /**
   * {@code e^x} for arguments usually near 0, such as the change of a log price over one Newton
   * step: for {@code |x| <= 2^-20} the Taylor polynomial of degree 2, for {@code |x| <= 2^-7} of
   * degree 6 (truncation below 2^-61 relative in both), beyond that {@link #exp}. Within 0.55 ulp
   * of the exact value (rounding: the sum {@code 1 + q} with {@code |q| <= 2^-7 x 1.01} contributes
   * 0.5 ulp, the polynomial {@code q} at most 2^-58 absolute); exactly 1 at 0.
   */
  public static double expNear0(double x) {
    double ax = Math.abs(x);
    if (ax <= 0x1.0p-20) {
      return 1 + (x + x * x * 0.5);
    }
    if (ax <= 0x1.0p-7) {
      return 1 + x * (1 + x * (0.5 + x * (1.0 / 6 + x * (1.0 / 24 + x * (1.0 / 120 + x * (1.0 / 720))))));
    }
    return exp(x);
  }

  /**
   * {@code ln(num / den)} for positive finite {@code num} and {@code den}, accurate when the ratio
   * is near 1 (the change of a logarithm over one Newton step). With {@code u = (num - den) / den}
   * (the subtraction is exact there, so u carries one rounding): for {@code |u| <= 2^-21} the
   * series of {@code log1p(u)} to degree 3, for {@code |u| <= 2^-7} to degree 9 (truncation below
   * 2^-63 relative), within 2 ulp of the exact value; beyond, {@link #log}{@code (num / den)},
   * within 2 ulp plus 2e-16 absolute. Exactly 0 when {@code num == den}.
   */
  public static double logRatio(double num, double den) {
    double u = (num - den) / den;
    double au = Math.abs(u);
    if (au <= 0x1.0p-21) {
      return u * (1 - u * (0.5 - u * (1.0 / 3)));
    }
    if (au <= 0x1.0p-7) {
      return u * (1 - u * (0.5 - u * (1.0 / 3 - u * (0.25 - u * (0.2 - u * (1.0 / 6 - u * (1.0 / 7 - u * (0.125
          - u * (1.0 / 9)))))))));
    }
    return log(num / den);
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
