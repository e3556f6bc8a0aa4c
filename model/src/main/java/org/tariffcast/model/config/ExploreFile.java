package org.tariffcast.model.config;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.tariffcast.model.explore.ExplorePlan;
import org.tariffcast.model.explore.Frontier;
import org.tariffcast.model.explore.GoalSeek;
import org.tariffcast.model.explore.LeverAxis;
import org.tariffcast.model.explore.Statistic;
import org.tariffcast.model.lever.Lever;
import org.tariffcast.model.result.KpiKey;
import org.tariffcast.model.result.Measure;
import org.tariffcast.model.result.Metric;
import org.tariffcast.model.result.Window;
import org.tariffcast.model.run.RunLimits;
import org.tariffcast.model.run.Target;

/**
 * Reads a sweep ({@code explore.yml}) against the study it explores: the base scenario, levers
 * and targets must be the study's, every grid value within its lever's range. Every problem is
 * reported, located, before anything runs.
 */
final class ExploreFile {
  private final String file;
  private final ModelConfig study;
  private final Fields f;

  ExploreFile(String file, ModelConfig study, Fields f) {
    this.file = file;
    this.study = study;
    this.f = f;
  }

  ExplorePlan read(YamlValue root) {
    if (!f.keys(root, Set.of("scenario", "levers"), Set.of("trials_per_point", "kpis", "targets", "goal_seek",
        "frontier"))) {
      return null;
    }
    List<String> scenarios = study.scenarios().stream().map(s -> s.name()).toList();
    String scenario = f.string(root.get("scenario"), "the name of a scenario of scenarios.yml, one of " + scenarios);
    if (scenario != null && !scenarios.contains(scenario)) {
      String near = Expression.nearest(scenario, scenarios);
      f.problem(root.get("scenario"), "a scenario of scenarios.yml, one of " + scenarios,
          "'" + scenario + "'" + (near == null ? "" : " (did you mean " + near + "?)"));
      scenario = null;
    }
    long trials = 0;
    if (!root.get("trials_per_point").isMissing()) {
      Long t = f.integer(root.get("trials_per_point"), "a whole number of trials in [1, " + RunLimits.MAX_TRIALS
          + "]", 1, RunLimits.MAX_TRIALS);
      trials = t == null ? 0 : t;
    }
    List<LeverAxis> axes = new ArrayList<>();
    List<YamlValue> leverItems = f.list(root.get("levers"), "a list of one or two levers to sweep", true);
    if (leverItems.size() > 2) {
      f.problem(root.get("levers"), "one or two levers to sweep", leverItems.size() + " levers");
    }
    for (YamlValue item : leverItems) {
      LeverAxis axis = axis(item);
      if (axis != null) {
        if (axes.stream().anyMatch(a -> a.lever().equals(axis.lever()))) {
          f.problem(item.get("key"), "each lever once", "'" + axis.lever() + "' again");
        } else {
          axes.add(axis);
        }
      }
    }
    String base = scenario == null ? "?" : scenario;
    List<KpiKey> kpis = new ArrayList<>();
    for (YamlValue item : f.list(root.get("kpis"), "a list of KPIs, such as {metric: bilateral_balance, window: "
        + "final_year, measure: change_vs_baseline}", false)) {
      KpiKey k = kpi(item, base);
      if (k != null) {
        kpis.add(k);
      }
    }
    List<Target> targets = new ArrayList<>();
    YamlValue tv = root.get("targets");
    if (tv.isMissing() || (tv.isScalar() && tv.text().trim().equals("all"))) {
      targets.addAll(study.targets());
    } else {
      for (YamlValue item : f.list(tv, "a list of target names of study.yml, or all", false)) {
        Target t = target(item);
        if (t != null && !targets.contains(t)) {
          targets.add(t);
        }
      }
    }
    List<GoalSeek> seeks = new ArrayList<>();
    for (YamlValue item : f.list(root.get("goal_seek"), "a list of goal-seeks", false)) {
      GoalSeek g = goalSeek(item, base, axes);
      if (g != null) {
        seeks.add(g);
      }
    }
    Frontier frontier = root.get("frontier").isMissing() ? null : frontier(root.get("frontier"), base);
    if (scenario == null || axes.size() != leverItems.size() || leverItems.isEmpty() || leverItems.size() > 2
        || f.problems.files().contains(file)) {
      return null;
    }
    return new ExplorePlan(scenario, trials, axes, kpis, targets, seeks, frontier);
  }

  private Lever lever(YamlValue v) {
    List<String> keys = study.levers().stream().map(Lever::key).toList();
    String key = f.string(v, "a lever of study.yml, one of " + keys);
    if (key == null) {
      return null;
    }
    for (Lever l : study.levers()) {
      if (l.key().equals(key)) {
        return l;
      }
    }
    String near = Expression.nearest(key, keys);
    f.problem(v, "a lever of study.yml, one of " + keys, "'" + key + "'" + (near == null ? "" : " (did you mean "
        + near + "?)"));
    return null;
  }

