package org.tariffcast.simulation;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.zip.Deflater;
import org.tariffcast.simulation.statistics.MomentBank;
import org.tariffcast.simulation.statistics.StatisticsBank;

/**
 * The statistics of a contiguous range of trials {@code [fromTrial, toTrial)} of one run:
 * every series point and KPI (exact moments, exact extremes, percentile sketch), target hit
 * counts, the outlook's scenario counts, the counts of equilibria outside their model's range, per-segment moments of the headline KPIs for
 * convergence points, and the headline KPI values of the first
 * {@link ProjectionEngine#SENSITIVITY_TRIALS} trials for sensitivity. Every part depends only
 * on the multiset of trial values (or, for the sensitivity sample, on trial indices), so merging
 * partitions gives exactly the numbers of one pass. Memory is bounded whatever the number of
 * trials.
 *
 * <p>Immutable from the outside; {@link #merge} returns a new value. {@link #toBytes()} is a
 * versioned, deflated binary form (big-endian {@code DataOutput} layout, no Java serialization) carrying a
 * fingerprint of the run it belongs to, so that a partition of another configuration cannot be
 * merged by mistake.
 */
public final class PartialResult {
  static final int MAGIC = 0x54435052; // "TCPR"
  /**
   * Format version written: 2 appended the domain warning counts to version 1; 3 adds the
   * statistics' count of coarse sketches (the series points', {@code StatisticsBank}). Versions 1
   * and 2 are still read (every sketch fine).
   */
  static final int VERSION = 3;
  /** Convergence segments: segment j holds trials [2^(j-1), 2^j), segment 0 trial 0. */
  static final int SEGMENTS = 64;
  /** zlib level of {@link #toBytes()}; any level is read. */
  static final int DEFLATE_LEVEL = Deflater.BEST_SPEED;

  private final long fingerprint;
  private final long fromTrial;
  private final long toTrial;
  final StatisticsBank bank;
  final MomentBank[] segments;
  final long[] sensitivityTrials;
  final double[] sensitivityValues;
  final int sensitivityWidth;
  final long[] targetHits;
  final long[] outlookCounts;
  /**
   * Trials whose equilibria left their model's range, laid out by
   * {@link org.tariffcast.simulation.kernel.DomainWarnings}; empty when read from a version-1
   * form (which recorded none).
   */
  final long[] domainWarnings;

  PartialResult(long fingerprint, long fromTrial, long toTrial, StatisticsBank bank, MomentBank[] segments,
      long[] sensitivityTrials, double[] sensitivityValues, int sensitivityWidth, long[] targetHits,
      long[] outlookCounts, long[] domainWarnings) {
    if (fromTrial < 0 || toTrial < fromTrial) {
      throw new IllegalArgumentException("a partial result needs 0 <= fromTrial <= toTrial, found [" + fromTrial + ", "
          + toTrial + ")");
    }
    if (bank.count() != toTrial - fromTrial) {
      throw new IllegalArgumentException("a partial result of trials [" + fromTrial + ", " + toTrial + ") must hold "
          + (toTrial - fromTrial) + " trials, found " + bank.count());
    }
    this.fingerprint = fingerprint;
    this.fromTrial = fromTrial;
    this.toTrial = toTrial;
    this.bank = bank;
    this.segments = segments;
    this.sensitivityTrials = sensitivityTrials;
    this.sensitivityValues = sensitivityValues;
    this.sensitivityWidth = sensitivityWidth;
    this.targetHits = targetHits;
    this.outlookCounts = outlookCounts;
    this.domainWarnings = domainWarnings;
  }

  /** First trial (inclusive). */
  public long fromTrial() {
    return fromTrial;
  }

  /** End of the range (exclusive). */
  public long toTrial() {
    return toTrial;
  }

  /** Number of trials summarised. */
  public long trials() {
    return toTrial - fromTrial;
  }

  /** Identifies the run configuration (study, seed, sampling, solver, layout) the trials belong to. */
  public long fingerprint() {
    return fingerprint;
  }

  /** How many trials the outlook gave to each scenario (configuration order). */
  public long[] outlookCounts() {
    return outlookCounts.clone();
  }

  /** Bytes retained in memory by the statistics (for memory tests). */
  public long retainedBytes() {
    long b = bank.retainedBytes() + 8L * sensitivityTrials.length + 8L * sensitivityValues.length
        + 8L * targetHits.length + 8L * outlookCounts.length + 8L * domainWarnings.length;
    for (MomentBank m : segments) {
      if (m != null) {
        b += m.retainedBytes();
      }
    }
    return b;
  }

