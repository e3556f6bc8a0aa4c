package org.tariffcast.model.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.tariffcast.model.geo.Region;
import org.tariffcast.model.geo.Sector;
import org.tariffcast.model.result.Measure;
import org.tariffcast.model.result.Metric;
import org.tariffcast.model.result.Window;
import org.tariffcast.model.run.PrecisionTarget;
import org.tariffcast.model.run.RunLimits;
import org.tariffcast.model.run.RunSettings;
import org.tariffcast.model.run.SamplingMethod;
import org.tariffcast.model.run.SolverKind;
import org.tariffcast.model.run.Target;
import org.tariffcast.model.time.Horizon;
import org.tariffcast.model.time.YearQuarter;

/** Reads {@code study.yml}: identity, regions, sectors, horizon, run settings, targets. */
final class StudyFile {
  static final String FILE = "study.yml";

  String name;
  String title;
  Integer baseYear;
  String home;
  String partner;
  String perspective;
  Horizon horizon;
  RunSettings run;
  final List<Region> regions = new ArrayList<>();
  final List<Sector> sectors = new ArrayList<>();
  final List<Target> targets = new ArrayList<>();
  final List<org.tariffcast.model.lever.Lever> levers = new ArrayList<>();
  /** Where each lever's key stands, for problems found once the parameters are known. */
  final java.util.Map<String, YamlValue> leverNodes = new java.util.LinkedHashMap<>();
  final List<org.tariffcast.model.result.Benchmark> benchmarks = new ArrayList<>();
  /** Where each benchmark's scenario stands, in {@link #benchmarks} order, checked once scenarios.yml is read. */
  private final List<YamlValue> benchmarkScenarioNodes = new ArrayList<>();

  List<String> regionCodes() {
    return regions.stream().map(Region::code).toList();
  }

  List<String> sectorCodes() {
    return sectors.stream().map(Sector::code).toList();
  }

  void read(YamlValue root, Fields f) {
    if (!f.keys(root, Set.of("name", "base_year", "home", "partner", "horizon", "run", "regions", "sectors"),
        Set.of("title", "targets", "perspective", "levers", "benchmarks"))) {
      return;
    }
    name = f.string(root.get("name"), "a study name of letters, digits, '-' and '_'");
    if (name != null && !name.matches("[A-Za-z0-9][A-Za-z0-9_-]{0,63}")) {
      f.problem(root.get("name"), "a study name of letters, digits, '-' and '_' (at most 64)");
      name = null;
    }
    title = f.optionalString(root.get("title"));
    Long by = f.integer(root.get("base_year"), "a calendar year such as 2024", 1900, 2200);
    baseYear = by == null ? null : by.intValue();
    readRegions(root.get("regions"), f);
    readSectors(root.get("sectors"), f);
    home = code(root.get("home"), f, "home");
    partner = code(root.get("partner"), f, "partner");
    if (home != null && home.equals(partner)) {
      f.problem(root.get("partner"), "a region other than home (" + home + ")");
    }
    YamlValue p = root.get("perspective");
    if (p.isMissing()) {
      perspective = home;
    } else {
      perspective = f.string(p, "the home or the partner region (" + home + " or " + partner + ")");
      if (perspective != null && home != null && partner != null && !perspective.equals(home)
          && !perspective.equals(partner)) {
        f.problem(p, "the home or the partner region (" + home + " or " + partner + ")");
        perspective = null;
      }
    }
    readHorizon(root.get("horizon"), f);
    readRun(root.get("run"), f);
    readTargets(root.get("targets"), f);
    readLevers(root.get("levers"), f);
    readBenchmarks(root.get("benchmarks"), f);
  }

