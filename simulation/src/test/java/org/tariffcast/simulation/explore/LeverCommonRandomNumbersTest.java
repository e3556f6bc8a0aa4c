package org.tariffcast.simulation.explore;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.tariffcast.model.config.ConfigLoader;
import org.tariffcast.model.config.ModelConfig;
import org.tariffcast.model.result.KpiStatistics;
import org.tariffcast.model.result.Measure;
import org.tariffcast.model.result.Metric;
import org.tariffcast.model.result.RunResult;
import org.tariffcast.model.result.Window;
import org.tariffcast.simulation.PartialResult;
import org.tariffcast.simulation.ProjectionEngine;
import org.tariffcast.simulation.TrialProgress;
import org.tariffcast.simulation.fixtures.Results;

/**
 * A grid point is the study with levers moved (levers.yml): it runs on the same trials as the
 * study itself (common random numbers), so a point at the levers' defaults reproduces the
 * study's statistics exactly, scenarios that use no lever do not move at all, and per trial
 * the US imports from Vietnam fall as the US rate on Vietnam rises.
 */
class LeverCommonRandomNumbersTest {
  static final Path STUDY = Path.of("..", "config", "us-vietnam-2025");
  static final long SEED = 20251201;

  static RunResult run(ModelConfig c, long trials, long seed) {
    ModelConfig config = c.withRun(c.run().withTrials(trials).withSeed(seed));
    ProjectionEngine engine = ProjectionEngine.of(config);
    PartialResult all = engine.simulate(0, trials, 2, TrialProgress.NONE);
    return Results.finish(engine, all);
  }

  static ModelConfig at(ModelConfig base, Map<String, Double> levers) {
    return ConfigLoader.load(ConfigLoader.withLevers(base.snapshot(), levers));
  }

  static List<String> kpisOf(RunResult r, String scenario) {
    return r.kpis().stream().filter(k -> k.key().scenario().equals(scenario)).map(KpiStatistics::toString).toList();
  }

  static double importsFromVietnam(RunResult r, String scenario) {
    return r.kpis().stream().filter(k -> k.key().scenario().equals(scenario)
        && k.key().metric() == Metric.IMPORTS_FROM_PARTNER && k.key().breakdown().equals("total")
        && k.key().window() == Window.FINAL_YEAR && k.key().measure() == Measure.LEVEL)
        .findFirst().orElseThrow().stats().mean();
  }

  @Test
  void aGridPointAtTheDefaultsReproducesTheStudyAndOtherScenariosDoNotMove() {
    ModelConfig base = ConfigLoader.load(STUDY);
    RunResult study = run(base, 8, SEED);
    RunResult same = run(at(base, Map.of("us_rate_vn", 0.2, "purchases_scale", 1.0)), 8, SEED);
    RunResult higher = run(at(base, Map.of("us_rate_vn", 0.3)), 8, SEED);

    assertThat(kpisOf(study, "Framework")).isNotEmpty();
    assertThat(kpisOf(same, "Framework")).isEqualTo(kpisOf(study, "Framework"));
    assertThat(same.targets()).isEqualTo(study.targets());
    // No deal and Mutually low use no lever: the same trials give the same numbers at any us_rate_vn
    assertThat(kpisOf(higher, "No deal")).isEqualTo(kpisOf(study, "No deal"));
    assertThat(kpisOf(higher, "Mutually low")).isEqualTo(kpisOf(study, "Mutually low"));
    assertThat(kpisOf(higher, "Framework")).isNotEqualTo(kpisOf(study, "Framework"));
  }

  @Test
  void perTrialUsImportsFromVietnamFallAsTheUsRateRises() {
    ModelConfig base = ConfigLoader.load(STUDY);
    double[] rates = {0.0, 0.2, 0.46};
    for (long seed = 1; seed <= 3; seed++) {
      double previous = Double.POSITIVE_INFINITY;
      for (double rate : rates) {
        // one trial per run: the mean is that trial's value, the same trial at every rate
        double imports = importsFromVietnam(run(at(base, Map.of("us_rate_vn", rate)), 1, seed), "Framework");
        assertThat(imports).as("seed %d, US rate %s", seed, rate).isLessThan(previous);
        previous = imports;
      }
    }
  }
}
