package org.tariffcast.model.config;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.tariffcast.model.distribution.Parameter;
import org.tariffcast.model.scenario.PurchaseCommitment;
import org.tariffcast.model.scenario.Regime;
import org.tariffcast.model.scenario.Rerouting;
import org.tariffcast.model.scenario.Scenario;
import org.tariffcast.model.scenario.TariffRule;
import org.tariffcast.model.scenario.WedgeComponent;
import org.tariffcast.model.time.Horizon;
import org.tariffcast.model.time.YearQuarter;

/** Reads {@code scenarios.yml}: purchase commitments and scenarios. */
final class ScenariosFile {
  static final String FILE = "scenarios.yml";

  final List<PurchaseCommitment> commitments = new ArrayList<>();
  final List<Scenario> scenarios = new ArrayList<>();
  final List<Rerouting> reroutings = new ArrayList<>();
  private final Fields f;
  private final ValueReader values;
  private final List<String> regions;
  private final List<String> sectors;
  private final Horizon horizon;
  /** The study's home region, or null when study.yml did not give a readable one. */
  private final String home;

  ScenariosFile(Fields f, ValueReader values, List<String> regions, List<String> sectors, Horizon horizon) {
    this(f, values, regions, sectors, horizon, null);
  }

  ScenariosFile(Fields f, ValueReader values, List<String> regions, List<String> sectors, Horizon horizon,
      String home) {
    this.home = home;
    this.f = f;
    this.values = values;
    this.regions = regions;
    this.sectors = sectors;
    this.horizon = horizon;
  }

  void read(YamlValue root) {
    if (!f.keys(root, Set.of("scenarios"), Set.of("commitments", "rerouting"))) {
      return;
    }
    Set<String> reroutingNames = new HashSet<>();
    Set<String> routedFlows = new HashSet<>();
    for (YamlValue item : f.list(root.get("rerouting"), "a list of re-routing rules", false)) {
      String name = item.isMap() ? f.label(item.get("name")) : null;
      if (name != null && !reroutingNames.add(name)) {
        f.problem(item.get("name"), "a re-routing name not used before");
        continue;
      }
      readRerouting(name == null ? item : item.renamed("rerouting[" + name + "]"), routedFlows);
    }
    Set<String> commitmentNames = new HashSet<>();
    for (YamlValue item : f.list(root.get("commitments"), "a list of purchase commitments", false)) {
      String name = item.isMap() ? f.label(item.get("name")) : null;
      if (name != null && !commitmentNames.add(name)) {
        f.problem(item.get("name"), "a commitment name not used before");
        continue;
      }
      readCommitment(name == null ? item : item.renamed("commitments[" + name + "]"));
    }
    YamlValue list = root.get("scenarios");
    List<YamlValue> items = f.list(list, "a list of scenarios", true);
    if (list.isList() && items.isEmpty()) {
      f.problem(list, "at least one scenario (an empty study cannot run)");
    }
    Set<String> names = new HashSet<>();
    double sum = 0;
    boolean allProbabilities = true;
    for (YamlValue item : items) {
      String name = item.isMap() ? f.label(item.get("name")) : null;
      if (name != null && !names.add(name)) {
        f.problem(item.get("name"), "a scenario name not used before");
        allProbabilities = false;
        continue;
      }
      Double p = readScenario(name == null ? item : item.renamed("scenarios[" + name + "]"), commitmentNames);
      if (p == null) {
        allProbabilities = false;
      } else {
        sum += p;
      }
    }
    if (allProbabilities && !items.isEmpty() && Math.abs(sum - 1) > org.tariffcast.model.config.ModelConfig.PROBABILITY_TOLERANCE) {
      f.problem(Location.of(list).field("scenarios[*].probability"), "probabilities summing to 1",
          "a sum of " + round(sum));
    }
  }

  private static String round(double x) {
    return java.math.BigDecimal.valueOf(x).round(new java.math.MathContext(10)).stripTrailingZeros().toPlainString();
  }

