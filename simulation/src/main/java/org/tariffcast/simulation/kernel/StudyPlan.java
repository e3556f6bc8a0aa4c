package org.tariffcast.simulation.kernel;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tariffcast.model.config.ModelConfig;
import org.tariffcast.model.distribution.Distribution;
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
import org.tariffcast.simulation.equilibrium.SectorMarket;
import org.tariffcast.simulation.equilibrium.WedgeArithmetic;

/**
 * A study compiled for the trial kernel: every lookup the hot path needs, as primitive arrays
 * indexed by sector, region, flow ({@code r * n + v}) and "cell" (the flows whose path the
 * outputs need: the home region's imports from every source, the partner's exports to every
 * destination, and the flows a purchase commitment touches). Parameters are references into a
 * trial's draw vector or constants ({@link ParameterTable}). Immutable once built.
 */
public final class StudyPlan {
  final ModelConfig config;
  final int n;
  final int sectors;
  final int quarters;
  final int home;
  final int partner;
  final int startOrdinal;
  final String[] regionCodes;
  final String[] sectorCodes;
  final SectorMarket[] markets;
  final double[] constants;
  final List<Parameter> uncertain;
  // base wedges
  final double[][] baseParts;
  final double[][] basePower;
  final double[][] baseRate;
  final double[][] baseQuarterly;
  // elasticities
  final int[][] importDemandRef;
  final int[][] substitutionRef;
  final int[][] exportSupplyRef;
  // dynamics
  final int halfLifeRef;
  final int frontShareRef;
  final int frontQuarters;
  final int[][] capacityRef;
  final boolean[] hasCapacity;
  final double[][] worldShare;
  final double[][] welfareWeight;
  final double[][] drift;
  final double[][] volatility;
  final double[][] loading;
  final double[][] ownWeight;
  final boolean[] commonFactor;
  final int[] steps;
  final int totalSteps;
  // cells
  final int cells;
  final int[] cellExporter;
  final int[] cellImporter;
  final int[] cellFlow;
  final int[] cellOfFlow;
  final int cellPartnerHome;
  final int cellHomePartner;
  final int[] cellPartnerTo;
  final int[] cellToHome;
  // scenarios and commitments
  final ScenarioPlan[] scenarios;
  final CommitmentPlan[] commitments;
  final int lumpyCount;
  final int maxRegimes;

  /** The marker of an absent parameter reference. */
  static final int NO_REF = Integer.MIN_VALUE;

