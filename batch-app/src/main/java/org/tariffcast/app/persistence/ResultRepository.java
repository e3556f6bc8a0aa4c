package org.tariffcast.app.persistence;

import static org.tariffcast.app.persistence.RunRepository.instant;
import static org.tariffcast.app.persistence.RunRepository.ts;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;
import org.tariffcast.model.config.ConfigLoader;
import org.tariffcast.model.config.ConfigSnapshot;
import org.tariffcast.model.config.RunComparisons;
import org.tariffcast.model.result.RunComparison;
import org.tariffcast.model.geo.Region;
import org.tariffcast.model.geo.Sector;
import org.tariffcast.model.result.Benchmark;
import org.tariffcast.model.result.CentralCase;
import org.tariffcast.model.result.DriverRerun;
import org.tariffcast.model.result.DriverSwing;
import org.tariffcast.model.result.ConvergencePoint;
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
import org.tariffcast.model.trade.DataSource;
import org.tariffcast.model.trade.Quality;
import org.tariffcast.simulation.ProjectionEngine;

/**
 * Stores a {@link RunResult} in plain tables (statistics of every KPI and series point,
 * target probabilities, sensitivity, convergence, the central case, data sources, the
 * configuration snapshot and versions, the study description) and rebuilds exactly the same {@code RunResult} from
 * them, so that a report can be rendered again for any past run. List order is kept by an
 * {@code ordinal} column.
 */
@Repository
public class ResultRepository {
  private static final List<String> RESULT_TABLES = List.of("run_scenario", "kpi_statistics", "series_statistics",
      "target_probability", "sensitivity", "convergence", "central_case_kpi", "central_case_region",
      "central_case_flow", "central_case_table", "data_source", "run_region", "run_sector", "run_parameter",
      "run_target", "run_headline", "domain_warning", "run_benchmark", "driver_rerun",
      "driver_swing");
  private static final String STATS_COLUMNS = "trials, mean, sd, standard_error, min_value, max_value, "
      + "p5, p10, p25, p50, p75, p90, p95, percentile_error";

  private final JdbcClient jdbc;
  private final JdbcTemplate template;
  private final RunRepository runs;

  public ResultRepository(JdbcClient jdbc, JdbcTemplate template, RunRepository runs) {
    this.jdbc = jdbc;
    this.template = template;
    this.runs = runs;
  }

  /**
   * Replaces whatever statistics the run had with {@code result}, in one transaction: running
   * it twice (a merge step restarted after a crash) leaves one copy.
   */
  @Transactional
  public void save(RunResult result) {
    RunInfo info = result.info();
    long id = info.runId();
    int updated = jdbc.sql("""
        UPDATE projection_run SET stage = 'statistics', study = ?, title = ?, home = ?, partner = ?,
          config_sha256 = ?, seed = ?, trials = ?, sampling = ?, solver = ?, horizon_start = ?, horizon_quarters = ?,
          base_year = ?, started_at = ?, finished_at = ?, statistics_at = ?
        WHERE run_id = ?""")
        .params(info.study(), info.title(), info.home(), info.partner(), info.configSha256(), info.seed(),
            info.trials(), info.sampling().label(), info.solver().label(), info.horizon().start().toString(),
            info.horizon().quarters(), info.baseYear(), ts(info.startedAt()), ts(info.finishedAt()),
            ts(RunRepository.now()), id)
        .update();
    if (updated != 1) {
      throw new IllegalStateException("no run " + id + " to store statistics for");
    }
    for (String table : RESULT_TABLES) {
      jdbc.sql("DELETE FROM " + table + " WHERE run_id = ?").param(id).update();
    }
    runs.replaceSnapshot(id, result.config().files());
    runs.replaceVersions(id, info.versions());

    List<ScenarioInfo> sc = result.scenarios();
    batch("INSERT INTO run_scenario (run_id, ordinal, name, probability, description) VALUES (?, ?, ?, ?, ?)",
        sc.size(), i -> new Object[] {id, i, sc.get(i).name(), sc.get(i).probability(), sc.get(i).description()});

    List<KpiStatistics> kpis = result.kpis();
    batch("INSERT INTO kpi_statistics (run_id, ordinal, scenario, metric, breakdown, time_window, measure, "
        + STATS_COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", kpis.size(),
        i -> concat(kpiKey(id, i, kpis.get(i).key()), stats(kpis.get(i).stats())));

    List<SeriesStatistics> series = result.series();
    batch("INSERT INTO series_statistics (run_id, ordinal, scenario, metric, breakdown, quarter, " + STATS_COLUMNS
        + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", series.size(), i -> {
          SeriesKey k = series.get(i).key();
          return concat(new Object[] {id, i, k.scenario(), k.metric().label(), k.breakdown(), k.quarter().toString()},
              stats(series.get(i).stats()));
        });

