package org.tariffcast.simulation.kernel;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tariffcast.model.config.ModelConfig;
import org.tariffcast.model.distribution.Distribution;
import org.tariffcast.model.distribution.Fixed;
import org.tariffcast.model.distribution.Parameter;
import org.tariffcast.model.dynamics.DemandProcess;
import org.tariffcast.model.elasticity.ElasticitySet;
import org.tariffcast.model.scenario.PurchaseCommitment;
import org.tariffcast.model.scenario.Regime;
import org.tariffcast.model.scenario.Scenario;
import org.tariffcast.model.scenario.TariffRule;
import org.tariffcast.model.scenario.WedgeComponent;
import org.tariffcast.model.time.YearQuarter;
import org.tariffcast.model.trade.TariffWedge;
import org.tariffcast.model.trade.WedgePart;
import org.tariffcast.simulation.equilibrium.SectorMarket;
import org.tariffcast.simulation.equilibrium.WedgeArithmetic;

/**
 * A study compiled for the trial kernel: every lookup the hot path needs, as primitive arrays.
 * Immutable once built; shared by all worker threads.
 *
 * <h2>Indices</h2>
 * <ul>
 *   <li><b>region</b> r, v in {@code [0, n)} ({@code ModelConfig.regionCodes()} order); r is an
 *       exporter, v an importer;</li>
 *   <li><b>sector</b> s in {@code [0, sectors)};</li>
 *   <li><b>flow</b> {@code r * n + v} ({@link #flow(int, int)}): one exporter-to-importer pair of
 *       a sector's n x n matrix;</li>
 *   <li><b>cell</b> ({@link CellIndex}): the flows whose quarterly path the outputs need, the same
 *       for every sector;</li>
 *   <li><b>quarter</b> t in {@code [0, quarters)} from the horizon's start;</li>
 *   <li><b>parameter reference</b> ({@link ParameterTable}): {@code >= 0} an index into a trial's
 *       draw vector, {@code < 0} a constant; read with {@link #value(int, double[])}.</li>
 * </ul>
 */
public final class StudyPlan {
  /** The marker of an absent parameter reference. */
  static final int NO_REF = Integer.MIN_VALUE;

  // ---------------------------------------------------------------- dimensions
  /** Regions. */
  final int n;
  /** Sectors. */
  final int sectors;
  /** Quarters of the horizon. */
  final int quarters;
  /** Region indices of the home (importing) country and of its partner. */
  final int home;
  final int partner;
  /** First quarter of the horizon, and its {@link YearQuarter#ordinal()}. */
  final YearQuarter start;
  final int startOrdinal;
  final String[] regionCodes;
  /**
   * Region and sector indices in the order of their codes: the order in which a trial draws
   * its shocks, so that the draws belong to names, not to positions in the study's lists.
   */
  final int[] regionDrawOrder;
  final int[] sectorDrawOrder;
  final String[] sectorCodes;
  /** Which flows the outputs follow. */
  final CellIndex cells;

  // ---------------------------------------------------------------- base year, per sector s and flow f
  /** The sectors' base-year markets (flows in USD per year, base wedges). */
  final SectorMarket[] markets;
  /** {@code baseParts[s][f * PARTS + part.ordinal()]}: the base wedge's parts ({@link WedgePart}), fractions. */
  final double[][] baseParts;
  /** {@code basePower[s][f]}: power of the base wedge (internal / world price, 1 = free trade). */
  final double[][] basePower;
  /** {@code baseRate[s][f]}: customs revenue per USD of the flow at world prices under the base wedge. */
  final double[][] baseRate;
  /** {@code baseQuarterly[s][f]}: base-year flow / 4, USD per quarter. */
  final double[][] baseQuarterly;
  /** {@code worldShare[s][f]}: exporter r's share of importer v's base-year purchases (fraction; 0 when v buys nothing). */
  final double[][] worldShare;
  /** {@code welfareWeight[s][v]}: importer v's share of the sector's world base-year imports (1/n when none). */
  final double[][] welfareWeight;