  /**
   * Reads {@code benchmarks:}, published estimates to compare with: each a scenario, a KPI
   * (metric, breakdown, window, measure as in a target), a published {@code value} or a range
   * {@code low}/{@code high} (numbers or percentages such as -19%), a {@code source} and an optional {@code note}.
   */
  private void readBenchmarks(YamlValue v, Fields f) {
    int n = 0;
    for (YamlValue item : f.list(v, "a list of benchmarks {scenario, metric, window, measure, value or low/high, "
        + "source}", false)) {
      n++;
      YamlValue b = item.isMap() ? item.renamed("benchmarks[" + n + "]") : item;
      if (!f.keys(b, Set.of("scenario", "metric", "window", "measure", "source"),
          Set.of("breakdown", "value", "low", "high", "note"))) {
        continue;
      }
      String scenario = f.string(b.get("scenario"), "a scenario name of scenarios.yml, or Outlook");
      Metric metric = Metric.parse(b.get("metric").text());
      if (metric == null) {
        f.problem(b.get("metric"), "one of imports_from_partner, exports_to_partner, bilateral_balance, "
            + "tariff_revenue, partner_exports, home_imports_by_source, welfare");
      }
      String breakdown = breakdown(b, metric, f);
      Window window = Window.parse(b.get("window").text());
      if (window == null) {
        f.problem(b.get("window"), "final_year or horizon");
      }
      Measure measure = Measure.parse(b.get("measure").text());
      if (measure == null) {
        f.problem(b.get("measure"), "level, change_vs_baseline, pct_change_vs_baseline or pct_change_vs_base_year");
      }
      Double low = null;
      Double high = null;
      boolean hasValue = !b.get("value").isMissing();
      boolean hasRange = !b.get("low").isMissing() || !b.get("high").isMissing();
      if (hasValue && hasRange) {
        f.problem(b.get("value"), "either value or low and high, not both");
      } else if (hasValue) {
        low = leverNumber(b.get("value"), f, "a published value: a number or a percentage such as -19%");
        high = low;
      } else if (hasRange) {
        low = leverNumber(b.get("low"), f, "the low end of the published range: a number or a percentage such as -7.5%");
        high = leverNumber(b.get("high"), f, "the high end of the published range: a number or a percentage such as -1%");
        if (low != null && high != null && low > high) {
          f.problem(b.get("high"), "a high end >= low (" + ValueReader.number(low) + ")");
          continue;
        }
      } else {
        f.problem(b, "a published value, or a range low and high");
      }
      String source = f.string(b.get("source"), "who published the figure, where and when");
      String note = b.get("note").isMissing() ? "" : f.string(b.get("note"), "a note for the reader");
      if (scenario != null && metric != null && breakdown != null && window != null && measure != null && low != null
          && high != null && source != null && note != null) {
        benchmarks.add(org.tariffcast.model.result.Benchmark.of(scenario,
            org.tariffcast.model.result.Indicator.of(metric, breakdown, window, measure), low, high, source, note));
        benchmarkScenarioNodes.add(b.get("scenario"));
      }
    }
  }

  /** Reports a benchmark whose scenario is neither in scenarios.yml nor Outlook. */
  void checkBenchmarkScenarios(List<String> scenarioNames, Fields f) {
    if (scenarioNames.isEmpty()) {
      return;
    }
    List<String> allowed = new ArrayList<>(scenarioNames);
    allowed.add(org.tariffcast.model.scenario.Scenario.OUTLOOK);
    for (int i = 0; i < benchmarks.size(); i++) {
      String s = benchmarks.get(i).scenario();
      if (!allowed.contains(s)) {
        String near = Expression.nearest(s, allowed);
        f.problem(benchmarkScenarioNodes.get(i), "a scenario of scenarios.yml or Outlook, one of " + allowed,
            "'" + s + "'" + (near == null ? "" : " (did you mean " + near + "?)"));
      }
    }
  }

  /** The breakdown of a target or benchmark: total by default, else a sector or region the metric has. */
  private String breakdown(YamlValue item, Metric metric, Fields f) {
    String breakdown = item.get("breakdown").isMissing() ? "total" : f.string(item.get("breakdown"), "a breakdown");
    if (metric != null && breakdown != null) {
      boolean byRegion = metric == Metric.HOME_IMPORTS_BY_SOURCE || metric == Metric.WELFARE;
      List<String> allowed = new ArrayList<>();
      if (byRegion) {
        allowed.addAll(regionCodes());
      } else {
        allowed.add("total");
        if (metric != Metric.BILATERAL_BALANCE) {
          allowed.addAll(sectorCodes());
        }
      }
      if (!allowed.contains(breakdown)) {
        f.problem(item.get("breakdown").isMissing() ? item : item.get("breakdown"),
            "a breakdown of " + metric.label() + ", one of " + allowed);
        return null;
      }
    }
    return breakdown;
  }

