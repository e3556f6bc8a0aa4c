package org.tariffcast.reporting.brief;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.tariffcast.model.result.KpiKey;
import org.tariffcast.model.result.Measure;
import org.tariffcast.model.result.Metric;
import org.tariffcast.model.result.ScenarioInfo;
import org.tariffcast.model.result.Sensitivity;
import org.tariffcast.model.result.Statistics;
import org.tariffcast.model.result.TargetProbability;
import org.tariffcast.model.result.Window;
import org.tariffcast.model.scenario.Scenario;
import org.tariffcast.model.trade.Quality;
import org.tariffcast.reporting.content.ReportData;
import org.tariffcast.reporting.text.Labels;
import org.tariffcast.reporting.text.NumberText;
import org.tariffcast.reporting.text.Sentences;

/**
 * The words of the brief, apart from its layout: the bottom line a minister can repeat, the
 * baseline in one line, the data-quality line, the scenario table and the drivers. Every number
 * is the run's median with its 90 % interval (P5 to P95) unless the text says otherwise.
 */
public final class BriefText {
  /** The KPI the brief leads with: the final-year % change of the home region's imports from the partner. */
  static final Metric LEAD = Metric.IMPORTS_FROM_PARTNER;

  private final ReportData data;
  private final Labels labels;
  private final Sentences sentences;

  public BriefText(ReportData data) {
    this.data = data;
    this.labels = new Labels(data);
    this.sentences = new Sentences(data, labels);
  }

  public String title() {
    String t = data.info().title();
    return (t == null || t.isBlank() ? data.info().study() : t) + ": brief for leadership";
  }

  /** e.g. "Run 42 of 2026-01-05, 20,000 trials, nominal USD, final year = year to March 2031". */
  public String runLine() {
    var info = data.info();
    String finished = info.finishedAt() == null ? "" : " of " + info.finishedAt().toString().substring(0, 10);
    return "tariffcast run " + info.runId() + finished + " · " + NumberText.fixed(info.trials(), 0) + " trials · "
        + "money in nominal USD · final year = " + labels.finalYear();
  }

  /** The bottom line: the most likely outcome and its probability, what it means in numbers, the outlook. */
  public List<String> bottomLine() {
    List<String> out = new ArrayList<>();
    Optional<ScenarioInfo> likely = data.mostLikely();
    if (likely.isPresent()) {
      ScenarioInfo s = likely.get();
      out.add("The most likely outcome is " + s.name() + ": the study gives it a probability of "
          + NumberText.probabilityText(s.probability()) + ". " + sentences.headline(s.name()));
    }
    data.scenarios().stream().filter(s -> data.isOutlook(s.name())).findFirst()
        .ifPresent(s -> out.add(sentences.headline(s.name())));
    return out;
  }

  /** How sure: what the intervals cover and what they do not. */
  public String howSure() {
    return "How sure: each range is the 90 % interval across " + NumberText.fixed(data.info().trials(), 0)
        + " trials that draw the uncertain elasticities, dates and demand. It covers those stated uncertainties and "
        + "the sampling noise of the simulation, not doubt about the model itself; the scenario probabilities are "
        + "the study's judgement, not an estimate.";
  }

  /** Against the negotiating aims: one line per target with its probability under the most likely scenario and overall. */
  public List<String> aims() {
    List<String> out = new ArrayList<>();
    Optional<ScenarioInfo> likely = data.mostLikely();
    for (String target : data.targetNames()) {
      StringBuilder b = new StringBuilder(target).append(": ");
      List<String> parts = new ArrayList<>();
      likely.flatMap(s -> probability(target, s.name()))
          .ifPresent(p -> parts.add(NumberText.probabilityText(p) + " under " + likely.get().name()));
      probability(target, Scenario.OUTLOOK)
          .ifPresent(p -> parts.add(NumberText.probabilityText(p) + " weighing all scenarios"));
      b.append(parts.isEmpty() ? "no estimate in this run" : String.join(", ", parts)).append('.');
      out.add(b.toString());
    }
    return out;
  }

  private Optional<Double> probability(String target, String scenario) {
    return data.result().targets().stream().filter(t -> t.target().equals(target) && t.scenario().equals(scenario))
        .map(TargetProbability::probability).findFirst();
  }

