package org.tariffcast.simulation;

/**
 * Receives progress from the worker threads of {@link ProjectionEngine#simulate}: called with
 * the number of trials finished since the previous call (every few hundred trials per thread),
 * from any worker thread. Implementations must be thread-safe and cheap.
 */
@FunctionalInterface
public interface TrialProgress {
  /** Ignores progress. */
  TrialProgress NONE = n -> { };

  void trialsDone(long count);
}