  private void readLevers(YamlValue v, Fields f) {
    for (YamlValue item : f.list(v, "a list of levers {key, label, unit, default, min, max}", false)) {
      String k = item.isMap() ? f.label(item.get("key")) : null;
      YamlValue lv = k == null ? item : item.renamed("levers[" + k + "]");
      if (!f.keys(lv, Set.of("key", "label", "default", "min", "max"), Set.of("unit"))) {
        continue;
      }
      String key = f.string(lv.get("key"), "a lever key of lower-case letters, digits and '_' such as us_rate_vn");
      if (key != null && !key.matches(org.tariffcast.model.lever.Lever.KEY_PATTERN)) {
        f.problem(lv.get("key"), "a lever key of lower-case letters, digits and '_' such as us_rate_vn");
        key = null;
      }
      String label = f.string(lv.get("label"), "a label such as \"US rate on Vietnamese goods\"");
      String unit = lv.get("unit").isMissing() ? "" : f.string(lv.get("unit"), "a unit such as \"% of customs value\"");
      Double min = leverNumber(lv.get("min"), f, "a finite number such as 0 or 0%");
      Double max = leverNumber(lv.get("max"), f, "a finite number such as 0.46 or 46%");
      Double def = leverNumber(lv.get("default"), f, "a finite number such as 0.2 or 20%");
      if (min != null && max != null && min > max) {
        f.problem(lv.get("max"), "a maximum >= min (" + ValueReader.number(min) + ")");
        continue;
      }
      if (min != null && max != null && def != null && (def < min || def > max)) {
        f.problem(lv.get("default"), "a default within [min, max] = [" + ValueReader.number(min) + ", "
            + ValueReader.number(max) + "]");
        continue;
      }
      if (key != null && leverNodes.containsKey(key)) {
        f.problem(lv.get("key"), "a lever key not used before");
        continue;
      }
      if (key != null && label != null && unit != null && min != null && max != null && def != null) {
        levers.add(org.tariffcast.model.lever.Lever.of(key, label, unit, def, min, max));
        leverNodes.put(key, lv.get("key"));
      }
    }
  }

  /**
   * Reads {@code levers.yml}: {@code key: value} per lever to move, each a known lever and a
   * value within its range; sets {@code values} and the levers' values.
   */
  void readSettings(YamlValue root, Fields f, java.util.Map<String, Double> values) {
    if (!root.isMap()) {
      f.problem(root, "a mapping of lever keys to values, such as us_rate_vn: 30%");
      return;
    }
    java.util.List<String> keys = levers.stream().map(org.tariffcast.model.lever.Lever::key).toList();
    for (YamlValue k : root.keyNodes()) {
      String key = k.text();
      YamlValue v = root.get(key);
      int at = keys.indexOf(key);
      if (at < 0) {
        String near = Expression.nearest(key, keys);
        f.problem(k, "a lever of study.yml, one of " + keys, "'" + key + "'" + (near == null ? ""
            : " (did you mean " + near + "?)"));
        continue;
      }
      org.tariffcast.model.lever.Lever lever = levers.get(at);
      Double d = leverNumber(v, f, "a number or a percentage within [" + ValueReader.number(lever.min()) + ", "
          + ValueReader.number(lever.max()) + "] (the range of " + key + " in study.yml)");
      if (d == null) {
        continue;
      }
      if (!lever.allows(d)) {
        f.problem(v, "a value within [" + ValueReader.number(lever.min()) + ", " + ValueReader.number(lever.max())
            + "] (the range of " + key + " in study.yml)");
        continue;
      }
      if (values.containsKey(key)) {
        values.put(key, d);
      }
      levers.set(at, lever.at(d));
    }
  }