  /**
   * The baseline in one line with its path from base-year actuals, e.g. "Baseline: 2024 tariffs kept
   * to March 2031. On it, US imports from Vietnam grow from USD 136.6 bn in 2024 to USD 221.0 bn in
   * the year to March 2031 (median)." The base-year level is the baseline's median level divided by
   * one plus its median change against the base year (both medians of the same monotone function).
   */
  public String baseline() {
    String head = "Baseline (the reference for every change): " + data.info().baseYear() + " tariffs kept unchanged from "
        + labels.horizon() + ".";
    Optional<Statistics> level = data.total(Scenario.BASELINE, LEAD, Window.FINAL_YEAR, Measure.LEVEL);
    Optional<Statistics> growth = data.total(Scenario.BASELINE, LEAD, Window.FINAL_YEAR, Measure.PCT_CHANGE_VS_BASE_YEAR);
    if (level.isEmpty()) {
      return head;
    }
    double end = level.get().percentiles().p50();
    String path = " On it, " + labels.metric(LEAD);
    if (growth.isPresent() && growth.get().percentiles().p50() > -1) {
      double start = end / (1 + growth.get().percentiles().p50());
      path += " grow from " + NumberText.usdBn(start) + " in " + data.info().baseYear() + " to " + NumberText.usdBn(end)
          + " " + labels.inFinalYear() + " (median).";
    } else {
      path += " reach " + NumberText.usdBn(end) + " " + labels.inFinalYear() + " (median).";
    }
    return head + path;
  }

  /** e.g. "Data quality: 180 of 191 input rows are approximations; see the annex, sheet Assumptions." */
  public String dataQuality() {
    long all = data.result().sources().stream().mapToLong(s -> s.rows()).sum();
    long approx = data.result().sources().stream().filter(s -> s.quality() == Quality.APPROX).mapToLong(s -> s.rows())
        .sum();
    long sources = data.result().sources().size();
    long approxSources = data.result().sources().stream().filter(s -> s.quality() == Quality.APPROX).count();
    if (sources == 0) {
      return "Data quality: the run lists no data sources.";
    }
    return "Data quality: " + NumberText.fixed(approx, 0) + " of " + NumberText.fixed(all, 0) + " input rows ("
        + approxSources + " of " + sources + " sources) are approximations, not official figures; see the annex "
        + "workbook, sheet Assumptions.";
  }

  /** A row of the scenario table: name, probability and the lead KPIs as "median (P5 to P95)". */
  public record ScenarioRow(String scenario, String probability, String imports, String balance, String partnerExports) {}

  public List<ScenarioRow> scenarioRows() {
    List<ScenarioRow> out = new ArrayList<>();
    for (ScenarioInfo s : data.scenarios()) {
      String p = data.isBaseline(s.name()) ? "reference" : data.isOutlook(s.name()) ? "all, weighted"
          : NumberText.probabilityText(s.probability());
      String name = data.isOutlook(s.name()) ? "Outlook (weighted)" : s.name();
      out.add(new ScenarioRow(name, p, pct(s.name(), LEAD), usd(s.name(), Metric.BILATERAL_BALANCE),
          pct(s.name(), Metric.PARTNER_EXPORTS)));
    }
    return out;
  }

  private String pct(String scenario, Metric m) {
    return data.total(scenario, m, Window.FINAL_YEAR, Measure.PCT_CHANGE_VS_BASELINE)
        .map(x -> signed(x.percentiles().p50()) + " (" + signed(x.percentiles().p5()) + " to "
            + signed(x.percentiles().p95()) + ")")
        .orElse("–");
  }

  private String usd(String scenario, Metric m) {
    return data.total(scenario, m, Window.FINAL_YEAR, Measure.LEVEL)
        .map(x -> minus(NumberText.bn(x.percentiles().p50())) + " (" + minus(NumberText.bn(x.percentiles().p5()))
            + " to " + minus(NumberText.bn(x.percentiles().p95())) + ")")
        .orElse("–");
  }

  private static String minus(String number) {
    return number.replace("-", "\u2212");
  }

  private static String signed(double fraction) {
    return NumberText.signedPercent(fraction).replace("-", "\u2212");
  }

  /** Column titles of the scenario table. */
  public List<String> scenarioColumns() {
    return List.of("Scenario", "Probability", labels.metric(LEAD) + ", % vs baseline",
        labels.metric(Metric.BILATERAL_BALANCE) + ", USD bn", labels.metric(Metric.PARTNER_EXPORTS) + ", % vs baseline");
  }

