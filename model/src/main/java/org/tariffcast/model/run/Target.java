package org.tariffcast.model.run;

import static org.tariffcast.model.Checks.finite;
import static org.tariffcast.model.Checks.notBlank;
import static org.tariffcast.model.Checks.notNull;

import org.tariffcast.model.result.KpiKey;
import org.tariffcast.model.result.Measure;
import org.tariffcast.model.result.Metric;
import org.tariffcast.model.result.Window;

/**
 * A question leadership asks, e.g. "the deficit shrinks by 20 % against baseline in the final
 * year": {@code bilateral_balance / total / final_year / pct_change_vs_baseline >= 0.20}. Reports
 * give its probability under every scenario and the outlook.
 *
 * @param name what the report calls it
 * @param metric the series
 * @param breakdown {@code total}, a sector or a region code
 * @param window the quarters summed
 * @param measure level (USD) or change (USD or fraction)
 * @param comparison how the KPI is compared with the threshold
 * @param threshold USD or a fraction, as the measure says
 */
public record Target(String name, Metric metric, String breakdown, Window window, Measure measure,
    Comparison comparison, double threshold) {

  /** The comparison of a target. */
  public enum Comparison {
    LT("<"), LE("<="), GT(">"), GE(">=");

    private final String symbol;

    Comparison(String symbol) {
      this.symbol = symbol;
    }

    public String symbol() {
      return symbol;
    }

    public boolean test(double value, double threshold) {
      return switch (this) {
        case LT -> value < threshold;
        case LE -> value <= threshold;
        case GT -> value > threshold;
        case GE -> value >= threshold;
      };
    }

    public static Comparison parse(String s) {
      for (Comparison c : values()) {
        if (c.symbol.equals(s == null ? "" : s.trim())) {
          return c;
        }
      }
      return null;
    }
  }

  public Target {
    notBlank(name, "target name");
    notNull(metric, "target metric");
    notBlank(breakdown, "target breakdown");
    notNull(window, "target window");
    notNull(measure, "target measure");
    notNull(comparison, "target comparison");
    finite(threshold, "target threshold");
  }

  /** The KPI this target reads, for one scenario. */
  public KpiKey kpi(String scenario) {
    return KpiKey.of(scenario, metric, breakdown, window, measure);
  }

  public boolean isMet(double kpiValue) {
    return comparison.test(kpiValue, threshold);
  }
}
