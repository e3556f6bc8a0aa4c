package org.tariffcast.simulation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.tariffcast.model.result.ConvergencePoint;
import org.tariffcast.model.result.KpiStatistics;
import org.tariffcast.model.result.Measure;
import org.tariffcast.model.result.Metric;
import org.tariffcast.model.result.RunResult;
import org.tariffcast.model.result.ScenarioInfo;
import org.tariffcast.model.result.Sensitivity;
import org.tariffcast.model.result.Statistics;
import org.tariffcast.model.result.TargetProbability;
import org.tariffcast.model.result.Window;
import org.tariffcast.model.run.PrecisionTarget;
import org.tariffcast.model.run.RunSettings;
import org.tariffcast.model.run.SamplingMethod;
import org.tariffcast.model.run.SolverKind;
import org.tariffcast.simulation.fixtures.Results;
import org.tariffcast.simulation.fixtures.Studies;
import org.tariffcast.simulation.statistics.Wilson;

/** The shape of a run's results, and the statistics that are derived from others. */
class StatisticsOutputTest {
  static final long N = 600;
  static final ProjectionEngine ENGINE = ProjectionEngine.of(Studies.vietnam(N, 17, SamplingMethod.LHS, SolverKind.CES));
  static final RunResult RESULT = Results.run(ENGINE, N);

  @Test
  void resultsListEveryScenarioThenBaselineThenOutlook() {
    assertThat(RESULT.scenarios().stream().map(ScenarioInfo::name).toList())
        .containsExactly("Framework 20/40", "No deal 46%", "Zero for zero", "Baseline", "Outlook");
    assertThat(RESULT.info().trials()).isEqualTo(N);
    assertThat(RESULT.info().configSha256()).isEqualTo(ENGINE.config().snapshot().sha256());
    assertThat(RESULT.centralCase().tables()).hasSize((2 + 2 + 1) * 5); // regimes x sectors
    Set<Metric> metrics = RESULT.series().stream().map(s -> s.key().metric()).collect(Collectors.toSet());
    assertThat(metrics).containsExactlyInAnyOrder(Metric.values());
    // 5 blocks x (4 metrics x (total + 5 sectors) + balance + 3 sources + 4 regions) x 12 quarters
    assertThat(RESULT.series()).hasSize(5 * (4 * 6 + 1 + 3 + 4) * 12);
    assertThat(RESULT.kpis()).allSatisfy(k -> assertThat(k.stats().count()).isEqualTo(N));
  }

  @Test
  void seriesPercentilesCarryTheCoarseBoundAndKpisTheFineOne() {
    // 600 trials: every sketch is bucketed; series points at 2^-6 (1.56 %), KPIs at 2^-8 (0.39 %)
    assertThat(RESULT.series()).allSatisfy(s -> assertThat(s.stats().percentileError())
        .isEqualTo(org.tariffcast.simulation.statistics.QuantileSketch.COARSE_RELATIVE_ERROR).isEqualTo(1.0 / 32));
    assertThat(RESULT.kpis()).allSatisfy(k -> assertThat(k.stats().percentileError())
        .isEqualTo(org.tariffcast.simulation.statistics.QuantileSketch.RELATIVE_ERROR).isEqualTo(1.0 / 256));
  }

  @Test
  void kpisOfChangesAreDifferencesOfTheSameTrials() {
    for (String scenario : List.of("Framework 20/40", "No deal 46%", "Outlook")) {
      Statistics level = Results.kpi(RESULT, scenario, Metric.EXPORTS_TO_PARTNER, "total", Window.HORIZON, Measure.LEVEL);
      Statistics base = Results.kpi(RESULT, "Baseline", Metric.EXPORTS_TO_PARTNER, "total", Window.HORIZON,
          Measure.LEVEL);
      Statistics change = Results.kpi(RESULT, scenario, Metric.EXPORTS_TO_PARTNER, "total", Window.HORIZON,
          Measure.CHANGE_VS_BASELINE);
      assertThat(change.mean()).isCloseTo(level.mean() - base.mean(), within(1e-6 * Math.abs(level.mean())));
    }
    Statistics baselineChange = Results.kpi(RESULT, "Baseline", Metric.BILATERAL_BALANCE, "total", Window.FINAL_YEAR,
        Measure.PCT_CHANGE_VS_BASELINE);
    assertThat(baselineChange.min()).isZero();
    assertThat(baselineChange.max()).isZero();
  }

