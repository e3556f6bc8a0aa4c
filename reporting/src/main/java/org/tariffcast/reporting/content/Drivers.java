package org.tariffcast.reporting.content;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.tariffcast.model.result.DriverSwing;
import org.tariffcast.model.result.KpiKey;
import org.tariffcast.model.result.ScenarioInfo;
import org.tariffcast.model.result.StudyDescription;
import org.tariffcast.model.result.Statistics;

/**
 * What drives the uncertainty of a KPI, in the KPI's unit (USD): each driver's swing between its
 * low and high tenth ({@link DriverSwing}), labelled in plain words, largest first; for the
 * outlook, the scenario itself as one more driver, with its share of the variance. One source for
 * the tornado charts, the Drivers sheets, the brief and summary.json.
 */
public final class Drivers {
  /** A driver's share of the distribution in each of its low and high groups (as the engine's). */
  public static final double TENTH = 0.1;

  private Drivers() {}

  /**
   * One driver of one KPI.
   *
   * @param key the driver's key: a parameter's name, {@code group:<first member>} for a block of
   *     rank-correlated parameters, or {@link #SCENARIO} for which scenario happens (outlook)
   * @param label plain words (the parameters' {@code label:}s)
   * @param members parameters the driver stands for (empty for the scenario)
   * @param low mean KPI over the driver's low tenth (KPI unit)
   * @param high mean KPI over its high tenth
   * @param standardError of {@code high - low}; NaN when unknown
   * @param rankCorrelation Spearman rank correlation of a single parameter with the KPI; NaN for a
   *     block or the scenario
   * @param varianceShare the scenario's share of the outlook's variance (law of total variance);
   *     NaN for parameters
   */
  public record Row(String key, String label, List<String> members, double low, double high, double standardError,
      double rankCorrelation, double varianceShare) {
    /** {@code high - low}. */
    public double swing() {
      return high - low;
    }

    public boolean isScenario() {
      return key.equals(SCENARIO);
    }

    public boolean isGroup() {
      return members.size() > 1;
    }
  }

  /** The key of the scenario as a driver of the outlook. */
  public static final String SCENARIO = "scenario";

  /**
   * The drivers of {@code kpi}, largest absolute swing first (ties by key); for the outlook the
   * scenario is among them. Empty if the run has no swings for it.
   *
   * @param scenarioLabel the words for the scenario as a driver
   */
  public static List<Row> of(ReportData data, KpiKey kpi, String scenarioLabel) {
    List<DriverSwing> swings = data.isOutlook(kpi.scenario()) ? withinScenarios(data, kpi)
        : data.swings(kpi);
    List<Row> out = new ArrayList<>();
    for (DriverSwing s : swings) {
      if (!Double.isFinite(s.swing())) {
        continue;
      }
      double rho = Double.NaN;
      if (!s.isGroup()) {
        rho = data.rankCorrelation(kpi, s.members().get(0));
      }
      out.add(new Row(s.driver(), label(data.description(), s.members()), s.members(), s.low(), s.high(),
          s.standardError(), rho, Double.NaN));
    }
    if (!out.isEmpty() && data.isOutlook(kpi.scenario())) {
      scenarioDriver(data, kpi, scenarioLabel).ifPresent(out::add);
    }
    out.sort(Comparator.comparingDouble((Row r) -> -Math.abs(r.swing())).thenComparing(Row::key));
    return out;
  }

  /**
   * The outlook's parameter swings as the probability-weighted means of each scenario's: the
   * scenario a trial draws is independent of its parameter draws, so the outlook's swing is that
   * mean in expectation, and the scenarios' swings (every scenario runs on the same trials) carry
   * far less noise than the outlook's own, where which scenario a trial drew adds to it. The
   * standard error is the weighted sum of the scenarios' (an upper bound: they are positively
   * correlated). Falls back to the outlook's own swings when a scenario lacks one.
   */
  private static List<DriverSwing> withinScenarios(ReportData data, KpiKey kpi) {
    List<DriverSwing> own = data.swings(kpi);
    double weight = data.configured().stream().mapToDouble(ScenarioInfo::probability).sum();
    if (!(weight > 0)) {
      return own;
    }
    List<DriverSwing> out = new ArrayList<>();
    for (DriverSwing o : own) {
      double low = 0;
      double high = 0;
      double se = 0;
      boolean complete = true;
      for (ScenarioInfo sc : data.configured()) {
        KpiKey k = kpi.forScenario(sc.name());
        Optional<DriverSwing> s = data.swings(k).stream().filter(x -> x.driver().equals(o.driver())).findFirst();
        if (s.isEmpty() || !Double.isFinite(s.get().swing())) {
          complete = false;
          break;
        }
        double p = sc.probability() / weight;
        low += p * s.get().low();
        high += p * s.get().high();
        se += p * s.get().standardError();
      }
      out.add(complete ? DriverSwing.of(kpi, o.driver(), o.members(), low, high, se, o.lowTrials(), o.highTrials())
          : o);
    }
    return out;
  }