  // ---------------------------------------------------------------- elasticities, per sector s and region r (parameter refs)
  /** Import demand elasticity (negative) of region r as importer. */
  final int[][] importDemandRef;
  /** Armington substitution elasticity of region r's imports. */
  final int[][] substitutionRef;
  /** Export supply elasticity of region r as exporter. */
  final int[][] exportSupplyRef;
  /**
   * Short-run substitution elasticity of region r's imports ({@link #NO_REF} when none: then
   * {@link #substitutionRef} holds at every horizon); where given, {@link #substitutionRef} is
   * the long-run value.
   */
  final int[][] substitutionShortRunRef;
  /** {@code shortRun[s]}: some region of sector s has a short-run substitution elasticity. */
  final boolean[] shortRun;
  /** Whether any sector has one (else the kernel runs exactly as without the feature). */
  final boolean anyShortRun;

  // ---------------------------------------------------------------- dynamics
  /** Half-life of the partial adjustment, quarters (parameter ref). */
  final int halfLifeRef;
  /**
   * Quarters from a tariff change until the substitution elasticities of {@link #shortRun}
   * sectors reach their long-run values (parameter ref), or {@link #NO_REF} without short-run values.
   */
  final int convergenceRef;
  /** Share of a quarter's flow pulled forward before a tariff rise (parameter ref), over {@link #frontQuarters} quarters. */
  final int frontShareRef;
  final int frontQuarters;
  /** {@code capacityRef[s][r]}: exporter r's capacity trend, log growth per quarter (parameter ref), or {@link #NO_REF}. */
  final int[][] capacityRef;
  /** Whether sector s has any capacity trend (else its capacity shares stay at the base year's). */
  final boolean[] hasCapacity;
  /** {@code drift[s][v]}, {@code volatility[s][v]}: importer v's log demand drift and volatility per quarter step. */
  final double[][] drift;
  final double[][] volatility;
  /** {@code loading[s][v]} on the importer's common factor, and {@code ownWeight = sqrt(1 - loading^2)}. */
  final double[][] loading;
  final double[][] ownWeight;
  /** Whether importer v draws a common demand factor each step (some sector loads on it with volatility). */
  final boolean[] commonFactor;
  /** {@code steps[t]}: demand steps taken by quarter t (quarters after the base year's Q4; 0 within it). */
  final int[] steps;
  /** {@code steps[quarters - 1]}. */
  final int totalSteps;

  // ---------------------------------------------------------------- scenarios and commitments
  final ScenarioPlan[] scenarios;
  final CommitmentPlan[] commitments;
  /**
   * {@code routes[s]}: the re-routing of sector s ({@link org.tariffcast.model.scenario.Rerouting}),
   * or null when the sector has none (then the kernel runs exactly as without the feature).
   */
  final RoutePlan[] routes;
  /** Whether any sector has a re-routing. */
  final boolean anyRoutes;
  /** Commitments with lumpy deliveries (each draws one uniform per quarter). */
  final int lumpyCount;
  /** The most regimes of any scenario. */
  final int maxRegimes;
  /** Values of the constant parameter references ({@code constants[-ref - 1]}). */
  final double[] constants;
  final List<Parameter> uncertain;
  /**
   * True if {@link #scenarios} holds every scenario of the study (a run), false if one only (a
   * grid point of a sweep: {@link #ofScenario}); only a whole study has an outlook.
   */
  final boolean wholeStudy;

