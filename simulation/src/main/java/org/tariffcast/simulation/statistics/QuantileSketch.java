package org.tariffcast.simulation.statistics;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.Arrays;

/**
 * Percentiles of a stream of finite doubles in bounded memory, mergeable, with a state that
 * depends only on the multiset of values added (so any order, partition or merge gives the same
 * bits).
 *
 * <p>Up to {@link #EXACT_CAPACITY} values are kept exactly and percentiles are exact order
 * statistics. Beyond that the values move to a log-linear histogram: a value's bucket is its
 * binary exponent and the top {@code b} bits of its mantissa, so buckets are
 * {@code [2^e (1 + j/2^b), 2^e (1 + (j+1)/2^b))} and the bucket midpoint is within a relative
 * error of {@code 2^-(b+1)} of every value in it. Two resolutions: {@link #FINE} (b =
 * {@link #SUB_BITS} = 7, 128 buckets per octave, {@link #RELATIVE_ERROR} = 2^-8 = 0.39 %: the
 * bucket's midpoint), the default, and {@link #COARSE} (b = 5, 32 buckets per octave), which the
 * engine uses for the quarterly series points (a quarter of the buckets: less memory and fewer
 * cache lines per block of trials). A coarse percentile is interpolated within its bucket (the
 * bucket's values taken as spread evenly over it) instead of read at the midpoint, so that a fan
 * chart's quarters do not draw stairs of a bucket's width; its bound is then the whole bucket,
 * {@link #COARSE_RELATIVE_ERROR} = 2^-5 = 3.1 % (measured errors are far smaller: simulation/README.md). Positive and negative values
 * have separate stores and zeros are counted exactly. Each store keeps at most 32 binary orders of
 * magnitude below its largest value ({@link #MAX_BUCKETS} buckets at the fine resolution, 1,024 at
 * the coarse); smaller magnitudes are clamped into the lowest kept bucket (clamping to a threshold
 * that only rises is order-independent). So a reported percentile is within {@link #relativeError()}
 * of the exact order statistic of the same rank, the extremes (ranks 1 and n) are exact, unless
 * that statistic is smaller in magnitude than 2^-32 times the largest magnitude of its sign, in
 * which case the error is at most 2^-31 times that largest magnitude. Counts are integers;
 * memory is bounded by the bucket cap whatever the number of values. Sketches of different
 * resolutions do not merge.
 *
 * <p>Percentile rank: the nearest-rank definition, the value of rank {@code ceil(p n)} in
 * ascending order (1-based), for exact values and buckets alike; bucket representatives are
 * clamped to the exact [min, max] seen.
 */
public final class QuantileSketch {
  /** Values kept exactly before switching to buckets. */
  public static final int EXACT_CAPACITY = 128;
  /** Mantissa bits in a bucket index at the fine resolution: 128 buckets per binary order of magnitude. */
  public static final int SUB_BITS = 7;
  /** Mantissa bits in a bucket index at the coarse resolution: 32 buckets per binary order of magnitude. */
  public static final int COARSE_SUB_BITS = 5;
  /** Relative error bound of a bucketed percentile at the fine resolution: half a bucket over its lower edge. */
  public static final double RELATIVE_ERROR = 0x1.0p-8;
  /**
   * Relative error bound of a bucketed percentile at the coarse resolution: a whole bucket over its
   * lower edge, since the estimate is interpolated within the bucket rather than its midpoint.
   */
  public static final double COARSE_RELATIVE_ERROR = 0x1.0p-5;
  /** Most buckets per sign at the fine resolution (32 octaves; the coarse resolution keeps 32 octaves in 1,024). */
  public static final int MAX_BUCKETS = 4096;
  /** Binary orders of magnitude a store keeps below its largest value. */
  static final int OCTAVES = 32;
  /** The resolutions, for {@link #QuantileSketch(int)}. */
  public static final int FINE = SUB_BITS;
  public static final int COARSE = COARSE_SUB_BITS;

  /** Mantissa bits of a bucket index, and the shift that extracts the index from a double's bits. */
  private final int subBits;
  private final int shift;