  private StudyPlan(ModelConfig c) {
    this.config = c;
    List<String> regions = c.regionCodes();
    List<String> sectorList = c.sectorCodes();
    n = regions.size();
    sectors = sectorList.size();
    quarters = c.horizon().quarters();
    home = regions.indexOf(c.home());
    partner = regions.indexOf(c.partner());
    startOrdinal = c.horizon().start().ordinal();
    regionCodes = regions.toArray(new String[0]);
    sectorCodes = sectorList.toArray(new String[0]);
    uncertain = c.uncertainParameters();
    ParameterTable table = new ParameterTable(uncertain);

    markets = new SectorMarket[sectors];
    baseParts = new double[sectors][n * n * WedgeArithmetic.PARTS];
    basePower = new double[sectors][n * n];
    baseRate = new double[sectors][n * n];
    baseQuarterly = new double[sectors][n * n];
    worldShare = new double[sectors][n * n];
    welfareWeight = new double[sectors][n];
    for (int s = 0; s < sectors; s++) {
      String code = sectorCodes[s];
      markets[s] = SectorMarket.of(c.flows().get(code), c.baseTariffs().get(code));
      double world = 0;
      for (int v = 0; v < n; v++) {
        double col = 0;
        for (int r = 0; r < n; r++) {
          int f = r * n + v;
          TariffWedge w = c.baseTariffs().get(code).wedge(r, v);
          System.arraycopy(WedgeArithmetic.parts(w), 0, baseParts[s], f * WedgeArithmetic.PARTS, WedgeArithmetic.PARTS);
          basePower[s][f] = WedgeArithmetic.power(baseParts[s], f * WedgeArithmetic.PARTS);
          baseRate[s][f] = WedgeArithmetic.revenueRate(baseParts[s], f * WedgeArithmetic.PARTS);
          double m0 = markets[s].flow(r, v);
          baseQuarterly[s][f] = m0 / 4;
          col += m0;
        }
        for (int r = 0; r < n; r++) {
          worldShare[s][r * n + v] = col > 0 ? markets[s].flow(r, v) / col : 0;
        }
        welfareWeight[s][v] = col;
        world += col;
      }
      for (int v = 0; v < n; v++) {
        welfareWeight[s][v] = world > 0 ? welfareWeight[s][v] / world : 1.0 / n;
      }
    }

    importDemandRef = new int[sectors][n];
    substitutionRef = new int[sectors][n];
    exportSupplyRef = new int[sectors][n];
    for (int s = 0; s < sectors; s++) {
      for (int r = 0; r < n; r++) {
        ElasticitySet e = c.elasticities().get(sectorCodes[s], regionCodes[r]);
        importDemandRef[s][r] = table.ref(e.importDemand());
        substitutionRef[s][r] = table.ref(e.substitution());
        exportSupplyRef[s][r] = table.ref(e.exportSupply());
      }
    }

    halfLifeRef = table.ref(c.dynamics().halfLife());
    frontShareRef = table.ref(c.dynamics().frontLoadingShare());
    frontQuarters = c.dynamics().frontLoadingQuarters();
    capacityRef = new int[sectors][n];
    hasCapacity = new boolean[sectors];
    for (int s = 0; s < sectors; s++) {
      for (int r = 0; r < n; r++) {
        Parameter p = c.dynamics().capacityTrend(sectorCodes[s], regionCodes[r]);
        capacityRef[s][r] = p == null ? NO_REF : table.ref(p);
        hasCapacity[s] |= p != null;
      }
    }
    drift = new double[sectors][n];
    volatility = new double[sectors][n];
    loading = new double[sectors][n];
    ownWeight = new double[sectors][n];
    commonFactor = new boolean[n];
    for (int s = 0; s < sectors; s++) {
      for (int v = 0; v < n; v++) {
        DemandProcess d = c.dynamics().demand(sectorCodes[s], regionCodes[v]);
        drift[s][v] = d.drift();
        volatility[s][v] = d.volatility();
        loading[s][v] = d.commonLoading();
        ownWeight[s][v] = Math.sqrt(1 - d.commonLoading() * d.commonLoading());
        commonFactor[v] |= d.volatility() > 0 && d.commonLoading() > 0;
      }
    }
    // demand steps: one per quarter after the base year's last quarter
    int baseEnd = YearQuarter.of(c.baseYear(), 4).ordinal();
    steps = new int[quarters];
    for (int t = 0; t < quarters; t++) {
      steps[t] = Math.max(0, startOrdinal + t - baseEnd);
    }
    totalSteps = steps[quarters - 1];

    // cells: home column, partner row, home to partner, commitment flows and their importers' columns
    Map<Integer, Integer> cellIndex = new LinkedHashMap<>();
    for (int r = 0; r < n; r++) {
      cellIndex.putIfAbsent(r * n + home, cellIndex.size());
    }
    for (int v = 0; v < n; v++) {
      cellIndex.putIfAbsent(partner * n + v, cellIndex.size());
    }
    cellIndex.putIfAbsent(home * n + partner, cellIndex.size()); // exports to partner
    for (PurchaseCommitment pc : c.commitments()) {
      int m = regions.indexOf(pc.importer());
      for (int r = 0; r < n; r++) {
        cellIndex.putIfAbsent(r * n + m, cellIndex.size());
      }
    }
    cells = cellIndex.size();
    cellExporter = new int[cells];
    cellImporter = new int[cells];
    cellFlow = new int[cells];
    cellOfFlow = new int[n * n];
    Arrays.fill(cellOfFlow, -1);
    for (Map.Entry<Integer, Integer> e : cellIndex.entrySet()) {
      int k = e.getValue();
      cellFlow[k] = e.getKey();
      cellExporter[k] = e.getKey() / n;
      cellImporter[k] = e.getKey() % n;
      cellOfFlow[e.getKey()] = k;
    }
    cellPartnerHome = cellOfFlow[partner * n + home];
    cellHomePartner = cellOfFlow[home * n + partner];
    cellPartnerTo = new int[n];
    cellToHome = new int[n];
    for (int r = 0; r < n; r++) {
      cellPartnerTo[r] = cellOfFlow[partner * n + r];
      cellToHome[r] = cellOfFlow[r * n + home];
    }

    // commitments
    commitments = new CommitmentPlan[c.commitments().size()];
    int lumpy = 0;
    for (int i = 0; i < commitments.length; i++) {
      PurchaseCommitment pc = c.commitments().get(i);
      int s = sectorList.indexOf(pc.sector());
      int e = regions.indexOf(pc.exporter());
      int m = regions.indexOf(pc.importer());
      int[] others = new int[n - 1];
      int o = 0;
      for (int r = 0; r < n; r++) {
        if (r != e) {
          others[o++] = cellOfFlow[r * n + m];
        }
      }
      commitments[i] = new CommitmentPlan(pc.name(), s, cellOfFlow[e * n + m], others, pc.annualValue(),
          table.ref(pc.fulfilment()), table.ref(pc.rampQuarters()), table.ref(pc.displacement()),
          pc.isLumpy() ? pc.unitValue() : Double.NaN, pc.isLumpy() ? lumpy++ : -1);
    }
    lumpyCount = lumpy;

    // scenarios
    scenarios = new ScenarioPlan[c.scenarios().size()];
    int most = 0;
    for (int i = 0; i < scenarios.length; i++) {
      scenarios[i] = scenario(c.scenarios().get(i), table, regions, sectorList);
      most = Math.max(most, scenarios[i].regimes);
    }
    maxRegimes = most;
    constants = table.constants();
    checkRanges(table);
  }

