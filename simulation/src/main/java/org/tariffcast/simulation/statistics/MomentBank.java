package org.tariffcast.simulation.statistics;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.math.BigInteger;
import org.tariffcast.simulation.numerics.PortableMath;

/**
 * First and second moments of many quantities ("slots") over the same trials, accumulated
 * so that the state depends only on the multiset of each slot's values: any order, any
 * partition, any merge gives the same bits.
 *
 * <p>Each value enters as its deviation {@code d = x - c} from a per-slot shift {@code c} (the
 * central-case value, which spares the variance from cancellation). The deviation is rounded to
 * a fixed grid, the integer multiples of {@code 2^g}, where {@code g} is fixed per slot from a
 * reference magnitude {@code m} (a power of two with {@code 2^(g+32) <= m < 2^(g+33)}), and the
 * integers q and q^2 are summed in 128-bit two's complement: integer sums are exact and
 * associative. The rounding error is at most {@code 2^(g-1) <= 2^-33 m} per value (about
 * 1e-10 of the reference), so the mean is within that of the exact mean of the values. A
 * deviation of {@code 2^40} grid steps (between 128 and 256 reference magnitudes) or more is not
 * rounded: it and its rounded square go to an exact superaccumulator ({@link ExactSum}) instead. Means and
 * variances are computed from these exact integers in integer arithmetic and rounded once.
 * Not thread-safe.
 */
public final class MomentBank {
  /** Deviations below this many grid steps take the fixed-point path. */
  static final double LIMIT = 0x1.0p40;
  /** Most values {@link #addColumn} sums without carries: 2^22 sums of q (|q| < 2^40) stay below 2^62. */
  static final int CHUNK = 1 << 22;
  private static final int MIN_GRID = -500;
  private static final int MAX_GRID = 400;

  private final int slots;
  private final int[] grid;
  private final double[] scale;
  private long count;
  /** Per slot: sum q (hi, lo), sum q^2 (hi, lo). */
  final long[] fixed;
  /** Per slot: null, or exact sums of the out-of-grid deviations and their squares (2 x DIGITS). */
  final long[][] outliers;
  private long outlierAdds;

  /**
   * @param reference per-slot reference magnitude (any finite number; 0 is read as 1): the grid is
   *     2^-33 of it, rounded down to a power of two
   */
  public MomentBank(double[] reference) {
    this(grids(reference));
  }

  private MomentBank(int[] grid) {
    this.slots = grid.length;
    this.grid = grid;
    this.scale = new double[slots];
    for (int j = 0; j < slots; j++) {
      scale[j] = Math.scalb(1.0, -grid[j]);
    }
    this.fixed = new long[4 * slots];
    this.outliers = new long[slots][];
  }

  private static int[] grids(double[] reference) {
    int[] g = new int[reference.length];
    for (int j = 0; j < g.length; j++) {
      double m = Math.abs(reference[j]);
      if (!(m > 0) || !Double.isFinite(m)) {
        m = 1;
      }
      g[j] = Math.max(MIN_GRID, Math.min(MAX_GRID, Math.getExponent(m) - 32));
    }
    return g;
  }

  public int slots() {
    return slots;
  }

  public long count() {
    return count;
  }

  /** The grid exponent of a slot: deviations are rounded to multiples of 2^grid. */
  public int grid(int slot) {
    return grid[slot];
  }

  /** Adds one deviation to one slot; call {@link #countTrials} once per trial after all slots. */
  public void addValue(int slot, double deviation) {
    double y = deviation * scale[slot];
    if (Math.abs(y) < LIMIT) {
      long q = (long) PortableMath.roundToInt(y);
      int o = 4 * slot;
      long lo = fixed[o + 1];
      long nlo = lo + q;
      fixed[o] += (q >> 63) + carry(lo, q, nlo);
      fixed[o + 1] = nlo;
      long sq = q * q;
      long sqHi = Math.multiplyHigh(q, q);
      long lo2 = fixed[o + 3];
      long nlo2 = lo2 + sq;
      fixed[o + 2] += sqHi + carry(lo2, sq, nlo2);
      fixed[o + 3] = nlo2;
    } else {
      addOutlier(slot, deviation);
    }
  }

