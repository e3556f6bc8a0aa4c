package org.tariffcast.simulation.explore;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.tariffcast.model.config.ConfigLoader;
import org.tariffcast.model.config.ModelConfig;
import org.tariffcast.model.explore.GridPoint;
import org.tariffcast.model.explore.PointKpi;
import org.tariffcast.model.result.KpiKey;
import org.tariffcast.model.result.KpiStatistics;
import org.tariffcast.model.result.Measure;
import org.tariffcast.model.result.Metric;
import org.tariffcast.model.result.RunResult;
import org.tariffcast.model.result.TargetProbability;
import org.tariffcast.model.result.Window;
import org.tariffcast.simulation.PartialResult;
import org.tariffcast.simulation.ProjectionEngine;
import org.tariffcast.simulation.TrialProgress;
import org.tariffcast.simulation.fixtures.Results;

/**
 * A grid point evaluates the base scenario alone ({@link ProjectionEngine#ofScenario}) on the
 * trials of a run of the whole study: its KPIs and target probabilities are bit for bit the
 * run's for that scenario, at the levers' defaults and at moved levers alike, and per trial
 * the US imports from Vietnam fall as the US rate on Vietnam rises.
 */
class ScenarioPointTest {
  static final Path STUDY = Path.of("..", "config", "us-vietnam-2025");
  static final String BASE = "Framework";

  static ModelConfig study(Map<String, Double> levers, long trials, long seed) {
    ModelConfig base = ConfigLoader.load(STUDY);
    ModelConfig c = levers.isEmpty() ? base : ConfigLoader.load(ConfigLoader.withLevers(base.snapshot(), levers));
    return c.withRun(c.run().withTrials(trials).withSeed(seed));
  }

  static GridPoint point(ModelConfig c, Map<String, Double> levers) {
    ProjectionEngine e = ProjectionEngine.ofScenario(c, BASE);
    // two partitions merged, two threads: the point is a run like any other
    long n = c.run().trials();
    PartialResult all = e.simulate(0, n / 2, 2, TrialProgress.NONE).merge(e.simulate(n / 2, n, 1, TrialProgress.NONE));
    return e.finishScenario(all, 0, levers);
  }

  static List<KpiStatistics> kpisOf(RunResult r) {
    return r.kpis().stream().filter(k -> k.key().scenario().equals(BASE)).toList();
  }

  static void assertSameAsRun(GridPoint p, RunResult run) {
    List<KpiStatistics> expected = kpisOf(run);
    assertThat(expected).hasSizeGreaterThan(100);
    assertThat(p.kpis().stream().map(k -> KpiStatistics.of(k.key(), k.stats())).toList()).isEqualTo(expected);
    List<TargetProbability> targets = run.targets().stream().filter(t -> t.scenario().equals(BASE)).toList();
    assertThat(targets).hasSize(4); // the four targets of study.yml
    assertThat(p.targets()).isEqualTo(targets);
  }

  @Test
  void thePointAtTheDefaultsIsTheRunsFrameworkBitForBit() {
    // 300 trials: beyond the sketches' 128 exact values, so bucketed percentiles are compared too
    ModelConfig c = study(Map.of(), 300, 20251202);
    RunResult run = Results.finish(ProjectionEngine.of(c), ProjectionEngine.of(c).simulate(0, 300, 2, TrialProgress.NONE));
    GridPoint p = point(c, Map.of("us_rate_vn", 0.2, "purchases_scale", 1.0));
    assertSameAsRun(p, run);
  }

  @Test
  void aPointAtMovedLeversIsTheRunOfTheStudyAtThoseLevers() {
    Map<String, Double> levers = Map.of("us_rate_vn", 0.34, "purchases_scale", 1.75);
    ModelConfig c = study(levers, 200, 7);
    RunResult run = Results.finish(ProjectionEngine.of(c), ProjectionEngine.of(c).simulate(0, 200, 1, TrialProgress.NONE));
    assertSameAsRun(point(c, levers), run);
  }

  @Test
  void theMediansIntervalHoldsTheOrderStatisticsOfTheBinomialRanks() {
    // n = 100: 50 -+ 1.96 * 10 / 2 = 50 -+ 9.8 -> ranks 40 and 61 (exact sketch: these are order statistics)
    assertThat(PointKpi.medianRanks(100)).containsExactly(40, 61);
    ModelConfig c = study(Map.of(), 100, 3);
    GridPoint p = point(c, Map.of());
    PointKpi k = p.kpi(KpiKey.of(BASE, Metric.IMPORTS_FROM_PARTNER, KpiKey.TOTAL, Window.FINAL_YEAR, Measure.LEVEL));
    assertThat(k.medianCiLow()).isLessThanOrEqualTo(k.stats().percentiles().p50());
    assertThat(k.medianCiHigh()).isGreaterThanOrEqualTo(k.stats().percentiles().p50());
    assertThat(k.medianCiLow()).isGreaterThanOrEqualTo(k.stats().percentiles().p25());
    assertThat(k.medianCiHigh()).isLessThanOrEqualTo(k.stats().percentiles().p75());
  }

  @Test
  void perTrialUsImportsFromVietnamFallAsTheUsRateRises() {
    double[] rates = {0.0, 0.1, 0.2, 0.3, 0.46};
    KpiKey imports = KpiKey.of(BASE, Metric.IMPORTS_FROM_PARTNER, KpiKey.TOTAL, Window.FINAL_YEAR, Measure.LEVEL);
    for (long seed = 1; seed <= 4; seed++) {
      double previous = Double.POSITIVE_INFINITY;
      for (double rate : rates) {
        Map<String, Double> levers = Map.of("us_rate_vn", rate);
        // one trial per point: its mean is that trial's value, the same trial at every rate
        ProjectionEngine e = ProjectionEngine.ofScenario(study(levers, 1, seed), BASE);
        GridPoint p = e.finishScenario(e.simulate(0, 1, 1, TrialProgress.NONE), 0, levers);
        double value = p.kpi(imports).stats().mean();
        assertThat(value).as("seed %d, US rate %s", seed, rate).isLessThan(previous);
        previous = value;
      }
    }
  }

  @Test
  void withoutPurchasesUsExportsToVietnamAreLowerInEveryTrial() {
    // purchases_scale 0 pledges nothing (annual values 0): the same trial exports less than at 1
    KpiKey exports = KpiKey.of(BASE, Metric.EXPORTS_TO_PARTNER, KpiKey.TOTAL, Window.FINAL_YEAR, Measure.LEVEL);
    for (long seed = 1; seed <= 3; seed++) {
      double[] value = new double[2];
      for (int k = 0; k < 2; k++) {
        Map<String, Double> levers = Map.of("purchases_scale", (double) k);
        ProjectionEngine e = ProjectionEngine.ofScenario(study(levers, 1, seed), BASE);
        value[k] = e.finishScenario(e.simulate(0, 1, 1, TrialProgress.NONE), 0, levers).kpi(exports).stats().mean();
      }
      assertThat(value[0]).as("seed %d", seed).isLessThan(value[1]);
    }
  }
}
