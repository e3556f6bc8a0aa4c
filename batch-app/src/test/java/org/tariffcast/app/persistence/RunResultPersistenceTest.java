package org.tariffcast.app.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;
import org.tariffcast.app.support.Postgres;
import org.tariffcast.app.support.Studies;
import org.tariffcast.app.support.Workspace;
import org.tariffcast.model.config.ConfigLoader;
import org.tariffcast.model.config.ModelConfig;
import org.tariffcast.model.result.CentralCase;
import org.tariffcast.model.result.ConvergencePoint;
import org.tariffcast.model.geo.Sector;
import org.tariffcast.model.result.DomainWarning;
import org.tariffcast.model.result.EquilibriumTable;
import org.tariffcast.model.result.Indicator;
import org.tariffcast.model.result.KpiKey;
import org.tariffcast.model.result.KpiStatistics;
import org.tariffcast.model.result.KpiValue;
import org.tariffcast.model.result.Measure;
import org.tariffcast.model.result.Metric;
import org.tariffcast.model.result.ParameterLabel;
import org.tariffcast.model.result.Percentiles;
import org.tariffcast.model.result.RunInfo;
import org.tariffcast.model.result.RunResult;
import org.tariffcast.model.result.ScenarioInfo;
import org.tariffcast.model.result.Sensitivity;
import org.tariffcast.model.result.SeriesKey;
import org.tariffcast.model.result.SeriesStatistics;
import org.tariffcast.model.result.Statistics;
import org.tariffcast.model.result.StudyDescription;
import org.tariffcast.model.result.TargetDescription;
import org.tariffcast.model.result.TargetProbability;
import org.tariffcast.model.result.Welfare;
import org.tariffcast.model.result.Window;
import org.tariffcast.model.run.SamplingMethod;
import org.tariffcast.model.run.SolverKind;
import org.tariffcast.model.run.Target;
import org.tariffcast.model.time.Horizon;
import org.tariffcast.model.time.YearQuarter;

/**
 * A {@link RunResult} with every part filled (awkward numbers included) survives being stored
 * and read back: {@code equals} the original, on H2 and on PostgreSQL. Storing it twice leaves
 * one copy.
 */
class RunResultPersistenceTest {
  @TempDir
  Path tmp;

  /** H2 keeps every double exactly but the sign of zero: -0.0 comes back as 0.0, numerically equal. */
  @Test
  void runResultSurvivesPersistAndReloadOnH2() {
    roundTrip(Workspace.h2(tmp), (reloaded, original) -> assertThat(reloaded).usingRecursiveComparison()
        .withComparatorForType(RunResultPersistenceTest::sameDouble, Double.class).isEqualTo(original));
  }

  @Test
  void runResultSurvivesPersistAndReloadOnPostgres() throws Exception {
    try (Postgres.Schema schema = Postgres.freshSchema()) {
      roundTrip(Workspace.postgres(tmp, schema), (reloaded, original) -> assertThat(reloaded).isEqualTo(original));
    }
  }

  /**
   * A run stored before descriptions were (no perspective, no description rows) reads back
   * with the description of its configuration snapshot: the GSIM study's names, its target in
   * words, and the headline indicators the engine records, imports from the partner first.
   */
  @Test
  void aRunStoredBeforeDescriptionsGetsOneFromItsSnapshot() {
    RunResult original = sample(4343);
    try (ConfigurableApplicationContext ctx = Workspace.h2(tmp).context(false)) {
      RunRepository runs = ctx.getBean(RunRepository.class);
      ResultRepository results = ctx.getBean(ResultRepository.class);
      runs.create(4343, 1, "cli", null, null, "/somewhere", "", "test:1");
      results.save(original);
      var jdbc = ctx.getBean(org.springframework.jdbc.core.JdbcTemplate.class);
      jdbc.update("UPDATE projection_run SET perspective = NULL WHERE run_id = 4343");
      for (String t : List.of("run_region", "run_sector", "run_parameter", "run_target", "run_headline")) {
        jdbc.update("DELETE FROM " + t + " WHERE run_id = 4343");
      }

      StudyDescription d = results.load(4343).description();

      assertThat(d.regions()).extracting(r -> r.code() + "=" + r.name()).containsExactly("US=United States",
          "JP=Japan", "EU=European Union", "RW=Rest of world");
      assertThat(d.sectors()).extracting(s -> s.code() + "=" + s.name()).containsExactly("IND=The example industry");
      assertThat(d.perspective()).isEqualTo("US");
      assertThat(d.scenarios()).isEqualTo(original.scenarios());
      assertThat(d.parameters()).isEmpty(); // the example has no uncertain parameter
      assertThat(d.targets()).singleElement().satisfies(t -> {
        assertThat(t.rule()).isEqualTo("imports_from_partner/total/final_year/pct_change_vs_baseline >= 0.5");
        assertThat(t.words()).isEqualTo(
            "United States imports from European Union rise by at least 50 % in the final year vs baseline");
      });
      assertThat(d.headlines()).first().isEqualTo(Indicator.of(Metric.IMPORTS_FROM_PARTNER, KpiKey.TOTAL,
          Window.FINAL_YEAR, Measure.CHANGE_VS_BASELINE));
      assertThat(d.headlines()).extracting(Indicator::id).contains("welfare/US/horizon/level",
          "welfare/EU/horizon/level", "bilateral_balance/total/horizon/change_vs_baseline");
    }
  }

