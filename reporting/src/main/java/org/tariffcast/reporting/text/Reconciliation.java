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

  /** In English from the home region's side (summary.json). */
  public Reconciliation(ReportData data) {
    this(data, new Labels(data));
  }

  /** In the words of {@code labels}: the report's language and side ({@link Labels#forReport}). */
  public Reconciliation(ReportData data, Labels labels) {
    this.data = data;
    this.labels = labels;
  }

  /** "yes", "no" or a dash, in the labels' language. */
  public String insideWord(Row row) {
    return row.inside().map(b -> b ? labels.word("published.yes", "yes") : labels.word("published.no", "no"))
        .orElse("\u2014");
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
    String trials = labels.messages().map(m -> m.number(rerunTrials())).orElse(rerunTrials());
    return labels.word("published.lead", "Each published estimate beside the study's median and 90 % interval for the "
        + "same scenario and indicator. Where the estimate lies outside, the engine re-ran the study with the main "
        + "drivers, the elasticities, at other values (" + trials + " trials each, the run's seed) to show what it "
        + "would take to reach it.", trials);
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
      String published = b.isPoint() ? val(m, b.low()) : range(val(m, b.low()), val(m, b.high()));
      Optional<Statistics> s = data.kpi(b.key());
      String study = s.map(st -> val(m, st.percentiles().p50()) + " (" + range(val(m, st.percentiles().p5()),
          val(m, st.percentiles().p95())) + ")").orElse("\u2014");
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
    String published = b.isPoint() ? val(m, b.low()) : range(val(m, b.low()), val(m, b.high()));
    String side = below ? labels.word("rec.below", "below") : labels.word("rec.above", "above");
    String p5 = val(m, s.percentiles().p5());
    String p95 = val(m, s.percentiles().p95());
    out.append(labels.word("rec.outside", b.source() + ": " + published + ", " + side + " the study's 90 % interval ("
        + p5 + " to " + p95 + ").", b.source(), published, side, p5, p95));
    List<DriverRerun> reruns = data.result().reruns().stream().filter(r -> r.kpi().equals(b.key())).toList();
    if (reruns.isEmpty()) {
      out.append(labels.word("rec.noRerun", " No re-run with other elasticities is stored for this run."));
    } else {
      DriverRerun nearest = reruns.stream().min(Comparator.comparingDouble(r -> Math.abs(r.median() - mid))).get();
      String words = labels.messages().map(x -> x.getOr("rerun." + nearest.variant(), nearest.words()))
          .orElse(nearest.words());
      String median = val(m, nearest.median());
      String r5 = val(m, nearest.p5());
      String r95 = val(m, nearest.p95());
      out.append(labels.word("rec.rerun", " Re-run with " + words + ", the " + b.scenario() + " median is " + median
          + " (90 % interval " + r5 + " to " + r95 + ")", words, b.scenario(), median, r5, r95));
      boolean reached = b.overlaps(nearest.p5(), nearest.p95());
      double lo = reruns.stream().mapToDouble(DriverRerun::median).min().orElse(Double.NaN);
      double hi = reruns.stream().mapToDouble(DriverRerun::median).max().orElse(Double.NaN);
      if (reached) {
        out.append(labels.word("rec.reached", ": the published figure needs elasticities of that kind."));
      } else {
        String n = String.valueOf(reruns.size());
        out.append(labels.word("rec.notReached", "; across the " + n + " re-runs the median stays between "
            + val(m, lo) + " and " + val(m, hi) + ", so the gap is not explained by the elasticities alone: the "
            + "published figure assumes more, or measures something else", n, val(m, lo), val(m, hi)));
      }
      if (!reached) {
        out.append(b.note().isEmpty() ? "." : " (" + b.note() + ").");
      }
    }
    return out.toString();
  }

  /** "a to b" in the labels' language. */
  String range(String from, String to) {
    return labels.word("rec.range", from + " to " + to, from, to);
  }

  /** {@link #value} in the labels' language and number convention. */
  public String val(Measure m, double v) {
    var msg = labels.messages();
    if (msg.isEmpty() || !Double.isFinite(v)) {
      return value(m, v);
    }
    if (m.isFraction()) {
      return msg.get().signedPercent(v);
    }
    String n = msg.get().fixed(v / 1e9, 1);
    return msg.get().get("number.usdBn", n.startsWith("\u2212") || v == 0 || m == Measure.LEVEL ? n : "+" + n);
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
