package org.tariffcast.simulation;

/** TEMPORARY stub of the engine API (branch sim owns the real one). */
@FunctionalInterface
public interface TrialProgress {
  TrialProgress NONE = n -> {};

  void trialsDone(long count);
}
