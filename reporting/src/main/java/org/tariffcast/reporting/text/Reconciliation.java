package org.tariffcast.reporting.text;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.tariffcast.model.result.Benchmark;
import org.tariffcast.model.result.DriverRerun;
import org.tariffcast.model.result.Measure;
import org.tariffcast.model.result.Statistics;
import org.tariffcast.reporting.content.ReportData;

/**
 * The study's results beside published estimates ({@code benchmarks:} of study.yml): for each, the
 * study's median and 90 % interval of the same KPI and scenario, whether the interval reaches the
 * published figure, and when it does not, a sentence on why backed by the engine's re-runs with
 * the elasticities at other values ({@link DriverRerun}).
 */
public final class Reconciliation {
  private final ReportData data;
  private final Labels labels;

  public Reconciliation(ReportData data) {
    this.data = data;
    this.labels = new Labels(data);
  }

  /**
   * One benchmark beside the study.
   *
   * @param benchmark the published estimate
   * @param kpi the KPI in words
   * @param published the published value or range, e.g. "-19 %" or "-7.5 % to -1.0 %"
   * @param study the study's median with its 90 % interval, e.g. "-24 % (-31 % to -17 %)", or a dash
   * @param inside whether the study's 90 % interval reaches the published figure (empty when the run lacks the KPI)
   * @param why for a figure outside the interval: why, with the re-run that comes nearest; else empty
   */
  public record Row(Benchmark benchmark, String kpi, String published, String study, Optional<Boolean> inside,
      String why) {
    /** "yes", "no" or a dash. */
    public String insideWord() {
      return inside.map(b -> b ? "yes" : "no").orElse("\u2014");
    }
  }

  public boolean isEmpty() {
    return data.description().benchmarks().isEmpty();
  }

  /** The lead sentence of the section. */
  public String lead() {
    return "Each published estimate beside the study's median and 90 % interval for the same scenario and indicator. "
        + "Where the estimate lies outside, the engine re-ran the study with the main drivers, the elasticities, at "
        + "other values (" + rerunTrials() + " trials each, the run's seed) to show what it would take to reach it.";
  }

  /** The trials of each re-run, formatted ("1,000"). */
  public String rerunTrials() {
    return data.result().reruns().stream().map(r -> NumberText.fixed(r.trials(), 0)).findFirst().orElse("1,000");
  }

  /** Every benchmark, in study order. */
  public List<Row> rows() {
    List<Row> out = new ArrayList<>();
    for (Benchmark b : data.description().benchmarks()) {
      Measure m = b.kpi().measure();
      String published = b.isPoint() ? value(m, b.low()) : value(m, b.low()) + " to " + value(m, b.high());
      Optional<Statistics> s = data.kpi(b.key());
      String study = s.map(st -> value(m, st.percentiles().p50()) + " (" + value(m, st.percentiles().p5()) + " to "
          + value(m, st.percentiles().p95()) + ")").orElse("\u2014");
      Optional<Boolean> inside = s.map(st -> b.overlaps(st.percentiles().p5(), st.percentiles().p95()));
      String why = inside.orElse(true) ? "" : why(b, s.get());
      out.add(new Row(b, b.scenario() + ": " + labels.kpi(b.kpi()), published, study, inside, why));
    }
    return out;
  }

  /** Why a published figure lies outside the interval, with the nearest re-run. */
  String why(Benchmark b, Statistics s) {
    Measure m = b.kpi().measure();
    double mid = (b.low() + b.high()) / 2;
    boolean below = b.high() < s.percentiles().p5();
    StringBuilder out = new StringBuilder();
    out.append(b.source()).append(": ").append(b.isPoint() ? value(m, b.low()) : value(m, b.low()) + " to "
        + value(m, b.high())).append(", ").append(below ? "below" : "above").append(" the study's 90 % interval (")
        .append(value(m, s.percentiles().p5())).append(" to ").append(value(m, s.percentiles().p95())).append(").");
    List<DriverRerun> reruns = data.result().reruns().stream().filter(r -> r.kpi().equals(b.key())).toList();
    if (reruns.isEmpty()) {
      out.append(" No re-run with other elasticities is stored for this run.");
    } else {
      DriverRerun nearest = reruns.stream().min(Comparator.comparingDouble(r -> Math.abs(r.median() - mid))).get();
      out.append(" Re-run with ").append(nearest.words()).append(", the ").append(b.scenario()).append(" median is ")
          .append(value(m, nearest.median())).append(" (90 % interval ").append(value(m, nearest.p5())).append(" to ")
          .append(value(m, nearest.p95())).append(")");
      boolean reached = b.overlaps(nearest.p5(), nearest.p95());
      double lo = reruns.stream().mapToDouble(DriverRerun::median).min().orElse(Double.NaN);
      double hi = reruns.stream().mapToDouble(DriverRerun::median).max().orElse(Double.NaN);
      if (reached) {
        out.append(": the published figure needs elasticities of that kind.");
      } else {
        out.append("; across the ").append(String.valueOf(reruns.size())).append(" re-runs the median stays between ")
            .append(value(m, lo)).append(" and ").append(value(m, hi))
            .append(", so the gap is not explained by the elasticities alone: the published figure assumes more, or "
                + "measures something else");
      }
      if (!reached) {
        out.append(b.note().isEmpty() ? "." : " (" + b.note() + ").");
      }
    }
    return out.toString();
  }

  /** A KPI value in words: a signed percentage for fractions, USD bn otherwise. */
  public static String value(Measure m, double v) {
    if (!Double.isFinite(v)) {
      return "n/a";
    }
    if (m.isFraction()) {
      return NumberText.signedPercent(v);
    }
    String n = NumberText.fixed(v / 1e9, 1);
    return "USD " + (n.startsWith("-") || v == 0 ? n : (m == Measure.LEVEL ? n : "+" + n)) + " bn";
  }
}