  /**
   * Adds a block of values of one slot, {@code values[offset + b] - shift} for b < rowCount,
   * keeping the sums in registers; call {@link #countTrials} once for the block.
   *
   * <p>Within a chunk of at most {@link #CHUNK} values the sums need no carries: q (below 2^40
   * in magnitude) is summed in a plain long, and q^2 (below 2^80) as three plain sums of its
   * bits 64 and up, 32 to 63 and 0 to 31; they are added to the 128-bit totals once per chunk.
   * Integer sums are exact, so the state is the same as adding the values one by one.
   */
  public void addColumn(int slot, double[] values, int offset, int rowCount, double shift) {
    double sc = scale[slot];
    int o = 4 * slot;
    for (int from = 0; from < rowCount; from += CHUNK) {
      int to = Math.min(rowCount, from + CHUNK);
      long sum = 0;
      long sqHigh = 0;
      long sqMid = 0;
      long sqLow = 0;
      for (int b = offset + from, end = offset + to; b < end; b++) {
        double d = values[b] - shift;
        double y = d * sc;
        if (Math.abs(y) < LIMIT) {
          long q = (long) PortableMath.roundToInt(y);
          sum += q;
          long sq = q * q;
          sqHigh += Math.multiplyHigh(q, q);
          sqMid += sq >>> 32;
          sqLow += sq & 0xFFFFFFFFL;
        } else {
          addOutlier(slot, d);
        }
      }
      // sum of q: sign-extended into 128 bits
      long lo1 = fixed[o + 1];
      long n1 = lo1 + sum;
      fixed[o] += (sum >> 63) + carry(lo1, sum, n1);
      fixed[o + 1] = n1;
      // sum of q^2 = sqHigh 2^64 + sqMid 2^32 + sqLow, all three non-negative
      long hi2 = fixed[o + 2] + sqHigh + (sqMid >>> 32);
      long lo2 = fixed[o + 3];
      long mid = sqMid << 32;
      long n2 = lo2 + mid;
      hi2 += carry(lo2, mid, n2);
      long n3 = n2 + sqLow;
      hi2 += carry(n2, sqLow, n3);
      fixed[o + 2] = hi2;
      fixed[o + 3] = n3;
    }
  }

  /** Unsigned carry out of {@code a + b = sum}. */
  private static long carry(long a, long b, long sum) {
    return ((a & b) | ((a | b) & ~sum)) >>> 63;
  }

  private void addOutlier(int slot, double d) {
    long[] e = outliers[slot];
    if (e == null) {
      e = new long[2 * ExactSum.DIGITS];
      outliers[slot] = e;
    }
    ExactSum.add(e, 0, d);
    ExactSum.add(e, ExactSum.DIGITS, d * d);
    if (++outlierAdds >= ExactSum.HEADROOM) {
      normalizeOutliers();
    }
  }

  private void normalizeOutliers() {
    for (long[] e : outliers) {
      if (e != null) {
        ExactSum.normalize(e, 0);
        ExactSum.normalize(e, ExactSum.DIGITS);
      }
    }
    outlierAdds = 0;
  }

  /** Counts trials whose values were added slot by slot. */
  public void countTrials(long trials) {
    count += trials;
  }

  /** Adds every trial of {@code other} (same slots and grids). */
  public void mergeFrom(MomentBank other) {
    if (other.slots != slots || !java.util.Arrays.equals(other.grid, grid)) {
      throw new IllegalArgumentException("cannot merge moments with other slots or grids");
    }
    for (int j = 0; j < slots; j++) {
      int o = 4 * j;
      for (int k = 0; k < 4; k += 2) {
        long lo = fixed[o + k + 1];
        long add = other.fixed[o + k + 1];
        long nlo = lo + add;
        fixed[o + k] += other.fixed[o + k] + carry(lo, add, nlo);
        fixed[o + k + 1] = nlo;
      }
      long[] e = other.outliers[j];
      if (e != null) {
        if (outliers[j] == null) {
          outliers[j] = new long[2 * ExactSum.DIGITS];
        }
        long[] t = outliers[j];
        for (int k = 0; k < t.length; k++) {
          t[k] += e[k];
        }
        ExactSum.normalize(t, 0);
        ExactSum.normalize(t, ExactSum.DIGITS);
      }
    }
    count += other.count;
  }

  public MomentBank copy() {
    MomentBank c = new MomentBank(grid.clone());
    c.mergeFrom(this);
    return c;
  }

  private static BigInteger int128(long hi, long lo) {
    return BigInteger.valueOf(hi).shiftLeft(64).add(new BigInteger(Long.toUnsignedString(lo)));
  }