  /**
   * The statistics of this range followed by {@code next}, which must start where this one ends
   * and belong to the same run.
   */
  public PartialResult merge(PartialResult next) {
    if (next == null) {
      throw new IllegalArgumentException("next partial result must not be null");
    }
    if (next.fingerprint != fingerprint) {
      throw new IllegalArgumentException("cannot merge partial results of different runs: fingerprints "
          + Long.toHexString(fingerprint) + " and " + Long.toHexString(next.fingerprint));
    }
    if (next.fromTrial != toTrial) {
      throw new IllegalArgumentException("next partial result must start at trial " + toTrial + " (adjacent to [" + fromTrial
          + ", " + toTrial + ")), found [" + next.fromTrial + ", " + next.toTrial + ")");
    }
    StatisticsBank b = bank.copy();
    b.mergeFrom(next.bank);
    MomentBank[] seg = new MomentBank[SEGMENTS];
    for (int j = 0; j < SEGMENTS; j++) {
      if (segments[j] != null) {
        seg[j] = segments[j].copy();
        if (next.segments[j] != null) {
          seg[j].mergeFrom(next.segments[j]);
        }
      } else if (next.segments[j] != null) {
        seg[j] = next.segments[j].copy();
      }
    }
    long[] trials = concat(sensitivityTrials, next.sensitivityTrials);
    double[] values = Arrays.copyOf(sensitivityValues, sensitivityValues.length + next.sensitivityValues.length);
    System.arraycopy(next.sensitivityValues, 0, values, sensitivityValues.length, next.sensitivityValues.length);
    long[] hits = targetHits.clone();
    for (int i = 0; i < hits.length; i++) {
      hits[i] += next.targetHits[i];
    }
    long[] counts = outlookCounts.clone();
    for (int i = 0; i < counts.length; i++) {
      counts[i] += next.outlookCounts[i];
    }
    return new PartialResult(fingerprint, fromTrial, next.toTrial, b, seg, trials, values, sensitivityWidth, hits,
        counts, addCounts(domainWarnings, next.domainWarnings));
  }

  /** Element-wise sum; an empty array (a version-1 partial) counts as zeros. */
  private static long[] addCounts(long[] a, long[] b) {
    if (a.length == 0) {
      return b.clone();
    }
    if (b.length == 0) {
      return a.clone();
    }
    if (a.length != b.length) {
      throw new IllegalArgumentException("domain warning counts of " + a.length + " and " + b.length
          + " entries cannot be merged");
    }
    long[] c = a.clone();
    for (int i = 0; i < c.length; i++) {
      c[i] += b[i];
    }
    return c;
  }

  private static long[] concat(long[] a, long[] b) {
    long[] c = Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, c, a.length, b.length);
    return c;
  }

  /** The versioned binary form. */
  public byte[] toBytes() {
    // DeflatingDataOutput: the varints write byte by byte, and through DataOutputStream, BufferedOutputStream
    // and DeflaterOutputStream each byte was a synchronized call
    DeflatingDataOutput out = new DeflatingDataOutput(DEFLATE_LEVEL);
    try {
      out.writeInt(MAGIC);
      out.writeInt(VERSION);
      out.writeLong(fingerprint);
      out.writeLong(fromTrial);
      out.writeLong(toTrial);
      bank.write(out);
      int present = 0;
      for (MomentBank m : segments) {
        present += m == null ? 0 : 1;
      }
      out.writeInt(present);
      for (int j = 0; j < SEGMENTS; j++) {
        if (segments[j] != null) {
          out.writeInt(j);
          segments[j].write(out);
        }
      }
      out.writeInt(sensitivityWidth);
      out.writeInt(sensitivityTrials.length);
      for (long t : sensitivityTrials) {
        out.writeLong(t);
      }
      for (double v : sensitivityValues) {
        out.writeDouble(v);
      }
      writeLongs(out, targetHits);
      writeLongs(out, outlookCounts);
      writeLongs(out, domainWarnings);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot encode partial result", e);
    }
    return out.finish();
  }

  /** Reads {@link #toBytes()} output. */
  public static PartialResult fromBytes(byte[] bytes) {
    try (InflatingDataInput in = new InflatingDataInput(bytes)) {
      int magic = in.readInt();
      if (magic != MAGIC) {
        throw new IllegalArgumentException("not a tariffcast partial result: magic " + Integer.toHexString(magic));
      }
      int version = in.readInt();
      if (version < 1 || version > VERSION) {
        throw new IllegalArgumentException("partial result format version " + version + " is not supported (expected "
            + "1 to " + VERSION + ")");
      }
      long fingerprint = in.readLong();
      long from = in.readLong();
      long to = in.readLong();
      StatisticsBank bank = StatisticsBank.read(in, version >= 3);
      MomentBank[] segments = new MomentBank[SEGMENTS];
      int present = in.readInt();
      for (int i = 0; i < present; i++) {
        int j = in.readInt();
        if (j < 0 || j >= SEGMENTS) {
          throw new IOException("corrupt segment index " + j);
        }
        segments[j] = MomentBank.read(in);
      }
      int width = in.readInt();
      int count = in.readInt();
      if (count < 0 || width < 0) {
        throw new IOException("corrupt sensitivity sample");
      }
      long[] trials = new long[count];
      for (int i = 0; i < count; i++) {
        trials[i] = in.readLong();
      }
      double[] values = new double[count * width];
      for (int i = 0; i < values.length; i++) {
        values[i] = in.readDouble();
      }
      long[] hits = readLongs(in);
      long[] counts = readLongs(in);
      long[] warnings = version >= 2 ? readLongs(in) : new long[0];
      return new PartialResult(fingerprint, from, to, bank, segments, trials, values, width, hits, counts, warnings);
    } catch (IOException e) {
      throw new IllegalArgumentException("corrupt partial result: " + e.getMessage(), e);
    }
  }

  private static void writeLongs(DataOutput out, long[] a) throws IOException {
    out.writeInt(a.length);
    for (long v : a) {
      out.writeLong(v);
    }
  }

  private static long[] readLongs(DataInput in) throws IOException {
    int n = in.readInt();
    if (n < 0 || n > 10_000_000) {
      throw new IOException("corrupt array length " + n);
    }
    long[] a = new long[n];
    for (int i = 0; i < n; i++) {
      a[i] = in.readLong();
    }
    return a;
  }

  @Override
  public String toString() {
    return "PartialResult[" + fromTrial + ", " + toTrial + ")";
  }
}
