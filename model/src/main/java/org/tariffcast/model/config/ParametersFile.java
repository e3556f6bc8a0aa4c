package org.tariffcast.model.config;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.tariffcast.model.distribution.DistributionParser;
import org.tariffcast.model.distribution.Parameter;
import org.tariffcast.model.dynamics.DemandProcess;
import org.tariffcast.model.dynamics.Dynamics;

/**
 * Reads {@code parameters.yml}: named parameters (each a distribution, or {@code {value:
 * distribution, label: words}}), correlations, dynamics.
 */
final class ParametersFile {
  static final String FILE = "parameters.yml";
  private static final String NAME = "[A-Za-z_][A-Za-z0-9_.\\-]*";

  /** A correlation as written, checked once every parameter is known. */
  record CorrelationEntry(String first, String second, double rho, YamlValue at) {}

  final Map<String, Parameter> named = new LinkedHashMap<>();
  /** Parameter name -> label, for the named parameters that have one. */
  final Map<String, String> labels = new LinkedHashMap<>();
  final List<CorrelationEntry> correlations = new ArrayList<>();
  YamlValue correlationsNode;
  Dynamics dynamics;
  /** Where {@code dynamics.convergence_quarters} was given, or null. */
  Location convergenceAt;

  /** Reads the named parameters: they must be known before any other file refers to them. */
  void readNamed(YamlValue root, Fields f) {
    if (!f.keys(root, Set.of("dynamics"), Set.of("parameters", "correlations"))) {
      return;
    }
    YamlValue params = root.get("parameters");
    if (params.isMissing()) {
      return;
    }
    if (!params.isMap()) {
      f.problem(params, "a mapping of parameter names to distributions");
      return;
    }
    for (Map.Entry<String, YamlValue> e : params.entries().entrySet()) {
      String name = e.getKey();
      YamlValue v = e.getValue();
      if (!name.matches(NAME) || name.equalsIgnoreCase("inf") || name.equalsIgnoreCase("infinity")) {
        f.problem(v, "a parameter name of letters, digits, '_', '.' or '-', starting with a letter");
        continue;
      }
      if (v.isMap()) {
        // {value: <distribution>, label: <plain words>}
        if (!f.keys(v, Set.of("value"), Set.of("label"))) {
          continue;
        }
        String label = f.optionalString(v.get("label"));
        if (!v.get("label").isMissing() && (label == null || label.isBlank())) {
          f.problem(v.get("label"), "a label in plain words, such as \"Substitution elasticity, electronics\"");
        } else if (label != null) {
          labels.put(name, label);
        }
        v = v.get("value");
      }
      if (!v.isScalar()) {
        f.problem(v, "a number or a distribution such as triangular(0.05, 0.10, 0.16)");
        continue;
      }
      try {
        named.put(name, Parameter.of(name, DistributionParser.parse(v.text())));
      } catch (DistributionParser.SyntaxException ex) {
        f.problem(Location.of(v), ex.expected(), ex.found());
      }
    }
    java.util.Set<String> seen = new java.util.HashSet<>();
    for (YamlValue k : params.keyNodes()) {
      if (!seen.add(k.text())) {
        f.problems.add(k.file, k.line, k.column, k.path, "each parameter name once", "'" + k.text() + "' again");
      }
    }
  }

  void readRest(YamlValue root, Fields f, ValueReader values, List<String> regions, List<String> sectors) {
    if (!root.isMap()) {
      return;
    }
    correlationsNode = root.get("correlations");
    for (YamlValue item : f.list(correlationsNode, "a list of {between: [a, b], rho}", false)) {
      if (!f.keys(item, Set.of("between", "rho"), Set.of())) {
        continue;
      }
      YamlValue between = item.get("between");
      List<YamlValue> names = between.items();
      if (!between.isList() || names.size() != 2 || !names.get(0).isScalar() || !names.get(1).isScalar()) {
        f.problem(between, "a list of two parameter names [a, b]");
        continue;
      }
      Double rho = f.number(item.get("rho"), "a rank correlation in [-1, 1]", x -> x >= -1 && x <= 1);
      if (rho == null) {
        continue;
      }
      String a = names.get(0).text().trim();
      String b = names.get(1).text().trim();
      if (a.equals(b)) {
        f.problem(between, "two different parameters");
        continue;
      }
      correlations.add(new CorrelationEntry(a, b, rho, item));
    }
    readDynamics(root.get("dynamics"), f, values, regions, sectors);
  }

