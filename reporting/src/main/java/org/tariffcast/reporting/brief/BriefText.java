package org.tariffcast.reporting.brief;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.tariffcast.model.result.KpiKey;
import org.tariffcast.model.result.Measure;
import org.tariffcast.model.result.Metric;
import org.tariffcast.model.result.ScenarioInfo;
import org.tariffcast.model.result.Statistics;
import org.tariffcast.model.result.TargetProbability;
import org.tariffcast.model.result.Window;
import org.tariffcast.model.scenario.Scenario;
import org.tariffcast.model.trade.Quality;
import org.tariffcast.reporting.content.Drivers;
import org.tariffcast.reporting.content.ReportData;
import org.tariffcast.reporting.text.Messages;
import org.tariffcast.reporting.text.NumberText;
import org.tariffcast.reporting.text.Viewpoint;

/**
 * The words of the brief, apart from its layout: the bottom line a minister can repeat, the
 * baseline in one line, the data-quality line, the scenario table and the drivers. Every number
 * is the run's median with its 90 % interval (P5 to P95) unless the text says otherwise.
 *
 * <p>Every sentence comes from the message bundle ({@link Messages}) in the report's language,
 * and names flows from the study's perspective ({@link Viewpoint}): on Vietnam's side the lead
 * figure reads "Vietnam’s exports to the US" and the balance "Vietnam’s surplus with the US".
 */
public final class BriefText {
  /** The KPI the brief leads with: the final-year % change of the home region's imports from the partner. */
  static final Metric LEAD = Metric.IMPORTS_FROM_PARTNER;

  private final ReportData data;
  private final Messages m;
  private final Viewpoint view;

  /** The brief in English. */
  public BriefText(ReportData data) {
    this(data, Messages.english());
  }

  public BriefText(ReportData data, Messages messages) {
    this.data = data;
    this.m = messages;
    this.view = new Viewpoint(data, messages);
  }

  public Messages messages() {
    return m;
  }

  public Viewpoint viewpoint() {
    return view;
  }

  public String title() {
    String t = data.info().title();
    return m.get("brief.title", t == null || t.isBlank() ? data.info().study() : t);
  }

  /** e.g. "Run 42 of 2026-01-05, 20,000 trials, nominal USD, final year = year to March 2031". */
  public String runLine() {
    var info = data.info();
    String finished = info.finishedAt() == null ? "" : m.get("brief.runLine.of", info.finishedAt().toString().substring(0, 10));
    return m.get("brief.runLine", Long.toString(info.runId()), finished, m.fixed(info.trials(), 0), finalYear());
  }

  /** Whose side the brief takes, e.g. "Written for Vietnam’s negotiators: ...". */
  public String perspectiveLine() {
    return m.get("brief.perspective", view.adjective(view.viewer()), view.possessive(view.viewer()),
        view.metric(LEAD), view.metric(Metric.BILATERAL_BALANCE));
  }

  /** The page footer. */
  public String footer(int page) {
    return m.get("brief.footer", Long.toString(data.info().runId()), Integer.toString(page));
  }

  /** A heading or fixed line of the brief by its bundle key (e.g. {@code heading.bottomLine}). */
  public String words(String key, Object... args) {
    return m.get(key, args);
  }

  String finalYear() {
    return m.finalYear(data.info().horizon());
  }

  String inFinalYear() {
    return m.inFinalYear(data.info().horizon());
  }

  /** The bottom line: the most likely outcome and its probability, what it means in numbers, the outlook. */
  public List<String> bottomLine() {
    List<String> out = new ArrayList<>();
    Optional<ScenarioInfo> likely = data.mostLikely();
    if (likely.isPresent()) {
      ScenarioInfo s = likely.get();
      out.add(m.get("bottom.likely", s.name(), m.probability(s.probability()), headline(s.name())));
    }
    data.scenarios().stream().filter(s -> data.isOutlook(s.name())).findFirst()
        .ifPresent(s -> out.add(headline(s.name())));
    return out;
  }

  /** The headline sentence for a scenario or the outlook, from the study's perspective. */
  public String headline(String scenario) {
    String lead = view.metric(LEAD);
    Optional<Statistics> change = data.total(scenario, LEAD, Window.FINAL_YEAR, Measure.PCT_CHANGE_VS_BASELINE);
    StringBuilder s = new StringBuilder();
    if (change.isPresent()) {
      var p = change.get().percentiles();
      s.append(m.get("headline.change", lead, inFinalYear(), versusBaseline(p.p50(), p.p5(), p.p95())));
    } else {
      s.append(m.get("headline.noEstimate", lead));
    }
    balanceClause(scenario).ifPresent(s::append);
    String body = s.toString();
    String sentence = data.isOutlook(scenario) ? m.get("headline.outlook", body) : m.get("headline.under", scenario, body);
    return sentence + m.get("headline.end");
  }