  /** Compiles a study. */
  public static StudyPlan of(ModelConfig config) {
    return new StudyPlan(config);
  }

  public ModelConfig config() {
    return config;
  }

  private ScenarioPlan scenario(Scenario sc, ParameterTable table, List<String> regions, List<String> sectorList) {
    int regimes = sc.regimes().size();
    Map<Integer, Integer> touched = new LinkedHashMap<>(); // key s * n * n + flow
    List<List<int[]>> edits = new ArrayList<>();
    int[] effectiveRef = new int[regimes + 1];
    String[] names = new String[regimes + 1];
    names[0] = "base";
    int[] commitmentStart = new int[commitments.length];
    Arrays.fill(commitmentStart, -1);
    for (int k = 1; k <= regimes; k++) {
      Regime rg = sc.regimes().get(k - 1);
      names[k] = rg.name();
      effectiveRef[k] = table.ref(rg.effective());
      List<int[]> list = new ArrayList<>();
      for (TariffRule rule : rg.rules()) {
        for (Map.Entry<WedgeComponent, Parameter> ch : rule.changes().entrySet()) {
          WedgeComponent comp = ch.getKey();
          int ref = table.ref(ch.getValue());
          for (String sec : rule.sectors()) {
            for (String ex : rule.exporters()) {
              for (String im : rule.importers()) {
                int s = sectorList.indexOf(sec);
                int flow = regions.indexOf(ex) * n + regions.indexOf(im);
                int key = s * n * n + flow;
                Integer idx = touched.get(key);
                if (idx == null) {
                  idx = touched.size();
                  touched.put(key, idx);
                }
                list.add(new int[] {idx, part(comp), ref, plusBase(comp) ? 1 : 0});
              }
            }
          }
        }
      }
      // rules apply in order, components of one rule in WedgeComponent order (as TariffRule.apply):
      // the loops above visit rule by rule, component by component, so "list" is already in that order
      // except that one component spans several flows; order between different flows is immaterial.
      edits.add(list);
      for (String cname : rg.commitments()) {
        for (int i = 0; i < commitments.length; i++) {
          if (commitments[i].name.equals(cname) && commitmentStart[i] < 0) {
            commitmentStart[i] = k;
          }
        }
      }
    }
    int t = touched.size();
    int[] touchedSector = new int[t];
    int[] touchedFlow = new int[t];
    for (Map.Entry<Integer, Integer> e : touched.entrySet()) {
      touchedSector[e.getValue()] = e.getKey() / (n * n);
      touchedFlow[e.getValue()] = e.getKey() % (n * n);
    }
    int[][][] editArrays = new int[regimes + 1][][];
    editArrays[0] = new int[0][];
    for (int k = 1; k <= regimes; k++) {
      editArrays[k] = edits.get(k - 1).toArray(new int[0][]);
    }
    return new ScenarioPlan(sc.name(), sc.probability(), regimes, names, effectiveRef, touchedSector, touchedFlow,
        editArrays, commitmentStart, sectors, n, cellOfFlow);
  }

  private static int part(WedgeComponent c) {
    return switch (c) {
      case AD_VALOREM, SURCHARGE -> WedgeArithmetic.AD_VALOREM;
      case ANTI_DUMPING -> WedgeArithmetic.ANTI_DUMPING;
      case NON_TARIFF_BARRIER -> WedgeArithmetic.NON_TARIFF_BARRIER;
      case EXPORT_CONTROL -> WedgeArithmetic.EXPORT_CONTROL;
      case TRANSSHIPMENT_SHARE -> WedgeArithmetic.TRANSSHIPMENT_SHARE;
      case TRANSSHIPMENT_RATE, TRANSSHIPMENT_SURCHARGE -> WedgeArithmetic.TRANSSHIPMENT_RATE;
    };
  }

  /** Components whose value adds to the base-year ad valorem rate (see {@link WedgeComponent#apply}). */
  private static boolean plusBase(WedgeComponent c) {
    return c == WedgeComponent.SURCHARGE || c == WedgeComponent.TRANSSHIPMENT_SURCHARGE;
  }