  /** A plain number or a percentage ({@code 46%} is 0.46, exactly as in a rule). */
  static Double leverNumber(YamlValue v, Fields f, String expected) {
    String t = v.isScalar() ? v.text().trim() : null;
    Double d = null;
    if (t != null && t.endsWith("%")) {
      String digits = t.substring(0, t.length() - 1).trim();
      d = Fields.plainNumber(digits) == null ? null
          : new java.math.BigDecimal(digits).movePointLeft(2).doubleValue();
    } else if (t != null) {
      d = Fields.plainNumber(t);
    }
    if (d == null) {
      f.problem(v, expected);
    }
    return d;
  }

  private String code(YamlValue v, Fields f, String what) {
    if (regions.isEmpty()) {
      return null;
    }
    String c = f.string(v, "a region code (one of " + regionCodes() + ")");
    if (c != null && !regionCodes().contains(c)) {
      f.problem(v, "a region code for " + what + ", one of " + regionCodes());
      return null;
    }
    return c;
  }

  private void readRegions(YamlValue v, Fields f) {
    List<YamlValue> items = f.list(v, "a list of regions {code, name}", true);
    for (YamlValue item : items) {
      if (!f.keys(item, Set.of("code", "name"), Set.of())) {
        continue;
      }
      String code = f.string(item.get("code"), "a region code such as VN");
      String nm = f.string(item.get("name"), "a region name such as Vietnam");
      if (code == null || nm == null) {
        continue;
      }
      if (regionCodes().contains(code)) {
        f.problem(item.get("code"), "a region code not used before");
        continue;
      }
      try {
        regions.add(Region.of(code, nm));
      } catch (IllegalArgumentException e) {
        f.problem(item.get("code"), "1-16 upper-case letters, digits or '_', starting with a letter");
      }
    }
    if (v.isList() && regions.size() < 2) {
      f.problem(v, "at least 2 regions (an empty study cannot run)");
    }
  }

  private void readSectors(YamlValue v, Fields f) {
    List<YamlValue> items = f.list(v, "a list of sectors {code, name, hs}", true);
    for (YamlValue item : items) {
      if (!f.keys(item, Set.of("code", "name"), Set.of("hs"))) {
        continue;
      }
      String code = f.string(item.get("code"), "a sector code such as ELEC");
      String nm = f.string(item.get("name"), "a sector name");
      List<String> hs = new ArrayList<>();
      YamlValue hsNode = item.get("hs");
      for (YamlValue h : f.list(hsNode, "a list of HS codes such as [\"85\"]", false)) {
        String t = h.text();
        if (t == null || !t.trim().matches("\\d{2}(\\d{2}){0,2}")) {
          f.problem(h, "an HS chapter, heading or subheading of 2, 4 or 6 digits, quoted (\"08\")");
        } else {
          hs.add(t.trim());
        }
      }
      if (code == null || nm == null) {
        continue;
      }
      if (sectorCodes().contains(code)) {
        f.problem(item.get("code"), "a sector code not used before");
        continue;
      }
      try {
        sectors.add(Sector.of(code, nm, hs));
      } catch (IllegalArgumentException e) {
        f.problem(item.get("code"), "1-24 upper-case letters, digits or '_', starting with a letter");
      }
    }
    if (v.isList() && sectors.isEmpty()) {
      f.problem(v, "at least 1 sector (an empty study cannot run)");
    }
  }

  private void readHorizon(YamlValue v, Fields f) {
    if (!f.keys(v, Set.of("start", "quarters"), Set.of())) {
      return;
    }
    YearQuarter start = null;
    String s = f.string(v.get("start"), "a quarter such as 2025Q2");
    if (s != null) {
      if (YearQuarter.looksLikeQuarter(s)) {
        start = YearQuarter.parse(s);
      } else {
        f.problem(v.get("start"), "a quarter such as 2025Q2");
      }
    }
    Long q = f.integer(v.get("quarters"), "a number of quarters in [4, 400]", 4, 400);
    if (start != null && q != null) {
      horizon = Horizon.of(start, q.intValue());
    }
  }