  private double[] exact;
  private int exactCount;
  private boolean bucketed;
  private long zeros;
  private final Store positive;
  private final Store negative;
  private long count;
  private double min = Double.POSITIVE_INFINITY;
  private double max = Double.NEGATIVE_INFINITY;

  /** A sketch at the fine resolution ({@link #RELATIVE_ERROR}). */
  public QuantileSketch() {
    this(FINE);
  }

  /**
   * A sketch at a resolution of {@code subBits} mantissa bits per bucket: {@link #FINE} or
   * {@link #COARSE}.
   */
  public QuantileSketch(int subBits) {
    if (subBits != FINE && subBits != COARSE) {
      throw new IllegalArgumentException("subBits must be " + FINE + " or " + COARSE + ", found " + subBits);
    }
    this.subBits = subBits;
    this.shift = 52 - subBits;
    this.positive = new Store(OCTAVES << subBits);
    this.negative = new Store(OCTAVES << subBits);
  }

  /** Mantissa bits per bucket: {@link #FINE} or {@link #COARSE}. */
  public int resolution() {
    return subBits;
  }

  /** The bound on a bucketed percentile's relative error at this sketch's resolution: 2^-(subBits + 1). */
  public double relativeError() {
    return subBits == FINE ? RELATIVE_ERROR : COARSE_RELATIVE_ERROR;
  }

  /** A copy. */
  public QuantileSketch copy() {
    QuantileSketch c = new QuantileSketch(subBits);
    c.mergeFrom(this);
    return c;
  }

  public long count() {
    return count;
  }

  /** True once values are held in buckets (percentiles carry {@link #relativeError()}). */
  public boolean isBucketed() {
    return bucketed;
  }

  /** Adds a finite value. */
  public void add(double value) {
    // -0.0 + 0.0 is +0.0: with both zeros present, min and max would otherwise depend on arrival order
    double x = value + 0.0;
    count++;
    if (x < min) {
      min = x;
    }
    if (x > max) {
      max = x;
    }
    if (bucketed) {
      // fast path: a positive value in the live range of the positive store
      if (x > 0) {
        Store p = positive;
        int key = key(x);
        if (key >= p.bottom && key <= p.top) {
          p.counts[key - p.lo]++;
          p.total++;
          return;
        }
      }
      bucket(x, 1);
      return;
    }
    if (exactCount < EXACT_CAPACITY) {
      if (exact == null) {
        exact = new double[16];
      } else if (exactCount == exact.length) {
        exact = Arrays.copyOf(exact, Math.min(EXACT_CAPACITY, exact.length * 2));
      }
      exact[exactCount++] = x;
      return;
    }
    toBuckets();
    bucket(x, 1);
  }

  /**
   * Adds {@code values[offset + b]} for b < rowCount: the same state as calling {@link #add} for
   * each. Once bucketed, a block whose values all have one sign (or are all zero) is added in two
   * passes: its minimum and maximum first, which fix the keys it spans, so that the store's range
   * is widened once ({@link Store#cover}) and the second pass only increments counts (keys below
   * the store's floor clamped to it, as {@link Store#add} clamps them). The store's state is a
   * function of the multiset of keys, so widening first gives the same state. Blocks of mixed
   * signs take the value-by-value path.
   */
  public void addColumn(double[] values, int offset, int rowCount) {
    if (!bucketed) {
      for (int b = 0; b < rowCount; b++) {
        add(values[offset + b]);
      }
      return;
    }
    if (rowCount == 0) {
      return;
    }
    double mn = Double.POSITIVE_INFINITY;
    double mx = Double.NEGATIVE_INFINITY;
    for (int b = offset, end = offset + rowCount; b < end; b++) {
      double x = values[b];
      if (x < mn) {
        mn = x;
      }
      if (x > mx) {
        mx = x;
      }
    }
    mn += 0.0; // -0.0 becomes +0.0, as in add
    mx += 0.0;
    if (mn > 0) {
      addSigned(positive, values, offset, rowCount, key(mn), key(mx), 0);
    } else if (mx < 0) {
      addSigned(negative, values, offset, rowCount, key(-mx), key(-mn), Long.MIN_VALUE);
    } else if (mn == 0 && mx == 0) {
      zeros += rowCount;
    } else {
      addMixed(values, offset, rowCount);
      return; // addMixed counts and updates min and max itself
    }
    count += rowCount;
    if (mn < min) {
      min = mn;
    }
    if (mx > max) {
      max = mx;
    }
  }