  private void readCommitment(YamlValue c) {
    if (!f.keys(c, Set.of("name", "sector", "exporter", "importer", "fulfilment", "source"),
        Set.of("annual_value_usd_mn", "total_value_usd_mn", "start", "end", "ramp_quarters", "displacement",
            "additionality", "unit_value_usd_mn"))) {
      return;
    }
    String name = f.string(c.get("name"), "a commitment name");
    String sector = one(c.get("sector"), sectors, "sector");
    String exporter = one(c.get("exporter"), regions, "region");
    String importer = one(c.get("importer"), regions, "region");
    boolean ok = true;
    boolean annual = !c.get("annual_value_usd_mn").isMissing();
    boolean total = !c.get("total_value_usd_mn").isMissing();
    Double value = null;
    if (annual == total) {
      f.problem(Location.of(c).field(c.path + ".annual_value_usd_mn"),
          "exactly one of 'annual_value_usd_mn' and 'total_value_usd_mn'", annual ? "both" : "neither");
      ok = false;
    } else if (annual) {
      value = values.constant(c.get("annual_value_usd_mn"), "USD million per year in [0, 1e9]",
          x -> x >= 0 && x <= DataTables.MAX_FLOW_USD_MN); // 0: nothing pledged (a purchases lever at 0)
    } else {
      value = values.constant(c.get("total_value_usd_mn"), "USD million over the period in [0, 1e9]",
          x -> x >= 0 && x <= DataTables.MAX_FLOW_USD_MN);
    }
    YearQuarter start = quarter(c.get("start"), "a quarter such as 2025Q3 (the first quarter of deliveries)");
    YearQuarter end = quarter(c.get("end"), "a quarter such as 2028Q2 (the last quarter of deliveries)");
    if (start == BAD || end == BAD) {
      ok = false;
    } else {
      if (total && !annual && end == null) {
        f.problem(Location.of(c).field(c.path + ".end"),
            "an end quarter (a total_value_usd_mn is spread over the quarters up to its end)", "nothing");
        ok = false;
      }
      if (start != null && end != null && end.compareTo(start) < 0) {
        f.problem(c.get("end"), "a quarter not before start (" + start + ")", "'" + end + "'");
        ok = false;
      } else if (end != null && horizon != null && end.compareTo(horizon.start()) < 0) {
        f.problem(c.get("end"), "a quarter not before the horizon's start (" + horizon.start()
            + "): the commitment would deliver nothing", "'" + end + "'");
        ok = false;
      } else if (start != null && horizon != null && start.compareTo(horizon.end()) > 0) {
        f.problem(c.get("start"), "a quarter not after the horizon's end (" + horizon.end()
            + "): the commitment would deliver nothing", "'" + start + "'");
        ok = false;
      }
    }
    String prefix = "commitment[" + name + "].";
    Parameter fulfil = values.read(c.get("fulfilment"), prefix + "fulfilment", ValueReader.Range.FRACTION);
    Parameter ramp = c.get("ramp_quarters").isMissing() ? Parameter.fixed(prefix + "ramp_quarters", 0)
        : values.read(c.get("ramp_quarters"), prefix + "ramp_quarters", ValueReader.Range.NON_NEGATIVE_FINITE);
    Parameter displacement = c.get("displacement").isMissing() ? Parameter.fixed(prefix + "displacement", 0)
        : values.read(c.get("displacement"), prefix + "displacement", ValueReader.Range.FRACTION);
    Parameter additionality = c.get("additionality").isMissing() ? Parameter.fixed(prefix + "additionality", 1)
        : values.read(c.get("additionality"), prefix + "additionality", ValueReader.Range.FRACTION);
    Double unit = null;
    if (!c.get("unit_value_usd_mn").isMissing()) {
      unit = f.number(c.get("unit_value_usd_mn"), "USD million per delivery in (0, 1e9]",
          x -> x > 0 && x <= DataTables.MAX_FLOW_USD_MN);
      if (unit == null) {
        return;
      }
    }
    String source = f.string(c.get("source"), "the source of the pledged value");
    if (exporter != null && exporter.equals(importer)) {
      f.problem(c.get("importer"), "an importer other than the exporter (" + exporter + ")");
      return;
    }
    if (ok && name != null && sector != null && exporter != null && importer != null && value != null && fulfil != null
        && ramp != null && displacement != null && additionality != null && source != null) {
      double usd = value * DataTables.MILLION;
      commitments.add(new PurchaseCommitment(name, sector, exporter, importer, annual ? usd : null,
          total ? usd : null, start, end, fulfil, ramp, displacement, additionality,
          unit == null ? null : unit * DataTables.MILLION, source));
    }
  }

