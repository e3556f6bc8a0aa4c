package org.tariffcast.model.config;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.tariffcast.model.result.Indicator;
import org.tariffcast.model.result.KpiKey;
import org.tariffcast.model.result.KpiStatistics;
import org.tariffcast.model.result.RunComparison;
import org.tariffcast.model.result.RunResult;
import org.tariffcast.model.result.ScenarioInfo;
import org.tariffcast.model.result.Statistics;
import org.tariffcast.model.scenario.Scenario;

/**
 * Builds the "what changed since the previous comparable run" block: the configuration
 * differences of the two runs' snapshots ({@link ConfigChanges}) and, for every scenario and the
 * outlook, the median of each headline indicator before and after with the standard error of
 * the difference.
 */
public final class RunComparisons {
  /** sqrt(pi / 2): the sampling standard error of a median is this times sd / sqrt(n) for a normal distribution. */
  static final double MEDIAN_SE_FACTOR = Math.sqrt(Math.PI / 2);

  private RunComparisons() {
  }

  /** What changed from {@code previous} to {@code current}. */
  public static RunComparison compare(RunResult previous, RunResult current) {
    ConfigChanges changes;
    try {
      changes = ConfigChanges.between(ConfigLoader.load(previous.config()), ConfigLoader.load(current.config()));
    } catch (ConfigException e) {
      // a snapshot this version cannot read any more: say which files differ, nothing finer
      List<String> files = ConfigChanges.changedFiles(previous.config(), current.config());
      changes = new ConfigChanges(files, files.isEmpty() ? List.of()
          : List.of(String.join(", ", files) + " changed (the earlier snapshot cannot be compared in detail)"), false);
    }
    Map<KpiKey, Statistics> before = new HashMap<>();
    for (KpiStatistics k : previous.kpis()) {
      before.put(k.key(), k.stats());
    }
    Map<KpiKey, Statistics> after = new HashMap<>();
    for (KpiStatistics k : current.kpis()) {
      after.put(k.key(), k.stats());
    }
    List<RunComparison.FigureChange> figures = new ArrayList<>();
    for (ScenarioInfo s : current.scenarios()) {
      if (s.name().equals(Scenario.BASELINE)) {
        continue;
      }
      for (Indicator h : current.description().headlines()) {
        KpiKey key = h.key(s.name());
        Statistics a = before.get(key);
        Statistics b = after.get(key);
        if (a == null || b == null) {
          continue;
        }
        double se = Math.hypot(medianError(a), medianError(b));
        figures.add(RunComparison.FigureChange.of(key, a.percentiles().p50(), b.percentiles().p50(), se));
      }
    }
    return new RunComparison(previous.info().runId(), previous.info().finishedAt(), previous.info().seed(),
        previous.info().trials(), changes.changedFiles(), changes.changes(), changes.modelUnchanged(), figures);
  }

  /** The sampling standard error of a median: sqrt(pi/2) sd / sqrt(n). */
  static double medianError(Statistics s) {
    return s.count() < 2 ? Double.NaN : MEDIAN_SE_FACTOR * s.sd() / Math.sqrt(s.count());
  }
}
