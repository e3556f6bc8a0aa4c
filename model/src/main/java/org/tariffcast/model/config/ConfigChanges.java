package org.tariffcast.model.config;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import org.tariffcast.model.distribution.Parameter;
import org.tariffcast.model.lever.Lever;
import org.tariffcast.model.run.RunSettings;
import org.tariffcast.model.scenario.PurchaseCommitment;
import org.tariffcast.model.scenario.Rerouting;
import org.tariffcast.model.scenario.Scenario;

/**
 * What differs between two configurations of a study, in the words a modeler would use in a
 * note to leadership: "the Framework probability rose from 0.45 to 0.55", "Substitution
 * elasticity, electronics changed from triangular(1.75, 4.4, 8.8) to fixed(5)", "the random seed
 * changed from 1 to 2". Parameters are named by their label where they have one.
 *
 * @param changedFiles files whose text differs (added and removed ones too), by name
 * @param changes the differences in words: scenario probabilities first, then parameters, tables,
 *     targets, levers and benchmarks, then the run settings (seed, trials, sampling, solver)
 * @param modelUnchanged true when nothing but the run settings differs: the same parameters,
 *     scenarios, tables and targets, so the two runs estimate the same quantities
 */
public record ConfigChanges(List<String> changedFiles, List<String> changes, boolean modelUnchanged) {
  public ConfigChanges {
    changedFiles = List.copyOf(changedFiles);
    changes = List.copyOf(changes);
  }

  /** The differences from {@code before} to {@code after}. */
  public static ConfigChanges between(ModelConfig before, ModelConfig after) {
    List<String> files = changedFiles(before.snapshot(), after.snapshot());
    List<String> model = new ArrayList<>();
    scenarios(before, after, model);
    parameters(before, after, model);
    for (String s : union(before.sectorCodes(), after.sectorCodes())) {
      if (!Objects.equals(before.flows().get(s), after.flows().get(s))) {
        model.add("the base-year flows of sector " + s + " changed (flows.csv)");
      }
      if (!Objects.equals(before.baseTariffs().get(s), after.baseTariffs().get(s))) {
        model.add("the base-year tariffs of sector " + s + " changed (tariffs.csv)");
      }
    }
    if (!before.correlations().equals(after.correlations())) {
      model.add("the rank correlations between parameters changed");
    }
    if (!before.targets().equals(after.targets())) {
      model.add("the targets changed");
    }
    if (!before.horizon().equals(after.horizon())) {
      model.add("the horizon changed from " + before.horizon().start() + ".." + before.horizon().end() + " to "
          + after.horizon().start() + ".." + after.horizon().end());
    }
    for (Lever l : after.levers()) {
      before.levers().stream().filter(b -> b.key().equals(l.key()) && b.value() != l.value()).findFirst()
          .ifPresent(b -> model.add("the lever '" + l.label() + "' moved from " + number(b.value()) + " to "
              + number(l.value())));
    }
    if (!before.regions().equals(after.regions()) || !before.sectors().equals(after.sectors())) {
      model.add("the regions or sectors of the study changed");
    }
    if (!elasticityNames(before).equals(elasticityNames(after))) {
      model.add("the elasticity table changed (elasticities.csv): which parameter each sector and region uses");
    }
    if (!byName(before.dynamics()).equals(byName(after.dynamics()))) {
      model.add("the dynamics changed (parameters.yml): demand, capacity trends, adjustment or front-loading");
    }
    named("purchase commitment", before.commitments(), after.commitments(), PurchaseCommitment::name,
        ConfigChanges::aspects, model);
    named("rerouting", before.reroutings(), after.reroutings(), Rerouting::name, ConfigChanges::aspects, model);
    if (!before.home().equals(after.home()) || !before.partner().equals(after.partner())
        || before.baseYear() != after.baseYear()) {
      model.add("the study's home, partner or base year changed (study.yml)");
    }
    if (!Objects.equals(before.perspective(), after.perspective())) {
      model.add("the side the reports take changed from " + before.perspective() + " to " + after.perspective());
    }
    List<String> run = runSettings(before.run(), after.run());
    if (!before.benchmarks().equals(after.benchmarks())) {
      run.add("the published benchmarks changed");
    }
    boolean unchanged = model.isEmpty();
    List<String> all = new ArrayList<>(model);
    all.addAll(run);
    if (all.isEmpty() && !files.isEmpty()) {
      all.add(String.join(", ", files) + " changed in wording only: no number of the model moved");
    }
    return new ConfigChanges(files, all, unchanged);
  }