  private LeverAxis axis(YamlValue item) {
    if (!f.keys(item, Set.of("key"), Set.of("from", "to", "step", "values"))) {
      return null;
    }
    Lever lever = lever(item.get("key"));
    if (lever == null) {
      return null;
    }
    String range = "within [" + ValueReader.number(lever.min()) + ", " + ValueReader.number(lever.max())
        + "] (the range of " + lever.key() + " in study.yml)";
    if (!item.get("values").isMissing()) {
      if (!item.get("from").isMissing() || !item.get("to").isMissing() || !item.get("step").isMissing()) {
        f.problem(item.get("values"), "either values or from/to/step", "both");
        return null;
      }
      List<Double> values = new ArrayList<>();
      boolean ok = true;
      for (YamlValue x : f.list(item.get("values"), "a list of values " + range, true)) {
        Double d = value(x, lever, range);
        if (d == null) {
          ok = false;
        } else if (!values.isEmpty() && !(d > values.get(values.size() - 1))) {
          f.problem(x, "values in ascending order, each once", "'" + x.text().trim() + "' after "
              + ValueReader.number(values.get(values.size() - 1)));
          ok = false;
        } else {
          values.add(d);
        }
      }
      if (!ok || values.isEmpty() || values.size() > LeverAxis.MAX_VALUES) {
        if (ok && !values.isEmpty()) {
          f.problem(item.get("values"), "at most " + LeverAxis.MAX_VALUES + " values", values.size() + " values");
        }
        return null;
      }
      return LeverAxis.of(lever.key(), values);
    }
    BigDecimal from = decimal(item.get("from"), lever, range, true);
    BigDecimal to = decimal(item.get("to"), lever, range, true);
    BigDecimal step = decimal(item.get("step"), lever, "a positive step", false);
    if (from == null || to == null || step == null) {
      return null;
    }
    if (to.compareTo(from) < 0) {
      f.problem(item.get("to"), "a value at or above from (" + ValueReader.number(from.doubleValue()) + ")");
      return null;
    }
    if (step.signum() <= 0) {
      f.problem(item.get("step"), "a positive step");
      return null;
    }
    BigDecimal count = to.subtract(from).divide(step, java.math.MathContext.DECIMAL64);
    if (count.compareTo(BigDecimal.valueOf(LeverAxis.MAX_VALUES - 1)) > 0) {
      f.problem(item.get("step"), "a step giving at most " + LeverAxis.MAX_VALUES + " values",
          count.setScale(0, java.math.RoundingMode.FLOOR).add(BigDecimal.ONE) + " values");
      return null;
    }
    return LeverAxis.of(lever.key(), from, to, step);
  }

  private Double value(YamlValue v, Lever lever, String range) {
    BigDecimal d = decimal(v, lever, range, true);
    return d == null ? null : d.doubleValue();
  }

  /** A plain number or a percentage as an exact decimal; {@code inRange}: within the lever's range. */
  private BigDecimal decimal(YamlValue v, Lever lever, String expected, boolean inRange) {
    String t = v.isScalar() ? v.text().trim() : null;
    BigDecimal d = null;
    if (t != null && t.endsWith("%") && Fields.plainNumber(t.substring(0, t.length() - 1).trim()) != null) {
      d = new BigDecimal(t.substring(0, t.length() - 1).trim()).movePointLeft(2);
    } else if (t != null && Fields.plainNumber(t) != null) {
      d = new BigDecimal(t);
    }
    if (d == null || (inRange && !lever.allows(d.doubleValue()))) {
      f.problem(v, "a number or a percentage " + expected);
      return null;
    }
    return d;
  }

  private Target target(YamlValue v) {
    List<String> names = study.targets().stream().map(Target::name).toList();
    String name = f.string(v, "the name of a target of study.yml, one of " + names);
    if (name == null) {
      return null;
    }
    for (Target t : study.targets()) {
      if (t.name().equals(name)) {
        return t;
      }
    }
    String near = Expression.nearest(name, names);
    f.problem(v, "a target of study.yml, one of " + names, "'" + name + "'" + (near == null ? ""
        : " (did you mean " + near + "?)"));
    return null;
  }