  private StudyPlan(ModelConfig c, List<Scenario> compiled) {
    wholeStudy = compiled.size() == c.scenarios().size();
    List<String> regions = c.regionCodes();
    List<String> sectorList = c.sectorCodes();
    n = regions.size();
    sectors = sectorList.size();
    quarters = c.horizon().quarters();
    home = regions.indexOf(c.home());
    partner = regions.indexOf(c.partner());
    start = c.horizon().start();
    startOrdinal = start.ordinal();
    regionCodes = regions.toArray(new String[0]);
    sectorCodes = sectorList.toArray(new String[0]);
    regionDrawOrder = byName(regionCodes);
    sectorDrawOrder = byName(sectorCodes);
    uncertain = sampledParameters(c);
    ParameterTable table = new ParameterTable(uncertain);

    markets = new SectorMarket[sectors];
    baseParts = new double[sectors][n * n * WedgeArithmetic.PARTS];
    basePower = new double[sectors][n * n];
    baseRate = new double[sectors][n * n];
    baseQuarterly = new double[sectors][n * n];
    worldShare = new double[sectors][n * n];
    welfareWeight = new double[sectors][n];
    for (int s = 0; s < sectors; s++) {
      baseYear(c, s);
    }

    importDemandRef = new int[sectors][n];
    substitutionRef = new int[sectors][n];
    exportSupplyRef = new int[sectors][n];
    substitutionShortRunRef = new int[sectors][n];
    shortRun = new boolean[sectors];
    boolean anySr = false;
    for (int s = 0; s < sectors; s++) {
      for (int r = 0; r < n; r++) {
        ElasticitySet e = c.elasticities().get(sectorCodes[s], regionCodes[r]);
        importDemandRef[s][r] = table.ref(e.importDemand());
        substitutionRef[s][r] = table.ref(e.substitution());
        exportSupplyRef[s][r] = table.ref(e.exportSupply());
        substitutionShortRunRef[s][r] = e.hasShortRun() ? table.ref(e.substitutionShortRun()) : NO_REF;
        shortRun[s] |= e.hasShortRun();
      }
      anySr |= shortRun[s];
    }
    anyShortRun = anySr;

    halfLifeRef = table.ref(c.dynamics().halfLife());
    convergenceRef = c.dynamics().convergence() == null ? NO_REF : table.ref(c.dynamics().convergence());
    frontShareRef = table.ref(c.dynamics().frontLoadingShare());
    frontQuarters = c.dynamics().frontLoadingQuarters();
    capacityRef = new int[sectors][n];
    hasCapacity = new boolean[sectors];
    drift = new double[sectors][n];
    volatility = new double[sectors][n];
    loading = new double[sectors][n];
    ownWeight = new double[sectors][n];
    commonFactor = new boolean[n];
    for (int s = 0; s < sectors; s++) {
      for (int r = 0; r < n; r++) {
        Parameter p = c.dynamics().capacityTrend(sectorCodes[s], regionCodes[r]);
        capacityRef[s][r] = p == null ? NO_REF : table.ref(p);
        hasCapacity[s] |= p != null;
        DemandProcess d = c.dynamics().demand(sectorCodes[s], regionCodes[r]);
        drift[s][r] = d.drift();
        volatility[s][r] = d.volatility();
        loading[s][r] = d.commonLoading();
        ownWeight[s][r] = Math.sqrt(1 - d.commonLoading() * d.commonLoading());
        commonFactor[r] |= d.volatility() > 0 && d.commonLoading() > 0;
      }
    }
    int baseEnd = YearQuarter.of(c.baseYear(), 4).ordinal();
    steps = new int[quarters];
    for (int t = 0; t < quarters; t++) {
      steps[t] = Math.max(0, startOrdinal + t - baseEnd);
    }
    totalSteps = steps[quarters - 1];

    cells = CellIndex.of(this, c.commitments());
    commitments = new CommitmentPlan[c.commitments().size()];
    int lumpy = 0;
    for (int i = 0; i < commitments.length; i++) {
      PurchaseCommitment pc = c.commitments().get(i);
      commitments[i] = commitment(pc, table, pc.isLumpy() ? lumpy++ : -1);
    }
    lumpyCount = lumpy;
    routes = new RoutePlan[sectors];
    boolean any = false;
    for (org.tariffcast.model.scenario.Rerouting rr : c.reroutings()) {
      for (String sec : rr.sectors()) {
        int s = Arrays.asList(sectorCodes).indexOf(sec);
        routes[s] = route(rr, s, table);
        any |= routes[s] != null;
      }
    }
    anyRoutes = any;

    scenarios = new ScenarioPlan[compiled.size()];
    int most = 0;
    for (int i = 0; i < scenarios.length; i++) {
      scenarios[i] = scenario(compiled.get(i), table);
      most = Math.max(most, scenarios[i].regimes);
    }
    maxRegimes = most;
    constants = table.constants();
    checkRanges(table);
  }

  /** Compiles a study. */
  public static StudyPlan of(ModelConfig config) {
    return new StudyPlan(config, config.scenarios());
  }