  /** Files whose text differs, by name. */
  static List<String> changedFiles(ConfigSnapshot before, ConfigSnapshot after) {
    List<String> out = new ArrayList<>();
    for (String f : new TreeSet<>(union(before.files().keySet(), after.files().keySet()))) {
      if (!Objects.equals(before.files().get(f), after.files().get(f))) {
        out.add(f);
      }
    }
    return out;
  }

  private static void scenarios(ModelConfig before, ModelConfig after, List<String> out) {
    for (Scenario s : after.scenarios()) {
      Scenario b = before.scenarios().stream().filter(x -> x.name().equals(s.name())).findFirst().orElse(null);
      if (b == null) {
        out.add("the scenario " + s.name() + " was added (probability " + number(s.probability()) + ")");
        continue;
      }
      if (b.probability() != s.probability()) {
        out.add("the " + s.name() + " probability " + (s.probability() > b.probability() ? "rose" : "fell") + " from "
            + number(b.probability()) + " to " + number(s.probability()));
      }
      if (!b.regimes().equals(s.regimes())) {
        out.add("the tariffs or dates of the scenario " + s.name() + " changed (scenarios.yml)");
      }
    }
    for (Scenario b : before.scenarios()) {
      if (after.scenarios().stream().noneMatch(x -> x.name().equals(b.name()))) {
        out.add("the scenario " + b.name() + " was removed");
      }
    }
  }

  private static void parameters(ModelConfig before, ModelConfig after, List<String> out) {
    Map<String, Parameter> a = before.allParameters();
    Map<String, Parameter> b = after.allParameters();
    for (String name : union(a.keySet(), b.keySet())) {
      Parameter pa = a.get(name);
      Parameter pb = b.get(name);
      String label = after.parameterLabels().getOrDefault(name, before.parameterLabels().getOrDefault(name, name));
      if (pa == null) {
        out.add(label + " was added: " + pb.distribution().spec());
      } else if (pb == null) {
        out.add(label + " was removed (it was " + pa.distribution().spec() + ")");
      } else if (!pa.distribution().equals(pb.distribution())) {
        out.add(label + " changed from " + pa.distribution().spec() + " to " + pb.distribution().spec());
      }
    }
  }

  /**
   * Items of a named list that were added, removed or changed, in the order of {@code after} then
   * the removed ones; a changed item names the aspects that moved (its source text is wording and
   * is not compared).
   */
  private static <T> void named(String what, List<T> before, List<T> after, Function<T, String> name,
      Function<T, Map<String, Object>> aspects, List<String> out) {
    Map<String, T> b = new LinkedHashMap<>();
    before.forEach(x -> b.put(name.apply(x), x));
    Set<String> seen = new LinkedHashSet<>();
    for (T x : after) {
      String n = name.apply(x);
      seen.add(n);
      T old = b.get(n);
      if (old == null) {
        out.add("the " + what + " '" + n + "' was added (scenarios.yml)");
        continue;
      }
      Map<String, Object> was = aspects.apply(old);
      Map<String, Object> now = aspects.apply(x);
      List<String> moved = new ArrayList<>();
      now.forEach((k, v) -> {
        if (!Objects.equals(was.get(k), v)) {
          moved.add(k);
        }
      });
      if (!moved.isEmpty()) {
        out.add("the " + what + " '" + n + "' changed: " + String.join(", ", moved) + " (scenarios.yml)");
      }
    }
    for (String n : b.keySet()) {
      if (!seen.contains(n)) {
        out.add("the " + what + " '" + n + "' was removed (scenarios.yml)");
      }
    }
  }

