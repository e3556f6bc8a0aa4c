package org.tariffcast.app.explore;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.tariffcast.app.job.Overrides;
import org.tariffcast.model.config.ConfigLoader;
import org.tariffcast.model.config.ConfigSnapshot;
import org.tariffcast.model.config.ModelConfig;
import org.tariffcast.model.explore.ExplorePlan;

/**
 * A sweep as it stored itself: the study from the files in {@code explore_file} with the
 * overrides applied, and the plan read from the stored sweep text (a {@code --trials} override
 * sets the trials per point). Parsed once per process and sweep.
 */
@Component
public class ExploreContexts {
  /** A sweep ready to run: the study and its plan. */
  public record Sweep(ModelConfig study, ExplorePlan plan) {}

  private final ExploreRepository repository;
  private final Map<Long, Sweep> cache = Collections.synchronizedMap(new LinkedHashMap<>(16, 0.75f, true) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<Long, Sweep> eldest) {
      return size() > 4;
    }
  });

  public ExploreContexts(ExploreRepository repository) {
    this.repository = repository;
  }

  public Sweep sweep(long sweepId) {
    synchronized (cache) {
      return cache.computeIfAbsent(sweepId, this::load);
    }
  }

  private Sweep load(long sweepId) {
    ExploreRepository.SweepRecord r = repository.find(sweepId)
        .orElseThrow(() -> new IllegalStateException("no sweep " + sweepId));
    Overrides overrides = Overrides.parse(r.overrides());
    ModelConfig study = overrides.applyTo(ConfigLoader.load(ConfigSnapshot.of(repository.files(sweepId))));
    return new Sweep(study, plan(study, r.exploreText(), overrides));
  }

  /** The plan of a sweep text read against {@code study}, trials per point set by a {@code --trials} override. */
  public static ExplorePlan plan(ModelConfig study, String exploreText, Overrides overrides) {
    ExplorePlan p = ConfigLoader.loadExplore(study, ExplorePlan.FILE, exploreText);
    if (overrides.trials() == null) {
      return p;
    }
    return new ExplorePlan(p.scenario(), overrides.trials(), p.axes(), p.kpis(), p.targets(), p.goalSeeks(),
        p.frontier());
  }

  public void release(long sweepId) {
    cache.remove(sweepId);
  }
}
