package org.tariffcast.model.config;

import static org.tariffcast.model.Checks.copy;
import static org.tariffcast.model.Checks.notBlank;
import static org.tariffcast.model.Checks.notNull;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tariffcast.model.distribution.Parameter;
import org.tariffcast.model.lever.Lever;
import org.tariffcast.model.distribution.RankCorrelation;
import org.tariffcast.model.dynamics.Dynamics;
import org.tariffcast.model.elasticity.ElasticitySet;
import org.tariffcast.model.elasticity.Elasticities;
import org.tariffcast.model.geo.Region;
import org.tariffcast.model.geo.Sector;
import org.tariffcast.model.result.Indicator;
import org.tariffcast.model.result.StudyDescription;
import org.tariffcast.model.run.RunSettings;
import org.tariffcast.model.run.Target;
import org.tariffcast.model.scenario.PurchaseCommitment;
import org.tariffcast.model.scenario.Regime;
import org.tariffcast.model.scenario.Rerouting;
import org.tariffcast.model.scenario.Scenario;
import org.tariffcast.model.scenario.TariffRule;
import org.tariffcast.model.time.Horizon;
import org.tariffcast.model.trade.DataSource;
import org.tariffcast.model.trade.TariffMatrix;
import org.tariffcast.model.trade.TradeMatrix;

/**
 * A validated study: everything the simulation needs, and the snapshot of the files it came
 * from. Built by {@link ConfigLoader} from a folder, or directly (tests, other front ends);
 * the constructor checks that every reference resolves.
 *
 * @param name study identifier
 * @param title study title for reports
 * @param home region whose imports, exports and revenue the outputs report (e.g. US)
 * @param partner the bilateral partner (e.g. VN)
 * @param baseYear calendar year of the base flows
 * @param regions every region, in table order
 * @param sectors every sector, in table order
 * @param horizon projection quarters
 * @param run sampling and solver settings
 * @param flows sector code -> base-year flows (USD per year), regions in {@code regions} order
 * @param baseTariffs sector code -> base-year wedges (the no-change baseline)
 * @param elasticities per sector and region
 * @param dynamics demand processes, capacity trends, adjustment, front-loading
 * @param scenarios outcomes with probabilities summing to 1
 * @param commitments purchase commitments that regimes may start
 * @param correlations rank correlations between uncertain parameters
 * @param targets questions whose probabilities reports give
 * @param sources data sources with quality flags
 * @param snapshot the files as read
 * @param perspective the region whose side reports take, home or partner (default home)
 * @param parameterLabels parameter name -> plain-language label, for the parameters that have one
 * @param levers the negotiating levers of {@code study.yml}, in file order (may be empty), each
 *     at the value the rules, commitments and dates above used (its default unless levers.yml moved it)
 * @param benchmarks published estimates the results are compared with ({@code benchmarks:} of
 *     study.yml), in file order (may be empty); each names a scenario of the study or Outlook
 * @param reroutings transshipment modelled as re-routing ({@code rerouting:} of scenarios.yml), in file
 *     order (may be empty: then transshipment is only the rate mix of the wedges); at most one per
 *     (importer, via, sector), the importer being home
 */