  /**
   * A value with every {@link Parameter} in it replaced by its name, records and collections
   * followed: two values that differ only in a parameter's distribution come out equal (that
   * change is named once, by the parameter), while a different reference, number or structure
   * does not.
   */
  static Object byName(Object o) {
    if (o instanceof Parameter p) {
      return "parameter " + p.name();
    }
    if (o instanceof Map<?, ?> m) {
      Map<Object, Object> out = new java.util.HashMap<>();
      m.forEach((k, v) -> out.put(k, byName(v)));
      return out;
    }
    if (o instanceof java.util.Collection<?> c) {
      return c.stream().map(ConfigChanges::byName).toList();
    }
    if (o instanceof Record r) {
      List<Object> out = new ArrayList<>();
      for (java.lang.reflect.RecordComponent rc : r.getClass().getRecordComponents()) {
        try {
          out.add(byName(rc.getAccessor().invoke(r)));
        } catch (ReflectiveOperationException e) {
          throw new IllegalStateException("cannot read " + rc.getName() + " of " + r.getClass().getSimpleName(), e);
        }
      }
      return out;
    }
    return o;
  }

  /** Which parameter each (sector, region) of the elasticity table refers to. */
  private static Map<String, Object> elasticityNames(ModelConfig c) {
    Map<String, Object> out = new LinkedHashMap<>();
    for (String s : c.sectorCodes()) {
      for (String r : c.regionCodes()) {
        out.put(s + "/" + r, byName(c.elasticities().get(s, r)));
      }
    }
    return out;
  }

  /** A commitment's aspects a modeler edits, by the words used for them; the source is left out. */
  private static Map<String, Object> aspects(PurchaseCommitment c) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("sector", c.sector());
    m.put("exporter or importer", c.exporter() + ">" + c.importer());
    m.put("value", Arrays.asList(c.annualValue(), c.totalValue(), c.unitValue()));
    m.put("start or end", Arrays.asList(c.start(), c.end()));
    m.put("fulfilment", byName(c.fulfilment()));
    m.put("ramp", byName(c.rampQuarters()));
    m.put("displacement", byName(c.displacement()));
    m.put("additionality", byName(c.additionality()));
    return m;
  }

  /** A rerouting rule's aspects, by the words used for them; the source is left out. */
  private static Map<String, Object> aspects(Rerouting r) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("importer, via or origin", List.of(r.importer(), r.via(), r.origin()));
    m.put("third routes", r.thirdRoutes());
    m.put("sectors", r.sectors());
    m.put("routed share", byName(r.routedShare()));
    m.put("route elasticity", byName(r.elasticity()));
    m.put("routing cost", byName(r.routingCost()));
    m.put("lost share", byName(r.lostShare()));
    return m;
  }

  private static List<String> runSettings(RunSettings a, RunSettings b) {
    List<String> out = new ArrayList<>();
    if (a.seed() != b.seed()) {
      out.add("the random seed changed from " + a.seed() + " to " + b.seed());
    }
    if (a.trials() != b.trials()) {
      out.add("the trials " + (b.trials() > a.trials() ? "rose" : "fell") + " from "
          + String.format(Locale.ROOT, "%,d", a.trials()) + " to " + String.format(Locale.ROOT, "%,d", b.trials()));
    }
    if (a.sampling() != b.sampling()) {
      out.add("the sampling changed from " + a.sampling().label() + " to " + b.sampling().label());
    }
    if (a.solver() != b.solver()) {
      out.add("the equilibrium solver changed from " + a.solver().label() + " to " + b.solver().label());
    }
    return out;
  }

  private static <T> Set<T> union(java.util.Collection<T> a, java.util.Collection<T> b) {
    Set<T> out = new LinkedHashSet<>(a);
    out.addAll(b);
    return out;
  }

  /** A plain number: at most 4 decimals, no trailing zeros (0.45, 20, 0.1234). */
  static String number(double v) {
    return BigDecimal.valueOf(v).setScale(4, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString();
  }
}
