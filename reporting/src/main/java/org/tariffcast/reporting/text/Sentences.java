package org.tariffcast.reporting.text;

import java.util.Optional;
import org.tariffcast.model.result.Measure;
import org.tariffcast.model.result.Metric;
import org.tariffcast.model.result.Statistics;
import org.tariffcast.model.result.Window;
import org.tariffcast.model.scenario.Scenario;
import org.tariffcast.reporting.content.ReportData;

/**
 * The one-sentence headline of each scenario, from the final-year statistics: the median
 * change of the home region's imports from the partner against baseline with its 90 % interval
 * (P5 to P95), and the median bilateral balance against the baseline's, e.g. "Under No deal,
 * US imports from Vietnam in 2027 are 31 % below baseline (90 % interval 22–40 %), and the US
 * trade balance with Vietnam is a deficit of USD 98.2 bn (baseline: a deficit of USD 130.1 bn)."
 */
public final class Sentences {
  private final ReportData data;
  private final Labels labels;

  public Sentences(ReportData data, Labels labels) {
    this.data = data;
    this.labels = labels;
  }

  /** The headline sentence for a scenario or the outlook. */
  public String headline(String scenario) {
    String subject = data.isOutlook(scenario)
        ? "Weighing the scenarios by their probabilities"
        : "Under " + scenario;
    String imports = labels.metric(Metric.IMPORTS_FROM_PARTNER);
    Optional<Statistics> change = data.total(scenario, Metric.IMPORTS_FROM_PARTNER, Window.FINAL_YEAR,
        Measure.PCT_CHANGE_VS_BASELINE);
    StringBuilder s = new StringBuilder(subject).append(", ");
    if (change.isPresent()) {
      var p = change.get().percentiles();
      s.append(imports).append(' ').append(labels.inFinalYear()).append(" are ")
          .append(versusBaseline(p.p50(), p.p5(), p.p95()));
    } else {
      s.append("the run has no final-year estimate of the change in ").append(imports);
    }
    balanceClause(scenario).ifPresent(c -> s.append(", and ").append(c));
    return s.append('.').toString();
  }

  /** "31 % below baseline (90 % interval 22–40 %)" and its variants above, straddling and unchanged. */
  static String versusBaseline(double median, double p5, double p95) {
    int d = NumberText.percentDecimals(median, p5, p95);
    String m = NumberText.percentNumber(median, d);
    String lo = NumberText.percentNumber(p5, d);
    String hi = NumberText.percentNumber(p95, d);
    String interval;
    if (p95 < 0) {
      interval = "90 % interval " + hi + "–" + lo + " %";
    } else if (p5 > 0) {
      interval = "90 % interval " + lo + "–" + hi + " %";
    } else {
      interval = "90 % interval from " + lo + " % below to " + hi + " % above";
    }
    String head;
    if (isZero(m)) {
      head = "about the same as baseline";
    } else {
      head = m + " % " + (median < 0 ? "below" : "above") + " baseline";
    }
    return head + " (" + interval + ")";
  }

  private Optional<String> balanceClause(String scenario) {
    Optional<Statistics> level = data.total(scenario, Metric.BILATERAL_BALANCE, Window.FINAL_YEAR, Measure.LEVEL);
    if (level.isEmpty()) {
      return Optional.empty();
    }
    String clause = "the " + labels.metric(Metric.BILATERAL_BALANCE) + " is " + balance(level.get().percentiles().p50());
    Optional<Statistics> base = data.total(Scenario.BASELINE, Metric.BILATERAL_BALANCE, Window.FINAL_YEAR,
        Measure.LEVEL);
    if (base.isPresent() && !data.isBaseline(scenario)) {
      clause += " (baseline: " + balance(base.get().percentiles().p50()) + ")";
    }
    return Optional.of(clause);
  }

  private static String balance(double usd) {
    return (usd < 0 ? "a deficit of " : "a surplus of ") + NumberText.usdBn(Math.abs(usd));
  }

  private static boolean isZero(String number) {
    return number.chars().noneMatch(c -> c >= '1' && c <= '9');
  }
}
