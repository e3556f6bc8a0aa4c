package org.tariffcast.model.result;

import static org.tariffcast.model.Checks.copy;
import static org.tariffcast.model.Checks.notNull;

import java.util.List;
import org.tariffcast.model.config.ConfigSnapshot;
import org.tariffcast.model.trade.DataSource;

/**
 * Everything a report renders, as persisted: the simulation produces it, batch-app stores and
 * reloads it, reporting reads it. Scenario lists include {@code Baseline} and {@code Outlook}
 * entries in {@link #scenarios()} order: scenarios as configured, then Baseline, then Outlook.
 * The {@link StudyDescription} names what the numbers are about (regions, sectors, parameters,
 * targets in words, headline indicators): a reader of results needs nothing else.
 * {@link #domainWarnings()} lists the equilibria that left their model's range (empty when none).
 * {@link #reruns()} holds the study's KPIs re-run with its main drivers at other values, for the
 * benchmarks of the description (empty when the study has none or they were not computed).
 * {@link #swings()} holds, for the KPIs the engine records sensitivity of, each driver's swing in
 * USD between its low and high draws (empty for results stored before swings were).
 */
public record RunResult(
    RunInfo info,
    List<ScenarioInfo> scenarios,
    List<KpiStatistics> kpis,
    List<SeriesStatistics> series,
    List<TargetProbability> targets,
    List<Sensitivity> sensitivity,
    List<ConvergencePoint> convergence,
    CentralCase centralCase,
    List<DataSource> sources,
    ConfigSnapshot config,
    StudyDescription description,
    List<DomainWarning> domainWarnings,
    List<DriverRerun> reruns,
    List<DriverSwing> swings) {

  public RunResult {
    notNull(info, "run info");
    scenarios = copy(scenarios, "scenarios");
    kpis = copy(kpis, "kpis");
    series = copy(series, "series");
    targets = copy(targets, "targets");
    sensitivity = copy(sensitivity, "sensitivity");
    convergence = copy(convergence, "convergence");
    notNull(centralCase, "central case");
    sources = copy(sources, "sources");
    notNull(config, "config snapshot");
    notNull(description, "study description");
    if (!description.scenarios().equals(scenarios)) {
      throw new IllegalArgumentException("the description's scenarios must be the result's, found "
          + description.scenarios() + " and " + scenarios);
    }
    domainWarnings = copy(domainWarnings, "domain warnings");
    reruns = reruns == null ? List.of() : copy(reruns, "reruns");
    swings = swings == null ? List.of() : copy(swings, "swings");
  }

  /** A result without driver swings. */
  public RunResult(RunInfo info, List<ScenarioInfo> scenarios, List<KpiStatistics> kpis, List<SeriesStatistics> series,
      List<TargetProbability> targets, List<Sensitivity> sensitivity, List<ConvergencePoint> convergence,
      CentralCase centralCase, List<DataSource> sources, ConfigSnapshot config, StudyDescription description,
      List<DomainWarning> domainWarnings, List<DriverRerun> reruns) {
    this(info, scenarios, kpis, series, targets, sensitivity, convergence, centralCase, sources, config, description,
        domainWarnings, reruns, List.of());
  }

  /** The same result with these driver swings. */
  public RunResult withSwings(List<DriverSwing> others) {
    return new RunResult(info, scenarios, kpis, series, targets, sensitivity, convergence, centralCase, sources, config,
        description, domainWarnings, reruns, others);
  }

  /** The swings of {@code kpi}, largest first (by absolute swing). */
  public List<DriverSwing> swingsOf(KpiKey kpi) {
    return swings.stream().filter(s -> s.kpi().equals(kpi))
        .sorted(java.util.Comparator.comparingDouble((DriverSwing s) -> -Math.abs(s.swing()))).toList();
  }

  /** A result without re-runs for benchmarks. */
  public RunResult(RunInfo info, List<ScenarioInfo> scenarios, List<KpiStatistics> kpis, List<SeriesStatistics> series,
      List<TargetProbability> targets, List<Sensitivity> sensitivity, List<ConvergencePoint> convergence,
      CentralCase centralCase, List<DataSource> sources, ConfigSnapshot config, StudyDescription description,
      List<DomainWarning> domainWarnings) {
    this(info, scenarios, kpis, series, targets, sensitivity, convergence, centralCase, sources, config, description,
        domainWarnings, List.of());
  }

  /** The same result with these re-runs. */
  public RunResult withReruns(List<DriverRerun> others) {
    return new RunResult(info, scenarios, kpis, series, targets, sensitivity, convergence, centralCase, sources, config,
        description, domainWarnings, others, swings);
  }

  /** A result without domain warnings (every equilibrium within its model's range). */
  public RunResult(RunInfo info, List<ScenarioInfo> scenarios, List<KpiStatistics> kpis, List<SeriesStatistics> series,
      List<TargetProbability> targets, List<Sensitivity> sensitivity, List<ConvergencePoint> convergence,
      CentralCase centralCase, List<DataSource> sources, ConfigSnapshot config, StudyDescription description) {
    this(info, scenarios, kpis, series, targets, sensitivity, convergence, centralCase, sources, config, description,
        List.of(), List.of());
  }
}