  /**
   * The scenario as a driver of the outlook: the share of the lead KPI's variance that lies
   * between scenarios, {@code B / (B + W)} with {@code B = Σ p_s (μ_s − μ)²} and
   * {@code W = Σ p_s σ_s²} over the configured scenarios and their probabilities (the law of
   * total variance of the mixture the outlook draws from).
   */
  public Optional<Double> scenarioShare() {
    double weight = 0;
    double mean = 0;
    List<double[]> parts = new ArrayList<>();
    for (ScenarioInfo s : data.configured()) {
      Optional<Statistics> st = data.total(s.name(), LEAD, Window.FINAL_YEAR, Measure.PCT_CHANGE_VS_BASELINE);
      if (st.isEmpty() || !Double.isFinite(st.get().mean()) || !Double.isFinite(st.get().sd())) {
        return Optional.empty();
      }
      parts.add(new double[] {s.probability(), st.get().mean(), st.get().sd()});
      weight += s.probability();
      mean += s.probability() * st.get().mean();
    }
    if (!(weight > 0) || parts.size() < 2) {
      return Optional.empty();
    }
    mean /= weight;
    double between = 0;
    double within = 0;
    for (double[] p : parts) {
      between += p[0] / weight * (p[1] - mean) * (p[1] - mean);
      within += p[0] / weight * p[2] * p[2];
    }
    return between + within > 0 ? Optional.of(between / (between + within)) : Optional.empty();
  }

  /** The drivers sentence: how much of the outlook's spread is which scenario happens. */
  public String driversLead() {
    Optional<Double> share = scenarioShare();
    String kpi = labels.metric(LEAD) + " " + labels.inFinalYear();
    String rest = drivers(1).isEmpty() ? "" : " The strongest parameters under the most likely scenario, by rank "
        + "correlation with the outcome (from \u22121 to +1):";
    return share.map(s -> "Which scenario happens is " + (s >= 0.5 ? "the largest single driver" : "one driver")
        + " of the outlook: it accounts for " + NumberText.fixed(s * 100, 0) + " % of the variance of " + kpi
        + " (change against baseline); the rest comes from the model's uncertain parameters." + rest)
        .orElse(rest.isEmpty() ? "This run has no sensitivity results." : rest.trim());
  }

  /** The top parameters of the most likely scenario's lead KPI: name and rank correlation. */
  public List<String[]> drivers(int top) {
    Optional<ScenarioInfo> likely = data.mostLikely();
    if (likely.isEmpty()) {
      return List.of();
    }
    List<Sensitivity> all = data.result().sensitivity();
    Optional<KpiKey> kpi = data.firstHeadline(likely.get().name(), k -> all.stream().anyMatch(s -> s.kpi().equals(k)));
    if (kpi.isEmpty()) {
      return List.of();
    }
    KpiKey key = kpi.get();
    List<Sensitivity> list = all.stream().filter(s -> s.kpi().equals(key))
        .sorted(Comparator.comparingDouble((Sensitivity s) -> -Math.abs(s.rankCorrelation()))
            .thenComparing(Sensitivity::parameter))
        .limit(top).toList();
    List<String[]> out = new ArrayList<>();
    for (Sensitivity s : list) {
      out.add(new String[] {data.description().parameterLabel(s.parameter()), NumberText.fixed(s.rankCorrelation(), 2).replace("-", "\u2212"),
          (s.rankCorrelation() > 0 ? "higher values raise " : "higher values lower ") + labels.metric(key.metric())});
    }
    return out;
  }

  /** How to read the brief. */
  public List<String> howToRead() {
    return List.of(
        "Every figure is the median across trials, with its 90 % interval (5th to 95th percentile) in brackets; a mean "
            + "is shown only where the text says so.",
        "Changes are against the baseline in the same trials; money is nominal USD; the final year is the "
            + labels.finalYear() + ".",
        "Probabilities near 0 or 1 print as \u201c< 0.1 %\u201d or \u201c> 99.9 %\u201d: a share of simulated trials is "
            + "never certainty.",
        "The workbook tariffcast-run-" + data.info().runId() + ".xlsx has the tables and charts behind this brief; "
            + "its annex has every scenario, sector and driver, and every data source with its quality flag.");
  }

  /** Every line of the brief's text in reading order (for the golden test and other readers). */
  public List<String> allLines() {
    List<String> out = new ArrayList<>();
    out.add(title());
    out.add(runLine());
    out.addAll(bottomLine());
    out.add(howSure());
    out.addAll(aims());
    out.add(baseline());
    out.add(dataQuality());
    out.add(String.join(" | ", scenarioColumns()));
    for (ScenarioRow r : scenarioRows()) {
      out.add(String.join(" | ", r.scenario(), r.probability(), r.imports(), r.balance(), r.partnerExports()));
    }
    out.add(driversLead());
    for (String[] d : drivers(6)) {
      out.add(String.join(" | ", d));
    }
    out.addAll(howToRead());
    return out;
  }
}