    List<TargetProbability> targets = result.targets();
    batch("INSERT INTO target_probability (run_id, ordinal, target, scenario, probability, ci_low, ci_high, trials) "
        + "VALUES (?, ?, ?, ?, ?, ?, ?, ?)", targets.size(), i -> {
          TargetProbability t = targets.get(i);
          return new Object[] {id, i, t.target(), t.scenario(), t.probability(), t.ciLow(), t.ciHigh(), t.trials()};
        });

    List<Sensitivity> sens = result.sensitivity();
    batch("INSERT INTO sensitivity (run_id, ordinal, scenario, metric, breakdown, time_window, measure, parameter, "
        + "rank_correlation, trials) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", sens.size(), i -> {
          Sensitivity s = sens.get(i);
          return concat(kpiKey(id, i, s.kpi()), new Object[] {s.parameter(), s.rankCorrelation(), s.trials()});
        });

    List<ConvergencePoint> conv = result.convergence();
    batch("INSERT INTO convergence (run_id, ordinal, scenario, metric, breakdown, time_window, measure, trials, mean, "
        + "standard_error) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", conv.size(), i -> {
          ConvergencePoint c = conv.get(i);
          return concat(kpiKey(id, i, c.kpi()), new Object[] {c.trials(), c.mean(), c.standardError()});
        });

    saveCentralCase(id, result.centralCase());
    saveDescription(id, result.description());
    List<DriverRerun> reruns = result.reruns();
    batch("INSERT INTO driver_rerun (run_id, ordinal, variant, words, scenario, metric, breakdown, time_window, measure, "
        + "trials, central_value, median, p5, p95) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", reruns.size(),
        i -> {
          DriverRerun r = reruns.get(i);
          Object[] k = kpiKey(id, i, r.kpi());
          return new Object[] {id, i, r.variant(), r.words(), k[2], k[3], k[4], k[5], k[6], r.trials(),
              finiteOrNull(r.centralCase()), finiteOrNull(r.median()), finiteOrNull(r.p5()), finiteOrNull(r.p95())};
        });

