package org.tariffcast.reporting.content;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.tariffcast.model.result.Indicator;
import org.tariffcast.model.result.KpiKey;
import org.tariffcast.model.result.KpiStatistics;
import org.tariffcast.model.result.Measure;
import org.tariffcast.model.result.Metric;
import org.tariffcast.model.result.RunComparison;
import org.tariffcast.model.result.RunInfo;
import org.tariffcast.model.result.RunResult;
import org.tariffcast.model.result.ScenarioInfo;
import org.tariffcast.model.result.SeriesKey;
import org.tariffcast.model.result.SeriesStatistics;
import org.tariffcast.model.result.Statistics;
import org.tariffcast.model.result.StudyDescription;
import org.tariffcast.model.result.TargetDescription;
import org.tariffcast.model.result.Window;
import org.tariffcast.model.scenario.Scenario;
import org.tariffcast.model.time.YearQuarter;
import org.tariffcast.reporting.io.FileNames;

/**
 * A run's results indexed for rendering: KPIs and series by key, scenarios in report order
 * (as configured, then {@code Baseline}, then {@code Outlook}), sectors and regions in study
 * order, and the names a reader sees, all from the result's {@link StudyDescription}. Every renderer reads the run through this one view, so
 * the workbook, the charts and {@code summary.json} agree and do not depend on the order in
 * which the results were stored.
 */
public final class ReportData {
  private final RunResult result;
  private final StudyDescription description;
  private final List<ScenarioInfo> scenarios;
  private final Map<KpiKey, Statistics> kpis = new HashMap<>();
  private final Map<SeriesKey, Statistics> series = new HashMap<>();
  private final RunComparison comparison;
  private final Map<String, String> scenarioKeys = new HashMap<>();
  private final Map<String, String> parameterKeys = new HashMap<>();

  private ReportData(RunResult result, RunComparison comparison) {
    this.result = result;
    this.comparison = comparison;
    this.description = result.description();
    this.scenarios = orderScenarios(result.scenarios());
    for (KpiStatistics k : result.kpis()) {
      kpis.put(k.key(), k.stats());
    }
    for (SeriesStatistics s : result.series()) {
      series.put(s.key(), s.stats());
    }
    // the keys are computed here, not on first use: renderers read one ReportData from several threads
    FileNames scenarioNames = new FileNames();
    for (ScenarioInfo s : scenarios) {
      scenarioKeys.put(s.name(), scenarioNames.unique(s.name()));
    }
    FileNames parameterNames = new FileNames();
    for (var p : description.parameters()) {
      parameterKeys.put(p.key(), parameterNames.unique(p.key()));
    }
  }

  public static ReportData of(RunResult result) {
    return new ReportData(result, null);
  }

  /**
   * The run with what changed since the previous comparable run ({@code comparison} may be null:
   * no earlier run, or not looked up).
   */
  public static ReportData of(RunResult result, RunComparison comparison) {
    return new ReportData(result, comparison);
  }

  /** What changed since the previous comparable run, if it was looked up and there is one. */
  public Optional<RunComparison> comparison() {
    return Optional.ofNullable(comparison);
  }

  /**
   * The stable key of a scenario ({@code Baseline} and {@code Outlook} included): the part chart
   * file names use, e.g. {@code no-deal} for "No deal", unique within the run.
   */
  public String scenarioKey(String scenario) {
    return scenarioKeys.getOrDefault(scenario, FileNames.sanitize(scenario));
  }

  /** The stable key of a parameter: its name made file-name safe, e.g. {@code es-elec} for es_ELEC, unique within the run. */
  public String parameterKey(String parameter) {
    return parameterKeys.getOrDefault(parameter, FileNames.sanitize(parameter));
  }

  private static List<ScenarioInfo> orderScenarios(List<ScenarioInfo> given) {
    List<ScenarioInfo> out = new ArrayList<>();
    given.stream().filter(s -> !isReserved(s.name())).forEach(out::add);
    given.stream().filter(s -> s.name().equals(Scenario.BASELINE)).findFirst().ifPresent(out::add);
    given.stream().filter(s -> s.name().equals(Scenario.OUTLOOK)).findFirst().ifPresent(out::add);
    return List.copyOf(out);
  }

  private static boolean isReserved(String name) {
    return name.equals(Scenario.BASELINE) || name.equals(Scenario.OUTLOOK);
  }

  public RunResult result() {
    return result;
  }

  public RunInfo info() {
    return result.info();
  }

  /** The study the results are about: names, labels, targets, headline indicators. */
  public StudyDescription description() {
    return description;
  }

  /**
   * The metrics of the headline tables (Summary, Scenarios), in reading order: those of the
   * study's headline indicators with a {@code total} breakdown.
   */
  public List<Metric> headlineMetrics() {
    return description.headlineMetrics();
  }

  /** A target's rule as configured (e.g. {@code bilateral_balance/total/final_year/pct_change_vs_baseline >= 0.2}), or "". */
  public String targetRule(String name) {
    return description.target(name).map(TargetDescription::rule).orElse("");
  }

  /** Every entry: configured scenarios, then Baseline, then Outlook (those present). */
  public List<ScenarioInfo> scenarios() {
    return scenarios;
  }

  /** The configured scenario with the highest probability (the first one on a tie), if any. */
  public Optional<ScenarioInfo> mostLikely() {
    ScenarioInfo best = null;
    for (ScenarioInfo s : configured()) {
      if (best == null || s.probability() > best.probability()) {
        best = s;
      }
    }
    return Optional.ofNullable(best);
  }

  /** The configured scenarios only. */
  public List<ScenarioInfo> configured() {
    return scenarios.stream().filter(s -> !isReserved(s.name())).toList();
  }

