package org.tariffcast.model.result;

import static org.tariffcast.model.Checks.notBlank;
import static org.tariffcast.model.Checks.notNull;

/**
 * Names one KPI of one scenario.
 *
 * @param scenario a scenario name, {@code Baseline} or {@code Outlook}
 * @param metric the series it sums
 * @param breakdown {@code total}, a sector code or a region code
 * @param window the quarters summed
 * @param measure level or change
 */
public record KpiKey(String scenario, Metric metric, String breakdown, Window window, Measure measure) {
  public static final String TOTAL = "total";

  public KpiKey {
    notBlank(scenario, "kpi scenario");
    notNull(metric, "kpi metric");
    notBlank(breakdown, "kpi breakdown");
    notNull(window, "kpi window");
    notNull(measure, "kpi measure");
  }

  public static KpiKey of(String scenario, Metric metric, String breakdown, Window window, Measure measure) {
    return new KpiKey(scenario, metric, breakdown, window, measure);
  }

  /** The same KPI for another scenario. */
  public KpiKey forScenario(String other) {
    return new KpiKey(other, metric, breakdown, window, measure);
  }

  /** e.g. {@code imports_from_partner/total/final_year/pct_change_vs_baseline}, without the scenario. */
  public String id() {
    return metric.label() + "/" + breakdown + "/" + window.label() + "/" + measure.label();
  }
}
