package org.tariffcast.model.result;

import static org.tariffcast.model.Checks.notBlank;
import static org.tariffcast.model.Checks.notNull;

/**
 * A published estimate a study's results are compared with, e.g. UNDP's "Vietnam's exports to
 * the US fall by 19 %" for the Framework scenario. A point value has {@code low == high}.
 *
 * @param scenario the scenario it corresponds to, as named in {@code scenarios.yml} (or
 *     {@code Outlook})
 * @param kpi the indicator it corresponds to, e.g. imports_from_partner/total/final_year/pct_change_vs_baseline
 * @param low the published value, or the low end of its range, in the indicator's unit (a
 *     fraction for pct measures, USD otherwise)
 * @param high the high end of the range ({@code == low} for a point value)
 * @param source who published it, where and when
 * @param note what a reader should know when comparing (horizon, bound rather than estimate); may be empty
 */
public record Benchmark(String scenario, Indicator kpi, double low, double high, String source, String note) {
  public Benchmark {
    notBlank(scenario, "benchmark scenario");
    notNull(kpi, "benchmark kpi");
    if (!Double.isFinite(low) || !Double.isFinite(high) || low > high) {
      throw new IllegalArgumentException("benchmark value must be finite with low <= high, found low " + low
          + " and high " + high);
    }
    notBlank(source, "benchmark source");
    note = note == null ? "" : note;
  }

  public static Benchmark of(String scenario, Indicator kpi, double low, double high, String source, String note) {
    return new Benchmark(scenario, kpi, low, high, source, note);
  }

  /** The KPI of the benchmark's scenario. */
  public KpiKey key() {
    return kpi.key(scenario);
  }

  /** True for a single published value rather than a range. */
  public boolean isPoint() {
    return low == high;
  }

  /**
   * Whether an interval {@code [from, to]} of the tool's results overlaps the published value or range.
   */
  public boolean overlaps(double from, double to) {
    return !(to < low || from > high);
  }
}
