package org.tariffcast.model.config;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.EigenDecomposition;
import org.tariffcast.model.distribution.Parameter;
import org.tariffcast.model.distribution.RankCorrelation;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.nodes.Node;

/**
 * The one loader of a study: parses the texts of a {@link ConfigSnapshot} into a validated
 * {@link ModelConfig}, or reports every problem at once in a {@link ConfigException}. A study
 * folder is first read into a snapshot ({@link #load(Path)}), so a folder and the snapshot a run
 * stored in its database give the same configuration, problems and locations. YAML is composed
 * into nodes by SnakeYAML with a safe constructor (no object construction, aliases capped), CSV
 * is read with Apache Commons CSV; everything is parsed in memory and nothing is written.
 *
 * <p>A process parses a snapshot once: the outcome (configuration or problems) of the last
 * {@link #CACHED_STUDIES} snapshots is kept by SHA-256, so {@code validate}, the job's
 * validation step, the partitions, the merge and remote workers share one parse. Outcomes are
 * immutable values, safe to share between threads.
 */
public final class ConfigLoader {
  /** The files of a study, relative to its folder. */
  public static final List<String> FILES = List.of(StudyFile.FILE, ScenariosFile.FILE, ParametersFile.FILE,
      DataTables.FLOWS, DataTables.TARIFFS, DataTables.ELASTICITIES);
  /**
   * The optional file setting levers to other values than their defaults ({@code key: value}
   * per line): a sweep's grid point is the study's snapshot plus this file, so each point has
   * its own snapshot hash, stored and fingerprinted like any run.
   */
  public static final String LEVER_SETTINGS = "levers.yml";
  /** Largest file read (bytes): a study is text a person edits. */
  public static final long MAX_FILE_BYTES = 64L * 1024 * 1024;
  /** Correlation matrices must have no eigenvalue below this. */
  public static final double EIGENVALUE_TOLERANCE = -1e-10;
  /** Parsed snapshots kept per process (a remote worker serves a few studies at a time). */
  public static final int CACHED_STUDIES = 4;

  /** A parse's outcome: the configuration, or the exception that lists its problems. */
  private record Outcome(ModelConfig config, ConfigException failure) {
    ModelConfig orThrow() {
      if (config == null) {
        throw new ConfigException(failure.problems(), failure.omitted());
      }
      return config;
    }
  }