  /** Exact sum of the (rounded) deviations, in units of 2^-1074. */
  private BigInteger sumUnits(int slot) {
    int o = 4 * slot;
    BigInteger s = int128(fixed[o], fixed[o + 1]).shiftLeft(grid[slot] + 1074);
    long[] e = outliers[slot];
    return e == null ? s : s.add(ExactSum.units(e, 0));
  }

  /** Exact sum of the squares, in units of 2^-2148. */
  private BigInteger squareUnits(int slot) {
    int o = 4 * slot;
    BigInteger s = int128(fixed[o + 2], fixed[o + 3]).shiftLeft(2 * grid[slot] + 2148);
    long[] e = outliers[slot];
    return e == null ? s : s.add(ExactSum.units(e, ExactSum.DIGITS).shiftLeft(1074));
  }

  /** Mean of slot {@code slot}: {@code shift + sum / count}; NaN when empty. */
  public double mean(int slot, double shift) {
    if (count == 0) {
      return Double.NaN;
    }
    BigInteger s = sumUnits(slot);
    return shift + ExactSum.scaled(s.shiftLeft(64).divide(BigInteger.valueOf(count)), -1074 - 64);
  }

  /** Sample variance {@code (sum sq - sum^2 / n) / (n - 1)}, 0 for fewer than two trials. */
  public double variance(int slot) {
    if (count < 2) {
      return 0;
    }
    BigInteger s = sumUnits(slot);
    BigInteger n = BigInteger.valueOf(count);
    BigInteger numerator = squareUnits(slot).multiply(n).subtract(s.multiply(s));
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

  public void write(DataOutput out) throws IOException {
    if (outlierAdds > 0) {
      normalizeOutliers();
    }
    out.writeInt(slots);
    Varint.writeLong(out, count);
    for (int j = 0; j < slots; j++) {
      Varint.writeLong(out, grid[j]);
    }
    for (long v : fixed) {
      Varint.writeLong(out, v);
    }
    for (int j = 0; j < slots; j++) {
      long[] e = outliers[j];
      if (e == null) {
        out.writeByte(0);
      } else {
        out.writeByte(1);
        writeSum(out, e, 0);
        writeSum(out, e, ExactSum.DIGITS);
      }
    }
  }

  public static MomentBank read(DataInput in) throws IOException {
    int slots = in.readInt();
    if (slots < 0 || slots > 50_000_000) {
      throw new IOException("corrupt moments: " + slots + " slots");
    }
    long count = Varint.readLong(in);
    int[] grid = new int[slots];
    for (int j = 0; j < slots; j++) {
      grid[j] = (int) Varint.readLong(in);
      if (grid[j] < MIN_GRID || grid[j] > MAX_GRID) {
        throw new IOException("corrupt moments: grid " + grid[j]);
      }
    }
    MomentBank m = new MomentBank(grid);
    m.count = count;
    for (int i = 0; i < m.fixed.length; i++) {
      m.fixed[i] = Varint.readLong(in);
    }
    for (int j = 0; j < slots; j++) {
      if (in.readUnsignedByte() == 1) {
        long[] e = new long[2 * ExactSum.DIGITS];
        readSum(in, e, 0);
        readSum(in, e, ExactSum.DIGITS);
        m.outliers[j] = e;
      }
    }
    return m;
  }

  private static void writeSum(DataOutput out, long[] d, int o) throws IOException {
    int first = 0;
    while (first < ExactSum.DIGITS && d[o + first] == 0) {
      first++;
    }
    if (first == ExactSum.DIGITS) {
      out.writeByte(0xFF);
      return;
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

  private static void readSum(DataInput in, long[] d, int o) throws IOException {
    int first = in.readUnsignedByte();
    if (first == 0xFF) {
      return;
    }
    int last = in.readUnsignedByte();
    if (first >= ExactSum.DIGITS || last >= ExactSum.DIGITS || last < first) {
      throw new IOException("corrupt exact sum: digits " + first + ".." + last);
    }
    for (int k = first; k <= last; k++) {
      d[o + k] = Varint.readLong(in);
    }
  }

  /** Bytes retained by the arrays. */
  public long retainedBytes() {
    long b = 64 + 16 + 8L * fixed.length + 2 * (16 + 4L * slots) + 16 + 8L * slots;
    for (long[] e : outliers) {
      if (e != null) {
        b += 16 + 8L * e.length;
      }
    }
    return b;
  }
}
