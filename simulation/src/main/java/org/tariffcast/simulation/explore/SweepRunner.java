package org.tariffcast.simulation.explore;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.tariffcast.model.config.ConfigLoader;
import org.tariffcast.model.config.ModelConfig;
import org.tariffcast.model.explore.ExplorePlan;
import org.tariffcast.model.explore.GridPoint;
import org.tariffcast.simulation.PartialResult;
import org.tariffcast.simulation.ProjectionEngine;
import org.tariffcast.simulation.TrialProgress;

/**
 * Runs a sweep's grid points in this process: each point is the study with its levers moved
 * ({@link ConfigLoader#withLevers}), its base scenario evaluated alone on the trials of a run of
 * the whole study ({@link ProjectionEngine#ofScenario}): the same trials at every point. The
 * batch job runs the same {@link #engine} per partition; this class serves tests, benchmarks and
 * the feed-back check of goal-seeks.
 */
public final class SweepRunner {
  private SweepRunner() {}

  /** Trials per point: the plan's, or the study's run when the plan leaves it at 0. */
  public static long trialsPerPoint(ModelConfig study, ExplorePlan plan) {
    return plan.trialsPerPoint() > 0 ? plan.trialsPerPoint() : study.run().trials();
  }

  /**
   * The study at a grid point: its levers at {@code levers} (the others as {@code study} has
   * them), its run settings with {@code trials} trials.
   */
  public static ModelConfig pointStudy(ModelConfig study, Map<String, Double> levers, long trials) {
    ModelConfig moved = ConfigLoader.load(ConfigLoader.withLevers(study.snapshot(), levers));
    return moved.withRun(study.run().withTrials(trials));
  }

  /** The engine of grid point {@code index} of {@code plan}. */
  public static ProjectionEngine engine(ModelConfig study, ExplorePlan plan, int index) {
    return ProjectionEngine.ofScenario(pointStudy(study, plan.point(index), trialsPerPoint(study, plan)),
        plan.scenario());
  }

  /** Runs grid point {@code index} on {@code threads} threads. */
  public static GridPoint runPoint(ModelConfig study, ExplorePlan plan, int index, int threads) {
    ProjectionEngine e = engine(study, plan, index);
    PartialResult all = e.simulate(0, trialsPerPoint(study, plan), threads, TrialProgress.NONE);
    return e.finishScenario(all, index, plan.point(index));
  }

  /** Runs the point of {@code plan}'s base scenario at any lever values (a goal-seek's answer fed back). */
  public static GridPoint runAt(ModelConfig study, ExplorePlan plan, Map<String, Double> levers, int threads) {
    long trials = trialsPerPoint(study, plan);
    ProjectionEngine e = ProjectionEngine.ofScenario(pointStudy(study, levers, trials), plan.scenario());
    return e.finishScenario(e.simulate(0, trials, threads, TrialProgress.NONE), 0, levers);
  }

  /** Every grid point, in point order. */
  public static List<GridPoint> run(ModelConfig study, ExplorePlan plan, int threads) {
    List<GridPoint> out = new ArrayList<>();
    for (int i = 0; i < plan.points(); i++) {
      out.add(runPoint(study, plan, i, threads));
    }
    return out;
  }
}