  /** "31 % below baseline (90 % interval 22–40 %)" and its variants above, straddling and unchanged. */
  String versusBaseline(double median, double p5, double p95) {
    int d = NumberText.percentDecimals(median, p5, p95);
    String md = m.number(NumberText.percentNumber(median, d));
    String lo = m.number(NumberText.percentNumber(p5, d));
    String hi = m.number(NumberText.percentNumber(p95, d));
    String interval = p95 < 0 ? m.get("interval.below", hi, lo)
        : p5 > 0 ? m.get("interval.above", lo, hi) : m.get("interval.straddles", lo, hi);
    String head = md.chars().noneMatch(c -> c >= '1' && c <= '9') ? m.get("change.same")
        : m.get(median < 0 ? "change.below" : "change.above", md);
    return m.get("change.withInterval", head, interval);
  }

  private Optional<String> balanceClause(String scenario) {
    Optional<Statistics> level = data.total(scenario, Metric.BILATERAL_BALANCE, Window.FINAL_YEAR, Measure.LEVEL);
    if (level.isEmpty()) {
      return Optional.empty();
    }
    double b = level.get().percentiles().p50();
    String name = view.balanceName(b);
    String value = m.usdBn(Math.abs(b));
    Optional<Statistics> base = data.total(Scenario.BASELINE, Metric.BILATERAL_BALANCE, Window.FINAL_YEAR,
        Measure.LEVEL);
    if (base.isPresent() && !data.isBaseline(scenario)) {
      double b0 = base.get().percentiles().p50();
      // same sign: the magnitude; the other sign: the viewer's signed balance
      String baseValue = Math.signum(b0) == Math.signum(b) ? m.usdBn(Math.abs(b0)) : m.usdBn(b0 * view.balanceSign());
      return Optional.of(m.get("headline.balanceBaseline", name, value, baseValue));
    }
    return Optional.of(m.get("headline.balance", name, value));
  }

  /** How sure: what the intervals cover and what they do not. */
  public String howSure() {
    return m.get("howSure", m.fixed(data.info().trials(), 0));
  }

  /** Against the negotiating aims: one line per target with its probability under the most likely scenario and overall. */
  public List<String> aims() {
    List<String> out = new ArrayList<>();
    Optional<ScenarioInfo> likely = data.mostLikely();
    for (String target : data.targetNames()) {
      List<String> parts = new ArrayList<>();
      likely.flatMap(s -> probability(target, s.name()))
          .ifPresent(p -> parts.add(m.get("aim.under", m.probability(p), likely.get().name())));
      probability(target, Scenario.OUTLOOK)
          .ifPresent(p -> parts.add(m.get("aim.outlook", m.probability(p))));
      out.add(m.get("aim.line", aimWords(target), parts.isEmpty() ? m.get("aim.none")
          : String.join(m.get("aim.separator"), parts)));
    }
    return out;
  }

  /**
   * A target as the brief names it: as the study wrote it when the brief is in English and takes
   * the home region's side (the side targets are written from), otherwise in the brief's language
   * from its side, built from the target's rule, e.g. "Vietnam’s surplus with the US smaller by at
   * least 20 % in the year to March 2031 against the baseline"; the study's name when the rule has
   * no such words (a sector, or a balance measured in USD).
   */
  public String aimWords(String name) {
    if (m.language().equals("en") && !view.partnerSide()) {
      return name;
    }
    return data.description().target(name).flatMap(d -> ruleWords(d.target())).orElse(name);
  }