  /** Fails early, naming the parameter, when a draw could leave a wedge part or a date outside its range. */
  private void checkRanges(ParameterTable table) {
    for (ScenarioPlan sp : scenarios) {
      for (int k = 1; k <= sp.regimes; k++) {
        for (int[] e : sp.edits[k]) {
          Distribution d = distributionOf(e[2]);
          String what = "value of parameter '" + table.name(e[2]) + "' in scenario " + sp.name;
          if (e[1] == WedgeArithmetic.TRANSSHIPMENT_SHARE) {
            if (!(d.lowerBound() >= 0 && d.upperBound() <= 1)) {
              throw new IllegalArgumentException(what + " must be a share within [0, 1], found " + d.spec());
            }
          } else if (!(d.lowerBound() > -1) && e[3] == 0) {
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
    if (ref >= 0) {
      return uncertain.get(ref).distribution();
    }
    return org.tariffcast.model.distribution.Fixed.of(constants[-ref - 1]);
  }

  /** A parameter's value in a trial: {@code draws[ref]} or the constant. */
  double value(int ref, double[] draws) {
    return ref >= 0 ? draws[ref] : constants[-ref - 1];
  }

  public int regions() {
    return n;
  }

  public int sectors() {
    return sectors;
  }

  public int quarters() {
    return quarters;
  }

  public int scenarioCount() {
    return scenarios.length;
  }

  public SectorMarket market(int sector) {
    return markets[sector];
  }

  /** Base-year flow, USD per year. */
  public double baseFlow(int sector, int exporter, int importer) {
    return markets[sector].flow(exporter, importer);
  }

  /** Base customs revenue per USD of the flow. */
  public double baseRevenueRate(int sector, int exporter, int importer) {
    return baseRate[sector][exporter * n + importer];
  }

  public int home() {
    return home;
  }

  public int partner() {
    return partner;
  }

  public String regionCode(int r) {
    return regionCodes[r];
  }

  public String sectorCode(int s) {
    return sectorCodes[s];
  }

  /** One scenario, compiled. */
  static final class ScenarioPlan {
    final String name;
    final double probability;
    final int regimes;
    final String[] regimeNames;
    final int[] effectiveRef;
    final int touched;
    final int[] touchedSector;
    final int[] touchedFlow;
    /** edits[k] = {touched index, part, parameter ref, 1 if the value adds to the base ad valorem rate}. */
    final int[][][] edits;
    /** Regime (1-based) that starts each commitment, -1 if none in this scenario. */
    final int[] commitmentStart;
    /** Touched indices of each sector. */
    final int[][] touchedOfSector;
    /** [sector][cell] -> touched index or -1. */
    final int[][] touchedOfCell;
    final int[] sectorsTouched;

    ScenarioPlan(String name, double probability, int regimes, String[] regimeNames, int[] effectiveRef,
        int[] touchedSector, int[] touchedFlow, int[][][] edits, int[] commitmentStart, int sectors, int n,
        int[] cellOfFlow) {
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
      int cellsCount = 0;
      for (int f : cellOfFlow) {
        cellsCount = Math.max(cellsCount, f + 1);
      }
      this.touchedOfCell = new int[sectors][cellsCount];
      List<Integer> used = new ArrayList<>();
      for (int s = 0; s < sectors; s++) {
        Arrays.fill(touchedOfCell[s], -1);
        List<Integer> list = new ArrayList<>();
        for (int i = 0; i < touched; i++) {
          if (touchedSector[i] == s) {
            list.add(i);
            int cell = cellOfFlow[touchedFlow[i]];
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
    }
  }

  /** One purchase commitment, compiled. */
  static final class CommitmentPlan {
    final String name;
    final int sector;
    final int cell;
    final int[] otherCells;
    final double annualValue;
    final int fulfilmentRef;
    final int rampRef;
    final int displacementRef;
    final double unitValue;
    final int lumpyIndex;

    CommitmentPlan(String name, int sector, int cell, int[] otherCells, double annualValue, int fulfilmentRef,
        int rampRef, int displacementRef, double unitValue, int lumpyIndex) {
      this.name = name;
      this.sector = sector;
      this.cell = cell;
      this.otherCells = otherCells;
      this.annualValue = annualValue;
      this.fulfilmentRef = fulfilmentRef;
      this.rampRef = rampRef;
      this.displacementRef = displacementRef;
      this.unitValue = unitValue;
      this.lumpyIndex = lumpyIndex;
    }

    boolean isLumpy() {
      return lumpyIndex >= 0;
    }
  }
}