  static int sameDouble(Double a, Double b) {
    return a.doubleValue() == 0 && b.doubleValue() == 0 ? 0 : Double.compare(a, b);
  }

  private void roundTrip(Workspace ws, java.util.function.BiConsumer<RunResult, RunResult> equal) {
    RunResult original = sample(4242);
    try (ConfigurableApplicationContext ctx = ws.context(false)) {
      RunRepository runs = ctx.getBean(RunRepository.class);
      ResultRepository results = ctx.getBean(ResultRepository.class);
      runs.create(4242, 1, "cli", null, null, "/somewhere", "", "test:1");
      results.save(original);
      equal.accept(results.load(4242), original);
      results.save(original);
      RunResult again = results.load(4242);
      equal.accept(again, original);
      assertThat(again.centralCase().tables().get(0).flowsAfter()).isEqualTo(original.centralCase().tables().get(0)
          .flowsAfter());
      assertThat(ws.jdbc().queryForObject("SELECT COUNT(*) FROM kpi_statistics WHERE run_id = 4242", Integer.class))
          .isEqualTo(original.kpis().size());
      assertThat(ws.jdbc().queryForObject("SELECT COUNT(*) FROM series_statistics", Integer.class))
          .isEqualTo(original.series().size());
      assertThat(ws.jdbc().queryForObject("SELECT COUNT(*) FROM domain_warning WHERE run_id = 4242", Integer.class))
          .isEqualTo(2);
    }
  }