  /**
   * Adds a block whose values all have one sign, with keys {@code low..high} (of their
   * magnitudes) to {@code store}; {@code signBit} is 0 for positive values, the sign bit for
   * negative ones (cleared to get the magnitude's bits).
   */
  private void addSigned(Store store, double[] values, int offset, int rowCount, int low, int high,
      long signBit) {
    store.cover(low, high);
    int[] c = store.counts;
    int lo = store.lo;
    int floor = store.bottom;
    long mask = ~signBit;
    int shift = this.shift;
    for (int b = offset, end = offset + rowCount; b < end; b++) {
      int key = (int) ((Double.doubleToRawLongBits(values[b]) & mask) >>> shift);
      if (key < floor) {
        key = floor;
      }
      c[key - lo]++;
    }
    store.total += rowCount;
  }

  /** Adds a block of mixed signs value by value, the common case kept in local variables. */
  private void addMixed(double[] values, int offset, int rowCount) {
    Store pos = positive;
    Store neg = negative;
    int[] pc = pos.counts;
    int plo = pos.lo;
    int pbottom = pos.bottom;
    int ptop = pos.top;
    int[] nc = neg.counts;
    int nlo = neg.lo;
    int nbottom = neg.bottom;
    int ntop = neg.top;
    long pAdded = 0;
    long nAdded = 0;
    long zAdded = 0;
    double mn = min;
    double mx = max;
    for (int b = 0; b < rowCount; b++) {
      double x = values[offset + b] + 0.0; // -0.0 becomes +0.0, as in add
      if (x < mn) {
        mn = x;
      }
      if (x > mx) {
        mx = x;
      }
      if (x > 0) {
        int key = key(x);
        if (key >= pbottom && key <= ptop) {
          pc[key - plo]++;
          pAdded++;
          continue;
        }
      } else if (x < 0) {
        int key = key(-x);
        if (key >= nbottom && key <= ntop) {
          nc[key - nlo]++;
          nAdded++;
          continue;
        }
      } else {
        zAdded++;
        continue;
      }
      // slow path: settle the locals, add in full, reload
      pos.total += pAdded;
      neg.total += nAdded;
      zeros += zAdded;
      count += pAdded + nAdded + zAdded + 1;
      pAdded = 0;
      nAdded = 0;
      zAdded = 0;
      bucket(x, 1);
      pc = pos.counts;
      plo = pos.lo;
      pbottom = pos.bottom;
      ptop = pos.top;
      nc = neg.counts;
      nlo = neg.lo;
      nbottom = neg.bottom;
      ntop = neg.top;
    }
    pos.total += pAdded;
    neg.total += nAdded;
    zeros += zAdded;
    count += pAdded + nAdded + zAdded;
    min = mn;
    max = mx;
  }

  /** Adds every value of {@code other}. */
  public void mergeFrom(QuantileSketch other) {
    if (other.subBits != subBits) {
      throw new IllegalArgumentException("cannot merge a sketch of " + other.subBits + " bits per bucket into one of "
          + subBits);
    }
    if (other.count == 0) {
      return;
    }
    count += other.count;
    min = Math.min(min, other.min);
    max = Math.max(max, other.max);
    if (!bucketed && !other.bucketed && exactCount + other.exactCount <= EXACT_CAPACITY) {
      if (exact == null || exact.length < exactCount + other.exactCount) {
        exact = Arrays.copyOf(exact == null ? new double[0] : exact, Math.max(16, exactCount + other.exactCount));
      }
      System.arraycopy(other.exact, 0, exact, exactCount, other.exactCount);
      exactCount += other.exactCount;
      return;
    }
    if (!bucketed) {
      toBuckets();
    }
    if (other.bucketed) {
      zeros += other.zeros;
      positive.mergeFrom(other.positive);
      negative.mergeFrom(other.negative);
    } else {
      for (int i = 0; i < other.exactCount; i++) {
        bucket(other.exact[i], 1);
      }
    }
  }

