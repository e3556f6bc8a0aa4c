package org.tariffcast.simulation.sampling;

import org.apache.commons.rng.UniformRandomProvider;
import org.tariffcast.simulation.random.TrialStreams;

/**
 * Latin hypercube over a run of {@code total} trials: each dimension's range is cut into
 * {@code total} equal strata and dimension j sends trial i to stratum {@code pi_j(i)}, a keyed
 * permutation of the trials derived from {@code (seed, j, total)}; within the stratum the point
 * is uniform (jitter from the trial's own stream). Every stratum of every dimension is hit by
 * exactly one trial of the run, and trial i's point depends on {@code (seed, i, total)} only.
 */
final class LatinHypercube implements UnitHypercube {
  /** Key domain of the dimension permutations. */
  static final long DOMAIN = 0x4C4853L;
  private final long seed;
  private final long total;
  private final KeyedPermutation[] strata;

  LatinHypercube(long seed, long total, int dims) {
    this.seed = seed;
    this.total = total;
    this.strata = new KeyedPermutation[dims];
    for (int j = 0; j < dims; j++) {
      strata[j] = KeyedPermutation.of(total, TrialStreams.key(seed, DOMAIN ^ total, j));
    }
  }

  @Override
  public void point(long trial, double[] u) {
    if (trial >= total) {
      throw new IllegalArgumentException("a Latin hypercube of " + total + " trials has no trial " + trial);
    }
    UniformRandomProvider rng = TrialStreams.of(seed, trial, TrialStreams.Purpose.PARAMETERS);
    double width = 1.0 / total;
    for (int j = 0; j < strata.length; j++) {
      double jitter = TrialStreams.openUniform(rng);
      double x = (strata[j].apply(trial) + jitter) * width;
      u[j] = Math.min(Math.max(x, 0x1.0p-53), 1 - 0x1.0p-53);
    }
  }
}
