package org.tariffcast.app.job;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.tariffcast.app.persistence.PartitionRepository;
import org.tariffcast.simulation.PartialResult;
import org.tariffcast.simulation.ProjectionEngine;

/**
 * Under a precision target: the longest run of stored batches from the first one, merged, and
 * whether it reaches the precision. Kept in memory per run and extended as batches are stored,
 * so each stored batch is read and merged once, not once per later batch.
 */
public class PrecisionPrefix {
  private record State(int length, PartialResult merged, boolean reached) {}

  private final PartitionRepository partitions;
  private final Map<Long, State> states = new ConcurrentHashMap<>();

  public PrecisionPrefix(PartitionRepository partitions) {
    this.partitions = partitions;
  }

  /** True if batches before {@code index}, from the first one, already reach the precision. */
  public synchronized boolean reachedBefore(long runId, int index, ProjectionEngine engine) {
    State s = states.getOrDefault(runId, new State(0, null, false));
    if (!s.reached() && s.length() < index) {
      Set<Integer> stored = new HashSet<>(partitions.indexes(runId));
      while (!s.reached() && s.length() < index && stored.contains(s.length())) {
        PartialResult next = PartialResult.fromBytes(partitions.find(runId, s.length()).orElseThrow().result());
        PartialResult merged = s.merged() == null ? next : s.merged().merge(next);
        s = new State(s.length() + 1, merged, engine.precisionReached(merged));
      }
      states.put(runId, s);
    }
    return s.reached() && s.length() <= index;
  }

  public void release(long runId) {
    states.remove(runId);
  }
}
