package org.tariffcast.simulation.sampling;

import org.apache.commons.rng.UniformRandomProvider;
import org.tariffcast.simulation.random.TrialStreams;

/** Independent uniforms from the trial's parameter stream. */
final class RandomSampling implements UnitHypercube {
  private final long seed;
  private final int dims;

  RandomSampling(long seed, int dims) {
    this.seed = seed;
    this.dims = dims;
  }

  @Override
  public void point(long trial, double[] u) {
    UniformRandomProvider rng = TrialStreams.of(seed, trial, TrialStreams.Purpose.PARAMETERS);
    for (int j = 0; j < dims; j++) {
      u[j] = TrialStreams.openUniform(rng);
    }
  }
}