  @Test
  void targetProbabilitiesCarryWilsonIntervals() {
    assertThat(RESULT.targets()).hasSize(2 * 5);
    for (TargetProbability t : RESULT.targets()) {
      long hits = Math.round(t.probability() * N);
      double[] ci = Wilson.interval95(hits, N);
      assertThat(t.ciLow()).isEqualTo(ci[0]);
      assertThat(t.ciHigh()).isEqualTo(ci[1]);
      assertThat(t.trials()).isEqualTo(N);
    }
    // the 46 % tariff cuts imports from Vietnam by more than 10 % in every trial of this study
    TargetProbability fall = RESULT.targets().stream()
        .filter(t -> t.target().startsWith("Imports") && t.scenario().equals("No deal 46%")).findFirst().orElseThrow();
    assertThat(fall.probability()).isEqualTo(1.0);
    double kpiMax = Results.kpi(RESULT, "No deal 46%", Metric.IMPORTS_FROM_PARTNER, "total", Window.FINAL_YEAR,
        Measure.PCT_CHANGE_VS_BASELINE).max();
    assertThat(kpiMax).isLessThanOrEqualTo(-0.10);
  }

  @Test
  void convergencePointsSitAtPowersOfTwoAndTheEndWhichIsTheFinalStatistic() {
    List<ConvergencePoint> c = RESULT.convergence();
    Set<Long> at = c.stream().map(ConvergencePoint::trials).collect(Collectors.toSet());
    assertThat(at).containsExactlyInAnyOrder(2L, 4L, 8L, 16L, 32L, 64L, 128L, 256L, 512L, N);
    for (ConvergencePoint p : c) {
      if (p.trials() == N) {
        Statistics s = RESULT.kpis().stream().filter(k -> k.key().equals(p.kpi())).map(KpiStatistics::stats)
            .findFirst().orElseThrow();
        assertThat(p.mean()).isEqualTo(s.mean());
        assertThat(p.standardError()).isEqualTo(s.standardError());
      }
    }
  }

  @Test
  void sensitivityRanksTheDrivingParameterAndNotAnIrrelevantOne() {
    List<Sensitivity> s = RESULT.sensitivity();
    // in the final year the adjustment to 46 % is still under way: a longer half-life leaves more imports
    // (a smaller fall); Vietnam's growing electronics capacity raises its base and so the fall in USD
    Sensitivity halfLife = find(s, "No deal 46%", Metric.IMPORTS_FROM_PARTNER, "half_life");
    assertThat(halfLife.rankCorrelation()).isGreaterThan(0.4);
    assertThat(halfLife.trials()).isEqualTo(N);
    assertThat(find(s, "No deal 46%", Metric.IMPORTS_FROM_PARTNER, "capacity.ELEC.VN").rankCorrelation())
        .isLessThan(-0.2);
    // aircraft fulfilment does not enter the no-deal scenario at all
    Sensitivity boeing = find(s, "No deal 46%", Metric.IMPORTS_FROM_PARTNER, "boeing_fulfilment");
    assertThat(Math.abs(boeing.rankCorrelation())).isLessThan(4.5 / Math.sqrt(N - 1));
    // ... but it drives exports to Vietnam in the framework
    assertThat(find(s, "Framework 20/40", Metric.EXPORTS_TO_PARTNER, "boeing_fulfilment").rankCorrelation())
        .isGreaterThan(0.1);
  }

  static Sensitivity find(List<Sensitivity> s, String scenario, Metric metric, String parameter) {
    return s.stream().filter(x -> x.kpi().scenario().equals(scenario) && x.kpi().metric() == metric
            && x.kpi().breakdown().equals("total") && x.kpi().window() == Window.FINAL_YEAR
            && x.kpi().measure() == Measure.CHANGE_VS_BASELINE && x.parameter().equals(parameter))
        .findFirst().orElseThrow();
  }

  @Test
  void precisionIsReachedWhenEveryHeadlineHalfWidthIsSmallEnough() {
    PartialResult soFar = ENGINE.simulate(0, 200, 2, TrialProgress.NONE);
    RunSettings run = ENGINE.config().run();
    ProjectionEngine loose = ProjectionEngine.of(ENGINE.config().withRun(new RunSettings(run.trials(), run.seed(),
        run.sampling(), run.solver(), 4, new PrecisionTarget(0.5, 1e12, 0.95, 100, 1000))));
    ProjectionEngine tight = ProjectionEngine.of(ENGINE.config().withRun(new RunSettings(run.trials(), run.seed(),
        run.sampling(), run.solver(), 4, new PrecisionTarget(1e-6, 0, 0.95, 100, 1000))));
    assertThat(loose.precisionReached(loose.simulate(0, 200, 2, TrialProgress.NONE))).isTrue();
    assertThat(tight.precisionReached(tight.simulate(0, 200, 2, TrialProgress.NONE))).isFalse();
    assertThat(ENGINE.precisionReached(soFar)).isFalse();
  }
}