  private void toBuckets() {
    bucketed = true;
    int pMin = Integer.MAX_VALUE;
    int pMax = Integer.MIN_VALUE;
    int nMin = Integer.MAX_VALUE;
    int nMax = Integer.MIN_VALUE;
    for (int i = 0; i < exactCount; i++) {
      double x = exact[i];
      if (x > 0) {
        int k = key(x);
        pMin = Math.min(pMin, k);
        pMax = Math.max(pMax, k);
      } else if (x < 0) {
        int k = key(-x);
        nMin = Math.min(nMin, k);
        nMax = Math.max(nMax, k);
      }
    }
    positive.reserve(pMin, pMax);
    negative.reserve(nMin, nMax);
    for (int i = 0; i < exactCount; i++) {
      bucket(exact[i], 1);
    }
    exact = null;
    exactCount = 0;
  }

  private void bucket(double x, int n) {
    if (x > 0) {
      positive.add(key(x), n);
    } else if (x < 0) {
      negative.add(key(-x), n);
    } else {
      zeros += n;
    }
  }

  /** Monotone bucket index of a positive magnitude at the fine resolution: biased exponent and top mantissa bits. */
  static int index(double magnitude) {
    return (int) (Double.doubleToRawLongBits(magnitude) >>> (52 - SUB_BITS));
  }

  /** Monotone bucket index of a positive magnitude at this sketch's resolution. */
  private int key(double magnitude) {
    return (int) (Double.doubleToRawLongBits(magnitude) >>> shift);
  }

  /** The midpoint of bucket {@code index} of a sketch whose keys are a double's bits shifted right by {@code shift}. */
  static double representative(int index, int shift) {
    double lower = Double.longBitsToDouble((long) index << shift);
    double upper = Double.longBitsToDouble((long) (index + 1) << shift);
    return lower + (upper - lower) / 2;
  }

  /**
   * The magnitude of rank {@code rank} in {@code store} (counted from its largest magnitude when
   * {@code fromTop}): at the fine resolution the bucket's midpoint; at the coarse resolution the
   * point of the bucket where the rank's middle falls when the bucket's values are spread evenly
   * over it, so that percentiles of neighbouring series points that share a bucket still differ
   * (midpoints drew stairs of a bucket's width, about 3 % of the value, in the fan charts).
   */
  private double estimate(Store store, long rank, boolean fromTop) {
    int k = fromTop ? store.keyOfRankFromTop(rank) : store.keyOfRank(rank);
    if (subBits == FINE) {
      return representative(k, shift);
    }
    double lower = Double.longBitsToDouble((long) k << shift);
    double upper = Double.longBitsToDouble((long) (k + 1) << shift);
    long before = fromTop ? store.aboveKey(k) : store.belowKey(k);
    long in = store.countAt(k);
    double f = (rank - before - 0.5) / in; // in (0, 1): the rank's middle within the bucket
    return fromTop ? upper - f * (upper - lower) : lower + f * (upper - lower);
  }

  /** The nearest-rank percentile at probability {@code p} in (0, 1]; NaN when empty. */
  public double percentile(double p) {
    if (count == 0) {
      return Double.NaN;
    }
    long rank = Math.max(1, Math.min(count, (long) Math.ceil(p * count)));
    if (rank == count) {
      return max;
    }
    if (rank == 1) {
      return min;
    }
    if (!bucketed) {
      double[] sorted = Arrays.copyOf(exact, exactCount);
      Arrays.sort(sorted);
      return sorted[(int) rank - 1];
    }
    long seen = negative.total;
    double value;
    if (rank <= seen) {
      // ascending order starts with the largest negative magnitude
      value = -estimate(negative, rank, true);
    } else if (rank <= seen + zeros) {
      value = 0;
    } else {
      value = estimate(positive, rank - seen - zeros, false);
    }
    return Math.max(min, Math.min(max, value));
  }

  public double min() {
    return min;
  }

  public double max() {
    return max;
  }

  /** Bytes this sketch retains (arrays and fields), for memory tests. */
  public long retainedBytes() {
    long b = 64;
    if (exact != null) {
      b += 16 + 8L * exact.length;
    }
    return b + positive.retainedBytes() + negative.retainedBytes();
  }

  /** Number of buckets in use, both signs. */
  public int buckets() {
    return positive.span() + negative.span();
  }

