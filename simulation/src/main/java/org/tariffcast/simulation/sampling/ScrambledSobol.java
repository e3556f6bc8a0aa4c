package org.tariffcast.simulation.sampling;

import org.apache.commons.math3.random.SobolSequenceGenerator;
import org.apache.commons.rng.UniformRandomProvider;
import org.tariffcast.simulation.random.TrialStreams;

/**
 * Sobol points (Joe and Kuo direction numbers, via commons-math) with a random digital shift:
 * trial i takes point i of the sequence and XORs every coordinate's 52 bits with a mask drawn
 * from the seed, which keeps the net's stratification and makes every point uniform. Dimensions
 * beyond {@link #MAX_SOBOL_DIMENSIONS} take plain uniforms from the trial's parameter stream.
 * Keeps a generator as per-thread state; consecutive trials step it, others skip to the index.
 */
final class ScrambledSobol implements UnitHypercube {
  /** The direction-number table of commons-math covers this many dimensions. */
  static final int MAX_SOBOL_DIMENSIONS = 1000;
  static final long DOMAIN = 0x534F424FL;
  private static final double SCALE = 0x1.0p52;
  private final long seed;
  private final int dims;
  private final int sobolDims;
  private final long[] masks;
  private final SobolSequenceGenerator generator;

  ScrambledSobol(long seed, int dims) {
    this.seed = seed;
    this.dims = dims;
    this.sobolDims = Math.min(dims, MAX_SOBOL_DIMENSIONS);
    this.masks = new long[sobolDims];
    for (int j = 0; j < sobolDims; j++) {
      masks[j] = TrialStreams.key(seed, DOMAIN, j) & ((1L << 52) - 1);
    }
    this.generator = sobolDims > 0 ? new SobolSequenceGenerator(sobolDims) : null;
  }

  @Override
  public void point(long trial, double[] u) {
    if (trial > Integer.MAX_VALUE) {
      throw new IllegalArgumentException("Sobol sampling supports trials up to " + Integer.MAX_VALUE + ", found " + trial);
    }
    if (sobolDims > 0) {
      double[] v = generator.getNextIndex() == trial ? generator.nextVector() : generator.skipTo((int) trial);
      for (int j = 0; j < sobolDims; j++) {
        long bits = (long) (v[j] * SCALE);
        u[j] = ((bits ^ masks[j]) + 0.5) / SCALE;
      }
    }
    if (dims > sobolDims) {
      UniformRandomProvider rng = TrialStreams.of(seed, trial, TrialStreams.Purpose.PARAMETERS);
      for (int j = sobolDims; j < dims; j++) {
        u[j] = TrialStreams.openUniform(rng);
      }
    }
  }
}