  /** Whether the run has swings of {@code kpi}. */
  public static boolean has(ReportData data, KpiKey kpi) {
    return !data.swings(kpi).isEmpty();
  }

  /**
   * The words of a driver: the parameter's label, or for a block the words its members' labels
   * share (up to the last comma before they differ), else the first member's label, with the
   * number of parameters: "Substitution elasticity (12 parameters moving together)".
   */
  public static String label(StudyDescription d, List<String> members) {
    if (members.size() == 1) {
      return d.parameterLabel(members.get(0));
    }
    return sharedLabel(d, members) + " (" + members.size() + " parameters moving together)";
  }

  /**
   * The words a block's members' labels share, up to the last comma before they differ
   * ("Substitution elasticity"), else the first member's label and "and others".
   */
  public static String sharedLabel(StudyDescription d, List<String> members) {
    List<String> labels = members.stream().map(d::parameterLabel).toList();
    String common = labels.get(0);
    for (String l : labels) {
      int n = 0;
      while (n < common.length() && n < l.length() && common.charAt(n) == l.charAt(n)) {
        n++;
      }
      common = common.substring(0, n);
    }
    int comma = common.lastIndexOf(',');
    String shared = (comma > 0 ? common.substring(0, comma) : common).strip();
    return shared.length() < 4 ? labels.get(0) + " and others" : shared;
  }

  /**
   * The scenario as a driver of the outlook's {@code kpi}: the scenarios ordered by their mean of
   * the KPI, the low tenth the lowest 10 % of the probability, the high tenth the highest (means
   * weighted by probability within each), and the share of the outlook's variance between
   * scenarios, {@code B / (B + W)} ({@link #scenarioShare}).
   */
  public static Optional<Row> scenarioDriver(ReportData data, KpiKey kpi, String label) {
    List<double[]> parts = parts(data, kpi);
    Optional<Double> share = scenarioShare(data, kpi);
    if (parts.size() < 2 || share.isEmpty()) {
      return Optional.empty();
    }
    parts.sort(Comparator.comparingDouble(p -> p[1]));
    double low = tenthMean(parts);
    List<double[]> reversed = new ArrayList<>(parts);
    java.util.Collections.reverse(reversed);
    double high = tenthMean(reversed);
    return Optional.of(new Row(SCENARIO, label, List.of(), low, high, Double.NaN, Double.NaN, share.get()));
  }

  private static double tenthMean(List<double[]> ordered) {
    double left = TENTH;
    double sum = 0;
    for (double[] p : ordered) {
      double take = Math.min(left, p[0]);
      sum += take * p[1];
      left -= take;
      if (left <= 1e-15) {
        break;
      }
    }
    return sum / (TENTH - Math.max(left, 0));
  }

  /** {probability (normalised), mean, sd} of the configured scenarios' {@code kpi}; empty if any is missing. */
  private static List<double[]> parts(ReportData data, KpiKey kpi) {
    List<double[]> parts = new ArrayList<>();
    double weight = 0;
    for (ScenarioInfo s : data.configured()) {
      Optional<Statistics> st = data.kpi(kpi.forScenario(s.name()));
      if (st.isEmpty() || !Double.isFinite(st.get().mean()) || !Double.isFinite(st.get().sd())) {
        return new ArrayList<>();
      }
      parts.add(new double[] {s.probability(), st.get().mean(), st.get().sd()});
      weight += s.probability();
    }
    if (!(weight > 0)) {
      return new ArrayList<>();
    }
    for (double[] p : parts) {
      p[0] /= weight;
    }
    return parts;
  }

  /**
   * The share of the outlook's variance of {@code kpi} (any scenario's key: the indicator is what
   * counts) that lies between scenarios, {@code B / (B + W)} with {@code B = Σ p_s (μ_s − μ)²} and
   * {@code W = Σ p_s σ_s²} over the configured scenarios and their probabilities: the law of total
   * variance of the mixture the outlook draws from.
   */
  public static Optional<Double> scenarioShare(ReportData data, KpiKey kpi) {
    List<double[]> parts = parts(data, kpi);
    if (parts.size() < 2) {
      return Optional.empty();
    }
    double mean = 0;
    for (double[] p : parts) {
      mean += p[0] * p[1];
    }
    double between = 0;
    double within = 0;
    for (double[] p : parts) {
      between += p[0] * (p[1] - mean) * (p[1] - mean);
      within += p[0] * p[2] * p[2];
    }
    return between + within > 0 ? Optional.of(between / (between + within)) : Optional.empty();
  }
}