    List<DriverSwing> swings = result.swings();
    batch("INSERT INTO driver_swing (run_id, ordinal, scenario, metric, breakdown, time_window, measure, driver, members, "
        + "low_mean, high_mean, standard_error, low_trials, high_trials) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        swings.size(), i -> {
          DriverSwing s = swings.get(i);
          return concat(kpiKey(id, i, s.kpi()), new Object[] {s.driver(), String.join("\n", s.members()),
              finiteOrNull(s.low()), finiteOrNull(s.high()), finiteOrNull(s.standardError()), s.lowTrials(),
              s.highTrials()});
        });

    List<DataSource> sources = result.sources();
    List<DomainWarning> dw = result.domainWarnings();
    batch("INSERT INTO domain_warning (run_id, ordinal, kind, scenario, regime, sector, trials, of_trials) "
        + "VALUES (?, ?, ?, ?, ?, ?, ?, ?)", dw.size(), i -> new Object[] {id, i, dw.get(i).kind().label(),
            dw.get(i).scenario(), dw.get(i).regime(), dw.get(i).sector(), dw.get(i).trials(), dw.get(i).ofTrials()});
    batch("INSERT INTO data_source (run_id, ordinal, file_name, source, quality, row_count) VALUES (?, ?, ?, ?, ?, ?)",
        sources.size(), i -> {
          DataSource d = sources.get(i);
          return new Object[] {id, i, d.file(), d.source(), d.quality().label(), d.rows()};
        });
  }

  private void saveDescription(long id, StudyDescription d) {
    jdbc.sql("UPDATE projection_run SET perspective = ? WHERE run_id = ?").params(d.perspective(), id).update();
    List<Region> regions = d.regions();
    batch("INSERT INTO run_region (run_id, ordinal, code, name) VALUES (?, ?, ?, ?)", regions.size(),
        i -> new Object[] {id, i, regions.get(i).code(), regions.get(i).name()});
    List<Sector> sectors = d.sectors();
    batch("INSERT INTO run_sector (run_id, ordinal, code, name, hs_codes) VALUES (?, ?, ?, ?, ?)", sectors.size(),
        i -> new Object[] {id, i, sectors.get(i).code(), sectors.get(i).name(), String.join(",", sectors.get(i).hsCodes())});
    List<ParameterLabel> params = d.parameters();
    batch("INSERT INTO run_parameter (run_id, ordinal, parameter, label, distribution) VALUES (?, ?, ?, ?, ?)",
        params.size(), i -> new Object[] {id, i, params.get(i).key(), params.get(i).label(), params.get(i).distribution()});
    List<TargetDescription> targets = d.targets();
    batch("INSERT INTO run_target (run_id, ordinal, name, metric, breakdown, time_window, measure, comparison, threshold, "
        + "words) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", targets.size(), i -> {
          Target t = targets.get(i).target();
          return new Object[] {id, i, t.name(), t.metric().label(), t.breakdown(), t.window().label(),
              t.measure().label(), t.comparison().symbol(), t.threshold(), targets.get(i).words()};
        });
    List<Benchmark> benchmarks = d.benchmarks();
    batch("INSERT INTO run_benchmark (run_id, ordinal, scenario, metric, breakdown, time_window, measure, low_value, "
        + "high_value, source, note) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", benchmarks.size(), i -> {
          Benchmark b = benchmarks.get(i);
          Object[] k = kpiKey(id, i, b.key());
          return new Object[] {id, i, k[2], k[3], k[4], k[5], k[6], b.low(), b.high(), b.source(), b.note()};
        });
    List<Indicator> headlines = d.headlines();
    batch("INSERT INTO run_headline (run_id, ordinal, metric, breakdown, time_window, measure) VALUES (?, ?, ?, ?, ?, ?)",
        headlines.size(), i -> {
          Indicator h = headlines.get(i);
          return new Object[] {id, i, h.metric().label(), h.breakdown(), h.window().label(), h.measure().label()};
        });
  }

  /**
   * The stored description; for a run stored before descriptions were (no perspective), the
   * description the engine gives its configuration snapshot, loaded by the one loader.
   */
  private StudyDescription loadDescription(long runId, RunInfo info, List<ScenarioInfo> scenarios,
      ConfigSnapshot snapshot) {
    String perspective = jdbc.sql("SELECT perspective FROM projection_run WHERE run_id = ?").param(runId)
        .query(String.class).optional().orElse(null);
    if (perspective == null) {
      return ProjectionEngine.describe(ConfigLoader.load(snapshot)).withScenarios(scenarios);
    }
    List<Region> regions = jdbc.sql("SELECT code, name FROM run_region WHERE run_id = ? ORDER BY ordinal")
        .param(runId).query((rs, n) -> Region.of(rs.getString(1), rs.getString(2))).list();
    List<Sector> sectors = jdbc.sql("SELECT code, name, hs_codes FROM run_sector WHERE run_id = ? ORDER BY ordinal")
        .param(runId).query((rs, n) -> Sector.of(rs.getString(1), rs.getString(2),
            rs.getString(3).isEmpty() ? List.of() : Arrays.asList(rs.getString(3).split(",")))).list();
    List<ParameterLabel> params = jdbc.sql("SELECT parameter, label, distribution FROM run_parameter WHERE run_id = ? "
        + "ORDER BY ordinal").param(runId)
        .query((rs, n) -> ParameterLabel.of(rs.getString(1), rs.getString(2), rs.getString(3))).list();
    List<TargetDescription> targets = jdbc.sql("SELECT * FROM run_target WHERE run_id = ? ORDER BY ordinal")
        .param(runId).query((rs, n) -> TargetDescription.of(new Target(rs.getString("name"),
            Metric.parse(rs.getString("metric")), rs.getString("breakdown"), Window.parse(rs.getString("time_window")),
            Measure.parse(rs.getString("measure")), Target.Comparison.parse(rs.getString("comparison")),
            rs.getDouble("threshold")), rs.getString("words"))).list();
    List<Indicator> headlines = jdbc.sql("SELECT * FROM run_headline WHERE run_id = ? ORDER BY ordinal")
        .param(runId).query((rs, n) -> Indicator.of(Metric.parse(rs.getString("metric")), rs.getString("breakdown"),
            Window.parse(rs.getString("time_window")), Measure.parse(rs.getString("measure")))).list();
    List<Benchmark> benchmarks = jdbc.sql("SELECT * FROM run_benchmark WHERE run_id = ? ORDER BY ordinal")
        .param(runId).query((rs, n) -> Benchmark.of(rs.getString("scenario"), Indicator.of(kpiKey(rs)),
            rs.getDouble("low_value"), rs.getDouble("high_value"), rs.getString("source"), rs.getString("note"))).list();
    return new StudyDescription(info.study(), info.title(), info.home(), info.partner(), perspective, info.baseYear(),
        regions, sectors, scenarios, params, targets, headlines, benchmarks);
  }

  private void saveCentralCase(long id, CentralCase cc) {
    List<KpiValue> kv = cc.kpis();
    batch("INSERT INTO central_case_kpi (run_id, ordinal, scenario, metric, breakdown, time_window, measure, "
        + "kpi_value) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", kv.size(),
        i -> concat(kpiKey(id, i, kv.get(i).key()), new Object[] {kv.get(i).value()}));
    List<EquilibriumTable> tables = cc.tables();
    batch("INSERT INTO central_case_table (run_id, ordinal, scenario, regime, sector, regions) VALUES (?, ?, ?, ?, ?, ?)",
        tables.size(), i -> {
          EquilibriumTable t = tables.get(i);
          return new Object[] {id, i, t.scenario(), t.regime(), t.sector(), String.join(",", t.regions())};
        });
    List<Object[]> regionRows = new ArrayList<>();
    List<Object[]> flowRows = new ArrayList<>();
    for (int i = 0; i < tables.size(); i++) {
      EquilibriumTable t = tables.get(i);
      List<String> regions = new ArrayList<>(t.worldPriceChange().keySet());
      t.welfare().keySet().stream().filter(r -> !regions.contains(r)).forEach(regions::add);
      for (String r : regions) {
        Welfare w = t.welfare().get(r);
        regionRows.add(new Object[] {id, i, r, t.worldPriceChange().get(r), w == null ? null : w.consumerSurplus(),
            w == null ? null : w.producerSurplus(), w == null ? null : w.tariffRevenue(), w == null ? null : w.net()});
      }
      Map<String, Map<String, Double[]>> flows = new LinkedHashMap<>();
      t.flowsBefore().forEach((ex, m) -> m.forEach((im, v) -> flows.computeIfAbsent(ex, k -> new LinkedHashMap<>())
          .computeIfAbsent(im, k -> new Double[2])[0] = v));
      t.flowsAfter().forEach((ex, m) -> m.forEach((im, v) -> flows.computeIfAbsent(ex, k -> new LinkedHashMap<>())
          .computeIfAbsent(im, k -> new Double[2])[1] = v));
      int table = i;
      flows.forEach((ex, m) -> m.forEach((im, v) -> flowRows.add(new Object[] {id, table, ex, im, v[0], v[1]})));
    }
    batch("INSERT INTO central_case_region (run_id, table_ordinal, region, world_price_change, consumer_surplus, "
        + "producer_surplus, tariff_revenue, net_welfare) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", regionRows.size(),
        regionRows::get);
    batch("INSERT INTO central_case_flow (run_id, table_ordinal, exporter, importer, flow_before, flow_after) "
        + "VALUES (?, ?, ?, ?, ?, ?)", flowRows.size(), flowRows::get);
  }

  /**
   * What changed since the previous comparable run: the newest earlier run of the same study
   * whose statistics are stored and that did not fail, compared with {@code current}; empty when
   * there is none.
   */
  @Transactional(readOnly = true)
  public Optional<RunComparison> changedSincePrevious(RunResult current) {
    Optional<Long> previous = jdbc.sql("""
        SELECT run_id FROM projection_run
        WHERE study = ? AND run_id < ? AND statistics_at IS NOT NULL AND (status IS NULL OR status <> 'FAILED')
        ORDER BY run_id DESC FETCH FIRST 1 ROWS ONLY""")
        .params(current.info().study(), current.info().runId()).query(Long.class).optional();
    return previous.map(id -> RunComparisons.compare(load(id), current));
  }

  /** True once the run's statistics are stored. */
  public boolean hasStatistics(long runId) {
    return jdbc.sql("SELECT statistics_at FROM projection_run WHERE run_id = ?").param(runId)
        .query((rs, n) -> rs.getObject(1) != null).optional().orElse(false);
  }

  /** Rebuilds the run's result exactly as it was saved. */
  @Transactional(readOnly = true)
  public RunResult load(long runId) {
    Map<String, String> versions = runs.versions(runId);
    RunInfo info = jdbc.sql("SELECT * FROM projection_run WHERE run_id = ? AND statistics_at IS NOT NULL")
        .param(runId).query((rs, n) -> new RunInfo(runId, rs.getString("study"), rs.getString("title"),
            rs.getString("home"), rs.getString("partner"), rs.getString("config_sha256"), rs.getLong("seed"),
            rs.getLong("trials"), SamplingMethod.parse(rs.getString("sampling")),
            SolverKind.parse(rs.getString("solver")), Horizon.of(YearQuarter.parse(rs.getString("horizon_start")),
                rs.getInt("horizon_quarters")), rs.getInt("base_year"), instant(rs, "started_at"),
            instant(rs, "finished_at"), versions))
        .optional().orElseThrow(() -> new IllegalArgumentException("run " + runId + " has no statistics"));

    List<ScenarioInfo> scenarios = jdbc.sql("SELECT name, probability, description FROM run_scenario WHERE run_id = ? "
        + "ORDER BY ordinal").param(runId)
        .query((rs, n) -> new ScenarioInfo(rs.getString(1), rs.getDouble(2), rs.getString(3))).list();
    List<KpiStatistics> kpis = jdbc.sql("SELECT * FROM kpi_statistics WHERE run_id = ? ORDER BY ordinal")
        .param(runId).query((rs, n) -> KpiStatistics.of(kpiKey(rs), stats(rs))).list();
    List<SeriesStatistics> series = jdbc.sql("SELECT * FROM series_statistics WHERE run_id = ? ORDER BY ordinal")
        .param(runId).query((rs, n) -> SeriesStatistics.of(SeriesKey.of(rs.getString("scenario"),
            Metric.parse(rs.getString("metric")), rs.getString("breakdown"), YearQuarter.parse(rs.getString("quarter"))),
            stats(rs))).list();
    List<TargetProbability> targets = jdbc.sql("SELECT * FROM target_probability WHERE run_id = ? ORDER BY ordinal")
        .param(runId).query((rs, n) -> new TargetProbability(rs.getString("target"), rs.getString("scenario"),
            rs.getDouble("probability"), rs.getDouble("ci_low"), rs.getDouble("ci_high"), rs.getLong("trials"))).list();
    List<Sensitivity> sensitivity = jdbc.sql("SELECT * FROM sensitivity WHERE run_id = ? ORDER BY ordinal")
        .param(runId).query((rs, n) -> new Sensitivity(kpiKey(rs), rs.getString("parameter"),
            rs.getDouble("rank_correlation"), rs.getLong("trials"))).list();
    List<ConvergencePoint> convergence = jdbc.sql("SELECT * FROM convergence WHERE run_id = ? ORDER BY ordinal")
        .param(runId).query((rs, n) -> new ConvergencePoint(kpiKey(rs), rs.getLong("trials"), rs.getDouble("mean"),
            rs.getDouble("standard_error"))).list();
    List<DataSource> sources = jdbc.sql("SELECT * FROM data_source WHERE run_id = ? ORDER BY ordinal").param(runId)
        .query((rs, n) -> DataSource.of(rs.getString("file_name"), rs.getString("source"),
            Quality.parse(rs.getString("quality")), rs.getInt("row_count"))).list();
    List<DomainWarning> warnings = jdbc.sql("SELECT * FROM domain_warning WHERE run_id = ? ORDER BY ordinal")
        .param(runId).query((rs, n) -> DomainWarning.of(DomainWarning.Kind.parse(rs.getString("kind")),
            rs.getString("scenario"), rs.getString("regime"), rs.getString("sector"), rs.getLong("trials"),
            rs.getLong("of_trials"))).list();
    ConfigSnapshot snapshot = ConfigSnapshot.of(runs.snapshot(runId));
    List<DriverRerun> reruns = jdbc.sql("SELECT * FROM driver_rerun WHERE run_id = ? ORDER BY ordinal").param(runId)
        .query((rs, n) -> DriverRerun.of(rs.getString("variant"), rs.getString("words"), kpiKey(rs),
            rs.getLong("trials"), nanIfNull(rs, "central_value"), nanIfNull(rs, "median"), nanIfNull(rs, "p5"),
            nanIfNull(rs, "p95"))).list();
    List<DriverSwing> swings = jdbc.sql("SELECT * FROM driver_swing WHERE run_id = ? ORDER BY ordinal").param(runId)
        .query((rs, n) -> DriverSwing.of(kpiKey(rs), rs.getString("driver"),
            List.of(rs.getString("members").split("\n")), nanIfNull(rs, "low_mean"), nanIfNull(rs, "high_mean"),
            nanIfNull(rs, "standard_error"), rs.getLong("low_trials"), rs.getLong("high_trials"))).list();
    return new RunResult(info, scenarios, kpis, series, targets, sensitivity, convergence, loadCentralCase(runId),
        sources, snapshot, loadDescription(runId, info, scenarios, snapshot), warnings, reruns, swings);
  }

  private CentralCase loadCentralCase(long runId) {
    List<KpiValue> kpis = jdbc.sql("SELECT * FROM central_case_kpi WHERE run_id = ? ORDER BY ordinal").param(runId)
        .query((rs, n) -> new KpiValue(kpiKey(rs), rs.getDouble("kpi_value"))).list();
    Map<Integer, Map<String, Double>> prices = new LinkedHashMap<>();
    Map<Integer, Map<String, Welfare>> welfare = new LinkedHashMap<>();
    jdbc.sql("SELECT * FROM central_case_region WHERE run_id = ?").param(runId).query((RowCallbackHandler) rs -> {
        int t = rs.getInt("table_ordinal");
        String r = rs.getString("region");
        Double x = nullableDouble(rs, "world_price_change");
        if (x != null) {
          prices.computeIfAbsent(t, k -> new LinkedHashMap<>()).put(r, x);
        }
        Double net = nullableDouble(rs, "net_welfare");
        if (net != null) {
          welfare.computeIfAbsent(t, k -> new LinkedHashMap<>()).put(r, new Welfare(rs.getDouble("consumer_surplus"),
              rs.getDouble("producer_surplus"), rs.getDouble("tariff_revenue"), net));
        }
    });
    Map<Integer, Map<String, Map<String, Double>>> before = new LinkedHashMap<>();
    Map<Integer, Map<String, Map<String, Double>>> after = new LinkedHashMap<>();
    jdbc.sql("SELECT * FROM central_case_flow WHERE run_id = ?").param(runId).query((RowCallbackHandler) rs -> {
        int t = rs.getInt("table_ordinal");
        String ex = rs.getString("exporter");
        String im = rs.getString("importer");
        Double b = nullableDouble(rs, "flow_before");
        Double a = nullableDouble(rs, "flow_after");
        if (b != null) {
          before.computeIfAbsent(t, k -> new LinkedHashMap<>()).computeIfAbsent(ex, k -> new LinkedHashMap<>()).put(im, b);
        }
        if (a != null) {
          after.computeIfAbsent(t, k -> new LinkedHashMap<>()).computeIfAbsent(ex, k -> new LinkedHashMap<>()).put(im, a);
        }
    });
    List<EquilibriumTable> tables = jdbc.sql("SELECT * FROM central_case_table WHERE run_id = ? ORDER BY ordinal")
        .param(runId).query((rs, n) -> {
          int t = rs.getInt("ordinal");
          String regions = rs.getString("regions");
          return new EquilibriumTable(rs.getString("scenario"), rs.getString("regime"), rs.getString("sector"),
              regions.isEmpty() ? List.of() : Arrays.asList(regions.split(",")), prices.getOrDefault(t, Map.of()),
              copyNested(before.get(t)), copyNested(after.get(t)), welfare.getOrDefault(t, Map.of()));
        }).list();
    return new CentralCase(tables, kpis);
  }

  private static Map<String, Map<String, Double>> copyNested(Map<String, Map<String, Double>> m) {
    Map<String, Map<String, Double>> out = new LinkedHashMap<>();
    if (m != null) {
      m.forEach((k, v) -> out.put(k, Map.copyOf(v)));
    }
    return out;
  }

  private static Double finiteOrNull(double v) {
    return Double.isNaN(v) ? null : v;
  }

  private static double nanIfNull(ResultSet rs, String column) throws SQLException {
    Double v = nullableDouble(rs, column);
    return v == null ? Double.NaN : v;
  }

  private static Double nullableDouble(ResultSet rs, String column) throws SQLException {
    double v = rs.getDouble(column);
    return rs.wasNull() ? null : v;
  }

  private static Object[] kpiKey(long id, int ordinal, KpiKey k) {
    return new Object[] {id, ordinal, k.scenario(), k.metric().label(), k.breakdown(), k.window().label(),
        k.measure().label()};
  }

  private static KpiKey kpiKey(ResultSet rs) throws SQLException {
    return KpiKey.of(rs.getString("scenario"), Metric.parse(rs.getString("metric")), rs.getString("breakdown"),
        Window.parse(rs.getString("time_window")), Measure.parse(rs.getString("measure")));
  }

  private static Object[] stats(Statistics s) {
    Percentiles p = s.percentiles();
    return new Object[] {s.count(), s.mean(), s.sd(), s.standardError(), s.min(), s.max(), p.p5(), p.p10(), p.p25(),
        p.p50(), p.p75(), p.p90(), p.p95(), s.percentileError()};
  }

  private static Statistics stats(ResultSet rs) throws SQLException {
    return new Statistics(rs.getLong("trials"), rs.getDouble("mean"), rs.getDouble("sd"),
        rs.getDouble("standard_error"), rs.getDouble("min_value"), rs.getDouble("max_value"),
        new Percentiles(rs.getDouble("p5"), rs.getDouble("p10"), rs.getDouble("p25"), rs.getDouble("p50"),
            rs.getDouble("p75"), rs.getDouble("p90"), rs.getDouble("p95")), rs.getDouble("percentile_error"));
  }

  private static Object[] concat(Object[] a, Object[] b) {
    Object[] out = Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }

  private interface Row {
    Object[] at(int i);
  }

  private void batch(String sql, int size, Row row) {
    if (size == 0) {
      return;
    }
    List<Object[]> args = new ArrayList<>(size);
    for (int i = 0; i < size; i++) {
      args.add(row.at(i));
    }
    for (int from = 0; from < size; from += 1000) {
      template.batchUpdate(sql, args.subList(from, Math.min(size, from + 1000)));
    }
  }
}