  /**
   * Compiles one scenario of a study (and the baseline), for a grid point of a sweep: the
   * parameter references, commitments and lumpy deliveries are numbered as in the whole study's
   * plan ({@link #of}), so a trial reads the same draw vector and the same shock stream and gives
   * the scenario the very values a run of the whole study gives it (common random numbers), at
   * the cost of one scenario. No outlook.
   *
   * @throws IllegalArgumentException if the study has no scenario of that name
   */
  public static StudyPlan ofScenario(ModelConfig config, String scenario) {
    List<Scenario> one = config.scenarios().stream().filter(s -> s.name().equals(scenario)).toList();
    if (one.isEmpty()) {
      throw new IllegalArgumentException("no scenario named '" + scenario + "' in study " + config.name() + "; it has "
          + config.scenarios().stream().map(Scenario::name).toList());
    }
    return new StudyPlan(config, one);
  }

  /** True if every scenario of the study is compiled (a run); false for one scenario ({@link #ofScenario}). */
  public boolean wholeStudy() {
    return wholeStudy;
  }

  /**
   * The uncertain parameters in the order of their names: the dimensions of the sampler and the
   * draw vector. Sorting by name (not the study's list order, which follows the order of
   * regions and sectors) makes every trial's draws the same when only the order of the lists
   * changes.
   */
  public static List<Parameter> sampledParameters(org.tariffcast.model.config.ModelConfig c) {
    List<Parameter> out = new java.util.ArrayList<>(c.uncertainParameters());
    out.sort(java.util.Comparator.comparing(Parameter::name));
    return List.copyOf(out);
  }

  /** Indices of {@code codes} in the order of the codes. */
  private static int[] byName(String[] codes) {
    Integer[] idx = new Integer[codes.length];
    for (int i = 0; i < idx.length; i++) {
      idx[i] = i;
    }
    Arrays.sort(idx, java.util.Comparator.comparing(i -> codes[i]));
    int[] out = new int[idx.length];
    for (int i = 0; i < idx.length; i++) {
      out[i] = idx[i];
    }
    return out;
  }

  public int scenarioCount() {
    return scenarios.length;
  }

  /** The flow index of exporter r to importer v. */
  int flow(int exporter, int importer) {
    return exporter * n + importer;
  }

  /** A parameter's value in a trial: {@code draws[ref]} or the constant. */
  double value(int ref, double[] draws) {
    return ref >= 0 ? draws[ref] : constants[-ref - 1];
  }

  /** Base-year flow, USD per year. */
  double baseFlow(int sector, int exporter, int importer) {
    return markets[sector].flow(exporter, importer);
  }

  /** Base customs revenue per USD of the flow. */
  double baseRevenueRate(int sector, int exporter, int importer) {
    return baseRate[sector][flow(exporter, importer)];
  }

  /** Base-year ad valorem rate of a flow (what surcharges add to). */
  double baseAdValorem(int sector, int flow) {
    return baseParts[sector][flow * WedgeArithmetic.PARTS + WedgeArithmetic.AD_VALOREM];
  }

  // ---------------------------------------------------------------- compilation steps

  /** Base wedges, quarterly flows, import shares and welfare weights of sector s. */
  private void baseYear(ModelConfig c, int s) {
    String code = sectorCodes[s];
    markets[s] = SectorMarket.of(c.flows().get(code), c.baseTariffs().get(code));
    double world = 0;
    for (int v = 0; v < n; v++) {
      double col = 0;
      for (int r = 0; r < n; r++) {
        int f = flow(r, v);
        TariffWedge w = c.baseTariffs().get(code).wedge(r, v);
        System.arraycopy(WedgeArithmetic.parts(w), 0, baseParts[s], f * WedgeArithmetic.PARTS, WedgeArithmetic.PARTS);
        basePower[s][f] = WedgeArithmetic.power(baseParts[s], f * WedgeArithmetic.PARTS);
        baseRate[s][f] = WedgeArithmetic.revenueRate(baseParts[s], f * WedgeArithmetic.PARTS);
        double m0 = markets[s].flow(r, v);
        baseQuarterly[s][f] = m0 / 4;
        col += m0;
      }
      for (int r = 0; r < n; r++) {
        worldShare[s][flow(r, v)] = col > 0 ? markets[s].flow(r, v) / col : 0;
      }
      welfareWeight[s][v] = col;
      world += col;
    }
    for (int v = 0; v < n; v++) {
      welfareWeight[s][v] = world > 0 ? welfareWeight[s][v] / world : 1.0 / n;
    }
  }