  /** Every list non-empty, values that are hard to store exactly (tiny, huge, negative, -0.0, NaN). */
  static RunResult sample(long runId) {
    ModelConfig config = ConfigLoader.load(Studies.GSIM);
    KpiKey imports = KpiKey.of("US-EU FTA", Metric.IMPORTS_FROM_PARTNER, KpiKey.TOTAL, Window.FINAL_YEAR,
        Measure.PCT_CHANGE_VS_BASELINE);
    KpiKey welfare = KpiKey.of("Outlook", Metric.WELFARE, "EU", Window.HORIZON, Measure.CHANGE_VS_BASELINE);
    Statistics a = new Statistics(1000, 0.1 + 0.2, Math.PI / 7, 1e-300, -0.0, 1.7976931348623157e308,
        new Percentiles(-3.5, -2.25, -1e-9, 0.0, 1.0 / 3, 2.5, 2.5), 0.01);
    Statistics b = new Statistics(0, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN,
        new Percentiles(Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN), 0);
    Statistics c = new Statistics(7, -123456789.123456789, 4.9e-324, 2.220446049250313e-16, -1e12, 1e12,
        new Percentiles(-1e12, -5e11, -1, 0, 1, 5e11, 1e12), 0);
    List<SeriesStatistics> series = List.of(
        SeriesStatistics.of(SeriesKey.of("US-EU FTA", Metric.IMPORTS_FROM_PARTNER, "IND", YearQuarter.of(2004, 1)), a),
        SeriesStatistics.of(SeriesKey.of("Baseline", Metric.TARIFF_REVENUE, KpiKey.TOTAL, YearQuarter.of(2005, 4)), c),
        SeriesStatistics.of(SeriesKey.of("Outlook", Metric.HOME_IMPORTS_BY_SOURCE, "JP", YearQuarter.of(2004, 3)), b));
    Map<String, Map<String, Double>> before = new LinkedHashMap<>();
    before.put("US", Map.of("JP", 50e6, "EU", 200e6));
    before.put("EU", Map.of("US", 300e6, "EU", 200e6));
    Map<String, Map<String, Double>> after = new LinkedHashMap<>();
    after.put("US", Map.of("JP", 48.5e6, "EU", 261.123e6));
    after.put("EU", Map.of("US", 377.77e6));
    EquilibriumTable table = new EquilibriumTable("US-EU FTA", "FTA in force", "IND", List.of("US", "JP", "EU", "RW"),
        Map.of("US", 0.0792, "JP", -0.0316, "EU", 0.048, "RW", -0.0184), before, after,
        Map.of("US", Welfare.of(-1.5e6, 2.25e6, -3e6), "EU", new Welfare(1, 2, 3, 6.000000000000001)));
    RunInfo info = new RunInfo(runId, config.name(), config.title(), config.home(), config.partner(),
        config.snapshot().sha256(), -20030421L, 1000, SamplingMethod.LHS, SolverKind.CES,
        Horizon.of(YearQuarter.of(2004, 1), 8), 2003, Instant.parse("2026-11-23T02:00:00.123Z"),
        Instant.parse("2026-11-23T02:03:04.567Z"), Map.of("tariffcast", "0.1.0", "java", "17.0.15"));
    List<ScenarioInfo> scenarios = List.of(
        new ScenarioInfo("US-EU FTA", 1, "The US and the EU drop their tariffs; 'quotes' and ünïcode"),
        new ScenarioInfo("Baseline", 0, ""), new ScenarioInfo("Outlook", 1, ""));
    StudyDescription description = new StudyDescription(config.name(), config.title(), config.home(),
        config.partner(), "EU", config.baseYear(), config.regions(),
        List.of(Sector.of("IND", "The example industry", "84", "8471"), Sector.of("NOHS", "No HS codes", List.of())),
        scenarios,
        List.of(ParameterLabel.of("Es.IND.US", "Substitution elasticity, the example industry, 'US'",
            "triangular(1, 2.5, 1e9)")),
        List.of(TargetDescription.of(new Target("US imports from the EU rise by half", Metric.IMPORTS_FROM_PARTNER,
            KpiKey.TOTAL, Window.FINAL_YEAR, Measure.PCT_CHANGE_VS_BASELINE, Target.Comparison.GE, 0.1 + 0.4),
            "United States imports from European Union rise by at least 50 % in the final year vs baseline"),
            TargetDescription.of(new Target("Welfare", Metric.WELFARE, "EU", Window.HORIZON, Measure.LEVEL,
                Target.Comparison.LT, -1.7976931348623157e308), "ünïcode words")),
        List.of(Indicator.of(Metric.BILATERAL_BALANCE, KpiKey.TOTAL, Window.FINAL_YEAR, Measure.CHANGE_VS_BASELINE),
            Indicator.of(Metric.WELFARE, "JP", Window.HORIZON, Measure.LEVEL)),
        List.of(org.tariffcast.model.result.Benchmark.of("US-EU FTA", Indicator.of(imports), -0.19, -0.19,
                "A 'published' estimate, ünïcode", ""),
            org.tariffcast.model.result.Benchmark.of("Outlook", Indicator.of(welfare), -1e-300, 1.7976931348623157e308,
                "A range", "a note")));
    return new RunResult(info, scenarios,
        List.of(KpiStatistics.of(imports, a), KpiStatistics.of(welfare, c), KpiStatistics.of(imports.forScenario(
            "Baseline"), b)),
        series,
        List.of(new TargetProbability("US imports from the EU rise by half", "US-EU FTA", 0.25, 0.2, 0.3, 1000),
            new TargetProbability("US imports from the EU rise by half", "Outlook", 0, 0, 0.0038, 1000)),
        List.of(new Sensitivity(imports, "Es.IND.US", -0.87, 1000), new Sensitivity(welfare, "dynamics.half_life", 1.0,
            1000)),
        List.of(new ConvergencePoint(imports, 500, 0.31, 0.02), new ConvergencePoint(imports, 1000, 0.3, 0.014)),
        new CentralCase(List.of(table), List.of(new KpiValue(imports, 0.52), new KpiValue(welfare, -1e-7))),
        config.sources(), config.snapshot(), description,
        List.of(DomainWarning.of(DomainWarning.Kind.NEGATIVE_FLOW, "US-EU FTA", "FTA in force", "IND", 999, 1000),
            DomainWarning.of(DomainWarning.Kind.SLOW_CONVERGENCE, "US-EU FTA", "FTA in force", "IND", 1, 1000)),
        List.of(org.tariffcast.model.result.DriverRerun.of("substitution_half", "half", imports, 1000, 0.1 + 0.2,
                -0.0, -1e-9, 1.7976931348623157e308),
            org.tariffcast.model.result.DriverRerun.of("import_demand_p10", "ünïcode", welfare, 7, Double.NaN,
                Double.NaN, -3.5, 2.5)),
        List.of(org.tariffcast.model.result.DriverSwing.of(imports, "Es.IND.US", List.of("Es.IND.US"), -2.5e9, 1.25e9,
                3.1e7, 100, 99),
            org.tariffcast.model.result.DriverSwing.of(welfare, "group:Em.IND.EU", List.of("Em.IND.EU", "Em.IND.JP",
                "Em.IND.US"), Double.NaN, 0.1 + 0.2, Double.NaN, 0, 1)));
  }
}
