package org.tariffcast.model.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.tariffcast.model.explore.ExplorePlan;
import org.tariffcast.model.explore.Statistic;
import org.tariffcast.model.result.Measure;
import org.tariffcast.model.result.Metric;

/** explore.yml: the default study's sweep reads as written; a broken one reports every problem, located. */
class ExploreFileTest {
  static final Path STUDY = Path.of("..", "config", "us-vietnam-2025");

  @Test
  void theDefaultStudysSweepIsA24By9GridAroundTheFramework() {
    ModelConfig study = ConfigLoader.load(STUDY);
    ExplorePlan plan = ConfigLoader.loadExplore(study, STUDY.resolve("explore.yml"));

    assertThat(plan.scenario()).isEqualTo("Framework");
    assertThat(plan.trialsPerPoint()).isEqualTo(2000);
    // 0 % to 46 % by 2 points: 46 / 2 + 1 = 24 values; 0 to 2 by 0.25: 2 / 0.25 + 1 = 9 values
    assertThat(plan.axes().get(0).values()).hasSize(24).startsWith(0.0, 0.02, 0.04, 0.06).endsWith(0.46);
    assertThat(plan.axes().get(0).values()).contains(0.2);
    assertThat(plan.axes().get(1).values()).containsExactly(0.0, 0.25, 0.5, 0.75, 1.0, 1.25, 1.5, 1.75, 2.0);
    assertThat(plan.points()).isEqualTo(216);
    // last axis fastest: point 9 * 10 + 4 is (20 %, 1.0), the study's defaults
    assertThat(plan.point(94)).isEqualTo(Map.of("us_rate_vn", 0.2, "purchases_scale", 1.0));
    assertThat(plan.index(10, 4)).isEqualTo(94);
    assertThat(plan.kpis()).hasSize(2);
    assertThat(plan.kpis().get(0).metric()).isEqualTo(Metric.BILATERAL_BALANCE);
    assertThat(plan.targets()).hasSize(1);
    assertThat(plan.goalSeeks()).hasSize(2);
    assertThat(plan.goalSeeks().get(0).isProbability()).isTrue();
    assertThat(plan.goalSeeks().get(0).level()).isEqualTo(0.5);
    assertThat(plan.goalSeeks().get(1).statistic()).isEqualTo(Statistic.MEDIAN);
    assertThat(plan.goalSeeks().get(1).level()).isEqualTo(5.2e10);
    assertThat(plan.frontier().probability()).isEqualTo(0.8);
    assertThat(plan.frontier().cost().measure()).isEqualTo(Measure.CHANGE_VS_BASELINE);
    assertThat(plan.frontier().lowestIsBest()).isFalse();
  }

  @Test
  void everyProblemIsReportedAtOnceWithItsLine() {
    ModelConfig study = ConfigLoader.load(STUDY);
    String text = String.join("\n",
        "scenario: Framwork",
        "levers:",
        "  - {key: us_rate, from: 0%, to: 46%, step: 2%}",
        "  - {key: purchases_scale, from: 0, to: 5, step: 0.25}",
        "targets: [Deficit]",
        "goal_seek:",
        "  - {name: g, lever: us_transship_rate_vn, target: Deficit, probability: 1.5}",
        "frontier: {target: Deficit, probability: 0.8, cost: {metric: imports_from_partner, window: final_year,"
            + " measure: change_vs_baseline}, best: cheapest}",
        "");
    ConfigException e = catchThrowableOfType(ConfigException.class,
        () -> ConfigLoader.loadExplore(study, "explore.yml", text));

    List<String> lines = e.problems().stream().map(p -> p.file() + ":" + p.line() + " " + p.field()).toList();
    // paths number list items from 1, as the loader's other files do
    assertThat(lines).containsExactly(
        "explore.yml:1 scenario",                 // Framwork: not a scenario (did you mean Framework?)
        "explore.yml:3 levers[1].key",            // us_rate: not a lever
        "explore.yml:4 levers[2].to",             // 5 is outside purchases_scale's range [0, 3]
        "explore.yml:5 targets[1]",               // not a target name
        "explore.yml:7 goal_seek[1].lever",       // a lever, but not one of the swept ones
        "explore.yml:7 goal_seek[1].target",
        "explore.yml:7 goal_seek[1].probability", // 1.5 is no probability
        "explore.yml:8 frontier.target",
        "explore.yml:8 frontier.best");           // cheapest: neither lowest nor highest
    String all = e.getMessage();
    assertThat(all).contains("did you mean Framework?")
        .contains("within [0, 3]").contains("one of the swept levers").contains("strictly between 0 and 1")
        .contains("lowest or highest");
  }
}
