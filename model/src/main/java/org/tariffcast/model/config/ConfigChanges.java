package org.tariffcast.model.config;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import org.tariffcast.model.distribution.Parameter;
import org.tariffcast.model.lever.Lever;
import org.tariffcast.model.run.RunSettings;
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
    if (model.isEmpty() && !before.dynamics().equals(after.dynamics())) {
      model.add("the demand dynamics changed (parameters.yml)");
    }
    if (model.isEmpty() && !before.commitments().equals(after.commitments())) {
      model.add("the purchase commitments changed (scenarios.yml)");
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