  private CommitmentPlan commitment(PurchaseCommitment pc, ParameterTable table, int lumpyIndex) {
    int s = Arrays.asList(sectorCodes).indexOf(pc.sector());
    List<String> regions = Arrays.asList(regionCodes);
    int e = regions.indexOf(pc.exporter());
    int m = regions.indexOf(pc.importer());
    int[] others = new int[n - 1];
    int o = 0;
    for (int r = 0; r < n; r++) {
      if (r != e) {
        others[o++] = cells.ofFlow[flow(r, m)];
      }
    }
    int first = pc.start() == null ? Integer.MIN_VALUE : pc.start().ordinal() - startOrdinal;
    int last = pc.end() == null ? Integer.MAX_VALUE : pc.end().ordinal() - startOrdinal;
    return new CommitmentPlan(pc.name(), s, e, cells.ofFlow[flow(e, m)], others,
        pc.isTotal() ? pc.totalValue() : pc.annualValue(), pc.isTotal(), first, last,
        table.ref(pc.fulfilment()), table.ref(pc.rampQuarters()), table.ref(pc.displacement()),
        table.ref(pc.additionality()), markets[s].exports(e), exportSupplyRef[s][e],
        pc.isLumpy() ? pc.unitValue() : Double.NaN, lumpyIndex);
  }

  /**
   * The routes of a re-routing in sector s: via first, then the origin, then the third routes,
   * each kept only where its base flow to the importer is positive (a route with no flow cannot
   * carry a ratio); null when via's base flow is zero (nothing is routed) or no alternative is left.
   */
  private RoutePlan route(org.tariffcast.model.scenario.Rerouting rr, int s, ParameterTable table) {
    List<String> regions = Arrays.asList(regionCodes);
    int v = regions.indexOf(rr.importer());
    int via = regions.indexOf(rr.via());
    if (!(markets[s].flow(via, v) > 0)) {
      return null;
    }
    List<Integer> ex = new ArrayList<>();
    ex.add(via);
    List<Integer> candidates = new ArrayList<>();
    candidates.add(regions.indexOf(rr.origin()));
    for (String q : rr.thirdRoutes()) {
      candidates.add(regions.indexOf(q));
    }
    boolean[] indirect = new boolean[1 + candidates.size()];
    indirect[0] = true;
    int k = 1;
    for (int i = 0; i < candidates.size(); i++) {
      int r = candidates.get(i);
      if (markets[s].flow(r, v) > 0) {
        ex.add(r);
        indirect[k++] = i > 0; // the origin's own route is direct
      }
    }
    if (ex.size() < 2) {
      return null;
    }
    int[] exporters = ex.stream().mapToInt(Integer::intValue).toArray();
    int[] cellOf = new int[exporters.length];
    for (int j = 0; j < exporters.length; j++) {
      cellOf[j] = cells.ofFlow[flow(exporters[j], v)];
    }
    return new RoutePlan(rr.name(), v, exporters, Arrays.copyOf(indirect, exporters.length), cellOf,
        table.ref(rr.routedShare()), table.ref(rr.elasticity()), table.ref(rr.routingCost()), table.ref(rr.lostShare()));
  }

  /**
   * One sector's re-routing: route j's goods reach {@code importer} from {@code exporters[j]}
   * (j = 0 is via, the flow that carries the routed share), through cell {@code cells[j]};
   * {@code indirect[j]} if the route pays the routing cost. Parameter references for the routed
   * share of via's base flow, the route-choice elasticity, the routing cost and the lost share.
   */
  record RoutePlan(String name, int importer, int[] exporters, boolean[] indirect, int[] cells, int shareRef,
      int elasticityRef, int costRef, int lostRef) {}

