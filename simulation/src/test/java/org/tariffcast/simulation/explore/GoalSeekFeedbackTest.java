package org.tariffcast.simulation.explore;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.tariffcast.model.config.ConfigLoader;
import org.tariffcast.model.config.ModelConfig;
import org.tariffcast.model.explore.ExplorePlan;
import org.tariffcast.model.explore.GoalSeek;
import org.tariffcast.model.explore.GoalSeekAnswer;
import org.tariffcast.model.explore.GridPoint;
import org.tariffcast.model.explore.PointKpi;
import org.tariffcast.model.explore.Sweeps;
import org.tariffcast.model.lever.Lever;
import org.tariffcast.model.result.TargetProbability;

/**
 * The goal-seek's answer, fed back as a fixed lever value and run on the same trials, meets its
 * level within the reported interval: the point at the answer has the level inside its 95 %
 * band, and the answer lies inside the interval.
 */
class GoalSeekFeedbackTest {
  static final Path STUDY = Path.of("..", "config", "us-vietnam-2025");
  static final String SWEEP = """
      scenario: Framework
      trials_per_point: 400
      levers:
        - {key: us_rate_vn, from: 0%, to: 46%, step: 2%}
      kpis:
        - {metric: imports_from_partner, window: final_year, measure: pct_change_vs_baseline}
      targets: all
      goal_seek:
        - name: US rate at which the deficit shrinks by 20 % with probability 0.5
          lever: us_rate_vn
          target: US deficit with Vietnam shrinks by 20 % in the final year
          probability: 0.5
        - name: US rate at which Vietnam's US-bound exports fall by 15 % in the median
          lever: us_rate_vn
          kpi: {metric: imports_from_partner, window: final_year, measure: pct_change_vs_baseline}
          statistic: median
          value: -0.15
      """;

  @Test
  void theAnswerFedBackMeetsItsLevelWithinTheInterval() {
    ModelConfig study = ConfigLoader.load(STUDY);
    study = study.withRun(study.run().withSeed(11));
    ExplorePlan plan = ConfigLoader.loadExplore(study, "explore.yml", SWEEP);
    List<GridPoint> points = SweepRunner.run(study, plan, 2);
    Map<String, Double> defaults = new java.util.HashMap<>();
    for (Lever l : study.levers()) {
      defaults.put(l.key(), l.defaultValue());
    }
    for (GoalSeek seek : plan.goalSeeks()) {
      GoalSeekAnswer a = Sweeps.goalSeek(plan, points, seek, defaults);
      assertThat(a.outcome()).as(seek.name()).isEqualTo(GoalSeekAnswer.Outcome.CROSSES);
      assertThat(a.low()).isLessThanOrEqualTo(a.value());
      assertThat(a.high()).isGreaterThanOrEqualTo(a.value());
      GridPoint back = SweepRunner.runAt(study, plan, Map.of(seek.lever(), a.value()), 2);
      double low;
      double high;
      double estimate;
      if (seek.isProbability()) {
        TargetProbability t = back.target(seek.target().name());
        estimate = t.probability();
        low = t.ciLow();
        high = t.ciHigh();
      } else {
        PointKpi k = back.kpi(seek.kpi());
        estimate = seek.statistic().of(k);
        low = seek.statistic().ciLow(k);
        high = seek.statistic().ciHigh(k);
      }
      assertThat(seek.level()).as(seek.name()).isBetween(low, high);
    }
  }
}