  private void readRun(YamlValue v, Fields f) {
    if (!f.keys(v, Set.of("trials", "seed", "sampling", "solver"), Set.of("partitions", "precision"))) {
      return;
    }
    Long trials = f.integer(v.get("trials"), RunLimits.trialsWords(), 1, RunLimits.MAX_TRIALS);
    Long seed = f.integer(v.get("seed"), "an integer seed", Long.MIN_VALUE, Long.MAX_VALUE);
    SamplingMethod sampling = SamplingMethod.parse(v.get("sampling").text());
    if (sampling == null) {
      f.problem(v.get("sampling"), "random, lhs or sobol");
    }
    SolverKind solver = SolverKind.parse(v.get("solver").text());
    if (solver == null) {
      f.problem(v.get("solver"), "ces or linear");
    }
    Long partitions = 8L;
    if (!v.get("partitions").isMissing()) {
      partitions = f.integer(v.get("partitions"), "a number of partitions in [1, " + RunLimits.MAX_PARTITIONS + "]", 1,
          RunLimits.MAX_PARTITIONS);
    }
    PrecisionTarget precision = readPrecision(v.get("precision"), f);
    if (trials != null && seed != null && sampling != null && solver != null && partitions != null) {
      if (partitions > trials) {
        f.problem(v.get("partitions"), "at most as many partitions as trials (" + trials + ")");
        return;
      }
      run = new RunSettings(trials, seed, sampling, solver, partitions.intValue(), precision);
    }
  }

  private PrecisionTarget readPrecision(YamlValue v, Fields f) {
    if (v.isMissing()) {
      return null;
    }
    if (!f.keys(v, Set.of("relative_half_width", "batch_trials", "max_trials"),
        Set.of("absolute_half_width", "confidence"))) {
      return null;
    }
    Double rel = f.number(v.get("relative_half_width"), "a fraction > 0 such as 0.01", x -> x > 0 && x < 10);
    Double abs = v.get("absolute_half_width").isMissing() ? Double.valueOf(0)
        : f.number(v.get("absolute_half_width"), "USD >= 0", x -> x >= 0 && Double.isFinite(x));
    Double conf = v.get("confidence").isMissing() ? Double.valueOf(0.95)
        : f.number(v.get("confidence"), "a probability in (0, 1) such as 0.95", x -> x > 0 && x < 1);
    Long batch = f.integer(v.get("batch_trials"), "trials per batch >= 1", 1, 1_000_000_000L);
    Long max = f.integer(v.get("max_trials"), "a maximum number of trials >= 1", 1, 1_000_000_000L);
    if (rel == null || abs == null || conf == null || batch == null || max == null) {
      return null;
    }
    if (max < batch) {
      f.problem(v.get("max_trials"), "at least batch_trials (" + batch + ")");
      return null;
    }
    return new PrecisionTarget(rel, abs, conf, batch, max);
  }

  private void readTargets(YamlValue v, Fields f) {
    for (YamlValue item : f.list(v, "a list of targets", false)) {
      if (!f.keys(item, Set.of("name", "metric", "window", "measure", "comparison", "threshold"),
          Set.of("breakdown"))) {
        continue;
      }
      String nm = f.string(item.get("name"), "a target name");
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
          allowed.addAll(regionCodes());
        } else {
          allowed.add("total");
          if (metric != Metric.BILATERAL_BALANCE) {
            allowed.addAll(sectorCodes());
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
      Target.Comparison cmp = Target.Comparison.parse(item.get("comparison").text());
      if (cmp == null) {
        f.problem(item.get("comparison"), "one of <, <=, >, >= (quoted in YAML)");
      }
      Double threshold = f.number(item.get("threshold"), "a finite number (USD, or a fraction for pct measures)",
          Double::isFinite);
      if (nm != null && targets.stream().anyMatch(t -> t.name().equals(nm))) {
        f.problem(item.get("name"), "a target name not used before");
        continue;
      }
      if (nm != null && metric != null && breakdown != null && window != null && measure != null && cmp != null
          && threshold != null) {
        targets.add(new Target(nm, metric, breakdown, window, measure, cmp, threshold));
      }
    }
  }
}