  /**
   * Compiles a scenario: numbers the (sector, flow) pairs its rules touch, and lists each
   * regime's edits in rule order, components of one rule in {@link WedgeComponent} order (as
   * {@link TariffRule} states); order between different flows is immaterial.
   */
  private ScenarioPlan scenario(Scenario sc, ParameterTable table) {
    List<String> regions = Arrays.asList(regionCodes);
    List<String> sectorList = Arrays.asList(sectorCodes);
    int regimes = sc.regimes().size();
    Map<Integer, Integer> touched = new LinkedHashMap<>(); // key s * n * n + flow
    WedgeEdit[][] edits = new WedgeEdit[regimes + 1][];
    edits[0] = new WedgeEdit[0];
    int[] effectiveRef = new int[regimes + 1];
    String[] names = new String[regimes + 1];
    names[0] = "base";
    int[] commitmentStart = new int[commitments.length];
    Arrays.fill(commitmentStart, -1);
    for (int k = 1; k <= regimes; k++) {
      Regime rg = sc.regimes().get(k - 1);
      names[k] = rg.name();
      effectiveRef[k] = table.ref(rg.effective());
      List<WedgeEdit> list = new ArrayList<>();
      for (TariffRule rule : rg.rules()) {
        for (Map.Entry<WedgeComponent, Parameter> ch : rule.changes().entrySet()) {
          int ref = table.ref(ch.getValue());
          for (String sec : rule.sectors()) {
            for (String ex : rule.exporters()) {
              for (String im : rule.importers()) {
                int s = sectorList.indexOf(sec);
                int key = s * n * n + flow(regions.indexOf(ex), regions.indexOf(im));
                Integer idx = touched.get(key);
                if (idx == null) {
                  idx = touched.size();
                  touched.put(key, idx);
                }
                list.add(new WedgeEdit(idx, ch.getKey(), ref));
              }
            }
          }
        }
      }
      edits[k] = list.toArray(new WedgeEdit[0]);
      for (String cname : rg.commitments()) {
        for (int i = 0; i < commitments.length; i++) {
          if (commitments[i].name().equals(cname) && commitmentStart[i] < 0) {
            commitmentStart[i] = k;
          }
        }
      }
    }
    int[] touchedSector = new int[touched.size()];
    int[] touchedFlow = new int[touched.size()];
    for (Map.Entry<Integer, Integer> e : touched.entrySet()) {
      touchedSector[e.getValue()] = e.getKey() / (n * n);
      touchedFlow[e.getValue()] = e.getKey() % (n * n);
    }
    return new ScenarioPlan(sc.name(), sc.probability(), regimes, names, effectiveRef, touchedSector, touchedFlow,
        edits, commitmentStart, sectors, cells);
  }

  /** Fails early, naming the parameter, when a draw could leave a wedge part or a date outside its range. */
  private void checkRanges(ParameterTable table) {
    for (ScenarioPlan sp : scenarios) {
      for (int k = 1; k <= sp.regimes; k++) {
        for (WedgeEdit e : sp.edits[k]) {
          Distribution d = distributionOf(e.paramRef());
          String what = "value of parameter '" + table.name(e.paramRef()) + "' in scenario " + sp.name;
          if (e.component().part() == WedgePart.TRANSSHIPMENT_SHARE) {
            if (!(d.lowerBound() >= 0 && d.upperBound() <= 1)) {
              throw new IllegalArgumentException(what + " must be a share within [0, 1], found " + d.spec());
            }
          } else if (!(d.lowerBound() > -1) && !e.component().addsToBaseRate()) {
            throw new IllegalArgumentException(what + " must be a rate > -1 (a fraction of the world price), found "
                + d.spec());
          }
        }
        Distribution eff = distributionOf(sp.effectiveRef[k]);
        if (!Double.isFinite(eff.lowerBound()) || !Double.isFinite(eff.upperBound())) {
          throw new IllegalArgumentException("effective date of regime " + sp.regimeNames[k] + " in scenario " + sp.name
              + " must be bounded (quarters), found " + eff.spec());
        }
      }
    }
  }

  private Distribution distributionOf(int ref) {
    return ref >= 0 ? uncertain.get(ref).distribution() : Fixed.of(constants[-ref - 1]);
  }

  // ---------------------------------------------------------------- named views

  /**
   * The flows whose quarterly path the outputs need ("cells"), numbered once for all sectors:
   * the home region's imports from every source (home column), the partner's exports to every
   * destination (partner row), home's exports to the partner, and the importer columns of
   * purchase commitments (a commitment takes from the importer's other suppliers).
   */
  static final class CellIndex {
    /** Number of cells. */
    final int count;
    /** {@code exporter[c]}, {@code importer[c]}, {@code flow[c]}: the flow of cell c. */
    final int[] exporter;
    final int[] importer;
    final int[] flow;
    /** {@code ofFlow[f]}: the cell of flow f, or -1 when no output follows it. */
    final int[] ofFlow;
    /** The cell of the partner's exports to home (home's imports from the partner). */
    final int partnerToHome;
    /** The cell of home's exports to the partner. */
    final int homeToPartner;
    /** {@code partnerTo[v]}: the cell of the partner's exports to region v. */
    final int[] partnerTo;
    /** {@code toHome[r]}: the cell of region r's exports to home. */
    final int[] toHome;

