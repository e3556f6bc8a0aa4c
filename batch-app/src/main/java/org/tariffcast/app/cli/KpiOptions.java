package org.tariffcast.app.cli;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.tariffcast.model.result.KpiKey;
import org.tariffcast.model.result.KpiStatistics;
import org.tariffcast.model.result.Measure;
import org.tariffcast.model.result.Metric;
import org.tariffcast.model.result.Window;
import picocli.CommandLine.Option;

/**
 * Which KPIs {@code show} and {@code compare} print, and how (a picocli mixin). By default the
 * headline ones: the final year's totals of the five headline metrics, as levels for the
 * baseline and as % change against it for every other scenario and the outlook.
 */
final class KpiOptions {
  static final String BASELINE = "Baseline";
  static final List<Metric> HEADLINE = List.of(Metric.IMPORTS_FROM_PARTNER, Metric.EXPORTS_TO_PARTNER,
      Metric.BILATERAL_BALANCE, Metric.TARIFF_REVENUE, Metric.PARTNER_EXPORTS);

  /** How the table is printed. */
  enum Format {
    /** Grouped by scenario, in USD bn (or mn) and %, for people. */
    text,
    /** One row per KPI, raw values (USD, fractions), for scripts. */
    csv,
    /** The same as csv, as JSON. */
    json
  }

  @Option(names = "--scenario", paramLabel = "NAME", description = "only this scenario (repeatable; e.g. Outlook, "
      + "Baseline)")
  List<String> scenarios = new ArrayList<>();
  @Option(names = "--metric", paramLabel = "NAME", description = "only this metric (repeatable; e.g. "
      + "imports_from_partner, tariff_revenue)")
  List<String> metrics = new ArrayList<>();
  @Option(names = "--all", description = "every KPI (both windows, every breakdown and measure), not only the "
      + "headline ones")
  boolean all;
  @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text", description = "text (default: USD bn "
      + "and %), csv or json (raw values: USD, fractions)")
  Format format = Format.text;

  /**
   * The chosen KPIs of one run, grouped by scenario (in the run's order) and metric. A scenario
   * or metric name the run does not hold is a usage error with the closest name.
   */
  List<KpiStatistics> select(List<KpiStatistics> kpis, String where) {
    Set<String> known = new LinkedHashSet<>();
    kpis.forEach(k -> known.add(k.key().scenario()));
    Set<String> wantedScenarios = new LinkedHashSet<>();
    for (String s : scenarios) {
      wantedScenarios.add(known.stream().filter(k -> k.equalsIgnoreCase(s.strip())).findFirst()
          .orElseThrow(() -> new UsageException("--scenario: " + DidYouMean.message("scenario", s, where, known))));
    }
    Set<Metric> wantedMetrics = new LinkedHashSet<>();
    for (String m : metrics) {
      wantedMetrics.add(metric(m));
    }
    List<String> order = new ArrayList<>(known);
    return kpis.stream()
        .filter(k -> wantedScenarios.isEmpty() || wantedScenarios.contains(k.key().scenario()))
        .filter(k -> wantedMetrics.isEmpty() ? all || HEADLINE.contains(k.key().metric())
            : wantedMetrics.contains(k.key().metric()))
        .filter(k -> all || headline(k.key()))
        .sorted(Comparator.comparingInt((KpiStatistics k) -> order.indexOf(k.key().scenario()))
            .thenComparing(k -> k.key().metric()))
        .toList();
  }

  /** A final-year total: the level for the baseline, the % change against it for the others. */
  static boolean headline(KpiKey k) {
    return k.window() == Window.FINAL_YEAR && KpiKey.TOTAL.equals(k.breakdown())
        && k.measure() == (BASELINE.equals(k.scenario()) ? Measure.LEVEL : Measure.PCT_CHANGE_VS_BASELINE);
  }

  /** A metric by its label ({@code imports_from_partner}) or title ({@code Imports from partner}), any case. */
  static Metric metric(String typed) {
    String t = typed.strip().toLowerCase(Locale.ROOT).replace(' ', '_').replace('-', '_');
    for (Metric m : Metric.values()) {
      if (m.label().equals(t) || m.title().toLowerCase(Locale.ROOT).replace(' ', '_').equals(t)) {
        return m;
      }
    }
    List<String> labels = java.util.Arrays.stream(Metric.values()).map(Metric::label).toList();
    throw new UsageException("--metric: " + DidYouMean.message("metric", typed, "the results", labels));
  }
}
