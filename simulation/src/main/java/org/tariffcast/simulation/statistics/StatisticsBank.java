package org.tariffcast.simulation.statistics;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import org.tariffcast.model.result.Percentiles;
import org.tariffcast.model.result.Statistics;

/**
 * Full statistics of many quantities ("slots": series points and KPIs) over the same trials:
 * exact moments ({@link MomentBank}) and a {@link QuantileSketch} (which also holds the exact
 * minimum and maximum) per slot; the first {@link #coarseSlots()} slots' sketches at the coarse
 * resolution ({@link QuantileSketch#COARSE_RELATIVE_ERROR}), the others at the fine one. Every part depends only on the multiset of each slot's values, so merging banks of
 * any partitions, in any order, gives the same numbers as one pass, bit for bit. Memory is
 * bounded whatever the number of trials. Not thread-safe.
 */
public final class StatisticsBank {
  private final int slots;
  /** Slots {@code [0, coarseSlots)} have coarse sketches. */
  private final int coarseSlots;
  private final MomentBank moments;
  private final QuantileSketch[] sketches;

  /**
   * @param reference per-slot reference magnitude that fixes the moments' rounding grid (see
   *     {@link MomentBank}); the engine uses the central-case values
   */
  public StatisticsBank(double[] reference) {
    this(reference, 0);
  }

  /**
   * @param reference as in {@link #StatisticsBank(double[])}
   * @param coarseSlots the number of leading slots (the engine's series points) whose percentiles
   *     are kept at the coarse resolution
   */
  public StatisticsBank(double[] reference, int coarseSlots) {
    if (coarseSlots < 0 || coarseSlots > reference.length) {
      throw new IllegalArgumentException("coarseSlots must be in [0, " + reference.length + "], found " + coarseSlots);
    }
    this.slots = reference.length;
    this.coarseSlots = coarseSlots;
    this.moments = new MomentBank(reference);
    this.sketches = new QuantileSketch[slots];
    for (int i = 0; i < slots; i++) {
      sketches[i] = new QuantileSketch(i < coarseSlots ? QuantileSketch.COARSE : QuantileSketch.FINE);
    }
  }

  /** The number of leading slots whose sketches are coarse. */
  public int coarseSlots() {
    return coarseSlots;
  }

  public int slots() {
    return slots;
  }

  public long count() {
    return moments.count();
  }

  /** Adds one trial: {@code values[j]} for slot j (finite), moments shifted by {@code shift[j]}. */
  public void add(double[] values, double[] shift) {
    addBlock(values, 1, 1, shift);
  }

  /**
   * Adds {@code rowCount} trials held column by column: slot j's values are
   * {@code columns[j * stride + b]} for b < rowCount. Slot by slot, so that each slot's state is
   * loaded once per block rather than once per trial (the accumulators of thousands of slots do
   * not fit in cache) and its values are read sequentially.
   */
  public void addBlock(double[] columns, int rowCount, int stride, double[] shift) {
    if (rowCount == 0) {
      return;
    }
    for (int j = 0; j < slots; j++) {
      int offset = j * stride;
      moments.addColumn(j, columns, offset, rowCount, shift[j]);
      sketches[j].addColumn(columns, offset, rowCount);
    }
    moments.countTrials(rowCount);
  }

  public void mergeFrom(StatisticsBank other) {
    if (other.slots != slots || other.coarseSlots != coarseSlots) {
      throw new IllegalArgumentException("cannot merge statistics of " + other.slots + " slots (" + other.coarseSlots
          + " coarse) into " + slots + " (" + coarseSlots + " coarse)");
    }
    moments.mergeFrom(other.moments);
    for (int j = 0; j < slots; j++) {
      sketches[j].mergeFrom(other.sketches[j]);
    }
  }

  public StatisticsBank copy() {
    StatisticsBank c = new StatisticsBank(moments.copy(), new QuantileSketch[slots], coarseSlots);
    for (int j = 0; j < slots; j++) {
      c.sketches[j] = sketches[j].copy();
    }
    return c;
  }

  private StatisticsBank(MomentBank moments, QuantileSketch[] sketches, int coarseSlots) {
    this.slots = moments.slots();
    this.coarseSlots = coarseSlots;
    this.moments = moments;
    this.sketches = sketches;
  }

  public MomentBank moments() {
    return moments;
  }

  /** Smallest value of a slot (+Infinity when empty). */
  public double min(int slot) {
    return sketches[slot].min();
  }

  /** Largest value of a slot (-Infinity when empty). */
  public double max(int slot) {
    return sketches[slot].max();
  }

  public QuantileSketch sketch(int slot) {
    return sketches[slot];
  }

  /** The statistics of one slot; {@code shift} is the one its values were added with. */
  public Statistics statistics(int slot, double shift) {
    long n = moments.count();
    if (n == 0) {
      throw new IllegalStateException("no trials: statistics need at least one");
    }
    QuantileSketch s = sketches[slot];
    double[] p = new double[Percentiles.LEVELS.length];
    for (int i = 0; i < p.length; i++) {
      p[i] = s.percentile(Percentiles.LEVELS[i]);
    }
    double mean = moments.mean(slot, shift);
    mean = Math.max(s.min(), Math.min(s.max(), mean)); // rounding must not leave [min, max]
    double sd = moments.sd(slot);
    return new Statistics(n, mean, sd, sd / Math.sqrt(n), s.min(), s.max(), Percentiles.of(p),
        s.isBucketed() ? s.relativeError() : 0);
  }

  /** Bytes retained (arrays and sketches), for memory tests. */
  public long retainedBytes() {
    long b = moments.retainedBytes() + 16 + 8L * slots;
    for (QuantileSketch s : sketches) {
      b += s.retainedBytes();
    }
    return b;
  }

  /** Writes the bank: the number of slots and of coarse slots, the moments, the sketches. */
  public void write(DataOutput out) throws IOException {
    out.writeInt(slots);
    out.writeInt(coarseSlots);
    moments.write(out);
    for (int j = 0; j < slots; j++) {
      sketches[j].write(out);
    }
  }

  /**
   * Reads {@link #write}'s form; {@code withCoarse} false for the form written before coarse
   * sketches existed (no count of coarse slots: every sketch fine).
   */
  public static StatisticsBank read(DataInput in, boolean withCoarse) throws IOException {
    int slots = in.readInt();
    if (slots < 0 || slots > 50_000_000) {
      throw new IOException("corrupt statistics: " + slots + " slots");
    }
    int coarse = withCoarse ? in.readInt() : 0;
    if (coarse < 0 || coarse > slots) {
      throw new IOException("corrupt statistics: " + coarse + " coarse slots of " + slots);
    }
    MomentBank m = MomentBank.read(in);
    if (m.slots() != slots) {
      throw new IOException("corrupt statistics: " + m.slots() + " moment slots for " + slots + " slots");
    }
    QuantileSketch[] sk = new QuantileSketch[slots];
    for (int j = 0; j < slots; j++) {
      int resolution = j < coarse ? QuantileSketch.COARSE : QuantileSketch.FINE;
      sk[j] = QuantileSketch.read(in, resolution);
      if (sk[j].resolution() != resolution) {
        throw new IOException("corrupt statistics: slot " + j + " has a sketch of " + sk[j].resolution()
            + " bits per bucket, expected " + resolution);
      }
    }
    return new StatisticsBank(m, sk, coarse);
  }
}
