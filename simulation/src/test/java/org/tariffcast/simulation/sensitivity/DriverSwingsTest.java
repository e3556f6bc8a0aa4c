package org.tariffcast.simulation.sensitivity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.tariffcast.model.distribution.Normal;
import org.tariffcast.model.distribution.Parameter;
import org.tariffcast.model.distribution.RankCorrelation;
import org.tariffcast.model.distribution.Uniform;
import org.tariffcast.model.run.SamplingMethod;
import org.tariffcast.simulation.sampling.ParameterDraws;

/**
 * Swings worked by hand: a KPI linear in one uniform parameter swings by 0.9 x range x slope
 * between its top and bottom tenth; a block of rank-correlated parameters is one driver whose
 * swing follows from the normal distribution's tail mean.
 */
class DriverSwingsTest {
  /** phi(z) / 0.1 at z = Phi^-1(0.9) = 1.2815516: the mean of a standard normal above its 90th percentile. */
  static final double TAIL_MEAN = 1.7549833;

  @Test
  void aLinearKpiOfAUniformParameterSwingsByNineTenthsOfItsRangeTimesTheSlope() {
    // u = (i + 0.5) / 1000: the bottom tenth is i < 100 (mean u 0.05), the top i >= 900 (mean u 0.95)
    int n = 1000;
    double[] u = new double[n];
    double[] kpi = new double[n];
    for (int i = 0; i < n; i++) {
      u[i] = (i + 0.5) / n;
      double x = 2 + 6 * u[i];           // uniform(2, 8): range 6
      kpi[i] = 1e9 - 3.5e8 * x;          // USD 0.35 bn less per unit of x
    }
    double[] s = DriverSwings.swing(u, kpi);
    assertThat(s[3]).isEqualTo(100);
    assertThat(s[4]).isEqualTo(100);
    assertThat(s[1] - s[0]).isCloseTo(0.9 * 6 * -3.5e8, within(1e-3));
  }

  @Test
  void throughTheDrawsOfARunAUniformParameterGivesTheSameSwingWithinItsStandardError() {
    List<Parameter> params = List.of(Parameter.of("a", Uniform.of(2, 8)), Parameter.of("b", Uniform.of(0, 1)));
    ParameterDraws draws = ParameterDraws.of(params, List.of(), SamplingMethod.RANDOM, 20251202L, 4096);
    List<DriverSwings.Driver> drivers = DriverSwings.drivers(List.of("a", "b"), List.of());
    assertThat(drivers).extracting(DriverSwings.Driver::key).containsExactly("a", "b");
    int n = 4096;
    double[] u = new double[n];
    double[] kpi = new double[n];
    double[] value = new double[2];
    double[] unit = new double[2];
    ParameterDraws.Worker w = draws.worker();
    for (int i = 0; i < n; i++) {
      w.draw(i, value);
      w.unitPoint(i, unit);
      u[i] = drivers.get(0).draw(unit);
      kpi[i] = -3.5e8 * value[0];
    }
    double[] s = DriverSwings.swing(u, kpi);
    // within a tenth x is uniform over 0.6: sd 0.6 / sqrt(12) x 3.5e8; ~410 trials in each tenth
    double se = 0.6 / Math.sqrt(12) * 3.5e8 * Math.sqrt(1 / s[3] + 1 / s[4]);
    assertThat(s[1] - s[0]).isCloseTo(0.9 * 6 * -3.5e8, within(4 * se));
  }

  @Test
  void aCorrelatedBlockCountsOnceAndSwingsByItsNormalTail() {
    // a-b and b-c correlated (c-a not listed: independent): one block {a, b, c}; d on its own
    List<Parameter> params = List.of(Parameter.of("a", Normal.of(0, 1)), Parameter.of("b", Normal.of(0, 1)),
        Parameter.of("c", Normal.of(0, 1)), Parameter.of("d", Normal.of(0, 1)));
    List<RankCorrelation> rc = List.of(RankCorrelation.of("a", "b", 0.6), RankCorrelation.of("c", "b", 0.6));
    List<DriverSwings.Driver> drivers = DriverSwings.drivers(List.of("a", "b", "c", "d"), rc);
    assertThat(drivers).extracting(DriverSwings.Driver::key).containsExactly("d", "group:a");
    assertThat(drivers.get(1).members()).containsExactly("a", "b", "c");
    // normal correlation r = 2 sin(0.6 pi / 6) = 0.618034; var(za + zb + zc) = 3 + 2 (2 r)
    double r = 2 * Math.sin(0.1 * Math.PI);
    double sd = Math.sqrt(3 + 4 * r);
    assertThat(drivers.get(1).sd()).isCloseTo(sd, within(1e-12));

    int n = 20000;
    ParameterDraws draws = ParameterDraws.of(params, rc, SamplingMethod.RANDOM, 77L, n);
    ParameterDraws.Worker w = draws.worker();
    double[] value = new double[4];
    double[] unit = new double[4];
    double[] block = new double[n];
    double[] single = new double[n];
    double[] kpi = new double[n];
    for (int i = 0; i < n; i++) {
      w.draw(i, value);
      w.unitPoint(i, unit);
      block[i] = drivers.get(1).draw(unit);
      single[i] = drivers.get(0).draw(unit);
      kpi[i] = value[0] + value[1] + value[2];  // the block's sum: sd * Z
    }
    double[] s = DriverSwings.swing(block, kpi);
    // top tenth of sd * Z: mean sd * TAIL_MEAN; bottom: minus that. Within a tenth the variance of
    // Z is 1 + z90 * TAIL_MEAN - TAIL_MEAN^2 = 0.16909
    double within = sd * Math.sqrt(1 + 1.2815516 * TAIL_MEAN - TAIL_MEAN * TAIL_MEAN);
    double se = within * Math.sqrt(1 / s[3] + 1 / s[4]);
    assertThat(s[1] - s[0]).isCloseTo(2 * sd * TAIL_MEAN, within(4 * se));
    // d is independent of the block: no swing beyond noise (the KPI's sd is sd)
    double[] d = DriverSwings.swing(single, kpi);
    assertThat(d[1] - d[0]).isCloseTo(0, within(4 * sd * Math.sqrt(1 / d[3] + 1 / d[4])));
  }