  /**
   * Reads one re-routing rule: the goods of {@code origin} in the flow {@code via -> importer}
   * (share {@code routed_share}) choose their route by landed cost. Every problem is located.
   */
  private void readRerouting(YamlValue c, Set<String> routedFlows) {
    if (!f.keys(c, Set.of("name", "importer", "via", "origin", "routed_share", "elasticity", "routing_cost", "source"),
        Set.of("sector", "sectors", "third_routes", "lost_share"))) {
      return;
    }
    String name = f.string(c.get("name"), "a re-routing name");
    String importer = one(c.get("importer"), regions, "region");
    String via = one(c.get("via"), regions, "region");
    String origin = one(c.get("origin"), regions, "region");
    boolean ok = importer != null && via != null && origin != null;
    if (importer != null && home != null && !importer.equals(home)) {
      f.problem(c.get("importer"), "the study's home region " + home + " (the engine follows home's imports)",
          "'" + importer + "'");
      ok = false;
    }
    if (via != null && via.equals(importer)) {
      f.problem(c.get("via"), "a region other than the importer (" + importer + ")", "'" + via + "'");
      ok = false;
    }
    if (origin != null && (origin.equals(importer) || origin.equals(via))) {
      f.problem(c.get("origin"), "a region other than the importer (" + importer + ") and via (" + via + ")",
          "'" + origin + "'");
      ok = false;
    }
    List<String> thirds = new ArrayList<>();
    YamlValue tv = c.get("third_routes");
    if (!tv.isMissing()) {
      List<String> read = f.selector(tv, regions, "region");
      if (read == null) {
        ok = false;
      } else {
        for (String q : read) {
          if (q.equals(importer) || q.equals(via) || q.equals(origin) || thirds.contains(q)) {
            f.problem(tv, "third routes other than the importer, via, origin and each other", "'" + q + "'");
            ok = false;
          } else {
            thirds.add(q);
          }
        }
      }
    }
    List<String> secs;
    Map<String, YamlValue> e = c.entries();
    if (e.containsKey("sector") && e.containsKey("sectors")) {
      f.problem(Location.of(c).field(c.pathOf("sector")), "at most one of 'sector' and 'sectors'", "both");
      secs = null;
    } else if (!e.containsKey("sector") && !e.containsKey("sectors")) {
      secs = List.copyOf(sectors); // every sector
    } else {
      secs = f.selector(e.containsKey("sector") ? c.get("sector") : c.get("sectors"), sectors, "sector");
    }
    ok &= secs != null && !secs.isEmpty();
    if (ok && via != null) {
      for (String s : secs) {
        if (!routedFlows.add(via + "|" + importer + "|" + s)) {
          f.problem(e.containsKey("sector") ? c.get("sector") : e.containsKey("sectors") ? c.get("sectors") : c,
              "sectors whose flow " + via + "->" + importer + " no earlier re-routing rule covers", "'" + s + "'");
          ok = false;
          break;
        }
      }
    }
    String prefix = "rerouting[" + name + "].";
    Parameter share = values.read(c.get("routed_share"), prefix + "routed_share", ValueReader.Range.ROUTED_SHARE);
    Parameter eta = values.read(c.get("elasticity"), prefix + "elasticity", ValueReader.Range.POSITIVE_FINITE_RANGE);
    Parameter cost = values.read(c.get("routing_cost"), prefix + "routing_cost", ValueReader.Range.NON_NEGATIVE_FINITE);
    Parameter lost = c.get("lost_share").isMissing() ? Parameter.fixed(prefix + "lost_share", 0)
        : values.read(c.get("lost_share"), prefix + "lost_share", ValueReader.Range.FRACTION);
    String source = f.string(c.get("source"), "the source of the shares and the elasticity");
    if (ok && name != null && share != null && eta != null && cost != null && lost != null && source != null) {
      reroutings.add(Rerouting.of(name, importer, via, origin, thirds, secs, share, eta, cost, lost, source));
    }
  }

  /** The marker of an unreadable quarter (reported). */
  private static final YearQuarter BAD = new YearQuarter(1900, 1);

  /** An optional constant quarter: null when absent, {@link #BAD} (reported) when unreadable. */
  private YearQuarter quarter(YamlValue v, String expected) {
    if (v.isMissing()) {
      return null;
    }
    String t = v.isScalar() ? v.text().trim() : "";
    if (!YearQuarter.looksLikeQuarter(t)) {
      f.problem(v, expected);
      return BAD;
    }
    try {
      return YearQuarter.parse(t);
    } catch (IllegalArgumentException e) {
      f.problem(v, expected);
      return BAD;
    }
  }

  private String one(YamlValue v, List<String> allowed, String what) {
    String code = f.string(v, "a " + what + " code, one of " + allowed);
    if (code != null && !allowed.contains(code)) {
      f.problem(v, "a " + what + " code, one of " + allowed);
      return null;
    }
    return code;
  }

  /** Reads one scenario; returns its probability if readable, else null. */
  private Double readScenario(YamlValue s, Set<String> commitmentNames) {
    if (!f.keys(s, Set.of("name", "probability", "regimes"), Set.of("description"))) {
      return null;
    }
    String name = f.string(s.get("name"), "a scenario name");
    if (name != null && (name.equalsIgnoreCase(Scenario.BASELINE) || name.equalsIgnoreCase(Scenario.OUTLOOK))) {
      f.problem(s.get("name"), "a name other than Baseline and Outlook (reserved for results)");
      name = null;
    }
    Double p = f.number(s.get("probability"), "a probability in [0, 1]", x -> x >= 0 && x <= 1);
    String description = f.optionalString(s.get("description"), Fields.MAX_TEXT);
    List<Regime> regimes = new ArrayList<>();
    Set<String> regimeNames = new HashSet<>();
    boolean ok = true;
    for (YamlValue r : f.list(s.get("regimes"), "a list of regimes (may be empty)", true)) {
      String rn = r.isMap() ? f.label(r.get("name")) : null;
      if (rn != null && !regimeNames.add(rn)) {
        f.problem(r.get("name"), "a regime name not used before in this scenario");
        ok = false;
        continue;
      }
      Regime regime = readRegime(rn == null ? r : r.renamed(s.path + ".regimes[" + rn + "]"), name, commitmentNames);
      if (regime == null) {
        ok = false;
      } else {
        regimes.add(regime);
      }
    }
    if (name != null && p != null && ok) {
      scenarios.add(Scenario.of(name, p, description, regimes));
    }
    return p;
  }

