package org.tariffcast.simulation.sampling;

/**
 * Trial {@code i}'s point in the unit hypercube {@code (0,1)^d}, one coordinate per uncertain
 * parameter. A function of {@code (seed, i)} (and, for Latin hypercubes, the run's trial
 * count) only. Instances may keep per-thread state (the Sobol generator): one per worker.
 */
public interface UnitHypercube {
  /** Writes trial {@code trial}'s point into {@code u[0..d-1]}, every coordinate strictly inside (0, 1). */
  void point(long trial, double[] u);
}