  /** A KPI of the base scenario: metric, breakdown (default total), window, measure. */
  private KpiKey kpi(YamlValue item, String scenario) {
    if (!f.keys(item, Set.of("metric", "window", "measure"), Set.of("breakdown"))) {
      return null;
    }
    Metric metric = Metric.parse(item.get("metric").text());
    if (metric == null) {
      f.problem(item.get("metric"), "one of imports_from_partner, exports_to_partner, bilateral_balance, "
          + "tariff_revenue, partner_exports, home_imports_by_source, welfare");
    }
    String breakdown = item.get("breakdown").isMissing() ? "total" : f.string(item.get("breakdown"), "a breakdown");
    if (metric != null && breakdown != null) {
      boolean byRegion = metric == Metric.HOME_IMPORTS_BY_SOURCE || metric == Metric.WELFARE;
      List<String> allowed = new ArrayList<>();
      if (byRegion) {
        study.regions().forEach(r -> allowed.add(r.code()));
      } else {
        allowed.add("total");
        if (metric != Metric.BILATERAL_BALANCE) {
          study.sectors().forEach(s -> allowed.add(s.code()));
        }
      }
      if (!allowed.contains(breakdown)) {
        f.problem(item.get("breakdown").isMissing() ? item : item.get("breakdown"),
            "a breakdown of " + metric.label() + ", one of " + allowed);
        breakdown = null;
      }
    }
    Window window = Window.parse(item.get("window").text());
    if (window == null) {
      f.problem(item.get("window"), "final_year or horizon");
    }
    Measure measure = Measure.parse(item.get("measure").text());
    if (measure == null) {
      f.problem(item.get("measure"), "level, change_vs_baseline, pct_change_vs_baseline or pct_change_vs_base_year");
    }
    if (metric == null || breakdown == null || window == null || measure == null) {
      return null;
    }
    return KpiKey.of(scenario, metric, breakdown, window, measure);
  }

  private Statistic statistic(YamlValue v) {
    if (v.isMissing()) {
      return Statistic.MEDIAN;
    }
    Statistic s = Statistic.parse(v.text());
    if (s == null) {
      f.problem(v, "median or mean");
    }
    return s;
  }

  private GoalSeek goalSeek(YamlValue item, String scenario, List<LeverAxis> axes) {
    if (!f.keys(item, Set.of("name", "lever"), Set.of("target", "probability", "kpi", "statistic", "value"))) {
      return null;
    }
    String name = f.string(item.get("name"), "a name for the goal-seek");
    Lever lever = lever(item.get("lever"));
    if (lever != null && axes.stream().noneMatch(a -> a.lever().equals(lever.key()))) {
      f.problem(item.get("lever"), "one of the swept levers " + axes.stream().map(LeverAxis::lever).toList());
    }
    boolean byTarget = !item.get("target").isMissing();
    boolean byKpi = !item.get("kpi").isMissing();
    if (byTarget == byKpi) {
      f.problem(item, "either target with probability, or kpi with statistic and value",
          byTarget ? "both" : "neither");
      return null;
    }
    if (byTarget) {
      for (String k : List.of("statistic", "value")) {
        if (!item.get(k).isMissing()) {
          f.problem(item.get(k), "no " + k + " with a target (its probability is sought)", "'" + k + "'");
        }
      }
      Target t = target(item.get("target"));
      Double p = f.number(item.get("probability"), "a probability strictly between 0 and 1", x -> x > 0 && x < 1);
      if (name == null || lever == null || t == null || p == null) {
        return null;
      }
      return new GoalSeek(name, lever.key(), t, null, null, p);
    }
    if (!item.get("probability").isMissing()) {
      f.problem(item.get("probability"), "no probability with a kpi (its statistic is sought)", "'probability'");
    }
    KpiKey k = kpi(item.get("kpi"), scenario);
    Statistic s = statistic(item.get("statistic"));
    Double value = f.number(item.get("value"), "a finite number (USD, or a fraction for pct measures)",
        Double::isFinite);
    if (name == null || lever == null || k == null || s == null || value == null) {
      return null;
    }
    return new GoalSeek(name, lever.key(), null, k, s, value);
  }

  private Frontier frontier(YamlValue item, String scenario) {
    if (!f.keys(item, Set.of("target", "probability", "cost"), Set.of("statistic", "best"))) {
      return null;
    }
    Target t = target(item.get("target"));
    Double p = f.number(item.get("probability"), "a probability strictly between 0 and 1", x -> x > 0 && x < 1);
    KpiKey cost = kpi(item.get("cost"), scenario);
    Statistic s = statistic(item.get("statistic"));
    Boolean lowest = null;
    YamlValue best = item.get("best");
    if (best.isMissing()) {
      f.problem(item, "best: lowest or best: highest (which value of the cost KPI is best)", "no best");
    } else if (best.isScalar() && best.text().trim().equals("lowest")) {
      lowest = true;
    } else if (best.isScalar() && best.text().trim().equals("highest")) {
      lowest = false;
    } else {
      f.problem(best, "lowest or highest");
    }
    if (t == null || p == null || cost == null || s == null || lowest == null) {
      return null;
    }
    return new Frontier(t, p, cost, s, lowest);
  }
}
