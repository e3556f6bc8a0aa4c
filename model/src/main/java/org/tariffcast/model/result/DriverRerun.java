package org.tariffcast.model.result;

import static org.tariffcast.model.Checks.notBlank;
import static org.tariffcast.model.Checks.notNull;

/**
 * One KPI of the study re-run with its main drivers at other values, to explain a gap to a
 * published estimate: e.g. the Framework median of US imports from Vietnam with every
 * substitution elasticity at half its central value. Deterministic: the re-run uses the run's
 * seed and sampling with {@code trials} trials, so the same configuration gives the same numbers.
 *
 * @param variant a stable key of the variant, e.g. {@code substitution_half}
 * @param words what was changed, in words ("every substitution elasticity at half its central value")
 * @param kpi the KPI re-computed
 * @param trials trials of the re-run
 * @param centralCase the KPI of the re-run's central case (its central values, no shocks), same unit as the KPI
 * @param median the re-run's median of the KPI
 * @param p5 its 5th percentile
 * @param p95 its 95th percentile
 */
public record DriverRerun(String variant, String words, KpiKey kpi, long trials, double centralCase, double median,
    double p5, double p95) {
  public DriverRerun {
    notBlank(variant, "rerun variant");
    notBlank(words, "words of rerun " + variant);
    notNull(kpi, "rerun kpi");
    if (trials < 1) {
      throw new IllegalArgumentException("rerun trials must be >= 1, found " + trials);
    }
  }

  public static DriverRerun of(String variant, String words, KpiKey kpi, long trials, double centralCase,
      double median, double p5, double p95) {
    return new DriverRerun(variant, words, kpi, trials, centralCase, median, p5, p95);
  }
}
