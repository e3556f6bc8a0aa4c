package org.tariffcast.app.job;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.tariffcast.app.persistence.RunRecord;
import org.tariffcast.app.persistence.RunRepository;
import org.tariffcast.model.config.ConfigLoader;
import org.tariffcast.model.config.ConfigSnapshot;
import org.tariffcast.model.config.ModelConfig;
import org.tariffcast.simulation.ProjectionEngine;

/**
 * The configuration of a run as the run stored it: every step after {@code validate} reads the
 * snapshot in the database, never the study folder, so that a run resumed after the files
 * were edited still computes what it started computing. The snapshot's texts are parsed by
 * {@link ConfigLoader#load(ConfigSnapshot)} (once per process); engines are cached per run.
 */
@Component
public class RunConfigs {
  /** Runs remembered at once (a remote worker serves many runs and never sees them end). */
  static final int CACHED_RUNS = 8;
  private final RunRepository runs;
  private final Map<Long, ModelConfig> configs = lru();
  private final Map<Long, ProjectionEngine> engines = lru();

  public RunConfigs(RunRepository runs) {
    this.runs = runs;
  }

  private static <V> Map<Long, V> lru() {
    return Collections.synchronizedMap(new LinkedHashMap<>(16, 0.75f, true) {
      @Override
      protected boolean removeEldestEntry(Map.Entry<Long, V> eldest) {
        return size() > CACHED_RUNS;
      }
    });
  }

  /** The run's configuration with its overrides applied. */
  public ModelConfig config(long runId) {
    ModelConfig c = configs.get(runId);
    if (c == null) {
      c = load(runId);
      configs.put(runId, c);
    }
    return c;
  }

  /** The run's engine, built once per run (building it computes the central case). */
  public ProjectionEngine engine(long runId) {
    synchronized (engines) {
      return engines.computeIfAbsent(runId, id -> ProjectionEngine.of(config(id)));
    }
  }

  public TrialPlan plan(long runId) {
    return TrialPlan.of(config(runId).run());
  }

  /** Forgets a finished run. */
  public void release(long runId) {
    configs.remove(runId);
    engines.remove(runId);
  }

  private ModelConfig load(long runId) {
    RunRecord run = runs.find(runId).orElseThrow(() -> new IllegalStateException("no run " + runId));
    return Overrides.parse(run.overrides()).applyTo(ConfigLoader.load(ConfigSnapshot.of(runs.snapshot(runId))));
  }
}