  void write(DataOutput out) throws IOException {
    Varint.writeLong(out, count);
    if (count == 0) {
      return;
    }
    out.writeDouble(min);
    out.writeDouble(max);
    // 0 or 1 (exact or bucketed) at the fine resolution, as written before the coarse one existed
    out.writeByte((bucketed ? 1 : 0) | (FINE - subBits) << 1);
    if (!bucketed) {
      double[] sorted = Arrays.copyOf(exact, exactCount);
      Arrays.sort(sorted); // canonical: the state is the multiset
      Varint.writeLong(out, exactCount);
      for (double v : sorted) {
        out.writeDouble(v);
      }
    } else {
      Varint.writeLong(out, zeros);
      positive.write(out);
      negative.write(out);
    }
  }

  /** Reads a sketch; an empty one is read as {@code emptyResolution}'s (its bytes do not say). */
  static QuantileSketch read(DataInput in, int emptyResolution) throws IOException {
    long count = Varint.readLong(in);
    if (count == 0) {
      return new QuantileSketch(emptyResolution);
    }
    double min = in.readDouble();
    double max = in.readDouble();
    int flags = in.readUnsignedByte();
    int subBits = FINE - (flags >> 1);
    if (subBits != FINE && subBits != COARSE) {
      throw new IOException("corrupt sketch: flags " + flags);
    }
    QuantileSketch s = new QuantileSketch(subBits);
    s.count = count;
    s.min = min;
    s.max = max;
    s.bucketed = (flags & 1) != 0;
    if (!s.bucketed) {
      int n = (int) Varint.readLong(in);
      if (n < 0 || n > EXACT_CAPACITY || n != s.count) {
        throw new IOException("corrupt sketch: " + n + " exact values for a count of " + s.count);
      }
      s.exact = new double[Math.max(16, n)];
      for (int i = 0; i < n; i++) {
        s.exact[i] = in.readDouble();
      }
      s.exactCount = n;
    } else {
      s.zeros = Varint.readLong(in);
      s.positive.read(in);
      s.negative.read(in);
      if (s.zeros + s.positive.total + s.negative.total != s.count) {
        throw new IOException("corrupt sketch: bucket counts do not add up to " + s.count);
      }
    }
    return s;
  }

  /**
   * Buckets of one sign, keyed by {@link #index}: counts for keys {@code [lo, lo + counts.length)},
   * live between {@code bottom} and {@code top}. Keys below {@code top - maxBuckets + 1} are
   * clamped up to that floor, so the state is a function of the multiset of keys.
   */
  static final class Store {
    /** Most buckets kept: 32 octaves at the sketch's resolution. */
    final int maxBuckets;
    int[] counts;
    int lo;
    int bottom = Integer.MAX_VALUE;
    int top = Integer.MIN_VALUE;
    long total;

    Store(int maxBuckets) {
      this.maxBuckets = maxBuckets;
    }

    void add(int key, int n) {
      if (total == 0) {
        if (counts == null || key < lo || key >= lo + counts.length) {
          allocate(key, key);
        }
        bottom = key;
        top = key;
      } else {
        if (key > top) {
          raiseTop(key);
        }
        int floor = top - maxBuckets + 1;
        if (key < floor) {
          key = floor;
        }
        if (key < bottom) {
          if (key < lo) {
            regrow(key, top);
          }
          bottom = key;
        }
      }
      counts[key - lo] = Math.addExact(counts[key - lo], n);
      total += n;
    }

    /**
     * Widens the live range so that keys {@code low..high} (low <= high) can be counted without
     * further checks: the state {@link #add} would reach on adding both keys with a count of 0.
     * Afterwards keys below {@code bottom} belong at {@code bottom} (the floor).
     */
    void cover(int low, int high) {
      if (total == 0) {
        int floor = Math.max(low, high - maxBuckets + 1);
        if (counts == null || floor < lo || high >= lo + counts.length) {
          allocate(floor, high);
        }
        bottom = floor;
        top = high;
        return;
      }
      if (high > top) {
        raiseTop(high);
      }
      int floor = Math.max(low, top - maxBuckets + 1);
      if (floor < bottom) {
        if (floor < lo) {
          regrow(floor, top);
        }
        bottom = floor;
      }
    }