    private CellIndex(int n, Map<Integer, Integer> cellOfFlow, int home, int partner) {
      count = cellOfFlow.size();
      exporter = new int[count];
      importer = new int[count];
      flow = new int[count];
      ofFlow = new int[n * n];
      Arrays.fill(ofFlow, -1);
      for (Map.Entry<Integer, Integer> e : cellOfFlow.entrySet()) {
        int c = e.getValue();
        flow[c] = e.getKey();
        exporter[c] = e.getKey() / n;
        importer[c] = e.getKey() % n;
        ofFlow[e.getKey()] = c;
      }
      partnerToHome = ofFlow[partner * n + home];
      homeToPartner = ofFlow[home * n + partner];
      partnerTo = new int[n];
      toHome = new int[n];
      for (int r = 0; r < n; r++) {
        partnerTo[r] = ofFlow[partner * n + r];
        toHome[r] = ofFlow[r * n + home];
      }
    }

    static CellIndex of(StudyPlan plan, List<PurchaseCommitment> commitments) {
      int n = plan.n;
      Map<Integer, Integer> index = new LinkedHashMap<>();
      for (int r = 0; r < n; r++) {
        index.putIfAbsent(plan.flow(r, plan.home), index.size());
      }
      for (int v = 0; v < n; v++) {
        index.putIfAbsent(plan.flow(plan.partner, v), index.size());
      }
      index.putIfAbsent(plan.flow(plan.home, plan.partner), index.size());
      for (PurchaseCommitment pc : commitments) {
        int m = Arrays.asList(plan.regionCodes).indexOf(pc.importer());
        for (int r = 0; r < n; r++) {
          index.putIfAbsent(plan.flow(r, m), index.size());
        }
      }
      return new CellIndex(n, index, plan.home, plan.partner);
    }
  }

  /**
   * One edit a regime makes to one touched flow's wedge: component {@code component} takes the
   * value of parameter {@code paramRef}. What that means (which part, whether it adds to the
   * base-year rate) is {@link WedgeComponent}'s to say.
   *
   * @param touched the scenario's index of the (sector, flow) pair
   */
  record WedgeEdit(int touched, WedgeComponent component, int paramRef) {
    /** Index of the part this edit sets within a flow's parts ({@link WedgePart} order). */
    int part() {
      return component.part().ordinal();
    }
  }

  /**
   * One scenario, compiled. Regimes are numbered from 1 (0 is the base year's wedges). The
   * flows its rules touch are numbered 0..touched-1 ("touched index" i), each a (sector, flow).
   */
  static final class ScenarioPlan {
    final String name;
    /** Probability in the outlook mixture. */
    final double probability;
    final int regimes;
    /** {@code regimeNames[k]}; {@code regimeNames[0] = "base"}. */
    final String[] regimeNames;
    /** {@code effectiveRef[k]}: regime k's effective date, a quarter ordinal (parameter ref). */
    final int[] effectiveRef;
    final int touched;
    /** {@code touchedSector[i]}, {@code touchedFlow[i]}: the sector and flow of touched index i. */
    final int[] touchedSector;
    final int[] touchedFlow;
    /** {@code edits[k]}: regime k's wedge edits in order ({@code edits[0]} empty). */
    final WedgeEdit[][] edits;
    /** {@code commitmentStart[j]}: the regime (from 1) that starts commitment j, -1 if none in this scenario. */
    final int[] commitmentStart;
    /** {@code touchedOfSector[s]}: the touched indices of sector s. */
    final int[][] touchedOfSector;
    /** {@code touchedOfCell[s][c]}: the touched index of cell c in sector s, or -1. */
    final int[][] touchedOfCell;
    /** The sectors with at least one touched flow, ascending. */
    final int[] sectorsTouched;
    /**
     * The touched indices some edit gives an uncertain value (their wedges vary from trial to
     * trial); every other touched index has the same wedges in every trial.
     */
    final int[] variableTouched;
    /** {@code variableEdits[k]}: the edits of regime k on variable touched indices, in order. */
    final WedgeEdit[][] variableEdits;
    /** {@code sectorVaries[s]}: some touched index of sector s is variable. */
    final boolean[] sectorVaries;

