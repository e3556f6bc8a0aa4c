package org.tariffcast.simulation.statistics;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.math.BigInteger;

/**
 * Exact first and second moments of many quantities ("slots") over the same trials: the count,
 * the exact sum of {@code x - c} and the exact sum of the rounded squares {@code fl((x - c)^2)}
 * of every slot, where {@code c} is a per-slot shift fixed by the caller (the central-case
 * value, so that the variance does not suffer cancellation). Sums are {@link ExactSum}s, so the
 * state depends only on the multiset of values of each slot; merging in any order gives the
 * same bits. Means and variances are computed from the exact sums in integer arithmetic and
 * rounded once at the end. Not thread-safe.
 */
public final class MomentBank {
  private final int slots;
  private long count;
  private long pending;
  final long[] sum;
  final long[] sumSq;

  public MomentBank(int slots) {
    if (slots < 0) {
      throw new IllegalArgumentException("slots must be >= 0, found " + slots);
    }
    this.slots = slots;
    this.sum = new long[slots * ExactSum.DIGITS];
    this.sumSq = new long[slots * ExactSum.DIGITS];
  }

  public int slots() {
    return slots;
  }

  public long count() {
    return count;
  }

  /** Adds one trial: {@code values[first + j]} for slot j, shifted by {@code shift[first + j]}. */
  public void add(double[] values, double[] shift, int first) {
    if (pending >= ExactSum.HEADROOM) {
      normalize();
    }
    int o = 0;
    for (int j = 0; j < slots; j++, o += ExactSum.DIGITS) {
      double d = values[first + j] - shift[first + j];
      ExactSum.add(sum, o, d);
      ExactSum.add(sumSq, o, d * d);
    }
    count++;
    pending++;
  }

  /** Adds one value to one slot; call {@link #countTrial()} once per trial after all slots. */
  public void addValue(int slot, double deviation) {
    int o = slot * ExactSum.DIGITS;
    ExactSum.add(sum, o, deviation);
    ExactSum.add(sumSq, o, deviation * deviation);
  }

  /** Counts one trial added slot by slot with {@link #addValue}. */
  public void countTrial() {
    count++;
    if (++pending >= ExactSum.HEADROOM) {
      normalize();
    }
  }

  void normalize() {
    if (pending == 0) {
      return; // already canonical: no writes, so shared read-only banks stay untouched
    }
    for (int o = 0; o < sum.length; o += ExactSum.DIGITS) {
      ExactSum.normalize(sum, o);
      ExactSum.normalize(sumSq, o);
    }
    pending = 0;
  }

  /** Adds every trial of {@code other} (same slots). */
  public void mergeFrom(MomentBank other) {
    if (other.slots != slots) {
      throw new IllegalArgumentException("cannot merge moments of " + other.slots + " slots into " + slots);
    }
    normalize();
    other.normalize();
    for (int o = 0; o < sum.length; o += ExactSum.DIGITS) {
      ExactSum.addTo(sum, o, other.sum, o);
      ExactSum.addTo(sumSq, o, other.sumSq, o);
    }
    count += other.count;
  }

  public MomentBank copy() {
    MomentBank c = new MomentBank(slots);
    c.mergeFrom(this);
    return c;
  }

  /** Mean of slot {@code slot}: {@code shift + sum / count}; NaN when empty. */
  public double mean(int slot, double shift) {
    if (count == 0) {
      return Double.NaN;
    }
    BigInteger s = ExactSum.units(sum, slot * ExactSum.DIGITS);
    double dev = ExactSum.scaled(s.shiftLeft(64).divide(BigInteger.valueOf(count)), -1074 - 64);
    return shift + dev;
  }

  /** Sample variance {@code (sum sq - sum^2 / n) / (n - 1)}, 0 for fewer than two trials. */
  public double variance(int slot) {
    if (count < 2) {
      return 0;
    }
    int o = slot * ExactSum.DIGITS;
    BigInteger s = ExactSum.units(sum, o);
    BigInteger q = ExactSum.units(sumSq, o);
    BigInteger n = BigInteger.valueOf(count);
    // in units of 2^-2148: n Q 2^1074 - S^2, over n (n - 1)
    BigInteger numerator = q.multiply(n).shiftLeft(1074).subtract(s.multiply(s));
    if (numerator.signum() <= 0) {
      return 0;
    }
    BigInteger scaled = numerator.shiftLeft(64).divide(n.multiply(BigInteger.valueOf(count - 1)));
    return ExactSum.scaled(scaled, -2148 - 64);
  }

  public double sd(int slot) {
    return Math.sqrt(variance(slot));
  }

  /** {@code sd / sqrt(count)}. */
  public double standardError(int slot) {
    return count == 0 ? 0 : sd(slot) / Math.sqrt(count);
  }

  void write(DataOutput out) throws IOException {
    normalize();
    out.writeInt(slots);
    Varint.writeLong(out, count);
    writeSums(out, sum);
    writeSums(out, sumSq);
  }

  static MomentBank read(DataInput in) throws IOException {
    int slots = in.readInt();
    if (slots < 0 || slots > 50_000_000) {
      throw new IOException("corrupt moments: " + slots + " slots");
    }
    MomentBank m = new MomentBank(slots);
    m.count = Varint.readLong(in);
    readSums(in, m.sum);
    readSums(in, m.sumSq);
    return m;
  }

  /** Writes each sum's non-zero digit range. */
  private static void writeSums(DataOutput out, long[] d) throws IOException {
    for (int o = 0; o < d.length; o += ExactSum.DIGITS) {
      int first = 0;
      while (first < ExactSum.DIGITS && d[o + first] == 0) {
        first++;
      }
      if (first == ExactSum.DIGITS) {
        out.writeByte(0xFF);
        continue;
      }
      int last = ExactSum.DIGITS - 1;
      while (d[o + last] == 0) {
        last--;
      }
      out.writeByte(first);
      out.writeByte(last);
      for (int k = first; k <= last; k++) {
        Varint.writeLong(out, d[o + k]);
      }
    }
  }

  private static void readSums(DataInput in, long[] d) throws IOException {
    for (int o = 0; o < d.length; o += ExactSum.DIGITS) {
      int first = in.readUnsignedByte();
      if (first == 0xFF) {
        continue;
      }
      int last = in.readUnsignedByte();
      if (first >= ExactSum.DIGITS || last >= ExactSum.DIGITS || last < first) {
        throw new IOException("corrupt exact sum: digits " + first + ".." + last);
      }
      for (int k = first; k <= last; k++) {
        d[o + k] = Varint.readLong(in);
      }
    }
  }

  /** Bytes retained by the arrays. */
  public long retainedBytes() {
    return 64 + 2 * (16 + 8L * sum.length);
  }
}