    private void raiseTop(int newTop) {
      int floor = newTop - maxBuckets + 1;
      if (bottom < floor) {
        long moved = 0;
        int end = Math.min(top, floor - 1);
        for (int k = bottom; k <= end; k++) {
          moved += counts[k - lo];
        }
        int[] old = counts;
        int oldLo = lo;
        int oldTop = top;
        allocate(floor, newTop);
        for (int k = floor; k <= oldTop; k++) {
          counts[k - lo] = old[k - oldLo];
        }
        counts[floor - lo] = Math.addExact(counts[floor - lo], Math.toIntExact(moved));
        bottom = floor;
      } else if (newTop >= lo + counts.length) {
        regrow(bottom, newTop);
      }
      top = newTop;
    }

    private void regrow(int newBottom, int newTop) {
      int[] old = counts;
      int oldLo = lo;
      allocate(newBottom, newTop);
      for (int k = bottom; k <= top; k++) {
        counts[k - lo] = old[k - oldLo];
      }
    }

    /** Pre-sizes an empty store for keys {@code from..to} (no-op when from > to or not empty). */
    void reserve(int from, int to) {
      if (total == 0 && from <= to && to - from < maxBuckets) {
        allocate(from, to);
      }
    }

    /** An array for keys from..to with a little room on both sides (an eighth of the span, at least 16). */
    private void allocate(int from, int to) {
      int margin = Math.max(16, (to - from) / 8);
      counts = new int[to - from + 1 + 2 * margin];
      lo = from - margin;
    }

    void mergeFrom(Store o) {
      if (o.total == 0) {
        return;
      }
      if (total == 0) {
        counts = o.counts.clone();
        lo = o.lo;
        bottom = o.bottom;
        top = o.top;
        total = o.total;
        return;
      }
      if (o.top > top) {
        raiseTop(o.top);
      }
      for (int k = o.bottom; k <= o.top; k++) {
        int c = o.counts[k - o.lo];
        if (c != 0) {
          add(k, c);
        }
      }
    }

    int keyOfRank(long rank) {
      long seen = 0;
      for (int k = bottom; k <= top; k++) {
        seen += counts[k - lo];
        if (seen >= rank) {
          return k;
        }
      }
      return top;
    }

    /** Values in bucket {@code k}. */
    long countAt(int k) {
      return counts[k - lo];
    }

    /** Values in buckets below {@code k}. */
    long belowKey(int k) {
      long seen = 0;
      for (int j = bottom; j < k; j++) {
        seen += counts[j - lo];
      }
      return seen;
    }

    /** Values in buckets above {@code k}. */
    long aboveKey(int k) {
      long seen = 0;
      for (int j = top; j > k; j--) {
        seen += counts[j - lo];
      }
      return seen;
    }

    int keyOfRankFromTop(long rank) {
      long seen = 0;
      for (int k = top; k >= bottom; k--) {
        seen += counts[k - lo];
        if (seen >= rank) {
          return k;
        }
      }
      return bottom;
    }

    int span() {
      return total == 0 ? 0 : top - bottom + 1;
    }

    long retainedBytes() {
      return 40 + (counts == null ? 0 : 16 + 4L * counts.length);
    }

    void write(DataOutput out) throws IOException {
      Varint.writeLong(out, total);
      if (total == 0) {
        return;
      }
      out.writeInt(bottom);
      out.writeInt(top);
      for (int k = bottom; k <= top; k++) {
        Varint.writeLong(out, counts[k - lo]);
      }
    }

    void read(DataInput in) throws IOException {
      long expected = Varint.readLong(in);
      if (expected == 0) {
        return;
      }
      int b = in.readInt();
      int t = in.readInt();
      if (t < b || t - b >= maxBuckets) {
        throw new IOException("corrupt sketch store: keys " + b + ".." + t);
      }
      allocate(b, t);
      bottom = b;
      top = t;
      for (int k = b; k <= t; k++) {
        long c = Varint.readLong(in);
        counts[k - lo] = Math.toIntExact(c);
        total += c;
      }
      if (total != expected) {
        throw new IOException("corrupt sketch store: counts add up to " + total + ", expected " + expected);
      }
    }
  }
}