public record ModelConfig(
    String name,
    String title,
    String home,
    String partner,
    int baseYear,
    List<Region> regions,
    List<Sector> sectors,
    Horizon horizon,
    RunSettings run,
    Map<String, TradeMatrix> flows,
    Map<String, TariffMatrix> baseTariffs,
    Elasticities elasticities,
    Dynamics dynamics,
    List<Scenario> scenarios,
    List<PurchaseCommitment> commitments,
    List<RankCorrelation> correlations,
    List<Target> targets,
    List<DataSource> sources,
    ConfigSnapshot snapshot,
    String perspective,
    Map<String, String> parameterLabels,
    List<Lever> levers,
    List<org.tariffcast.model.result.Benchmark> benchmarks,
    List<Rerouting> reroutings) {

  /** Scenario probabilities must sum to 1 within this tolerance. */
  public static final double PROBABILITY_TOLERANCE = 1e-6;

  public ModelConfig {
    notBlank(name, "study name");
    title = title == null || title.isBlank() ? name : title;
    regions = copy(regions, "regions");
    sectors = copy(sectors, "sectors");
    List<String> regionCodes = regions.stream().map(Region::code).toList();
    List<String> sectorCodes = sectors.stream().map(Sector::code).toList();
    org.tariffcast.model.Checks.noDuplicates(regionCodes, "region codes");
    org.tariffcast.model.Checks.noDuplicates(sectorCodes, "sector codes");
    if (regions.size() < 2 || sectors.isEmpty()) {
      throw new IllegalArgumentException("a study needs at least 2 regions and 1 sector, found "
          + regions.size() + " regions and " + sectors.size() + " sectors");
    }
    if (!regionCodes.contains(notBlank(home, "home"))) {
      throw new IllegalArgumentException("home must be one of " + regionCodes + ", found '" + home + "'");
    }
    if (!regionCodes.contains(notBlank(partner, "partner")) || partner.equals(home)) {
      throw new IllegalArgumentException("partner must be one of " + regionCodes + " other than home, found '"
          + partner + "'");
    }
    notNull(horizon, "horizon");
    notNull(run, "run settings");
    flows = Map.copyOf(notNull(flows, "flows"));
    baseTariffs = Map.copyOf(notNull(baseTariffs, "baseTariffs"));
    for (String s : sectorCodes) {
      TradeMatrix m = flows.get(s);
      if (m == null || !m.regions().equals(regionCodes)) {
        throw new IllegalArgumentException("flows of sector " + s + " must be given over regions " + regionCodes
            + ", found " + (m == null ? "none" : m.regions()));
      }
      TariffMatrix t = baseTariffs.get(s);
      if (t == null || !t.regions().equals(regionCodes)) {
        throw new IllegalArgumentException("base tariffs of sector " + s + " must be given over regions " + regionCodes
            + ", found " + (t == null ? "none" : t.regions()));
      }
    }
    notNull(elasticities, "elasticities");
    for (String s : sectorCodes) {
      for (String r : regionCodes) {
        elasticities.get(s, r);
      }
    }
    notNull(dynamics, "dynamics");
    if (dynamics.convergence() == null) {
      for (org.tariffcast.model.elasticity.ElasticitySet e : elasticities.asMap().values()) {
        if (e.hasShortRun()) {
          throw new IllegalArgumentException("dynamics.convergence must be given when a short-run substitution "
              + "elasticity is (" + e.substitutionShortRun().name() + "), found none");
        }
      }
    }
    scenarios = copy(scenarios, "scenarios");
    if (scenarios.isEmpty()) {
      throw new IllegalArgumentException("a study needs at least one scenario, found none");
    }
    org.tariffcast.model.Checks.noDuplicates(scenarios.stream().map(Scenario::name).toList(), "scenario names");
    double sum = scenarios.stream().mapToDouble(Scenario::probability).sum();
    if (Math.abs(sum - 1) > PROBABILITY_TOLERANCE) {
      throw new IllegalArgumentException("scenario probabilities must sum to 1, found " + sum);
    }
    commitments = copy(commitments, "commitments");
    org.tariffcast.model.Checks.noDuplicates(commitments.stream().map(PurchaseCommitment::name).toList(),
        "commitment names");
    for (PurchaseCommitment c : commitments) {
      requireIn(c.sector(), sectorCodes, "sector of commitment " + c.name());
      requireIn(c.exporter(), regionCodes, "exporter of commitment " + c.name());
      requireIn(c.importer(), regionCodes, "importer of commitment " + c.name());
    }
    List<String> commitmentNames = commitments.stream().map(PurchaseCommitment::name).toList();
    for (Scenario sc : scenarios) {
      for (Regime rg : sc.regimes()) {
        for (String c : rg.commitments()) {
          requireIn(c, commitmentNames, "commitment of regime " + rg.name() + " in scenario " + sc.name());
        }
        for (TariffRule rule : rg.rules()) {
          rule.importers().forEach(x -> requireIn(x, regionCodes, "rule importer in scenario " + sc.name()));
          rule.exporters().forEach(x -> requireIn(x, regionCodes, "rule exporter in scenario " + sc.name()));
          rule.sectors().forEach(x -> requireIn(x, sectorCodes, "rule sector in scenario " + sc.name()));
        }
      }
    }
    correlations = copy(correlations, "correlations");
    targets = copy(targets, "targets");
    sources = copy(sources, "sources");
    notNull(snapshot, "snapshot");
    perspective = perspective == null ? home : perspective;
    if (!perspective.equals(home) && !perspective.equals(partner)) {
      throw new IllegalArgumentException("perspective must be home (" + home + ") or partner (" + partner
          + "), found '" + perspective + "'");
    }
    parameterLabels = Map.copyOf(parameterLabels == null ? Map.of() : parameterLabels);
    levers = levers == null ? List.of() : List.copyOf(levers);
    org.tariffcast.model.Checks.noDuplicates(levers.stream().map(Lever::key).toList(), "lever keys");
    benchmarks = benchmarks == null ? List.of() : copy(benchmarks, "benchmarks");
    List<String> benchmarkScenarios = new ArrayList<>(scenarios.stream().map(Scenario::name).toList());
    benchmarkScenarios.add(Scenario.OUTLOOK);
    for (org.tariffcast.model.result.Benchmark b : benchmarks) {
      requireIn(b.scenario(), benchmarkScenarios, "scenario of benchmark '" + b.source() + "'");
    }
    // one name, one distribution; correlations name uncertain parameters only
    reroutings = reroutings == null ? List.of() : copy(reroutings, "reroutings");
    java.util.Set<String> routed = new java.util.HashSet<>();
    for (Rerouting rr : reroutings) {
      if (!rr.importer().equals(home)) {
        throw new IllegalArgumentException("importer of rerouting " + rr.name() + " must be home (" + home
            + "), found '" + rr.importer() + "'");
      }
      requireIn(rr.via(), regionCodes, "via of rerouting " + rr.name());
      requireIn(rr.origin(), regionCodes, "origin of rerouting " + rr.name());
      for (String q : rr.thirdRoutes()) {
        requireIn(q, regionCodes, "third route of rerouting " + rr.name());
      }
      for (String sc : rr.sectors()) {
        requireIn(sc, sectorCodes, "sector of rerouting " + rr.name());
        if (!routed.add(rr.via() + "|" + sc)) {
          throw new IllegalArgumentException("rerouting " + rr.name() + ": the flow " + rr.via() + "->" + rr.importer()
              + " in sector " + sc + " is re-routed by an earlier rule already");
        }
      }
    }
    Map<String, Parameter> byName = collectParameters(elasticities, sectorCodes, regionCodes, dynamics, scenarios,
        commitments, reroutings);
    for (RankCorrelation rc : correlations) {
      for (String n : List.of(rc.first(), rc.second())) {
        Parameter p = byName.get(n);
        if (p == null || !p.isUncertain()) {
          throw new IllegalArgumentException("correlation names '" + n + "', which is not an uncertain parameter");
        }
      }
    }
  }

  /** A study without re-routing (transshipment is the wedges' rate mix only). */
  public ModelConfig(String name, String title, String home, String partner, int baseYear, List<Region> regions,
      List<Sector> sectors, Horizon horizon, RunSettings run, Map<String, TradeMatrix> flows,
      Map<String, TariffMatrix> baseTariffs, Elasticities elasticities, Dynamics dynamics, List<Scenario> scenarios,
      List<PurchaseCommitment> commitments, List<RankCorrelation> correlations, List<Target> targets,
      List<DataSource> sources, ConfigSnapshot snapshot, String perspective, Map<String, String> parameterLabels,
      List<Lever> levers, List<org.tariffcast.model.result.Benchmark> benchmarks) {
    this(name, title, home, partner, baseYear, regions, sectors, horizon, run, flows, baseTariffs, elasticities,
        dynamics, scenarios, commitments, correlations, targets, sources, snapshot, perspective, parameterLabels,
        levers, benchmarks, List.of());
  }

  /** A study seen from its home region, with no parameter labels and no levers. */
  public ModelConfig(String name, String title, String home, String partner, int baseYear, List<Region> regions,
      List<Sector> sectors, Horizon horizon, RunSettings run, Map<String, TradeMatrix> flows,
      Map<String, TariffMatrix> baseTariffs, Elasticities elasticities, Dynamics dynamics, List<Scenario> scenarios,
      List<PurchaseCommitment> commitments, List<RankCorrelation> correlations, List<Target> targets,
      List<DataSource> sources, ConfigSnapshot snapshot) {
    this(name, title, home, partner, baseYear, regions, sectors, horizon, run, flows, baseTariffs, elasticities,
        dynamics, scenarios, commitments, correlations, targets, sources, snapshot, home, Map.of(), List.of());
  }

  /** A study without published benchmarks. */
  public ModelConfig(String name, String title, String home, String partner, int baseYear, List<Region> regions,
      List<Sector> sectors, Horizon horizon, RunSettings run, Map<String, TradeMatrix> flows,
      Map<String, TariffMatrix> baseTariffs, Elasticities elasticities, Dynamics dynamics, List<Scenario> scenarios,
      List<PurchaseCommitment> commitments, List<RankCorrelation> correlations, List<Target> targets,
      List<DataSource> sources, ConfigSnapshot snapshot, String perspective, Map<String, String> parameterLabels,
      List<Lever> levers) {
    this(name, title, home, partner, baseYear, regions, sectors, horizon, run, flows, baseTariffs, elasticities,
        dynamics, scenarios, commitments, correlations, targets, sources, snapshot, perspective, parameterLabels,
        levers, List.of());
  }

  /** A study without levers (tests, other front ends). */
  public ModelConfig(String name, String title, String home, String partner, int baseYear, List<Region> regions,
      List<Sector> sectors, Horizon horizon, RunSettings run, Map<String, TradeMatrix> flows,
      Map<String, TariffMatrix> baseTariffs, Elasticities elasticities, Dynamics dynamics, List<Scenario> scenarios,
      List<PurchaseCommitment> commitments, List<RankCorrelation> correlations, List<Target> targets,
      List<DataSource> sources, ConfigSnapshot snapshot, String perspective, Map<String, String> parameterLabels) {
    this(name, title, home, partner, baseYear, regions, sectors, horizon, run, flows, baseTariffs, elasticities,
        dynamics, scenarios, commitments, correlations, targets, sources, snapshot, perspective, parameterLabels,
        List.of());
  }

  /** The lever named {@code key}. */
  public Lever lever(String key) {
    return levers.stream().filter(l -> l.key().equals(key)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no lever named '" + key + "', levers: "
            + levers.stream().map(Lever::key).toList()));
  }

  /**
   * What results say about this study: names, scenarios, labelled parameters, targets in
   * words, and the headline indicators the engine records.
   *
   * @param headlines the headline indicators, in reading order
   */
  public StudyDescription description(List<Indicator> headlines) {
    return Descriptions.of(this, headlines);
  }

  private static void requireIn(String value, List<String> allowed, String what) {
    if (!allowed.contains(value)) {
      throw new IllegalArgumentException(what + " must be one of " + allowed + ", found '" + value + "'");
    }
  }

  /** One line for the console: what was loaded. */
  public String describe() {
    return "study " + name + ": " + regions.size() + " regions, " + sectors.size() + " sectors, " + scenarios.size()
        + " scenarios, " + commitments.size() + " commitments, " + uncertainParameters().size()
        + " uncertain parameters, horizon " + horizon.start() + ".." + horizon.end() + ", " + run.trials()
        + " trials (" + run.sampling().label() + ", " + run.solver().label() + "), seed " + run.seed()
        + ", config " + snapshot.sha256().substring(0, 12);
  }

  public List<String> regionCodes() {
    return regions.stream().map(Region::code).toList();
  }

  public List<String> sectorCodes() {
    return sectors.stream().map(Sector::code).toList();
  }

  public int regionIndex(String code) {
    return regionCodes().indexOf(code);
  }

  public PurchaseCommitment commitment(String commitmentName) {
    return commitments.stream().filter(c -> c.name().equals(commitmentName)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no commitment named '" + commitmentName + "'"));
  }

  /** The same study with other run settings (command-line or schedule overrides). */
  public ModelConfig withRun(RunSettings settings) {
    return new ModelConfig(name, title, home, partner, baseYear, regions, sectors, horizon, settings, flows,
        baseTariffs, elasticities, dynamics, scenarios, commitments, correlations, targets, sources, snapshot,
        perspective, parameterLabels, levers, benchmarks, reroutings);
  }

  /**
   * Every parameter by name, in a fixed order: elasticities by sector, region and kind
   * (Em, Es, Ex), dynamics (half-life, front-loading share, capacity trends by sector and
   * exporter), scenarios' regimes in file order (effective date, then rule values), then
   * commitments, then reroutings (routed share, elasticity, routing cost). A name used twice
   * appears once, where first met.
   */
  public Map<String, Parameter> allParameters() {
    return collectParameters(elasticities, sectorCodes(), regionCodes(), dynamics, scenarios, commitments, reroutings);
  }

  /**
   * The uncertain parameters in {@link #allParameters()} order: the dimensions a sampler
   * covers. Index i of a trial's draw vector is parameter i of this list.
   */
  public List<Parameter> uncertainParameters() {
    return allParameters().values().stream().filter(Parameter::isUncertain).toList();
  }

  static Map<String, Parameter> collectParameters(Elasticities elasticities, List<String> sectorCodes,
      List<String> regionCodes, Dynamics dynamics, List<Scenario> scenarios, List<PurchaseCommitment> commitments,
      List<Rerouting> reroutings) {
    Map<String, Parameter> out = new LinkedHashMap<>();
    List<Parameter> all = new ArrayList<>();
    for (String s : sectorCodes) {
      for (String r : regionCodes) {
        ElasticitySet e = elasticities.get(s, r);
        all.add(e.importDemand());
        all.add(e.substitution());
        all.add(e.exportSupply());
        if (e.hasShortRun()) {
          all.add(e.substitutionShortRun());
        }
      }
    }
    all.add(dynamics.halfLife());
    if (dynamics.convergence() != null) {
      all.add(dynamics.convergence());
    }
    all.add(dynamics.frontLoadingShare());
    for (String s : sectorCodes) {
      for (String r : regionCodes) {
        Parameter p = dynamics.capacityTrend(s, r);
        if (p != null) {
          all.add(p);
        }
      }
    }
    for (Scenario sc : scenarios) {
      for (Regime rg : sc.regimes()) {
        all.add(rg.effective());
        for (TariffRule rule : rg.rules()) {
          all.addAll(rule.changes().values());
        }
      }
    }
    for (PurchaseCommitment c : commitments) {
      all.add(c.fulfilment());
      all.add(c.rampQuarters());
      all.add(c.displacement());
      all.add(c.additionality());
    }
    for (Rerouting rr : reroutings) {
      all.addAll(rr.parameters());
    }
    for (Parameter p : all) {
      Parameter prior = out.putIfAbsent(p.name(), p);
      if (prior != null && !prior.distribution().equals(p.distribution())) {
        throw new IllegalArgumentException("parameter '" + p.name() + "' has two distributions: "
            + prior.distribution().spec() + " and " + p.distribution().spec());
      }
    }
    return out;
  }
}
