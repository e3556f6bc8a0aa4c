package org.tariffcast.reporting.content;

import java.util.List;
import org.tariffcast.model.result.KpiKey;
import org.tariffcast.model.result.Measure;
import org.tariffcast.model.result.Metric;
import org.tariffcast.model.result.Window;

/** Which indicators the headline tables and charts show, in the order a reader expects them. */
public final class Headlines {
  private Headlines() {}

  /** Stands for "any scenario" in the preference lists below; use {@link KpiKey#forScenario}. */
  public static final String ANY = "*";

  /** The indicators of the Summary and Scenarios sheets. */
  public static final List<Metric> METRICS = List.of(Metric.IMPORTS_FROM_PARTNER, Metric.EXPORTS_TO_PARTNER,
      Metric.BILATERAL_BALANCE, Metric.TARIFF_REVENUE, Metric.PARTNER_EXPORTS);

  /** The KPI a scenario's tornado chart explains: the first one the run has sensitivity for. */
  public static final List<KpiKey> DRIVER_KPIS = List.of(
      key(Metric.BILATERAL_BALANCE, Window.FINAL_YEAR, Measure.CHANGE_VS_BASELINE),
      key(Metric.BILATERAL_BALANCE, Window.FINAL_YEAR, Measure.PCT_CHANGE_VS_BASELINE),
      key(Metric.IMPORTS_FROM_PARTNER, Window.FINAL_YEAR, Measure.PCT_CHANGE_VS_BASELINE),
      key(Metric.IMPORTS_FROM_PARTNER, Window.FINAL_YEAR, Measure.CHANGE_VS_BASELINE),
      key(Metric.BILATERAL_BALANCE, Window.FINAL_YEAR, Measure.LEVEL),
      key(Metric.IMPORTS_FROM_PARTNER, Window.FINAL_YEAR, Measure.LEVEL),
      key(Metric.BILATERAL_BALANCE, Window.HORIZON, Measure.CHANGE_VS_BASELINE),
      key(Metric.IMPORTS_FROM_PARTNER, Window.HORIZON, Measure.PCT_CHANGE_VS_BASELINE));

  /** The KPI the convergence chart follows: the first one the run has convergence points for. */
  public static final List<KpiKey> CONVERGENCE_KPIS = List.of(
      key(Metric.IMPORTS_FROM_PARTNER, Window.FINAL_YEAR, Measure.PCT_CHANGE_VS_BASELINE),
      key(Metric.BILATERAL_BALANCE, Window.FINAL_YEAR, Measure.PCT_CHANGE_VS_BASELINE),
      key(Metric.BILATERAL_BALANCE, Window.FINAL_YEAR, Measure.CHANGE_VS_BASELINE),
      key(Metric.IMPORTS_FROM_PARTNER, Window.FINAL_YEAR, Measure.CHANGE_VS_BASELINE),
      key(Metric.BILATERAL_BALANCE, Window.FINAL_YEAR, Measure.LEVEL),
      key(Metric.IMPORTS_FROM_PARTNER, Window.FINAL_YEAR, Measure.LEVEL));

  private static KpiKey key(Metric metric, Window window, Measure measure) {
    return KpiKey.of(ANY, metric, KpiKey.TOTAL, window, measure);
  }
}
