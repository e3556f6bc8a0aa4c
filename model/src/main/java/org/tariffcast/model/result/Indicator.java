package org.tariffcast.model.result;

import static org.tariffcast.model.Checks.notBlank;
import static org.tariffcast.model.Checks.notNull;

/**
 * A KPI without its scenario: what a headline table row, a tornado or a convergence chart
 * shows for every scenario and the outlook, e.g. US imports from Vietnam, total, final year,
 * change against baseline (USD).
 *
 * @param metric the series it sums
 * @param breakdown {@code total}, a sector code or a region code
 * @param window the quarters summed
 * @param measure level or change
 */
public record Indicator(Metric metric, String breakdown, Window window, Measure measure) {
  public Indicator {
    notNull(metric, "indicator metric");
    notBlank(breakdown, "indicator breakdown");
    notNull(window, "indicator window");
    notNull(measure, "indicator measure");
  }

  public static Indicator of(Metric metric, String breakdown, Window window, Measure measure) {
    return new Indicator(metric, breakdown, window, measure);
  }

  /** The indicator of a KPI. */
  public static Indicator of(KpiKey key) {
    return new Indicator(key.metric(), key.breakdown(), key.window(), key.measure());
  }

  /** This indicator for one scenario (or {@code Baseline}, {@code Outlook}). */
  public KpiKey key(String scenario) {
    return KpiKey.of(scenario, metric, breakdown, window, measure);
  }

  /** e.g. {@code imports_from_partner/total/final_year/change_vs_baseline}, as {@link KpiKey#id()}. */
  public String id() {
    return metric.label() + "/" + breakdown + "/" + window.label() + "/" + measure.label();
  }
}