  private static final Map<String, Outcome> PARSED = java.util.Collections.synchronizedMap(
      new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Outcome> eldest) {
          return size() > CACHED_STUDIES;
        }
      });

  private ConfigLoader() {}

  /**
   * Parses and validates the texts of a snapshot (parsed once per process: a snapshot met
   * before returns the same configuration); throws {@link ConfigException} listing every problem.
   */
  public static ModelConfig load(ConfigSnapshot snapshot) {
    return outcome(snapshot).orThrow();
  }

  /** Every problem of the snapshot's study, sorted by file, line and column; empty if none. */
  public static List<ConfigProblem> validate(ConfigSnapshot snapshot) {
    Outcome o = outcome(snapshot);
    return o.config() == null ? o.failure().problems() : List.of();
  }

  /**
   * Reads the study folder into a snapshot and loads that; throws {@link ConfigException}
   * listing every problem, including files that cannot be read.
   */
  public static ModelConfig load(Path folder) {
    Problems problems = new Problems();
    Map<String, String> texts = readFolder(folder, problems);
    if (texts == null) {
      throw problems.exception();
    }
    if (problems.isEmpty()) {
      return load(ConfigSnapshot.of(texts));
    }
    // some files could not be read: report their problems with those of the files that could
    parse(texts, problems);
    throw problems.exception();
  }

  /** Every problem of the study in {@code folder}, sorted by file, line and column; empty if none. */
  public static List<ConfigProblem> validate(Path folder) {
    try {
      load(folder);
      return List.of();
    } catch (ConfigException e) {
      return e.problems();
    }
  }

  private static Outcome outcome(ConfigSnapshot snapshot) {
    Outcome o = PARSED.get(snapshot.sha256());
    if (o == null) {
      Problems problems = new Problems();
      ModelConfig config = parse(snapshot.files(), problems);
      o = problems.isEmpty() && config != null ? new Outcome(config, null) : new Outcome(null, problems.exception());
      PARSED.put(snapshot.sha256(), o);
    }
    return o;
  }

  /**
   * The texts of the study's files by name; files that are absent are left out (the parse
   * reports them), files that cannot be read are problems. Null if {@code folder} is no folder.
   */
  private static Map<String, String> readFolder(Path folder, Problems problems) {
    if (!Files.isDirectory(folder)) {
      problems.add(folder.toString(), 0, 0, "folder", "a study folder holding " + String.join(", ", FILES),
          Files.exists(folder) ? "a file" : "no such folder");
      return null;
    }
    Map<String, String> texts = new LinkedHashMap<>();
    for (String file : withSettings()) {
      Path path = folder.resolve(file);
      if (Files.isRegularFile(path)) {
        String text = readText(path, file, problems);
        if (text != null) {
          texts.put(file, text);
        }
      }
    }
    return texts;
  }

  /**
   * Parses the texts; every problem goes to {@code problems}. A study file that is neither in
   * {@code texts} nor already reported is reported missing.
   */
  private static ModelConfig parse(Map<String, String> texts, Problems problems) {
    Fields f = new Fields(problems);
    Set<String> reported = new HashSet<>(problems.files());
    for (String file : FILES) {
      if (!texts.containsKey(file) && !reported.contains(file)) {
        problems.add(file, 0, 0, "file", "the file " + file + " in the study folder", "nothing");
      }
    }
    StudyFile study = new StudyFile();
    YamlValue studyRoot = yaml(StudyFile.FILE, texts, problems);
    if (studyRoot != null) {
      study.read(studyRoot, f);
    }
    List<String> regions = study.regionCodes();
    List<String> sectors = study.sectorCodes();

    ParametersFile params = new ParametersFile();
    YamlValue paramRoot = yaml(ParametersFile.FILE, texts, problems);
    if (paramRoot != null) {
      params.readNamed(paramRoot, f);
    }
    Map<String, Double> leverValues = new LinkedHashMap<>();
    for (org.tariffcast.model.lever.Lever lever : study.levers) {
      if (params.named.containsKey(lever.key())) {
        f.problem(study.leverNodes.get(lever.key()), "a lever key that is not also a parameter in parameters.yml");
      } else {
        leverValues.put(lever.key(), lever.defaultValue());
      }
    }
    if (texts.containsKey(LEVER_SETTINGS)) {
      YamlValue settings = yaml(LEVER_SETTINGS, texts, problems);
      if (settings != null) {
        study.readSettings(settings, f, leverValues);
      }
    }
    ValueReader values = new ValueReader(f, params.named, leverValues);
    if (paramRoot != null) {
      params.readRest(paramRoot, f, values, regions, sectors);
    }

    DataTables tables = new DataTables(f, regions, sectors);
    boolean canReadTables = regions.size() >= 2 && !sectors.isEmpty();
    if (canReadTables) {
      if (texts.containsKey(DataTables.FLOWS)) {
        tables.readFlows(texts.get(DataTables.FLOWS));
      }
      if (texts.containsKey(DataTables.TARIFFS)) {
        tables.readTariffs(texts.get(DataTables.TARIFFS));
      }
      if (texts.containsKey(DataTables.ELASTICITIES)) {
        tables.readElasticities(texts.get(DataTables.ELASTICITIES), values);
      }
    }
    shortRunNeedsConvergence(params, tables, f);

    ScenariosFile scenarios = new ScenariosFile(f, values, regions, sectors, study.horizon, study.home);
    YamlValue scenarioRoot = yaml(ScenariosFile.FILE, texts, problems);
    if (scenarioRoot != null) {
      scenarios.read(scenarioRoot);
    }

    study.checkBenchmarkScenarios(scenarios.scenarios.stream().map(org.tariffcast.model.scenario.Scenario::name)
        .toList(), f);
    if (!problems.isEmpty() || !texts.keySet().containsAll(FILES) || !canReadTables || study.run == null
        || study.perspective == null
        || study.horizon == null || params.dynamics == null || tables.elasticities == null) {
      return null;
    }
    List<RankCorrelation> correlations = correlations(params, tables, scenarios, study, f);
    if (correlations == null) {
      return null;
    }
    try {
      return new ModelConfig(study.name, study.title, study.home, study.partner, study.baseYear, study.regions,
          study.sectors, study.horizon, study.run, tables.flows, tables.tariffs, tables.elasticities,
          params.dynamics, scenarios.scenarios, scenarios.commitments, correlations, study.targets,
          tables.sources(), ConfigSnapshot.of(texts), study.perspective, params.labels, study.levers, study.benchmarks,
          scenarios.reroutings);
    } catch (IllegalArgumentException e) {
      problems.add(StudyFile.FILE, 0, 0, "study", "a consistent study", Problems.quote(e.getMessage()));
      return null;
    }
  }

  /**
   * A short-run substitution elasticity needs a convergence time, and a convergence time is
   * only read with some short-run elasticity (alone it would add a sampled dimension that
   * changes nothing).
   */
  private static void shortRunNeedsConvergence(ParametersFile params, DataTables tables, Fields f) {
    if (tables.firstShortRun != null && params.dynamics != null && params.dynamics.convergence() == null) {
      f.problem(tables.firstShortRun, "dynamics.convergence_quarters in parameters.yml (quarters until the "
          + "long-run substitution elasticity is reached) for a short-run elasticity", "none");
    }
    if (params.convergenceAt != null && tables.elasticities != null && tables.firstShortRun == null) {
      f.problem(params.convergenceAt, "a short-run substitution elasticity (column " + DataTables.SHORT_RUN
          + " of elasticities.csv) for the convergence time to apply to", "no such column or only blank cells");
    }
  }

  /**
   * Reads a sweep ({@code explore.yml}, see config/README.md) of {@code study}: the text of the
   * file {@code fileName}. Throws {@link ConfigException} listing every problem, located.
   */
  public static org.tariffcast.model.explore.ExplorePlan loadExplore(ModelConfig study, String fileName, String text) {
    Problems problems = new Problems();
    YamlValue root = yaml(fileName, Map.of(fileName, text), problems);
    org.tariffcast.model.explore.ExplorePlan plan = null;
    if (root != null) {
      plan = new ExploreFile(fileName, study, new Fields(problems)).read(root);
    }
    if (!problems.isEmpty() || plan == null) {
      if (problems.isEmpty()) {
        problems.add(fileName, 0, 0, "explore", "a complete sweep", "an incomplete one");
      }
      throw problems.exception();
    }
    return plan;
  }

  /** As {@link #loadExplore(ModelConfig, String, String)}, reading the file; its name in problems is the file's name. */
  public static org.tariffcast.model.explore.ExplorePlan loadExplore(ModelConfig study, Path file) {
    Problems problems = new Problems();
    String text = Files.isRegularFile(file) ? readText(file, file.getFileName().toString(), problems) : null;
    if (text == null) {
      if (problems.isEmpty()) {
        problems.add(file.toString(), 0, 0, "file", "a sweep file (explore.yml)", "no such file");
      }
      throw problems.exception();
    }
    return loadExplore(study, file.getFileName().toString(), text);
  }

  private static List<String> withSettings() {
    List<String> all = new ArrayList<>(FILES);
    all.add(LEVER_SETTINGS);
    return all;
  }

  /**
   * The snapshot with {@link #LEVER_SETTINGS} setting these levers (key to value; the others
   * keep what {@code snapshot} gives them). The text is canonical: keys in the order given,
   * values in plain decimal, so the same settings give the same hash.
   */
  public static ConfigSnapshot withLevers(ConfigSnapshot snapshot, Map<String, Double> settings) {
    Map<String, String> files = new LinkedHashMap<>(snapshot.files());
    Map<String, Double> all = new LinkedHashMap<>();
    if (files.containsKey(LEVER_SETTINGS)) {
      ModelConfig before = load(snapshot);
      before.levers().stream().filter(org.tariffcast.model.lever.Lever::isMoved)
          .forEach(l -> all.put(l.key(), l.value()));
    }
    all.putAll(settings);
    StringBuilder b = new StringBuilder("# lever settings (written by ConfigLoader.withLevers)\n");
    all.forEach((k, v) -> b.append(k).append(": ").append(java.math.BigDecimal.valueOf(v).toPlainString())
        .append('\n'));
    files.put(LEVER_SETTINGS, b.toString());
    return ConfigSnapshot.of(files);
  }

  private static List<RankCorrelation> correlations(ParametersFile params, DataTables tables,
      ScenariosFile scenarios, StudyFile study, Fields f) {
    Map<String, Parameter> all;
    try {
      all = ModelConfig.collectParameters(tables.elasticities, study.sectorCodes(), study.regionCodes(),
          params.dynamics, scenarios.scenarios, scenarios.commitments, scenarios.reroutings);
    } catch (IllegalArgumentException e) {
      f.problem(new Location(ParametersFile.FILE, 0, 0, "parameters"),
          "parameter names different from the names the loader gives (such as Em.ELEC.US)",
          Problems.quote(e.getMessage()));
      return null;
    }
    List<RankCorrelation> out = new ArrayList<>();
    Set<String> pairs = new HashSet<>();
    boolean ok = true;
    for (ParametersFile.CorrelationEntry c : params.correlations) {
      for (String n : List.of(c.first(), c.second())) {
        Parameter p = all.get(n);
        if (p == null || !p.isUncertain()) {
          f.problem(c.at().get("between"), "names of uncertain parameters (see config/README.md for names)",
              "'" + n + "'" + (p == null ? ", which is not a parameter" : ", which is fixed"));
          ok = false;
        }
      }
      String key = c.first().compareTo(c.second()) < 0 ? c.first() + "|" + c.second() : c.second() + "|" + c.first();
      if (!pairs.add(key)) {
        f.problem(c.at().get("between"), "each pair once", "a second entry for " + c.first() + " and " + c.second());
        ok = false;
      }
      out.add(RankCorrelation.of(c.first(), c.second(), c.rho()));
    }
    if (!ok) {
      return null;
    }
    if (!out.isEmpty()) {
      double min = smallestEigenvalue(out);
      if (min < EIGENVALUE_TOLERANCE) {
        f.problem(params.correlationsNode, "correlations forming a positive semi-definite matrix (after conversion "
            + "to normal-scale correlations 2 sin(pi rho / 6))", "a smallest eigenvalue of " + String.format(
                java.util.Locale.ROOT, "%.4f", min));
        return null;
      }
    }
    return out;
  }

  /** Smallest eigenvalue of the normal-scale correlation matrix the Gaussian copula would use. */
  static double smallestEigenvalue(List<RankCorrelation> correlations) {
    List<String> names = new ArrayList<>();
    for (RankCorrelation c : correlations) {
      if (!names.contains(c.first())) {
        names.add(c.first());
      }
      if (!names.contains(c.second())) {
        names.add(c.second());
      }
    }
    int n = names.size();
    double[][] m = new double[n][n];
    for (int i = 0; i < n; i++) {
      m[i][i] = 1;
    }
    for (RankCorrelation c : correlations) {
      int a = names.indexOf(c.first());
      int b = names.indexOf(c.second());
      double r = 2 * Math.sin(Math.PI * c.rho() / 6);
      m[a][b] = r;
      m[b][a] = r;
    }
    double[] eig = new EigenDecomposition(new Array2DRowRealMatrix(m)).getRealEigenvalues();
    double min = Double.POSITIVE_INFINITY;
    for (double e : eig) {
      min = Math.min(min, e);
    }
    return min;
  }

  private static String readText(Path path, String file, Problems problems) {
    if (!Files.isRegularFile(path)) {
      problems.add(file, 0, 0, "file", "the file " + file + " in the study folder", "nothing");
      return null;
    }
    try {
      if (Files.size(path) > MAX_FILE_BYTES) {
        problems.add(file, 0, 0, "file", "at most " + MAX_FILE_BYTES + " bytes", Files.size(path) + " bytes");
        return null;
      }
      return Utf8Text.decode(file, Files.readAllBytes(path), problems);
    } catch (IOException e) {
      problems.add(file, 0, 0, "file", "a readable file", Problems.quote(e.toString()));
      return null;
    }
  }

  private static YamlValue yaml(String file, Map<String, String> texts, Problems problems) {
    String text = texts.get(file);
    if (text == null) {
      return null;
    }
    LoaderOptions options = new LoaderOptions();
    options.setAllowDuplicateKeys(false);
    options.setMaxAliasesForCollections(20);
    options.setAllowRecursiveKeys(false);
    options.setCodePointLimit((int) Math.min(Integer.MAX_VALUE, MAX_FILE_BYTES));
    try {
      Node node = new Yaml(new SafeConstructor(options), new org.yaml.snakeyaml.representer.Representer(
          new org.yaml.snakeyaml.DumperOptions()), new org.yaml.snakeyaml.DumperOptions(), options)
          .compose(new StringReader(text));
      YamlValue root = YamlValue.root(file, node);
      if (root.isMissing()) {
        problems.add(file, 1, 1, "(document)", "a YAML mapping", "an empty file");
        return null;
      }
      return root;
    } catch (MarkedYAMLException e) {
      Mark m = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
      int line = m == null ? 0 : m.getLine() + 1;
      int col = m == null ? 0 : m.getColumn() + 1;
      problems.add(file, line, col, "(syntax)", "valid YAML", Problems.quote(e.getProblem()));
      return null;
    } catch (RuntimeException e) {
      problems.add(file, 0, 0, "(syntax)", "valid YAML", Problems.quote(e.getMessage()));
      return null;
    }
  }
}
