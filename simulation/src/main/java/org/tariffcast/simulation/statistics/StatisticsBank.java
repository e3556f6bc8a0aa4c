package org.tariffcast.simulation.statistics;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import org.tariffcast.model.result.Percentiles;
import org.tariffcast.model.result.Statistics;

/**
 * Full statistics of many quantities ("slots": series points and KPIs) over the same trials:
 * exact moments ({@link MomentBank}), exact minimum and maximum, and a {@link QuantileSketch}
 * per slot. Every part depends only on the multiset of each slot's values, so merging banks of
 * any partitions, in any order, gives the same numbers as one pass, bit for bit. Memory is
 * bounded whatever the number of trials. Not thread-safe.
 */
public final class StatisticsBank {
  private final int slots;
  private final MomentBank moments;
  private final double[] min;
  private final double[] max;
  private final QuantileSketch[] sketches;

  public StatisticsBank(int slots) {
    this.slots = slots;
    this.moments = new MomentBank(slots);
    this.min = new double[slots];
    this.max = new double[slots];
    java.util.Arrays.fill(min, Double.POSITIVE_INFINITY);
    java.util.Arrays.fill(max, Double.NEGATIVE_INFINITY);
    this.sketches = new QuantileSketch[slots];
    for (int i = 0; i < slots; i++) {
      sketches[i] = new QuantileSketch();
    }
  }

  public int slots() {
    return slots;
  }

  public long count() {
    return moments.count();
  }

  /** Adds one trial: {@code values[j]} for slot j (finite), moments shifted by {@code shift[j]}. */
  public void add(double[] values, double[] shift) {
    for (int j = 0; j < slots; j++) {
      double x = values[j];
      if (x < min[j]) {
        min[j] = x;
      }
      if (x > max[j]) {
        max[j] = x;
      }
      moments.addValue(j, x - shift[j]);
      sketches[j].add(x);
    }
    moments.countTrial();
  }

  public void mergeFrom(StatisticsBank other) {
    if (other.slots != slots) {
      throw new IllegalArgumentException("cannot merge statistics of " + other.slots + " slots into " + slots);
    }
    moments.mergeFrom(other.moments);
    for (int j = 0; j < slots; j++) {
      min[j] = Math.min(min[j], other.min[j]);
      max[j] = Math.max(max[j], other.max[j]);
      sketches[j].mergeFrom(other.sketches[j]);
    }
  }

  public StatisticsBank copy() {
    StatisticsBank c = new StatisticsBank(slots);
    c.mergeFrom(this);
    return c;
  }

  public MomentBank moments() {
    return moments;
  }

  public double min(int slot) {
    return min[slot];
  }

  public double max(int slot) {
    return max[slot];
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
    mean = Math.max(min[slot], Math.min(max[slot], mean)); // rounding must not leave [min, max]
    double sd = moments.sd(slot);
    return new Statistics(n, mean, sd, sd / Math.sqrt(n), min[slot], max[slot], Percentiles.of(p),
        s.isBucketed() ? QuantileSketch.RELATIVE_ERROR : 0);
  }

  /** Bytes retained (arrays and sketches), for memory tests. */
  public long retainedBytes() {
    long b = moments.retainedBytes() + 2 * (16 + 8L * slots) + 16 + 8L * slots;
    for (QuantileSketch s : sketches) {
      b += s.retainedBytes();
    }
    return b;
  }

  public void write(DataOutput out) throws IOException {
    out.writeInt(slots);
    moments.write(out);
    for (int j = 0; j < slots; j++) {
      out.writeDouble(min[j]);
      out.writeDouble(max[j]);
      sketches[j].write(out);
    }
  }

  public static StatisticsBank read(DataInput in) throws IOException {
    int slots = in.readInt();
    if (slots < 0 || slots > 50_000_000) {
      throw new IOException("corrupt statistics: " + slots + " slots");
    }
    StatisticsBank b = new StatisticsBank(0 + slots);
    MomentBank m = MomentBank.read(in);
    if (m.slots() != slots) {
      throw new IOException("corrupt statistics: " + m.slots() + " moment slots for " + slots + " slots");
    }
    b.moments.mergeFrom(m);
    for (int j = 0; j < slots; j++) {
      b.min[j] = in.readDouble();
      b.max[j] = in.readDouble();
      b.sketches[j] = QuantileSketch.read(in);
    }
    return b;
  }
}
