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
 * Reads a study folder into a validated {@link ModelConfig}, or reports every problem at once
 * in a {@link ConfigException}. YAML is composed into nodes by SnakeYAML with a safe
 * constructor (no object construction, aliases capped), CSV is read with Apache Commons CSV.
 * Reading changes nothing on disk.
 */
public final class ConfigLoader {
  /** The files of a study, relative to its folder. */
  public static final List<String> FILES = List.of(StudyFile.FILE, ScenariosFile.FILE, ParametersFile.FILE,
      DataTables.FLOWS, DataTables.TARIFFS, DataTables.ELASTICITIES);
  /** Largest file read (bytes): a study is text a person edits. */
  public static final long MAX_FILE_BYTES = 64L * 1024 * 1024;
  /** Correlation matrices must have no eigenvalue below this. */
  public static final double EIGENVALUE_TOLERANCE = -1e-10;

  private ConfigLoader() {}

  /** Loads and validates; throws {@link ConfigException} listing every problem. */
  public static ModelConfig load(Path folder) {
    Problems problems = new Problems();
    ModelConfig config = read(folder, problems);
    if (!problems.isEmpty() || config == null) {
      throw problems.exception();
    }
    return config;
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

  private static ModelConfig read(Path folder, Problems problems) {
    Fields f = new Fields(problems);
    if (!Files.isDirectory(folder)) {
      problems.add(folder.toString(), 0, 0, "folder", "a study folder holding " + String.join(", ", FILES),
          Files.exists(folder) ? "a file" : "no such folder");
      return null;
    }
    Map<String, String> texts = new LinkedHashMap<>();
    for (String file : FILES) {
      String text = readText(folder.resolve(file), file, problems);
      if (text != null) {
        texts.put(file, text);
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
    ValueReader values = new ValueReader(f, params.named);
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

    ScenariosFile scenarios = new ScenariosFile(f, values, regions, sectors, study.horizon);
    YamlValue scenarioRoot = yaml(ScenariosFile.FILE, texts, problems);
    if (scenarioRoot != null) {
      scenarios.read(scenarioRoot);
    }

    if (!problems.isEmpty() || texts.size() < FILES.size() || !canReadTables || study.run == null
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
          tables.sources(), ConfigSnapshot.of(texts));
    } catch (IllegalArgumentException e) {
      problems.add(StudyFile.FILE, 0, 0, "study", "a consistent study", Problems.quote(e.getMessage()));
      return null;
    }
  }

  private static List<RankCorrelation> correlations(ParametersFile params, DataTables tables,
      ScenariosFile scenarios, StudyFile study, Fields f) {
    Map<String, Parameter> all;
    try {
      all = ModelConfig.collectParameters(tables.elasticities, study.sectorCodes(), study.regionCodes(),
          params.dynamics, scenarios.scenarios, scenarios.commitments);
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