  private Optional<String> ruleWords(org.tariffcast.model.run.Target t) {
    if (!t.breakdown().equals(KpiKey.TOTAL) || t.metric() == Metric.WELFARE
        || t.metric() == Metric.HOME_IMPORTS_BY_SOURCE) {
      return Optional.empty();
    }
    boolean balance = t.metric() == Metric.BILATERAL_BALANCE;
    String subject;
    if (balance) {
      if (!t.measure().isFraction()) {
        return Optional.empty();
      }
      Optional<Statistics> level = data.total(Scenario.BASELINE, Metric.BILATERAL_BALANCE, t.window(), Measure.LEVEL);
      if (level.isEmpty()) {
        return Optional.empty();
      }
      subject = view.balanceName(level.get().percentiles().p50());
    } else {
      subject = view.metric(t.metric());
    }
    subject = Messages.capitalise(subject);
    String window = t.window() == Window.FINAL_YEAR ? inFinalYear() : m.get("aim.window.horizon");
    double x = t.threshold();
    var c = t.comparison();
    boolean strict = c == org.tariffcast.model.run.Target.Comparison.GT
        || c == org.tariffcast.model.run.Target.Comparison.LT;
    boolean above = c == org.tariffcast.model.run.Target.Comparison.GT
        || c == org.tariffcast.model.run.Target.Comparison.GE;
    if (t.measure() == Measure.LEVEL) {
      String amount = m.usdBn(x);
      String key = switch (c) {
        case GT -> "aim.level.gt";
        case GE -> "aim.level.ge";
        case LT -> "aim.level.lt";
        case LE -> "aim.level.le";
      };
      return Optional.of(m.get(key, subject, amount, window));
    }
    boolean baseYear = t.measure() == Measure.PCT_CHANGE_VS_BASE_YEAR;
    String against = baseYear ? m.get("aim.ref.baseYear", Integer.toString(data.description().baseYear()))
        : m.get("aim.ref.baseline");
    String than = baseYear ? m.get("aim.than.baseYear", Integer.toString(data.description().baseYear()))
        : m.get("aim.than.baseline");
    if (x == 0) {
      // a balance's change as a fraction is positive when it shrinks, whatever its sign
      if (!strict) {
        return Optional.empty();
      }
      String key = balance ? (above ? "aim.smallerThan" : "aim.largerThan") : (above ? "aim.higher" : "aim.lower");
      return Optional.of(m.get(key, subject, "", window, than));
    }
    if ((x > 0) != above) {
      return Optional.empty();
    }
    String amount = t.measure().isFraction() ? m.fixed(Math.abs(x) * 100, Math.abs(x * 100 - Math.rint(x * 100))
        < 1e-9 ? 0 : 1) + " %" : m.usdBn(Math.abs(x));
    if (balance && !t.measure().isFraction()) {
      return Optional.empty();
    }
    String direction = balance ? (x > 0 ? "smaller" : "larger") : (x > 0 ? "up" : "down");
    return Optional.of(m.get("aim." + direction + (strict ? ".gt" : ".ge"), subject, amount, window, against));
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
    String head = m.get("baseline.head", Integer.toString(data.info().baseYear()), m.horizon(data.info().horizon()));
    Optional<Statistics> level = data.total(Scenario.BASELINE, LEAD, Window.FINAL_YEAR, Measure.LEVEL);
    Optional<Statistics> growth = data.total(Scenario.BASELINE, LEAD, Window.FINAL_YEAR, Measure.PCT_CHANGE_VS_BASE_YEAR);
    if (level.isEmpty()) {
      return head;
    }
    double end = level.get().percentiles().p50();
    if (growth.isPresent() && growth.get().percentiles().p50() > -1) {
      double start = end / (1 + growth.get().percentiles().p50());
      return head + m.get("baseline.grow", view.metric(LEAD), m.usdBn(start), Integer.toString(data.info().baseYear()),
          m.usdBn(end), inFinalYear());
    }
    return head + m.get("baseline.reach", view.metric(LEAD), m.usdBn(end), inFinalYear());
  }

  /** e.g. "Data quality: 180 of 191 input rows are approximations; see the annex, sheet Assumptions." */
  public String dataQuality() {
    long all = data.result().sources().stream().mapToLong(s -> s.rows()).sum();
    long approx = data.result().sources().stream().filter(s -> s.quality() == Quality.APPROX).mapToLong(s -> s.rows())
        .sum();
    long sources = data.result().sources().size();
    long approxSources = data.result().sources().stream().filter(s -> s.quality() == Quality.APPROX).count();
    if (sources == 0) {
      return m.get("quality.none");
    }
    return m.get("quality.line", m.fixed(approx, 0), m.fixed(all, 0), m.fixed(approxSources, 0), m.fixed(sources, 0));
  }

  /** A row of the scenario table: name, probability and the lead KPIs as "median (P5 to P95)". */
  public record ScenarioRow(String scenario, String probability, String imports, String balance, String partnerExports) {}

  public List<ScenarioRow> scenarioRows() {
    List<ScenarioRow> out = new ArrayList<>();
    for (ScenarioInfo s : data.scenarios()) {
      String p = data.isBaseline(s.name()) ? m.get("scenario.reference") : data.isOutlook(s.name())
          ? m.get("scenario.weighted") : m.probability(s.probability());
      out.add(new ScenarioRow(scenarioName(s.name()), p, pct(s.name(), LEAD), usd(s.name(), Metric.BILATERAL_BALANCE,
          view.balanceSign()), pct(s.name(), Metric.PARTNER_EXPORTS)));
    }
    return out;
  }

  /** A scenario as the brief names it (the outlook as "Outlook (weighted)"). */
  public String scenarioName(String scenario) {
    return data.isOutlook(scenario) ? m.get("scenario.outlook") : scenario;
  }

  private String pct(String scenario, Metric metric) {
    return data.total(scenario, metric, Window.FINAL_YEAR, Measure.PCT_CHANGE_VS_BASELINE)
        .map(x -> m.signedPercent(x.percentiles().p50()) + " (" + m.signedPercent(x.percentiles().p5()) + " – "
            + m.signedPercent(x.percentiles().p95()) + ")")
        .orElse("–");
  }