  private Regime readRegime(YamlValue r, String scenario, Set<String> commitmentNames) {
    if (!f.keys(r, Set.of("name", "effective"), Set.of("rules", "commitments"))) {
      return null;
    }
    String name = f.string(r.get("name"), "a regime name");
    String prefix = "scenario[" + scenario + "].regime[" + name + "].";
    Parameter effective = null;
    if (horizon != null) {
      double lo = horizon.start().ordinal();
      double hi = horizon.end().ordinal() + 1;
      effective = values.read(r.get("effective"), prefix + "effective", ValueReader.Range.dates(
          d -> d.lowerBound() >= lo && d.upperBound() < hi,
          "a quarter within the horizon " + horizon.start() + ".." + horizon.end()
              + " (every date the distribution can draw)"));
    }
    boolean ok = effective != null;
    List<TariffRule> rules = new ArrayList<>();
    int k = 1;
    for (YamlValue rule : f.list(r.get("rules"), "a list of tariff rules", false)) {
      TariffRule t = readRule(rule, prefix + "rule[" + k++ + "].");
      if (t == null) {
        ok = false;
      } else {
        rules.add(t);
      }
    }
    List<String> commitments = new ArrayList<>();
    for (YamlValue c : f.list(r.get("commitments"), "a list of commitment names", false)) {
      String cn = c.text();
      if (cn == null || !commitmentNames.contains(cn.trim())) {
        f.problem(c, "the name of a commitment under 'commitments' " + new java.util.TreeSet<>(commitmentNames));
        ok = false;
      } else {
        commitments.add(cn.trim());
      }
    }
    return ok && name != null ? Regime.of(name, effective, rules, commitments) : null;
  }

  private TariffRule readRule(YamlValue rule, String prefix) {
    Set<String> optional = new HashSet<>(Set.of("importer", "importers", "exporter", "exporters", "sector", "sectors"));
    for (WedgeComponent c : WedgeComponent.values()) {
      optional.add(c.key());
    }
    if (!f.keys(rule, Set.of(), optional)) {
      return null;
    }
    List<String> importers = selector(rule, "importer", regions, "region");
    List<String> exporters = selector(rule, "exporter", regions, "region");
    List<String> secs = selector(rule, "sector", sectors, "sector");
    Map<WedgeComponent, Parameter> changes = new EnumMap<>(WedgeComponent.class);
    boolean ok = importers != null && exporters != null && secs != null && !importers.isEmpty()
        && !exporters.isEmpty() && !secs.isEmpty();
    for (WedgeComponent c : WedgeComponent.values()) {
      YamlValue v = rule.get(c.key());
      if (v.isMissing() && rule.entries().containsKey(c.key())) {
        f.problem(v, "a value for " + c.key());
        ok = false;
        continue;
      }
      if (v.isMissing()) {
        continue;
      }
      Parameter p = values.read(v, prefix + c.key(), c.isShare() ? ValueReader.Range.FRACTION : ValueReader.Range.RATE);
      if (p == null) {
        ok = false;
      } else {
        changes.put(c, p);
      }
    }
    if (changes.isEmpty() && ok) {
      List<String> keys = new ArrayList<>();
      for (WedgeComponent c : WedgeComponent.values()) {
        keys.add(c.key());
      }
      f.problem(rule, "at least one of " + keys);
      return null;
    }
    return ok ? TariffRule.of(importers, exporters, secs, changes) : null;
  }

  /** Reads {@code key} or its plural; exactly one of them must be given. */
  private List<String> selector(YamlValue rule, String key, List<String> allowed, String what) {
    Map<String, YamlValue> e = new LinkedHashMap<>(rule.entries());
    boolean one = e.containsKey(key);
    boolean many = e.containsKey(key + "s");
    if (one == many) {
      f.problem(Location.of(rule).field(rule.pathOf(key)), "exactly one of '" + key + "' and '" + key + "s'",
          one ? "both" : "neither");
      return null;
    }
    return f.selector(one ? e.get(key) : e.get(key + "s"), allowed, what);
  }
}