  private void readDynamics(YamlValue v, Fields f, ValueReader values, List<String> regions, List<String> sectors) {
    if (!f.keys(v, Set.of("half_life_quarters"), Set.of("front_loading", "demand", "capacity", "convergence_quarters"))) {
      return;
    }
    Parameter halfLife = values.read(v.get("half_life_quarters"), "dynamics.half_life", ValueReader.Range.POSITIVE);
    Parameter share = Parameter.fixed("dynamics.front_loading_share", 0);
    int quarters = 1;
    YamlValue fl = v.get("front_loading");
    if (!fl.isMissing() && f.keys(fl, Set.of("share"), Set.of("quarters"))) {
      share = values.read(fl.get("share"), "dynamics.front_loading_share", ValueReader.Range.FRACTION);
      if (!fl.get("quarters").isMissing()) {
        Long q = f.integer(fl.get("quarters"), "a number of quarters in [1, 8]", 1, 8);
        quarters = q == null ? 1 : q.intValue();
      }
    }
    Map<String, DemandProcess> demand = readDemand(v.get("demand"), f, regions, sectors);
    Map<String, Parameter> capacity = readCapacity(v.get("capacity"), f, values, regions, sectors);
    Parameter convergence = null;
    YamlValue cv = v.get("convergence_quarters");
    convergenceAt = cv.isMissing() ? null : Location.of(cv);
    if (!cv.isMissing()) {
      convergence = values.read(cv, "dynamics.convergence", ValueReader.Range.POSITIVE_FINITE_RANGE);
      if (convergence == null) {
        return;
      }
    }
    if (halfLife != null && share != null && demand != null) {
      dynamics = new Dynamics(demand, capacity, halfLife, share, quarters, convergence);
    }
  }

  private Map<String, DemandProcess> readDemand(YamlValue v, Fields f, List<String> regions, List<String> sectors) {
    Map<String, double[]> values = new LinkedHashMap<>();
    boolean ok = true;
    for (YamlValue item : f.list(v, "a list of {importer, sector, drift, volatility, common_loading}", false)) {
      if (!f.keys(item, Set.of("importer", "sector"), Set.of("drift", "volatility", "common_loading"))) {
        ok = false;
        continue;
      }
      List<String> importers = f.selector(item.get("importer"), regions, "region");
      List<String> secs = f.selector(item.get("sector"), sectors, "sector");
      Double drift = opt(item.get("drift"), f, "a log growth per quarter in [-0.5, 0.5]", x -> x >= -0.5 && x <= 0.5);
      Double vol = opt(item.get("volatility"), f, "a standard deviation per quarter in [0, 1]", x -> x >= 0 && x <= 1);
      Double load = opt(item.get("common_loading"), f, "a loading in [0, 1]", x -> x >= 0 && x <= 1);
      if (Double.isNaN(nz(drift)) || Double.isNaN(nz(vol)) || Double.isNaN(nz(load))) {
        ok = false;
        continue;
      }
      for (String s : secs) {
        for (String r : importers) {
          double[] d = values.computeIfAbsent(Dynamics.key(s, r), k -> new double[3]);
          if (drift != null) {
            d[0] = drift;
          }
          if (vol != null) {
            d[1] = vol;
          }
          if (load != null) {
            d[2] = load;
          }
        }
      }
    }
    if (!ok) {
      return null;
    }
    Map<String, DemandProcess> out = new LinkedHashMap<>();
    values.forEach((k, d) -> out.put(k, DemandProcess.of(d[0], d[1], d[2])));
    return out;
  }

  private static double nz(Double d) {
    return d == null ? 0 : d;
  }

  /** An optional number: null when absent, NaN after a reported problem. */
  private static Double opt(YamlValue v, Fields f, String expected, java.util.function.DoublePredicate ok) {
    if (v.isMissing()) {
      return null;
    }
    Double d = f.number(v, expected, ok);
    return d == null ? Double.NaN : d;
  }

  private Map<String, Parameter> readCapacity(YamlValue v, Fields f, ValueReader values, List<String> regions,
      List<String> sectors) {
    Map<String, Parameter> out = new LinkedHashMap<>();
    for (YamlValue item : f.list(v, "a list of {exporter, sector, trend}", false)) {
      if (!f.keys(item, Set.of("exporter", "sector", "trend"), Set.of())) {
        continue;
      }
      List<String> exporters = f.selector(item.get("exporter"), regions, "region");
      List<String> secs = f.selector(item.get("sector"), sectors, "sector");
      for (String s : secs) {
        for (String r : exporters) {
          Parameter p = values.read(item.get("trend"), "capacity." + s + "." + r,
              new ValueReader.Range(d -> d.lowerBound() > -0.5 && d.upperBound() < 0.5,
                  "a log growth per quarter within (-0.5, 0.5) on its whole range"));
          if (p == null) {
            return out;
          }
          out.put(Dynamics.key(s, r), p);
        }
      }
    }
    return out;
  }
}