  @Test
  void theEngineRecordsEverySensitivityKpisDriversWithTheDefaultStudysElasticityBlockOnce() throws Exception {
    // config/us-vietnam-2025/parameters.yml: rank correlation 0.7 between every pair of the twelve substitution
    // elasticities es_AGRI ... es_WOOD (the twelve sectors of ~97 % of Vietnam's US-bound exports)
    var config = org.tariffcast.model.config.ConfigLoader.load(java.nio.file.Path.of("..", "config", "us-vietnam-2025"));
    config = config.withRun(config.run().withTrials(64));
    var engine = org.tariffcast.simulation.ProjectionEngine.of(config);
    var all = engine.simulate(0, 64, 1, org.tariffcast.simulation.TrialProgress.NONE);
    var result = org.tariffcast.simulation.fixtures.Results.finish(engine, all);
    List<String> elasticities = List.of("es_AGRI", "es_APPAREL", "es_ELEC", "es_FOOTWEAR", "es_FURN", "es_MACH",
        "es_METAL", "es_OTHER", "es_PLASTIC", "es_SEMI", "es_TEXTILE", "es_WOOD");
    int parameters = config.uncertainParameters().size();
    var kpis = result.sensitivity().stream().map(org.tariffcast.model.result.Sensitivity::kpi).distinct().toList();
    assertThat(kpis).isNotEmpty();
    for (var kpi : kpis) {
      var drivers = result.swings().stream().filter(s -> s.kpi().equals(kpi)).toList();
      // the block's twelve members count once: parameters - 12 + 1 drivers
      assertThat(drivers).as("drivers of %s", kpi).hasSize(parameters - 11);
      var block = drivers.stream().filter(org.tariffcast.model.result.DriverSwing::isGroup).toList();
      assertThat(block).hasSize(1);
      assertThat(block.get(0).driver()).isEqualTo("group:es_AGRI");
      assertThat(block.get(0).members()).containsExactlyElementsOf(elasticities);
      assertThat(drivers).noneMatch(d -> !d.isGroup() && elasticities.contains(d.driver()));
      // 64 trials: a tenth of the draws each side, about 6 trials
      assertThat(block.get(0).lowTrials() + block.get(0).highTrials()).isBetween(6L, 20L);
    }
  }

  @Test
  void aDriversGroupsAreItsTrialsBelowOneTenthAndFromNineTenthsInTrialOrder() {
    double[] u = {0.95, 0.05, 0.5, 0.9, 0.0999, 0.1, 0.8999, 0.01, 0.99};
    DriverSwings.Groups g = DriverSwings.groups(u);
    assertThat(g.low()).containsExactly(1, 4, 7);
    assertThat(g.high()).containsExactly(0, 3, 8);
    // low mean (2 + 4 + 6) / 3 = 4, high mean (1 + 3 + 8) / 3 = 4; the middle trials do not count
    double[] kpi = {1, 2, 100, 3, 4, 100, 100, 6, 8};
    double[] s = DriverSwings.swing(g, kpi);
    assertThat(s[0]).isEqualTo(4.0);
    assertThat(s[1]).isEqualTo(4.0);
    assertThat(s[3]).isEqualTo(3);
    assertThat(s[4]).isEqualTo(3);
    // squared deviations sum to 4 + 0 + 4 = 8 (low) and 9 + 1 + 16 = 26 (high): se = sqrt(8/2/3 + 26/2/3)
    assertThat(s[2]).isCloseTo(Math.sqrt(17.0 / 3), within(1e-15));
  }
}