  /** Level in USD bn; {@code sign} −1 turns the home region's balance into the partner's (its P95 becomes the P5). */
  private String usd(String scenario, Metric metric, double sign) {
    return data.total(scenario, metric, Window.FINAL_YEAR, Measure.LEVEL)
        .map(x -> {
          double a = sign * x.percentiles().p5();
          double b = sign * x.percentiles().p95();
          return bn(sign * x.percentiles().p50()) + " (" + bn(Math.min(a, b)) + " – " + bn(Math.max(a, b)) + ")";
        })
        .orElse("–");
  }

  private String bn(double usd) {
    return m.number(NumberText.bn(usd)).replace("-", "\u2212");
  }

  /** Column titles of the scenario table. */
  public List<String> scenarioColumns() {
    return List.of(m.get("column.scenario"), m.get("column.probability"),
        Messages.capitalise(m.get("column.pct", view.metric(LEAD))),
        Messages.capitalise(m.get("column.usd", view.metric(Metric.BILATERAL_BALANCE))),
        Messages.capitalise(m.get("column.pct", view.metric(Metric.PARTNER_EXPORTS))));
  }

  /**
   * The scenario as a driver of the outlook: the share of the lead KPI's variance (its change
   * against baseline in USD in the final year, the KPI of the tornado charts) that lies between
   * scenarios, {@code B / (B + W)} with {@code B = Σ p_s (μ_s − μ)²} and {@code W = Σ p_s σ_s²}
   * over the configured scenarios and their probabilities (the law of total variance of the
   * mixture the outlook draws from): the same number as the outlook's tornado and Drivers sheet.
   */
  public Optional<Double> scenarioShare() {
    return Drivers.scenarioShare(data, KpiKey.of(Scenario.OUTLOOK, LEAD, KpiKey.TOTAL, Window.FINAL_YEAR,
        Measure.CHANGE_VS_BASELINE));
  }

  /** The drivers sentence: how much of the outlook's spread is which scenario happens. */
  public String driversLead() {
    Optional<Double> share = scenarioShare();
    String kpi = view.metric(LEAD) + " " + inFinalYear();
    String rest = drivers(1).isEmpty() ? "" : " " + m.get("drivers.parameters");
    return share.map(s -> m.get("drivers.scenarioShare", m.get(s >= 0.5 ? "drivers.largest" : "drivers.one"),
        m.fixed(s * 100, 0), kpi) + rest)
        .orElse(rest.isEmpty() ? m.get("drivers.none") : rest.trim());
  }

  /** Column titles of the drivers table. */
  public List<String> driverColumns() {
    return List.of(m.get("drivers.column.parameter"), m.get("drivers.column.swing"), m.get("drivers.column.reading"));
  }

  /**
   * The top drivers of the most likely scenario's lead KPI: the driver in plain words (a block of
   * rank-correlated parameters once), the KPI's swing in USD bn between its low and high tenth,
   * and which way it moves the KPI.
   */
  public List<String[]> drivers(int top) {
    Optional<ScenarioInfo> likely = data.mostLikely();
    if (likely.isEmpty()) {
      return List.of();
    }
    Optional<KpiKey> kpi = data.firstHeadline(likely.get().name(), k -> Drivers.has(data, k));
    if (kpi.isEmpty()) {
      return List.of();
    }
    KpiKey key = kpi.get();
    // the viewer's balance is minus the home region's on the partner's side
    double sign = key.metric() == Metric.BILATERAL_BALANCE ? view.balanceSign() : 1;
    List<String[]> out = new ArrayList<>();
    for (Drivers.Row d : Drivers.of(data, key, m.get("drivers.scenario")).stream().limit(top).toList()) {
      double swing = sign * d.swing();
      String label = d.isGroup() ? m.get("drivers.group", Drivers.sharedLabel(data.description(), d.members()),
          Integer.toString(d.members().size())) : d.label();
      String amount = (swing > 0 ? "+" : swing < 0 ? "−" : "") + m.fixed(Math.abs(swing) / 1e9,
          Math.abs(swing) < 1e9 ? 2 : 1);
      out.add(new String[] {label, amount,
          m.get(swing > 0 ? "drivers.raise" : "drivers.lower", view.metric(key.metric()))});
    }
    return out;
  }

  /** How to read the brief. */
  public List<String> howToRead() {
    return List.of(m.get("read.median"), m.get("read.changes", finalYear()), m.get("read.probabilities"),
        m.get("read.workbook", Long.toString(data.info().runId())));
  }

  /** Every line of the brief's text in reading order (for the golden test and other readers). */
  public List<String> allLines() {
    List<String> out = new ArrayList<>();
    out.add(title());
    out.add(runLine());
    out.add(perspectiveLine());
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
