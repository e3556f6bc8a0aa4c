package org.tariffcast.simulation.sampling;

import java.util.function.Supplier;
import org.tariffcast.model.run.SamplingMethod;

/** Makes the per-thread {@link UnitHypercube} of a sampling method. */
public final class UnitHypercubes {
  private UnitHypercubes() {}

  /**
   * A supplier of per-thread hypercubes (each call a new, independent instance giving the same
   * points).
   *
   * @param method random, lhs or sobol
   * @param seed master seed
   * @param totalTrials the run's trial count (the Latin hypercube's strata)
   * @param dims number of uncertain parameters
   */
  public static Supplier<UnitHypercube> of(SamplingMethod method, long seed, long totalTrials, int dims) {
    if (dims < 0) {
      throw new IllegalArgumentException("dims must be >= 0, found " + dims);
    }
    if (totalTrials < 1) {
      throw new IllegalArgumentException("totalTrials must be >= 1, found " + totalTrials);
    }
    return switch (method) {
      case RANDOM -> () -> new RandomSampling(seed, dims);
      case LHS -> {
        LatinHypercube shared = new LatinHypercube(seed, totalTrials, dims); // stateless: share it
        yield () -> shared;
      }
      case SOBOL -> () -> new ScrambledSobol(seed, dims);
    };
  }
}