    ScenarioPlan(String name, double probability, int regimes, String[] regimeNames, int[] effectiveRef,
        int[] touchedSector, int[] touchedFlow, WedgeEdit[][] edits, int[] commitmentStart, int sectors,
        CellIndex cells) {
      this.name = name;
      this.probability = probability;
      this.regimes = regimes;
      this.regimeNames = regimeNames;
      this.effectiveRef = effectiveRef;
      this.touched = touchedSector.length;
      this.touchedSector = touchedSector;
      this.touchedFlow = touchedFlow;
      this.edits = edits;
      this.commitmentStart = commitmentStart;
      this.touchedOfSector = new int[sectors][];
      this.touchedOfCell = new int[sectors][cells.count];
      List<Integer> used = new ArrayList<>();
      for (int s = 0; s < sectors; s++) {
        Arrays.fill(touchedOfCell[s], -1);
        List<Integer> list = new ArrayList<>();
        for (int i = 0; i < touched; i++) {
          if (touchedSector[i] == s) {
            list.add(i);
            int cell = cells.ofFlow[touchedFlow[i]];
            if (cell >= 0) {
              touchedOfCell[s][cell] = i;
            }
          }
        }
        touchedOfSector[s] = list.stream().mapToInt(Integer::intValue).toArray();
        if (!list.isEmpty()) {
          used.add(s);
        }
      }
      this.sectorsTouched = used.stream().mapToInt(Integer::intValue).toArray();
      boolean[] variable = new boolean[touched];
      for (WedgeEdit[] regime : edits) {
        for (WedgeEdit e : regime) {
          variable[e.touched()] |= e.paramRef() >= 0;
        }
      }
      List<Integer> vars = new ArrayList<>();
      this.sectorVaries = new boolean[sectors];
      for (int i = 0; i < touched; i++) {
        if (variable[i]) {
          vars.add(i);
          sectorVaries[touchedSector[i]] = true;
        }
      }
      this.variableTouched = vars.stream().mapToInt(Integer::intValue).toArray();
      this.variableEdits = new WedgeEdit[edits.length][];
      for (int k = 0; k < edits.length; k++) {
        this.variableEdits[k] = Arrays.stream(edits[k]).filter(e -> variable[e.touched()]).toArray(WedgeEdit[]::new);
      }
    }

    boolean touches(int sector) {
      return touchedOfSector[sector].length > 0;
    }
  }

  /**
   * One purchase commitment, compiled.
   *
   * @param sector its sector
   * @param exporter its exporter's region index
   * @param cell the cell of its exporter-to-importer flow
   * @param otherCells the cells of the importer's other suppliers (displaced pro rata)
   * @param value committed purchases: USD per year ({@code total} false) or USD over the period ({@code total} true)
   * @param total whether {@code value} is a total spread over the period
   * @param firstPeriod first quarter of deliveries (index from the horizon's start), {@link Integer#MIN_VALUE} if not given
   * @param lastPeriod last quarter of deliveries (inclusive), {@link Integer#MAX_VALUE} if not given
   * @param fulfilmentRef share fulfilled (parameter ref)
   * @param rampRef quarters to full delivery (parameter ref)
   * @param displacementRef share of the added value taken from other suppliers (parameter ref)
   * @param additionalityRef share of the fulfilled value that is new trade (parameter ref)
   * @param exports the exporter's base-year exports of the sector, USD per year (its producer surplus base)
   * @param exportSupplyRef the exporter's export supply elasticity in the sector (parameter ref; may be infinite)
   * @param unitValue USD per lumpy delivery, NaN when smooth
   * @param lumpyIndex index among lumpy commitments, -1 when smooth
   */
  record CommitmentPlan(String name, int sector, int exporter, int cell, int[] otherCells, double value, boolean total,
      int firstPeriod, int lastPeriod, int fulfilmentRef, int rampRef, int displacementRef, int additionalityRef,
      double exports, int exportSupplyRef, double unitValue, int lumpyIndex) {
    boolean isLumpy() {
      return lumpyIndex >= 0;
    }
  }
}