  /** What is compared with the baseline: the configured scenarios, then the Outlook. */
  public List<ScenarioInfo> compared() {
    return scenarios.stream().filter(s -> !s.name().equals(Scenario.BASELINE)).toList();
  }

  public boolean isBaseline(String scenario) {
    return Scenario.BASELINE.equals(scenario);
  }

  public boolean isOutlook(String scenario) {
    return Scenario.OUTLOOK.equals(scenario);
  }

  /** A KPI's statistics, if the run has them. */
  public Optional<Statistics> kpi(String scenario, Metric metric, String breakdown, Window window, Measure measure) {
    return Optional.ofNullable(kpis.get(KpiKey.of(scenario, metric, breakdown, window, measure)));
  }

  public Optional<Statistics> kpi(KpiKey key) {
    return Optional.ofNullable(kpis.get(key));
  }

  /** A total KPI's statistics, if the run has them. */
  public Optional<Statistics> total(String scenario, Metric metric, Window window, Measure measure) {
    return kpi(scenario, metric, KpiKey.TOTAL, window, measure);
  }

  /** A series point's statistics (USD per quarter), if the run has them. */
  public Optional<Statistics> series(String scenario, Metric metric, String breakdown, YearQuarter quarter) {
    return Optional.ofNullable(series.get(SeriesKey.of(scenario, metric, breakdown, quarter)));
  }

  /** True if any series point exists for this scenario, metric and breakdown. */
  public boolean hasSeries(String scenario, Metric metric, String breakdown) {
    return quarters().stream().anyMatch(q -> series.containsKey(SeriesKey.of(scenario, metric, breakdown, q)));
  }

  /** The horizon's quarters in order. */
  public List<YearQuarter> quarters() {
    return info().horizon().all();
  }

  /** The quarters of the final year (the last four). */
  public List<YearQuarter> finalYearQuarters() {
    List<YearQuarter> all = quarters();
    return all.subList(info().horizon().finalYearStart(), all.size());
  }

  /** Breakdowns other than {@code total} that KPIs or series of {@code metric} carry, in study order. */
  public List<String> breakdowns(Metric metric) {
    Set<String> found = new TreeSet<>();
    kpis.keySet().stream().filter(k -> k.metric() == metric && !k.breakdown().equals(KpiKey.TOTAL))
        .forEach(k -> found.add(k.breakdown()));
    series.keySet().stream().filter(k -> k.metric() == metric && !k.breakdown().equals(KpiKey.TOTAL))
        .forEach(k -> found.add(k.breakdown()));
    List<String> order = new ArrayList<>(description.sectorCodes());
    order.addAll(description.regionCodes());
    Set<String> out = new LinkedHashSet<>();
    order.stream().filter(found::contains).forEach(out::add);
    out.addAll(found);
    return List.copyOf(out);
  }

  /** Names of the targets the run has probabilities for: in study order, then any others by name. */
  public List<String> targetNames() {
    Set<String> found = new TreeSet<>();
    result.targets().forEach(t -> found.add(t.target()));
    Set<String> out = new LinkedHashSet<>();
    description.targets().stream().map(TargetDescription::name).toList().stream().filter(found::contains).forEach(out::add);
    out.addAll(found);
    return List.copyOf(out);
  }

  /** Position of a scenario in report order; unknown names sort after all known ones. */
  public int scenarioIndex(String name) {
    for (int i = 0; i < scenarios.size(); i++) {
      if (scenarios.get(i).name().equals(name)) {
        return i;
      }
    }
    return scenarios.size();
  }

  /** Position of a breakdown: {@code total} first, then sectors and regions in study order, then others by name. */
  public int breakdownIndex(String breakdown) {
    if (breakdown.equals(KpiKey.TOTAL)) {
      return 0;
    }
    int i = description.sectorCodes().indexOf(breakdown);
    if (i >= 0) {
      return 1 + i;
    }
    int j = description.regionCodes().indexOf(breakdown);
    if (j >= 0) {
      return 1 + description.sectorCodes().size() + j;
    }
    return Integer.MAX_VALUE;
  }

  /** Report order of KPI keys: scenario, metric, breakdown, window, measure. */
  public Comparator<KpiKey> kpiOrder() {
    return Comparator.<KpiKey>comparingInt(k -> scenarioIndex(k.scenario()))
        .thenComparing(KpiKey::scenario)
        .thenComparing(KpiKey::metric)
        .thenComparingInt(k -> breakdownIndex(k.breakdown()))
        .thenComparing(KpiKey::breakdown)
        .thenComparing(KpiKey::window)
        .thenComparing(KpiKey::measure);
  }

  /** Report order of series keys: scenario, metric, breakdown, quarter. */
  public Comparator<SeriesKey> seriesOrder() {
    return Comparator.<SeriesKey>comparingInt(k -> scenarioIndex(k.scenario()))
        .thenComparing(SeriesKey::scenario)
        .thenComparing(SeriesKey::metric)
        .thenComparingInt(k -> breakdownIndex(k.breakdown()))
        .thenComparing(SeriesKey::breakdown)
        .thenComparing(SeriesKey::quarter);
  }

  /** KPI statistics in report order. */
  public List<KpiStatistics> sortedKpis() {
    return result.kpis().stream().sorted(Comparator.comparing(KpiStatistics::key, kpiOrder())).toList();
  }

  /** Series statistics in report order. */
  public List<SeriesStatistics> sortedSeries() {
    return result.series().stream().sorted(Comparator.comparing(SeriesStatistics::key, seriesOrder())).toList();
  }

  /** The first of the study's headline indicators, for {@code scenario}, that {@code has} accepts. */
  public Optional<KpiKey> firstHeadline(String scenario, java.util.function.Predicate<KpiKey> has) {
    return description.headlines().stream().map(i -> i.key(scenario)).filter(has).findFirst();
  }
}
