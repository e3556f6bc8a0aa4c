package org.tariffcast.simulation.statistics;

import java.math.BigInteger;

/**
 * An exact, order-independent sum of doubles (a superaccumulator), held in a slice of a
 * {@code long[]} so that many sums share one array. Every finite double is an integer multiple
 * of 2^-1074; the slice holds that integer in {@link #DIGITS} signed base-2^32 digits, digit k
 * weighing 2^(32k - 1074). Adding a double adds its 53-bit mantissa, split over three digits,
 * without rounding; each digit has 31 bits of headroom, so up to 2^30 additions may precede a
 * {@link #normalize carry propagation}. The sum is therefore exact, and its value depends only
 * on the multiset of numbers added: any order, any partition, any merge gives the same bits.
 */
public final class ExactSum {
  /** Digits per sum: covers 2^-1074 .. 2^1024 times 2^30 additions, with sign. */
  public static final int DIGITS = 68;
  /** Additions allowed between normalisations. */
  public static final long HEADROOM = 1L << 30;
  private static final long MASK32 = 0xFFFFFFFFL;

  private ExactSum() {}

  /** Adds {@code x} (finite) to the sum at {@code offset}. Branch-free apart from zero and subnormal inputs. */
  public static void add(long[] d, int offset, double x) {
    long bits = Double.doubleToRawLongBits(x);
    int exponent = (int) (bits >>> 52) & 0x7FF;
    long mantissa = bits & 0x000FFFFFFFFFFFFFL;
    if (exponent == 0) {
      if (mantissa == 0) {
        return;
      }
      exponent = 1;
    } else {
      mantissa |= 1L << 52;
    }
    int position = exponent - 1; // bit position of the mantissa's lowest bit above 2^-1074
    int k = offset + (position >>> 5);
    int shift = position & 31;
    long sign = bits >> 63; // 0 or -1
    long d0 = (mantissa << shift) & MASK32;
    long rest = mantissa >>> (32 - shift);
    long d1 = rest & MASK32;
    long d2 = rest >>> 32;
    d[k] += (d0 ^ sign) - sign;
    d[k + 1] += (d1 ^ sign) - sign;
    d[k + 2] += (d2 ^ sign) - sign;
  }

  /** Propagates carries so every digit but the top is in [0, 2^32); the top carries the sign. */
  public static void normalize(long[] d, int offset) {
    long carry = 0;
    int end = offset + DIGITS - 1;
    for (int k = offset; k < end; k++) {
      long v = d[k] + carry;
      carry = v >> 32;
      d[k] = v & MASK32;
    }
    d[end] += carry;
  }

  /** Adds the sum at {@code from[fromOffset]} into {@code to[toOffset]}; both must be normalised. */
  public static void addTo(long[] to, int toOffset, long[] from, int fromOffset) {
    for (int k = 0; k < DIGITS; k++) {
      to[toOffset + k] += from[fromOffset + k];
    }
    normalize(to, toOffset);
  }

  /** The exact sum as an integer count of 2^-1074 units (normalisation not required). */
  public static BigInteger units(long[] d, int offset) {
    BigInteger total = BigInteger.ZERO;
    for (int k = DIGITS - 1; k >= 0; k--) {
      total = total.shiftLeft(32).add(BigInteger.valueOf(d[offset + k]));
    }
    return total;
  }

  /** An integer count of 2^-1074 units as the nearest double. */
  public static double toDouble(BigInteger units) {
    return scaled(units, -1074);
  }

  /**
   * {@code m * 2^exponent} correctly rounded to a double (round half to even; subnormal results
   * may be rounded twice). Deterministic.
   */
  public static double scaled(BigInteger m, int exponent) {
    int sign = m.signum();
    if (sign == 0) {
      return 0;
    }
    BigInteger a = m.abs();
    int shift = Math.max(0, a.bitLength() - 62);
    long top = a.shiftRight(shift).longValue();
    if (shift > 0 && a.getLowestSetBit() < shift) {
      top |= 1; // sticky bit: the discarded bits are not all zero
    }
    double d = Math.scalb((double) top, exponent + shift);
    return sign < 0 ? -d : d;
  }

  /** The sum at {@code offset} as the nearest double. */
  public static double value(long[] d, int offset) {
    return toDouble(units(d, offset));
  }

  /** True if the sum at offset is zero (after normalisation). */
  public static boolean isZero(long[] d, int offset) {
    for (int k = 0; k < DIGITS; k++) {
      if (d[offset + k] != 0) {
        return false;
      }
    }
    return true;
  }
}
