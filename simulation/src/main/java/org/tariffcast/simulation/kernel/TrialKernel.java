package org.tariffcast.simulation.kernel;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.rng.UniformRandomProvider;
import org.tariffcast.model.result.EquilibriumTable;
import org.tariffcast.model.result.Welfare;
import org.tariffcast.model.run.SolverKind;
import org.tariffcast.simulation.EquilibriumException;
import org.tariffcast.simulation.equilibrium.Equilibrium;
import org.tariffcast.simulation.equilibrium.EquilibriumSolver;
import org.tariffcast.simulation.equilibrium.RouteChoice;
import org.tariffcast.simulation.equilibrium.WedgeArithmetic;
import org.tariffcast.simulation.numerics.PortableMath;
import org.tariffcast.simulation.random.PoissonQuantile;
import org.tariffcast.simulation.random.ZigguratGaussian;
import org.tariffcast.simulation.random.TrialStreams;

/**
 * Evaluates one trial: every scenario and the no-change baseline under the same parameter
 * draws and shocks (common random numbers), quarter by quarter, into the series slots of an
 * {@link OutputLayout}. One instance per worker thread: all work arrays are preallocated, and
 * nothing in {@link #evaluate} allocates except the trial's random generator.
 *
 * <h2>The dynamics, per trial</h2>
 * <ul>
 *   <li><b>Demand</b> of importer v in sector s is a log random walk from 1 in the base year,
 *       one step per quarter after the base year's fourth quarter:
 *       {@code ln D += drift + vol (loading Z_v + sqrt(1 - loading^2) Z_sv)}, with {@code Z_v}
 *       the importer's common factor of the step.</li>
 *   <li><b>Capacity trends</b> {@code c_sr} (log growth per quarter) shift the shares of importer
 *       v's purchases towards growing exporters at constant demand: flow r->v scales by
 *       {@code exp(c_sr n) / sum_q w_qv exp(c_sq n)}, with w the base-year import shares and n
 *       the quarters since the base year.</li>
 *   <li><b>Regimes</b>: regime k is in force from {@code max(floor(e_1), ..., floor(e_k))}, its
 *       wedges cumulative over regimes 1..k; each (regime, sector) equilibrium is solved once per
 *       trial (identical wedges within a trial are solved once) and gives flow ratios
 *       {@code h_k = M1/M0}.</li>
 *   <li><b>Partial adjustment</b> with half-life h quarters: the ratio applied in quarter t is
 *       {@code 1 + sum_k c_k(t) (h_k - h_(k-1))}, where {@code c_k(t) = 1 - 2^(-(t - tau_k + 1)/h)}
 *       once regime k is in force (0 before): the gap to each new equilibrium closes by
 *       {@code 1 - 2^(-m/h)} after m quarters in force.</li>
 *   <li><b>Short run and long run</b> (only in sectors with a short-run substitution elasticity,
 *       {@link StudyPlan#shortRun}): each regime's equilibrium is solved at the short-run and at
 *       the long-run elasticities ({@code hS_k}, {@code hL_k}; a short-run draw above the trial's
 *       long-run draw is taken as the long-run one), and the ratio applied in quarter t is
 *       {@code 1 + sum_k [c_k(t) (hS_k - hS_(k-1)) + (E_k(w_k(t)) - E_(k-1)(w_k(t)))]} with
 *       {@code E_j(w) = hS_j (hL_j / hS_j)^w - hS_j} and {@code w_k(t) = min(1, (t - tau_k) / T)}
 *       (0 in its first quarter, 1 from T quarters later), T the convergence time in quarters: the half-life only smooths the jump to the short-run
 *       response, and each regime's change then moves from its short-run to its long-run
 *       equilibrium over T quarters of its own age (a later regime does not restart an earlier
 *       one's convergence). The interpolation is geometric ({@link #shortRunPath}; linear where a
 *       ratio is not positive), which is exact for a small-share source with infinite supply
 *       ({@code h = T^-Es}, so {@code ln h} is linear in Es) and approximates elsewhere what a
 *       solve at the interpolated elasticity would give; welfare and the via flow's revenue rate
 *       are interpolated linearly in w.</li>
 *   <li><b>Flows</b> (USD per quarter): base-year flow / 4 x demand x capacity share x ratio.</li>
 *   <li><b>Front-loading</b>: when a regime change raises a flow's tariff power, a share of the
 *       flow of the quarter before is pulled forward, spread over the {@code frontLoadingQuarters}
 *       quarters before the change, and paid back over as many quarters from it.</li>
 *   <li><b>Commitments</b> deliver from the later of the first regime naming them and their start
 *       quarter, to their end quarter (or the horizon's): {@code annual/4 x min(1, m / rampQuarters)}
 *       in the m-th quarter, or a total spread over the period by the same ramp
 *       ({@link #rampWeight}); times fulfilment and additionality; lumpy ones deliver a Poisson count
 *       with that mean times the unit value (the central case uses the mean); a share
 *       {@code displacement} of the added value is taken from the importer's other suppliers pro
 *       rata; where the exporter's supply is finite its welfare gains the producer surplus
 *       {@link #producerSurplusGain}.</li>
 *   <li><b>Tariff revenue</b>: the flow times the revenue rate of the regime in force.
 *       <b>Welfare</b>: each sector's equilibrium welfare change (USD per year, base-year scale)
 *       / 4, adjusted like flows and scaled by the sector's import-weighted demand index.</li>
 * </ul>
 *
 * <h2>Indexing (read with {@link StudyPlan}'s field docs)</h2>
 * Regions r (exporter), v (importer) in {@code [0, n)}; sectors s; quarters t from the horizon's
 * start; a <i>flow</i> is {@code r * n + v} in a sector's matrix; a <i>cell</i> c is one of the
 * few flows the outputs follow ({@link StudyPlan.CellIndex}: home's column, the partner's row,
 * home to partner, commitment columns), numbered the same in every sector. Per-trial cubes are
 * flat arrays with the quarter innermost: {@code flows[cellSeries(s, c) + t]},
 * {@code demand[demandSeries(s, v) + t]}; per-regime rows {@code hat[k][sectorCell(s, c)]} and
 * {@code welfare[k][sectorRegion(s, r)]}. A scenario's <i>touched index</i> i numbers the
 * (sector, flow) pairs its rules edit. Parameters are references read with
 * {@code plan.value(ref, draws)}. Outputs go to the slots {@link OutputLayout} names
 * ({@code layout.importsFromPartner(block, s) + t}, ...).
 */
public final class TrialKernel {
  private final StudyPlan plan;
  private final OutputLayout layout;
  private final long seed;
  /** Regions, sectors, quarters, cells (see {@link StudyPlan}). */
  private final int n;
  private final int ns;
  private final int hq;
  private final int cells;
  /** Cell numbering shared by all sectors. */
  private final StudyPlan.CellIndex cellIndex;

  // ---- equilibrium solving: one solver, prepared for one sector at a time
  private final EquilibriumSolver solver;
  private final Equilibrium eq;
  /** Import demand, substitution and export supply elasticities of the sector being prepared, by region. */
  private final double[] em;
  private final double[] es;
  private final double[] ex;
  /** {@code preparedStamp[s] == stamp}: sector s's elasticities were drawn in this trial. */
  private final int[] preparedStamp;
  /** Evaluations so far: a new stamp invalidates prepared markets and the solution cache. */
  private int stamp;
  /** The sector whose market the (single) solver holds: another sector's solve re-prepares it. */
  private int preparedSector = -1;
  /** {@code matPower[r][v]}, {@code matRate[r][v]}: the wedge powers and revenue rates being solved. */
  private final double[][] matPower;
  private final double[][] matRate;

  // ---- shocks of the trial (the same for every scenario and the baseline)
  /** {@code logDemand[s * n + v]}: log demand index of importer v in sector s at the current step. */
  private final double[] logDemand;
  /** {@code demand[demandSeries(s, v) + t]}: demand index (1 in the base year) in quarter t. */
  private final double[] demand;
  /** {@code factor[cellSeries(s, c) + t]}: demand x capacity share of the cell's flow in quarter t (1 in the base year). */
  private final double[] factor;
  /** {@code welfareScale[s * hq + t]}: import-weighted demand index of sector s in quarter t. */
  private final double[] welfareScale;
  /** {@code commitmentWelfare[r * hq + t]}: exporter r's producer-surplus gain from the commitments in quarter t, USD. */
  private final double[] commitmentWelfare;
  /** Whether {@link #commitmentWelfare} holds a non-zero value. */
  private boolean anyCommitmentWelfare;
  /** {@code lumpyU[j * hq + t]}: uniform of lumpy commitment j's delivery in quarter t (shared by scenarios). */
  private final double[] lumpyU;
  /**
   * Scratch: importers' common factors of one step; exporters' capacity growth factors of one
   * quarter; importers' capacity-weighted base shares {@code sum_q w_qv exp(c_sq n)} of one quarter.
   */
  private final double[] commonZ;
  private final double[] capacity;
  private final double[] norm;

  // ---- the scenario being evaluated; regime k from 0 (base year) to its regimes
  /** {@code wedge[i * PARTS + part]}: the cumulative wedge parts of touched index i (fractions). */
  private final double[] wedge;
  /**
   * {@code scenarioPower[b][k][i]}, {@code scenarioRate[b][k][i]}: power and revenue rate of
   * scenario b's touched index i under regime k. Entries that do not depend on the draws are
   * computed once, here; the variable ones ({@code variableTouched}) in each trial.
   */
  private final double[][][] scenarioPower;
  private final double[][][] scenarioRate;
  /** The scenario being evaluated's rows of {@link #scenarioPower} and {@link #scenarioRate}: {@code [k][i]}. */
  private double[][] regimePower;
  private double[][] regimeRate;
  /**
   * Only when the study re-routes ({@link StudyPlan#anyRoutes}, else null): {@code scenarioShare[b][k][i]}
   * the transshipment share of touched index i under regime k, {@code scenarioPow0}/{@code scenarioPow1}
   * the power of its wedge with that share at 0 and at 1 (the rate on goods not deemed and on goods
   * deemed transshipped); the {@code regime...} rows are the scenario being evaluated's.
   */
  private final double[][][] scenarioShare;
  private final double[][][] scenarioPow0;
  private final double[][][] scenarioPow1;
  /** The revenue rates of the same wedges with the share at 0 and at 1, and the scenario's rows. */
  private final double[][][] scenarioRate0;
  private final double[][][] scenarioRate1;
  private double[][] regimeShare;
  private double[][] regimePow0;
  private double[][] regimePow1;
  private double[][] regimeRate0;
  private double[][] regimeRate1;
  /**
   * {@code viaRate[k][s]}: the revenue rate the via flow of sector s's re-routing pays under
   * regime k given its mix after the moves (via's own goods and the routed goods that stay), or
   * NaN where the regime's rate applies (no re-routing, or the base wedges).
   */
  private final double[][] viaRate;
  /** {@code cacheViaRate[e]}: the same for a cached solution. */
  private final double[] cacheViaRate;
  /**
   * For a re-routed sector, what its solution depends on beyond the wedges the cache compares:
   * the via flow's transshipment share and its powers and rates at share 0 and 1 under the regime
   * ({@link #routeKey}); the trial's draws are the same for every entry (the cache lives one trial).
   */
  private final double[][] cacheRoute;
  /** Scratch for {@link #routeKey}. */
  private final double[] routeKey = new double[ROUTE_KEY];
  private static final int ROUTE_KEY = 5;
  /** Revenue rates of via's own goods and of the routed goods through via, set by {@link #routeCosts}. */
  private double ownRate;
  private double routedRate;
  /** The via flow's revenue rate after {@link #reroute}. */
  private double mixedRate;
  /** Re-routing scratch, one entry per route: landed costs before and after, shares, volume moves. */
  private final double[] routeCost0;
  private final double[] routeCost1;
  private final double[] routeShare0;
  private final double[] routeShare1;
  private final double[] routeMove;
  /** {@code routeRatio[j]}: route j's new flow ratio into the importer, after {@link #reroute}. */
  private final double[] routeRatio;
  /**
   * {@code wedgeChange[b][s][k]}: how regime k's wedges of sector s compare with regime k-1's and
   * the base's ({@link #SAME_AS_PREVIOUS}, {@link #SAME_AS_BASE}, {@link #CHANGED}), and
   * {@code changeHash[b][s][k]} the digest of a change; computed here for the sectors whose
   * wedges do not depend on the draws, {@link #VARIES} for the others.
   */
  private final byte[][][] wedgeChange;
  private final long[][][] changeHash;
  /** The digest {@link #compareWedges} computed last. */
  private long lastHash;
  /** {@code tau[k]}: first quarter (index from the horizon's start, may be negative) regime k is in force. */
  private final int[] tau;
  /** {@code inForce[t]}: the regime in force in quarter t. */
  private final int[] inForce;
  /** {@code adjust[k][t]}: share of regime k's equilibrium change reached by quarter t (0 before tau[k]). */
  private final double[][] adjust;
  /** {@code hat[k][sectorCell(s, c)]}: flow ratio new/base of the cell's flow in regime k's equilibrium (1 for k = 0). */
  private final double[][] hat;
  /** {@code welfare[k][sectorRegion(s, r)]}: region r's net welfare change in regime k's equilibrium, USD per year. */
  private final double[][] welfare;
  /**
   * Only when some sector has a short-run elasticity (else null): {@code hatShort}, {@code welfareShort},
   * {@code viaRateShort} as {@link #hat}, {@link #welfare}, {@link #viaRate} at the short-run
   * elasticities ({@link #hat} etc. then hold the long-run ones), and {@code converge[k][t]} the
   * share {@code w_k(t)} of the way from regime k's short-run to its long-run change reached by quarter t.
   */
  private final double[][] hatShort;
  private final double[][] welfareShort;
  private final double[][] viaRateShort;
  private final double[][] converge;
  /** Whether the solver's market was prepared with the short-run elasticities. */
  private boolean preparedShort;
  /** {@code cacheShort[e]}: the cached solution is at the short-run elasticities. */
  private final boolean[] cacheShort;
  /** {@code flows[cellSeries(s, c) + t]}: the cell's flow, USD per quarter. */
  private final double[] flows;
  /** {@code delta[cellSeries(s, c) + t]}: front-loading moves, USD per quarter (zero between uses). */
  private final double[] delta;

  // ---- within-trial cache of solved (sector, wedges): entry e
  private final int cacheCapacity;
  /** {@code cacheSector[e]}, {@code cacheHash[e]}: its sector and order-free digest of the changed wedges. */
  private final int[] cacheSector;
  private final long[] cacheHash;
  /** {@code cachePower[e][r * n + v]}, {@code cacheRate[e][r * n + v]}: the wedges it was solved with. */
  private final double[][] cachePower;
  private final double[][] cacheRate;
  /** {@code cacheHat[e][c]}: cell c's flow ratio; {@code cacheWelfare[e][r]}: net welfare, USD per year. */
  private final double[][] cacheHat;
  private final double[][] cacheWelfare;
  private int cacheSize;
  /** {@code cacheFlags[e]}: the solution's {@link Equilibrium#domainFlags()}. */
  private final int[] cacheFlags;
  // ---- domain warnings: regimeFlags[k][s] of the scenario being evaluated, counts over the trials
  private final int[][] regimeFlags;
  private final DomainWarnings domain;
  private final long[] domainCounts;

  // ---- counters (benchmarks)
  private long solves;
  private long iterations;
  private long evaluations;

  // ---- output scratch, one value per quarter
  /** Adjusted equilibrium flow ratio of one cell. */
  private final double[] ratio;
  /** A sum over regions, or a welfare path, of one sector. */
  private final double[] total;
  /** Revenue rate in force on the partner's goods in one sector. */
  private final double[] rates;

  private TrialKernel(StudyPlan plan, OutputLayout layout, long seed, SolverKind kind) {
    this.plan = plan;
    this.layout = layout;
    this.seed = seed;
    n = plan.n;
    ns = plan.sectors;
    hq = plan.quarters;
    cellIndex = plan.cells;
    cells = cellIndex.count;
    solver = EquilibriumSolver.of(kind, n);
    eq = new Equilibrium(n);
    em = new double[n];
    es = new double[n];
    ex = new double[n];
    preparedStamp = new int[ns];
    logDemand = new double[ns * n];
    demand = new double[ns * n * hq];
    factor = new double[ns * cells * hq];
    welfareScale = new double[ns * hq];
    lumpyU = new double[Math.max(1, plan.lumpyCount) * hq];
    commitmentWelfare = new double[n * hq];
    commonZ = new double[n];
    capacity = new double[n];
    norm = new double[n];
    int touched = 0;
    int regimes = plan.maxRegimes;
    int totalRegimes = 0;
    for (StudyPlan.ScenarioPlan sp : plan.scenarios) {
      touched = Math.max(touched, sp.touched);
      totalRegimes += sp.regimes * sp.sectorsTouched.length;
    }
    wedge = new double[Math.max(1, touched) * WedgeArithmetic.PARTS];
    scenarioPower = new double[plan.scenarios.length][][];
    scenarioRate = new double[plan.scenarios.length][][];
    scenarioShare = plan.anyRoutes ? new double[plan.scenarios.length][][] : null;
    scenarioPow0 = plan.anyRoutes ? new double[plan.scenarios.length][][] : null;
    scenarioPow1 = plan.anyRoutes ? new double[plan.scenarios.length][][] : null;
    scenarioRate0 = plan.anyRoutes ? new double[plan.scenarios.length][][] : null;
    scenarioRate1 = plan.anyRoutes ? new double[plan.scenarios.length][][] : null;
    for (int b = 0; b < plan.scenarios.length; b++) {
      scenarioPower[b] = new double[plan.scenarios[b].regimes + 1][Math.max(1, plan.scenarios[b].touched)];
      scenarioRate[b] = new double[plan.scenarios[b].regimes + 1][Math.max(1, plan.scenarios[b].touched)];
      if (plan.anyRoutes) {
        scenarioShare[b] = new double[plan.scenarios[b].regimes + 1][Math.max(1, plan.scenarios[b].touched)];
        scenarioPow0[b] = new double[plan.scenarios[b].regimes + 1][Math.max(1, plan.scenarios[b].touched)];
        scenarioPow1[b] = new double[plan.scenarios[b].regimes + 1][Math.max(1, plan.scenarios[b].touched)];
        scenarioRate0[b] = new double[plan.scenarios[b].regimes + 1][Math.max(1, plan.scenarios[b].touched)];
        scenarioRate1[b] = new double[plan.scenarios[b].regimes + 1][Math.max(1, plan.scenarios[b].touched)];
      }
    }
    routeCost0 = new double[n];
    routeCost1 = new double[n];
    routeShare0 = new double[n];
    routeShare1 = new double[n];
    routeMove = new double[n];
    routeRatio = new double[n];
    viaRate = new double[regimes + 1][ns];
    for (double[] row : viaRate) {
      Arrays.fill(row, Double.NaN);
    }
    tau = new int[regimes + 1];
    inForce = new int[hq];
    adjust = new double[regimes + 1][hq];
    hat = new double[regimes + 1][ns * cells];
    welfare = new double[regimes + 1][ns * n];
    Arrays.fill(hat[0], 1.0);
    flows = new double[ns * cells * hq];
    delta = new double[ns * cells * hq];
    matPower = new double[n][n];
    matRate = new double[n][n];
    cacheCapacity = Math.max(1, totalRegimes) * (plan.anyShortRun ? 2 : 1);
    if (plan.anyShortRun) {
      hatShort = new double[regimes + 1][ns * cells];
      welfareShort = new double[regimes + 1][ns * n];
      viaRateShort = new double[regimes + 1][ns];
      converge = new double[regimes + 1][hq];
      Arrays.fill(hatShort[0], 1.0);
      for (double[] row : viaRateShort) {
        Arrays.fill(row, Double.NaN);
      }
    } else {
      hatShort = null;
      welfareShort = null;
      viaRateShort = null;
      converge = null;
    }
    cacheShort = new boolean[cacheCapacity];
    cacheSector = new int[cacheCapacity];
    cacheHash = new long[cacheCapacity];
    cachePower = new double[cacheCapacity][n * n];
    cacheRate = new double[cacheCapacity][n * n];
    cacheHat = new double[cacheCapacity][cells];
    cacheWelfare = new double[cacheCapacity][n];
    cacheFlags = new int[cacheCapacity];
    cacheViaRate = new double[cacheCapacity];
    cacheRoute = new double[cacheCapacity][ROUTE_KEY];
    regimeFlags = new int[regimes + 1][ns];
    domain = DomainWarnings.of(plan);
    domainCounts = new long[domain.size()];
    ratio = new double[hq];
    total = new double[hq];
    rates = new double[hq];
    wedgeChange = new byte[plan.scenarios.length][ns][];
    changeHash = new long[plan.scenarios.length][ns][];
    constantWedges();
  }

  /**
   * The wedges that do not depend on the draws, and how they change from regime to regime,
   * once for all trials (the same arithmetic as {@link #regimeWedges} and
   * {@link #compareWedges} in a trial, hence the same bits).
   */
  private void constantWedges() {
    double[] zeros = new double[plan.uncertain.size()];
    for (int b = 0; b < plan.scenarios.length; b++) {
      StudyPlan.ScenarioPlan sp = plan.scenarios[b];
      regimePower = scenarioPower[b];
      regimeRate = scenarioRate[b];
      routeRows(b);
      allRegimeWedges(sp, zeros); // the variable entries are recomputed in every trial
      for (int s = 0; s < ns; s++) {
        wedgeChange[b][s] = new byte[sp.regimes + 1];
        changeHash[b][s] = new long[sp.regimes + 1];
        for (int k = 1; k <= sp.regimes; k++) {
          if (sp.sectorVaries[s]) {
            wedgeChange[b][s][k] = VARIES;
          } else {
            wedgeChange[b][s][k] = compareWedges(sp, s, k);
            changeHash[b][s][k] = lastHash;
          }
        }
      }
    }
  }

  // ---- index helpers of the flattened cubes

  /** Start of cell c's quarterly series in sector s within {@link #flows}, {@link #factor}, {@link #delta}. */
  private int cellSeries(int s, int c) {
    return (s * cells + c) * hq;
  }

  /** Start of importer v's quarterly demand series in sector s within {@link #demand}. */
  private int demandSeries(int s, int v) {
    return (s * n + v) * hq;
  }

  /** Index of cell c of sector s within {@code hat[k]}. */
  private int sectorCell(int s, int c) {
    return s * cells + c;
  }

  /** Index of region r of sector s within {@code welfare[k]} and {@link #logDemand}. */
  private int sectorRegion(int s, int r) {
    return s * n + r;
  }

  /** A kernel for one worker thread. */
  public static TrialKernel of(StudyPlan plan, OutputLayout layout, long seed, SolverKind kind) {
    return new TrialKernel(plan, layout, seed, kind);
  }

  /** Equilibria actually solved since construction (cache hits excluded), for benchmarks. */
  public long solves() {
    return solves;
  }

  /** Newton iterations of those solves (0 for the linear solver). */
  public long newtonIterations() {
    return iterations;
  }

  /**
   * Trials (since construction) whose equilibria left their model's range, by scenario, regime,
   * sector and kind as laid out by {@link DomainWarnings}; the central case is not counted.
   */
  public long[] domainWarningCounts() {
    return domainCounts.clone();
  }

  /** Counts this trial's out-of-range equilibria of scenario b, once per (regime, sector). */
  private void countDomainWarnings(int b, StudyPlan.ScenarioPlan sp) {
    for (int k = 1; k <= sp.regimes; k++) {
      int[] flags = regimeFlags[k];
      for (int s : sp.sectorsTouched) {
        if (flags[s] != 0) {
          domain.count(domainCounts, b, k, s, flags[s]);
        }
      }
    }
  }

  /** Trials evaluated since construction. */
  public long trials() {
    return evaluations;
  }

  /**
   * Evaluates trial {@code trial} with its parameter draws: writes the series of every scenario
   * block and of the baseline into {@code values}; the outlook block and KPIs are left to the
   * caller.
   *
   * @param trial the trial number, or {@link EquilibriumException#CENTRAL_CASE}
   * @param central true for the central case: no shocks, lumpy deliveries at their mean
   */
  public void evaluate(long trial, double[] draws, boolean central, double[] values) {
    evaluations++;
    stamp++;
    cacheSize = 0;
    shocks(trial, central);
    factors(draws);
    for (int b = 0; b < plan.scenarios.length; b++) {
      scenario(b, trial, draws, central);
      if (!central) {
        countDomainWarnings(b, plan.scenarios[b]);
      }
      write(b, plan.scenarios[b], values);
    }
    baseline();
    write(layout.baselineBlock(), null, values);
  }

  /**
   * The outlook's scenario for a trial: drawn from the trial's own stream with the scenarios'
   * probabilities, so the outlook block samples the probability mixture of the scenarios.
   */
  public int outlookScenario(long trial) {
    UniformRandomProvider rng = TrialStreams.of(seed, trial, TrialStreams.Purpose.OUTLOOK);
    double u = TrialStreams.openUniform(rng);
    double cumulative = 0;
    int last = 0;
    for (int s = 0; s < plan.scenarios.length; s++) {
      double p = plan.scenarios[s].probability;
      if (p > 0) {
        last = s;
        cumulative += p;
        if (u < cumulative) {
          return s;
        }
      }
    }
    return last;
  }

  // ---------------------------------------------------------------------------------- shocks

  /** Demand paths of every (sector, importer) and the lumpy deliveries' uniforms; none in the central case. */
  private void shocks(long trial, boolean central) {
    ZigguratGaussian gaussian = null;
    UniformRandomProvider rng = null;
    if (!central) {
      rng = TrialStreams.of(seed, trial, TrialStreams.Purpose.SHOCKS);
      gaussian = ZigguratGaussian.of(rng);
    }
    Arrays.fill(logDemand, 0);
    int[] steps = plan.steps;
    int t = 0;
    while (t < hq && steps[t] == 0) {
      for (int sv = 0; sv < ns * n; sv++) {
        demand[sv * hq + t] = 1;
      }
      t++;
    }
    int[] regionOrder = plan.regionDrawOrder;
    int[] sectorOrder = plan.sectorDrawOrder;
    for (int k = 1; k <= plan.totalSteps; k++) {
      // draws in the order of the region and sector codes, not of the study's lists
      for (int v : regionOrder) {
        commonZ[v] = !central && plan.commonFactor[v] ? gaussian.sample() : 0;
      }
      for (int s : sectorOrder) {
        double[] vol = plan.volatility[s];
        double[] drift = plan.drift[s];
        double[] load = plan.loading[s];
        double[] own = plan.ownWeight[s];
        for (int v : regionOrder) {
          double z = !central && vol[v] > 0 ? gaussian.sample() : 0;
          logDemand[sectorRegion(s, v)] += drift[v] + vol[v] * (load[v] * commonZ[v] + own[v] * z);
        }
      }
      while (t < hq && steps[t] == k) {
        // logDemand[s * n + v] and demand[(s * n + v) * hq + t]: one running index over (s, v)
        for (int sv = 0; sv < ns * n; sv++) {
          double l = logDemand[sv];
          demand[sv * hq + t] = l == 0 ? 1 : PortableMath.exp(l);
        }
        t++;
      }
    }
    if (!central) {
      for (int i = 0; i < plan.lumpyCount * hq; i++) {
        lumpyU[i] = TrialStreams.openUniform(rng);
      }
    }
  }

  /** Capacity-share factors of the cells and welfare scales, from demand and the capacity trends. */
  private void factors(double[] draws) {
    for (int s = 0; s < ns; s++) {
      double[] share = plan.worldShare[s];
      for (int t = 0; t < hq; t++) {
        double ws = 0;
        for (int v = 0; v < n; v++) {
          ws += plan.welfareWeight[s][v] * demand[demandSeries(s, v) + t];
        }
        welfareScale[s * hq + t] = ws;
      }
      if (!plan.hasCapacity[s]) {
        for (int c = 0; c < cells; c++) {
          System.arraycopy(demand, demandSeries(s, cellIndex.importer[c]), factor, cellSeries(s, c), hq);
        }
        continue;
      }
      for (int t = 0; t < hq; t++) {
        int steps = plan.steps[t];
        for (int r = 0; r < n; r++) {
          int ref = plan.capacityRef[s][r];
          capacity[r] = ref == StudyPlan.NO_REF ? 1 : PortableMath.exp(plan.value(ref, draws) * steps);
        }
        for (int v = 0; v < n; v++) {
          double sum = 0;
          for (int q = 0; q < n; q++) {
            sum += share[plan.flow(q, v)] * capacity[q];
          }
          norm[v] = sum;
        }
        for (int c = 0; c < cells; c++) {
          int r = cellIndex.exporter[c];
          int v = cellIndex.importer[c];
          double d = demand[demandSeries(s, v) + t];
          factor[cellSeries(s, c) + t] = norm[v] > 0 ? d * (capacity[r] / norm[v]) : d;
        }
      }
    }
  }

  // ---------------------------------------------------------------------------------- scenarios

  /** The flows of every cell under one scenario: equilibria, adjustment, front-loading, commitments. */
  private void scenario(int b, long trial, double[] draws, boolean central) {
    StudyPlan.ScenarioPlan sp = plan.scenarios[b];
    regimePower = scenarioPower[b];
    regimeRate = scenarioRate[b];
    routeRows(b);
    int regimes = sp.regimes;
    long in = Long.MIN_VALUE;
    for (int k = 1; k <= regimes; k++) {
      long q = (long) Math.floor(plan.value(sp.effectiveRef[k], draws));
      in = Math.max(in, q);
      tau[k] = (int) Math.max(-100_000, Math.min(100_000, in - plan.startOrdinal));
    }
    regimeWedges(sp, draws);
    for (int s : sp.sectorsTouched) {
      equilibria(b, s, trial, draws);
    }
    adjustment(draws, regimes);
    for (int s = 0; s < ns; s++) {
      if (sp.touches(s)) {
        adjustedFlows(s, regimes);
      } else {
        baseFlows(s);
      }
    }
    frontLoading(sp, draws, regimes);
    commitments(sp, draws, central);
  }

  /** Flows of sector s with its base-year wedges: base / 4 x factor. */
  private void baseFlows(int s) {
    double[] baseQ = plan.baseQuarterly[s];
    for (int c = 0; c < cells; c++) {
      double base = baseQ[cellIndex.flow[c]];
      int o = cellSeries(s, c);
      for (int t = 0; t < hq; t++) {
        flows[o + t] = base * factor[o + t];
      }
    }
  }

  /** Flows of a touched sector: base / 4 x factor x (1 + sum_k c_k(t) (h_k - h_(k-1))). */
  private void adjustedFlows(int s, int regimes) {
    if (plan.shortRun[s]) {
      shortRunFlows(s, regimes);
      return;
    }
    double[] baseQ = plan.baseQuarterly[s];
    for (int c = 0; c < cells; c++) {
      double base = baseQ[cellIndex.flow[c]];
      int o = cellSeries(s, c);
      int hc = sectorCell(s, c);
      boolean moved = false;
      for (int k = 1; k <= regimes; k++) {
        double d = hat[k][hc] - hat[k - 1][hc];
        if (d != 0) {
          if (!moved) {
            Arrays.fill(ratio, 0, hq, 1.0);
            moved = true;
          }
          double[] ck = adjust[k];
          for (int t = 0; t < hq; t++) {
            ratio[t] += ck[t] * d;
          }
        }
      }
      if (!moved) { // ratio 1 throughout: x * 1.0 == x, so the base path gives the same bits
        for (int t = 0; t < hq; t++) {
          flows[o + t] = base * factor[o + t];
        }
        continue;
      }
      for (int t = 0; t < hq; t++) {
        flows[o + t] = base * factor[o + t] * ratio[t];
      }
    }
  }

  /**
   * Flows of a touched sector with a short-run elasticity: base / 4 x factor x ratio, the ratio
   * {@code 1 + sum_k [c_k(t) (hS_k - hS_(k-1)) + E_k(w_k(t)) - E_(k-1)(w_k(t))]} of the class doc.
   */
  private void shortRunFlows(int s, int regimes) {
    double[] baseQ = plan.baseQuarterly[s];
    for (int c = 0; c < cells; c++) {
      double base = baseQ[cellIndex.flow[c]];
      int o = cellSeries(s, c);
      int hc = sectorCell(s, c);
      boolean moved = false;
      for (int k = 1; k <= regimes; k++) {
        double dS = hatShort[k][hc] - hatShort[k - 1][hc];
        double dL = hat[k][hc] - hat[k - 1][hc];
        if (dS == 0 && dL == 0) {
          continue;
        }
        if (!moved) {
          Arrays.fill(ratio, 0, hq, 1.0);
          moved = true;
        }
        double[] ck = adjust[k];
        for (int t = 0; t < hq; t++) {
          ratio[t] += ck[t] * dS;
        }
        shortRunPath(hatShort[k][hc], hat[k][hc], converge[k], 1.0);
        shortRunPath(hatShort[k - 1][hc], hat[k - 1][hc], converge[k], -1.0);
      }
      if (!moved) {
        for (int t = 0; t < hq; t++) {
          flows[o + t] = base * factor[o + t];
        }
        continue;
      }
      for (int t = 0; t < hq; t++) {
        flows[o + t] = base * factor[o + t] * ratio[t];
      }
    }
  }

  /**
   * Adds {@code sign x E(w(t))} to {@link #ratio} for every quarter, where
   * {@code E(w) = hS (hL / hS)^w - hS} (geometric interpolation between the short-run ratio hS and
   * the long-run ratio hL; linear, {@code w (hL - hS)}, unless both are positive) and {@code w(t)}
   * is {@code weights[t]}, which rises as {@code m / T} with the quarters m in force and stays at 1
   * once reached. The powers are taken by one exp and a running product per quarter.
   */
  private void shortRunPath(double hS, double hL, double[] weights, double sign) {
    if (hS == hL) {
      return;
    }
    boolean geometric = hS > 0 && hL > 0;
    double logRatio = geometric ? Math.log(hL / hS) : 0;
    double step = 0;
    double power = 1;
    double lastW = 0;
    for (int t = 0; t < hq; t++) {
      double w = weights[t];
      if (w == 0) {
        continue;
      }
      double e;
      if (w >= 1) {
        e = hL - hS;
      } else if (!geometric) {
        e = w * (hL - hS);
      } else {
        if (lastW == 0) {
          power = PortableMath.exp(w * logRatio);
          double next = t + 1 < hq ? weights[t + 1] : 0;
          step = next > w && next < 1 ? PortableMath.exp((next - w) * logRatio) : 1;
        } else {
          power *= step;
        }
        e = hS * (power - 1);
      }
      lastW = w;
      ratio[t] += sign * e;
    }
  }

  /** Cumulative wedges of each regime on every flow the scenario touches whose wedges depend on the draws. */
  private void regimeWedges(StudyPlan.ScenarioPlan sp, double[] draws) {
    int parts = WedgeArithmetic.PARTS;
    int[] vars = sp.variableTouched;
    for (int i : vars) {
      int s = sp.touchedSector[i];
      int f = sp.touchedFlow[i];
      System.arraycopy(plan.baseParts[s], f * parts, wedge, i * parts, parts);
      regimePower[0][i] = plan.basePower[s][f];
      regimeRate[0][i] = plan.baseRate[s][f];
      routeParts(0, i);
    }
    for (int k = 1; k <= sp.regimes; k++) {
      applyEdits(sp, sp.variableEdits[k], draws);
      for (int i : vars) {
        regimePower[k][i] = WedgeArithmetic.power(wedge, i * parts);
        regimeRate[k][i] = WedgeArithmetic.revenueRate(wedge, i * parts);
        routeParts(k, i);
      }
    }
  }

  /** Cumulative wedges of each regime on every flow the scenario touches. */
  private void allRegimeWedges(StudyPlan.ScenarioPlan sp, double[] draws) {
    int parts = WedgeArithmetic.PARTS;
    for (int i = 0; i < sp.touched; i++) {
      int s = sp.touchedSector[i];
      int f = sp.touchedFlow[i];
      System.arraycopy(plan.baseParts[s], f * parts, wedge, i * parts, parts);
      regimePower[0][i] = plan.basePower[s][f];
      regimeRate[0][i] = plan.baseRate[s][f];
      routeParts(0, i);
    }
    for (int k = 1; k <= sp.regimes; k++) {
      applyEdits(sp, sp.edits[k], draws);
      for (int i = 0; i < sp.touched; i++) {
        regimePower[k][i] = WedgeArithmetic.power(wedge, i * parts);
        regimeRate[k][i] = WedgeArithmetic.revenueRate(wedge, i * parts);
        routeParts(k, i);
      }
    }
  }

  // ---------------------------------------------------------------------------------- re-routing

  /** Points the regime rows of the re-routing parts at scenario b's (nothing without re-routing). */
  private void routeRows(int b) {
    if (scenarioShare != null) {
      regimeShare = scenarioShare[b];
      regimePow0 = scenarioPow0[b];
      regimePow1 = scenarioPow1[b];
      regimeRate0 = scenarioRate0[b];
      regimeRate1 = scenarioRate1[b];
    }
  }

  /** Records the transshipment share of {@link #wedge}'s touched index i under regime k and its powers at share 0 and 1. */
  private void routeParts(int k, int i) {
    if (regimeShare == null) {
      return;
    }
    int o = i * WedgeArithmetic.PARTS;
    regimeShare[k][i] = wedge[o + WedgeArithmetic.TRANSSHIPMENT_SHARE];
    regimePow0[k][i] = sharePower(wedge, o, 0);
    regimePow1[k][i] = sharePower(wedge, o, 1);
    regimeRate0[k][i] = shareRate(wedge, o, 0);
    regimeRate1[k][i] = shareRate(wedge, o, 1);
  }

  /** The revenue rate of the wedge parts at {@code offset} with the transshipment share set to {@code share}. */
  private static double shareRate(double[] p, int offset, double share) {
    return WedgeArithmetic.revenueRate(p[offset + WedgeArithmetic.AD_VALOREM], p[offset + WedgeArithmetic.ANTI_DUMPING],
        share, p[offset + WedgeArithmetic.TRANSSHIPMENT_RATE]);
  }

  /** The power of the wedge parts at {@code offset} with the transshipment share set to {@code share}. */
  private static double sharePower(double[] p, int offset, double share) {
    return WedgeArithmetic.power(p[offset + WedgeArithmetic.AD_VALOREM], p[offset + WedgeArithmetic.ANTI_DUMPING],
        p[offset + WedgeArithmetic.NON_TARIFF_BARRIER], p[offset + WedgeArithmetic.EXPORT_CONTROL], share,
        p[offset + WedgeArithmetic.TRANSSHIPMENT_RATE]);
  }

  /**
   * Before solving sector s under regime k ({@link #matPower} holding its wedges): puts on via's
   * flow the power paid by via's own goods, and records the routes' landed costs at base and
   * under regime k in {@link #routeCost0} and {@link #routeCost1}. Returns the power it replaced
   * (for {@link #reroute} to restore).
   *
   * <p>The routed share rho of via's flow is the origin's goods; a transshipment share d of the
   * wedge is charged first on them: a share {@code pi = min(1, d / rho)} of the routed goods pays
   * the transshipment rate, and via's own goods pay it on {@code max(0, d - rho) / (1 - rho)} of
   * theirs, so that the two parts together pay exactly the wedge's mix
   * {@code (1-d) T(0) + d T(1)}.
   */
  private double routeCosts(StudyPlan.ScenarioPlan sp, StudyPlan.RoutePlan rp, int s, int k, double[] draws) {
    int v = rp.importer();
    int via = rp.exporters()[0];
    double rho = plan.value(rp.shareRef(), draws);
    double c = plan.value(rp.costRef(), draws);
    int fv = plan.flow(via, v);
    double[] base = plan.baseParts[s];
    int bo = fv * WedgeArithmetic.PARTS;
    double d0 = base[bo + WedgeArithmetic.TRANSSHIPMENT_SHARE];
    double d = d0;
    double p0 = sharePower(base, bo, 0);
    double p1 = sharePower(base, bo, 1);
    double r0 = shareRate(base, bo, 0);
    double r1 = shareRate(base, bo, 1);
    double baseVia = viaRouteCost(d0, p0, p1, rho);
    int i = sp == null ? -1 : sp.touchedOfCell[s][rp.cells()[0]];
    if (i >= 0) {
      d = regimeShare[k][i];
      p0 = regimePow0[k][i];
      p1 = regimePow1[k][i];
      r0 = regimeRate0[k][i];
      r1 = regimeRate1[k][i];
    }
    routedRate = viaRouteCost(d, r0, r1, rho); // the same mix of the two rates as of the two powers
    routeCost0[0] = baseVia * (1 + c);
    routeCost1[0] = viaRouteCost(d, p0, p1, rho) * (1 + c);
    for (int j = 1; j < rp.exporters().length; j++) {
      int r = rp.exporters()[j];
      double markup = rp.indirect()[j] ? 1 + c : 1;
      routeCost0[j] = plan.basePower[s][plan.flow(r, v)] * markup;
      routeCost1[j] = matPower[r][v] * markup;
    }
    double replaced = matPower[via][v];
    double own = rho < 1 && d > rho ? (d - rho) / (1 - rho) : 0;
    matPower[via][v] = (1 - own) * p0 + own * p1;
    ownRate = (1 - own) * r0 + own * r1;
    return replaced;
  }

  /**
   * The inputs of {@link #routeCosts} that change with the regime and that the wedge comparison
   * does not see (it sees only the via flow's mixed power): the via flow's transshipment share,
   * its powers at share 0 and 1 and its revenue rates at share 0 and 1, under regime k (the base
   * year's where the scenario does not touch that flow). Into {@link #routeKey}.
   */
  private double[] routeKey(StudyPlan.ScenarioPlan sp, StudyPlan.RoutePlan rp, int s, int k) {
    int i = sp == null ? -1 : sp.touchedOfCell[s][rp.cells()[0]];
    if (i >= 0) {
      routeKey[0] = regimeShare[k][i];
      routeKey[1] = regimePow0[k][i];
      routeKey[2] = regimePow1[k][i];
      routeKey[3] = regimeRate0[k][i];
      routeKey[4] = regimeRate1[k][i];
    } else {
      double[] base = plan.baseParts[s];
      int bo = plan.flow(rp.exporters()[0], rp.importer()) * WedgeArithmetic.PARTS;
      routeKey[0] = base[bo + WedgeArithmetic.TRANSSHIPMENT_SHARE];
      routeKey[1] = sharePower(base, bo, 0);
      routeKey[2] = sharePower(base, bo, 1);
      routeKey[3] = shareRate(base, bo, 0);
      routeKey[4] = shareRate(base, bo, 1);
    }
    return routeKey;
  }

  /** Power paid by the routed goods through via: the transshipment rate on {@code min(1, d / rho)} of them. */
  private static double viaRouteCost(double d, double p0, double p1, double rho) {
    double pi = rho > 0 ? Math.min(1, d / rho) : 0;
    return (1 - pi) * p0 + pi * p1;
  }

  /**
   * After the solve ({@link #eq}): restores via's power in {@link #matPower} and puts each
   * route's new flow ratio into {@link #routeRatio}: via's own goods follow the equilibrium,
   * {@code (1 - rho) h_via}, plus the routed goods that stay, {@code rho + move_via / M0_via};
   * the other routes {@code h_j + move_j / M0_j}, with the moves of {@link RouteChoice#moves}.
   */
  private void reroute(StudyPlan.RoutePlan rp, int s, double[] draws, double replaced) {
    int v = rp.importer();
    int via = rp.exporters()[0];
    matPower[via][v] = replaced;
    double rho = plan.value(rp.shareRef(), draws);
    double eta = plan.value(rp.elasticityRef(), draws);
    int routes = rp.exporters().length;
    double m0 = plan.markets[s].flow(via, v);
    double lost = plan.value(rp.lostRef(), draws);
    RouteChoice.moves(rho * m0, routeCost0, routeCost1, routes, eta, lost, routeShare0, routeShare1, routeMove);
    double ownPart = (1 - rho) * eq.flowRatio(via, v);
    double routedPart = rho + routeMove[0] / m0;
    routeRatio[0] = ownPart + routedPart;
    mixedRate = routeRatio[0] > 0 ? (ownPart * ownRate + routedPart * routedRate) / routeRatio[0] : ownRate;
    for (int j = 1; j < routes; j++) {
      int r = rp.exporters()[j];
      routeRatio[j] = eq.flowRatio(r, v) + routeMove[j] / plan.markets[s].flow(r, v);
    }
  }

  /** Applies edits to {@link #wedge}, in order: the part each sets takes {@link org.tariffcast.model.scenario.WedgeComponent#partValue}. */
  private void applyEdits(StudyPlan.ScenarioPlan sp, StudyPlan.WedgeEdit[] edits, double[] draws) {
    for (StudyPlan.WedgeEdit e : edits) {
      int i = e.touched();
      double baseAdValorem = plan.baseAdValorem(sp.touchedSector[i], sp.touchedFlow[i]);
      wedge[i * WedgeArithmetic.PARTS + e.part()] = e.component().partValue(plan.value(e.paramRef(), draws), baseAdValorem);
    }
  }

  /** {@link #wedgeChange} values. */
  private static final byte VARIES = -1;
  private static final byte CHANGED = 0;
  private static final byte SAME_AS_PREVIOUS = 1;
  private static final byte SAME_AS_BASE = 2;

  /**
   * How regime k's wedges of sector s compare with regime k-1's and the base year's; for
   * {@link #CHANGED}, {@link #lastHash} is an order-free digest of the flows whose wedge differs
   * from base (equal wedges, equal digests).
   */
  private byte compareWedges(StudyPlan.ScenarioPlan sp, int s, int k) {
    double[] basePower = plan.basePower[s];
    double[] baseRate = plan.baseRate[s];
    boolean samePrevious = true;
    boolean sameBase = true;
    long hash = 0;
    for (int i : sp.touchedOfSector[s]) {
      double p = regimePower[k][i];
      double r = regimeRate[k][i];
      samePrevious &= p == regimePower[k - 1][i] && r == regimeRate[k - 1][i];
      int f = sp.touchedFlow[i];
      if (p != basePower[f] || r != baseRate[f]) {
        sameBase = false;
        hash += TrialStreams.mix(f * 0x9E3779B97F4A7C15L ^ TrialStreams.mix(Double.doubleToLongBits(p))
            ^ Double.doubleToLongBits(r) * 0xC2B2AE3D27D4EB4FL);
      }
    }
    lastHash = hash;
    return samePrevious ? SAME_AS_PREVIOUS : sameBase ? SAME_AS_BASE : CHANGED;
  }

  /** Flow ratios and welfare of each regime of one touched sector into hat[k] and welfare[k]. */
  private void equilibria(int b, int s, long trial, double[] draws) {
    StudyPlan.ScenarioPlan sp = plan.scenarios[b];
    int[] ids = sp.touchedOfSector[s];
    byte[] change = wedgeChange[b][s];
    int hc = sectorCell(s, 0);
    int hr = sectorRegion(s, 0);
    for (int k = 1; k <= sp.regimes; k++) {
      byte c = change[k];
      long hash = changeHash[b][s][k];
      if (c == VARIES) {
        c = compareWedges(sp, s, k);
        hash = lastHash;
      }
      boolean twoRuns = plan.shortRun[s];
      if (c == SAME_AS_PREVIOUS || tau[k] >= hq) {
        // same wedges as before, or not in force within the horizon (its adjustment weight is 0 throughout)
        System.arraycopy(hat[k - 1], hc, hat[k], hc, cells);
        System.arraycopy(welfare[k - 1], hr, welfare[k], hr, n);
        regimeFlags[k][s] = tau[k] >= hq ? 0 : regimeFlags[k - 1][s];
        viaRate[k][s] = viaRate[k - 1][s];
        if (twoRuns) {
          System.arraycopy(hatShort[k - 1], hc, hatShort[k], hc, cells);
          System.arraycopy(welfareShort[k - 1], hr, welfareShort[k], hr, n);
          viaRateShort[k][s] = viaRateShort[k - 1][s];
        }
        continue;
      }
      if (c == SAME_AS_BASE) {
        Arrays.fill(hat[k], hc, hc + cells, 1.0);
        Arrays.fill(welfare[k], hr, hr + n, 0.0);
        regimeFlags[k][s] = 0;
        viaRate[k][s] = Double.NaN;
        if (twoRuns) {
          Arrays.fill(hatShort[k], hc, hc + cells, 1.0);
          Arrays.fill(welfareShort[k], hr, hr + n, 0.0);
          viaRateShort[k][s] = Double.NaN;
        }
        continue;
      }
      double[] basePower = plan.basePower[s];
      double[] baseRate = plan.baseRate[s];
      for (int r = 0; r < n; r++) {
        System.arraycopy(basePower, plan.flow(r, 0), matPower[r], 0, n);
        System.arraycopy(baseRate, plan.flow(r, 0), matRate[r], 0, n);
      }
      for (int i : ids) {
        int f = sp.touchedFlow[i];
        matPower[f / n][f % n] = regimePower[k][i];
        matRate[f / n][f % n] = regimeRate[k][i];
      }
      int hit = lookup(s, hash, plan.routes[s] == null ? null : routeKey(sp, plan.routes[s], s, k), false);
      if (hit < 0) {
        hit = solve(sp, s, k, trial, draws, hash, false);
      }
      System.arraycopy(cacheHat[hit], 0, hat[k], hc, cells);
      System.arraycopy(cacheWelfare[hit], 0, welfare[k], hr, n);
      regimeFlags[k][s] = cacheFlags[hit];
      viaRate[k][s] = cacheViaRate[hit];
      if (twoRuns) {
        hit = lookup(s, hash, plan.routes[s] == null ? null : routeKey(sp, plan.routes[s], s, k), true);
        if (hit < 0) {
          hit = solve(sp, s, k, trial, draws, hash, true);
        }
        System.arraycopy(cacheHat[hit], 0, hatShort[k], hc, cells);
        System.arraycopy(cacheWelfare[hit], 0, welfareShort[k], hr, n);
        regimeFlags[k][s] |= cacheFlags[hit];
        viaRateShort[k][s] = cacheViaRate[hit];
      }
    }
  }

  /**
   * A cached solution of sector s with the same wedges (and, for a re-routed sector, the same
   * {@code route} key), or -1 (digests first, then every wedge).
   */
  private int lookup(int s, long hash, double[] route, boolean shortRun) {
    for (int e = 0; e < cacheSize; e++) {
      if (cacheSector[e] != s || cacheHash[e] != hash || cacheShort[e] != shortRun
          || route != null && !Arrays.equals(route, cacheRoute[e])) {
        continue;
      }
      double[] p = cachePower[e];
      double[] r = cacheRate[e];
      boolean same = true;
      for (int a = 0; a < n && same; a++) {
        double[] mp = matPower[a];
        double[] mr = matRate[a];
        for (int v = 0; v < n; v++) {
          if (mp[v] != p[a * n + v] || mr[v] != r[a * n + v]) {
            same = false;
            break;
          }
        }
      }
      if (same) {
        return e;
      }
    }
    return -1;
  }

  /**
   * Solves sector s at {@code matPower}/{@code matRate} (at the short-run substitution elasticities
   * if {@code shortRun}) and caches the result; returns the cache entry.
   */
  private int solve(StudyPlan.ScenarioPlan sp, int s, int k, long trial, double[] draws, long hash, boolean shortRun) {
    StudyPlan.RoutePlan rp = plan.routes[s];
    double replaced = rp == null ? 0 : routeCosts(sp, rp, s, k, draws);
    try {
      if (preparedStamp[s] != stamp || preparedSector != s || preparedShort != shortRun) {
        elasticities(s, draws, shortRun);
        solver.prepare(plan.markets[s], em, es, ex);
        preparedStamp[s] = stamp;
        preparedSector = s;
        preparedShort = shortRun;
      }
      solver.solve(matPower, matRate, eq);
    } catch (EquilibriumException e) {
      throw e.in(sp.name, sp.regimeNames[k], trial);
    }
    if (rp != null) {
      reroute(rp, s, draws, replaced);
    }
    solves++;
    iterations += eq.iterations();
    int e = cacheSize < cacheCapacity ? cacheSize++ : cacheCapacity - 1;
    cacheSector[e] = s;
    cacheHash[e] = hash;
    cacheShort[e] = shortRun;
    for (int a = 0; a < n; a++) {
      System.arraycopy(matPower[a], 0, cachePower[e], a * n, n);
      System.arraycopy(matRate[a], 0, cacheRate[e], a * n, n);
    }
    for (int c = 0; c < cells; c++) {
      cacheHat[e][c] = eq.flowRatio(cellIndex.exporter[c], cellIndex.importer[c]);
    }
    cacheViaRate[e] = Double.NaN;
    if (rp != null) {
      System.arraycopy(routeKey(sp, rp, s, k), 0, cacheRoute[e], 0, ROUTE_KEY);
      for (int j = 0; j < rp.cells().length; j++) {
        cacheHat[e][rp.cells()[j]] = routeRatio[j];
      }
      cacheViaRate[e] = mixedRate;
    }
    for (int r = 0; r < n; r++) {
      cacheWelfare[e][r] = eq.netWelfare(r);
    }
    cacheFlags[e] = eq.domainFlags();
    return e;
  }

  /**
   * Sector s's elasticities in this trial into {@link #em}, {@link #es}, {@link #ex}; with
   * {@code shortRun}, each region's short-run substitution elasticity where it has one (at most
   * its long-run draw: the response does not weaken over time), the long-run one elsewhere.
   */
  private void elasticities(int s, double[] draws, boolean shortRun) {
    for (int r = 0; r < n; r++) {
      em[r] = plan.value(plan.importDemandRef[s][r], draws);
      es[r] = plan.value(plan.substitutionRef[s][r], draws);
      ex[r] = plan.value(plan.exportSupplyRef[s][r], draws);
      int sr = plan.substitutionShortRunRef[s][r];
      if (shortRun && sr != StudyPlan.NO_REF) {
        es[r] = Math.min(es[r], plan.value(sr, draws));
      }
    }
  }

  /** Adjustment curves c_k(t) and the regime in force each quarter. */
  private void adjustment(double[] draws, int regimes) {
    double halfLife = plan.value(plan.halfLifeRef, draws);
    if (!(halfLife > 0)) {
      throw new IllegalArgumentException("half-life must be > 0 quarters, found " + halfLife);
    }
    double rho = StrictMath.pow(2, -1 / halfLife);
    for (int k = 1; k <= regimes; k++) {
      double[] ck = adjust[k];
      int start = Math.max(0, tau[k]);
      if (start >= hq) {
        Arrays.fill(ck, 0);
        continue;
      }
      Arrays.fill(ck, 0, start, 0);
      double remaining = StrictMath.pow(rho, start - tau[k] + 1);
      for (int t = start; t < hq; t++) {
        ck[t] = 1 - remaining;
        remaining *= rho;
      }
    }
    for (int t = 0; t < hq; t++) {
      inForce[t] = inForceAt(t, regimes);
    }
    if (converge != null) {
      convergence(plan.value(plan.convergenceRef, draws), regimes);
    }
  }

  /**
   * {@code converge[k][t] = min(1, (t - tau_k) / quarters)} once regime k is in force (0 before
   * and in its first quarter, which meets the short-run elasticity alone): the share of the way
   * from its short-run to its long-run change, {@code quarters} quarters after the change.
   */
  private void convergence(double quarters, int regimes) {
    if (!(quarters > 0)) {
      throw new IllegalArgumentException("convergence must be > 0 quarters, found " + quarters);
    }
    for (int k = 1; k <= regimes; k++) {
      double[] wk = converge[k];
      for (int t = 0; t < hq; t++) {
        wk[t] = t <= tau[k] ? 0 : Math.min(1, (t - tau[k]) / quarters);
      }
    }
  }

  /** The share of the way from short-run to long-run change of regime k reached in quarter t (for tests). */
  double convergenceWeight(int k, int t) {
    return converge == null ? 1 : converge[k][t];
  }

  private int inForceAt(int t, int regimes) {
    int k = 0;
    for (int j = 1; j <= regimes; j++) {
      if (tau[j] <= t) {
        k = j;
      }
    }
    return k;
  }

  /** Pulls a share of the flows forward before each regime change that raises their tariff power. */
  private void frontLoading(StudyPlan.ScenarioPlan sp, double[] draws, int regimes) {
    if (regimes == 0) {
      return;
    }
    double share = plan.value(plan.frontShareRef, draws);
    int quartersBefore = plan.frontQuarters;
    if (!(share > 0)) {
      return;
    }
    boolean any = false;
    for (int tc = 1; tc <= hq - 1 + quartersBefore; tc++) {
      int j = inForceAt(tc - 1, regimes);
      int k = inForceAt(tc, regimes);
      if (j == k) {
        continue;
      }
      for (int s : sp.sectorsTouched) {
        int[] touchedOfCell = sp.touchedOfCell[s];
        for (int c = 0; c < cells; c++) {
          int i = touchedOfCell[c];
          if (i < 0 || !(regimePower[k][i] > regimePower[j][i])) {
            continue;
          }
          int o = cellSeries(s, c);
          double per = share * flows[o + Math.min(tc - 1, hq - 1)] / quartersBefore;
          for (int q = tc - quartersBefore; q < tc; q++) {
            if (q >= 0 && q < hq) {
              delta[o + q] += per;
            }
          }
          for (int q = tc; q < tc + quartersBefore && q < hq; q++) {
            delta[o + q] -= per;
          }
          any = true;
        }
      }
    }
    if (any) {
      for (int s : sp.sectorsTouched) {
        int from = cellSeries(s, 0);
        int to = cellSeries(s + 1, 0);
        for (int x = from; x < to; x++) {
          flows[x] += delta[x];
          delta[x] = 0;
        }
      }
    }
  }

  /**
   * Adds the commitments' deliveries, takes the displaced share from the importer's other
   * suppliers, and records the exporters' producer-surplus gains in {@link #commitmentWelfare}.
   */
  private void commitments(StudyPlan.ScenarioPlan sp, double[] draws, boolean central) {
    if (anyCommitmentWelfare) {
      Arrays.fill(commitmentWelfare, 0.0);
      anyCommitmentWelfare = false;
    }
    for (int ci = 0; ci < plan.commitments.length; ci++) {
      int startRegime = sp.commitmentStart[ci];
      if (startRegime < 1) {
        continue;
      }
      StudyPlan.CommitmentPlan cp = plan.commitments[ci];
      int first = Math.max(tau[startRegime], cp.firstPeriod());
      int last = cp.lastPeriod();
      if (last < first) {
        continue; // the deal came after the pledge's end: nothing is bought under it
      }
      double fulfilment = plan.value(cp.fulfilmentRef(), draws);
      double ramp = plan.value(cp.rampRef(), draws);
      double displacement = plan.value(cp.displacementRef(), draws);
      double additionality = plan.value(cp.additionalityRef(), draws);
      double perQuarter = cp.total() ? cp.value() / rampWeight(ramp, (long) last - first + 1) : cp.value() / 4;
      double supply = plan.value(cp.exportSupplyRef(), draws);
      boolean surplus = supply > 0 && !Double.isInfinite(supply) && cp.exports() > 0;
      int s = cp.sector();
      for (int t = Math.max(0, first); t <= last && t < hq; t++) {
        int m = t - first + 1;
        double rampShare = ramp <= 0 ? 1 : Math.min(1, m / ramp);
        double smooth = perQuarter * fulfilment * rampShare * additionality; // x * 1.0 == x: the order of the form without additionality
        double value = smooth;
        if (cp.isLumpy() && !central) {
          value = PoissonQuantile.of(lumpyU[cp.lumpyIndex() * hq + t], smooth / cp.unitValue()) * cp.unitValue();
        }
        if (value == 0) {
          continue;
        }
        flows[cellSeries(s, cp.cell()) + t] += value;
        if (surplus) {
          commitmentWelfare[cp.exporter() * hq + t] += producerSurplusGain(value, cp.exports() / 4 * welfareScale[s * hq + t],
              supply);
          anyCommitmentWelfare = true;
        }
        if (displacement > 0) {
          double others = 0;
          for (int oc : cp.otherCells()) {
            others += flows[cellSeries(s, oc) + t];
          }
          if (others > 0) {
            double taken = Math.min(displacement * value, others) / others;
            for (int oc : cp.otherCells()) {
              int x = cellSeries(s, oc) + t;
              flows[x] -= flows[x] * taken;
            }
          }
        }
      }
    }
  }

  /**
   * {@code sum_{m=1..quarters} min(1, m / ramp)}, the weight a total is divided by so that the
   * quarters of its period add up to it: {@code quarters} without a ramp, else
   * {@code k (k + 1) / (2 ramp) + (quarters - k)} with {@code k = min(quarters, floor(ramp))}.
   */
  public static double rampWeight(double ramp, long quarters) {
    if (ramp <= 0) {
      return quarters;
    }
    long k = Math.min(quarters, (long) Math.floor(ramp));
    return k * (k + 1) / (2 * ramp) + (quarters - k);
  }

  /**
   * The exporter's producer-surplus gain, USD, from added sales {@code added} (USD, at base
   * prices) when it sells {@code exports} (USD, same period) along a constant-elasticity supply
   * curve {@code X p^Ex}: the demand shift raises its price to {@code p = (1 + added/exports)^(1/Ex)},
   * and the surplus gained is the area left of the supply curve,
   * {@code exports (p^(Ex+1) - 1) / (Ex + 1)} (about {@code added / Ex} for small additions).
   * The other demands' response to the higher price is not followed (a partial measure).
   */
  public static double producerSurplusGain(double added, double exports, double supplyElasticity) {
    double ratio = added / exports;
    return exports * StrictMath.expm1((supplyElasticity + 1) / supplyElasticity * StrictMath.log1p(ratio))
        / (supplyElasticity + 1);
  }

  /** The no-change baseline: every sector at its base-year wedges. */
  private void baseline() {
    for (int s = 0; s < ns; s++) {
      baseFlows(s);
    }
  }

  // ---------------------------------------------------------------------------------- outputs

  /**
   * Writes a block's series from the flows; {@code sp} null for the baseline. Sector by sector
   * into the per-sector lines and the running totals, quarters innermost; the balance last.
   */
  private void write(int block, StudyPlan.ScenarioPlan sp, double[] values) {
    clearSums(block, values);
    for (int s = 0; s < ns; s++) {
      writeBilateral(block, sp, s, values);
      writePartnerExports(block, s, values);
      writeImportsBySource(block, s, values);
      if (sp != null && sp.touches(s)) {
        writeWelfare(block, sp, s, values);
      }
    }
    if (sp != null && anyCommitmentWelfare) {
      for (int r = 0; r < n; r++) {
        int slot = layout.welfare(block, r);
        for (int t = 0; t < hq; t++) {
          values[slot + t] += commitmentWelfare[r * hq + t];
        }
      }
    }
    int balance = layout.bilateralBalance(block);
    int exports = layout.exportsToPartnerTotal(block);
    int imports = layout.importsFromPartnerTotal(block);
    for (int t = 0; t < hq; t++) {
      values[balance + t] = values[exports + t] - values[imports + t];
    }
  }

  /** Zeroes the lines that sectors add into: the totals, home imports by source, welfare. */
  private void clearSums(int block, double[] values) {
    clear(values, layout.importsFromPartnerTotal(block));
    clear(values, layout.exportsToPartnerTotal(block));
    clear(values, layout.tariffRevenueTotal(block));
    clear(values, layout.partnerExportsTotal(block));
    for (int i = 0; i < layout.sourceCount(); i++) {
      clear(values, layout.homeImportsBySource(block, i));
    }
    for (int r = 0; r < n; r++) {
      clear(values, layout.welfare(block, r));
    }
  }

  private void clear(double[] values, int series) {
    Arrays.fill(values, series, series + hq, 0.0);
  }

  /** Imports from and exports to the partner, and the revenue on those imports, of sector s (and into the totals). */
  private void writeBilateral(int block, StudyPlan.ScenarioPlan sp, int s, double[] values) {
    int imp = cellSeries(s, cellIndex.partnerToHome);
    int exp = cellSeries(s, cellIndex.homeToPartner);
    int impSlot = layout.importsFromPartner(block, s);
    int expSlot = layout.exportsToPartner(block, s);
    int revSlot = layout.tariffRevenue(block, s);
    int importsTotal = layout.importsFromPartnerTotal(block);
    int exportsTotal = layout.exportsToPartnerTotal(block);
    int revenueTotal = layout.tariffRevenueTotal(block);
    revenueRates(sp, s);
    for (int t = 0; t < hq; t++) {
      double im = flows[imp + t];
      double ex = flows[exp + t];
      double rev = im * rates[t];
      values[impSlot + t] = im;
      values[expSlot + t] = ex;
      values[revSlot + t] = rev;
      values[importsTotal + t] += im;
      values[exportsTotal + t] += ex;
      values[revenueTotal + t] += rev;
    }
  }

  /** The revenue rate on the partner's goods in sector s each quarter into {@link #rates}: the regime in force's, or the base's. */
  private void revenueRates(StudyPlan.ScenarioPlan sp, int s) {
    int ti = sp == null ? -1 : sp.touchedOfCell[s][cellIndex.partnerToHome];
    StudyPlan.RoutePlan rp = plan.routes[s];
    if (ti >= 0 && rp != null && rp.cells()[0] == cellIndex.partnerToHome) {
      // the partner's flow carries re-routed goods: the rate of its mix after the moves
      for (int t = 0; t < hq; t++) {
        int k = inForce[t];
        double mixed = viaRate[k][s];
        if (plan.shortRun[s] && !Double.isNaN(mixed)) {
          // the mix between its short-run and long-run values, as far as regime k has come
          mixed = viaRateShort[k][s] + converge[k][t] * (mixed - viaRateShort[k][s]);
        }
        rates[t] = Double.isNaN(mixed) ? regimeRate[k][ti] : mixed;
      }
    } else if (ti >= 0) {
      for (int t = 0; t < hq; t++) {
        rates[t] = regimeRate[inForce[t]][ti];
      }
    } else {
      Arrays.fill(rates, 0, hq, plan.baseRate[s][plan.flow(plan.partner, plan.home)]);
    }
  }

  /** The partner's exports to every other region in sector s (and into the total). */
  private void writePartnerExports(int block, int s, double[] values) {
    Arrays.fill(total, 0, hq, 0.0);
    for (int v = 0; v < n; v++) {
      if (v != plan.partner) {
        int x = cellSeries(s, cellIndex.partnerTo[v]);
        for (int t = 0; t < hq; t++) {
          total[t] += flows[x + t];
        }
      }
    }
    int slot = layout.partnerExports(block, s);
    int sum = layout.partnerExportsTotal(block);
    for (int t = 0; t < hq; t++) {
      values[slot + t] = total[t];
      values[sum + t] += total[t];
    }
  }

  /** Sector s's share of home's imports from each source region. */
  private void writeImportsBySource(int block, int s, double[] values) {
    for (int i = 0; i < layout.sourceCount(); i++) {
      int x = cellSeries(s, cellIndex.toHome[layout.sourceRegion(i)]);
      int slot = layout.homeImportsBySource(block, i);
      for (int t = 0; t < hq; t++) {
        values[slot + t] += flows[x + t];
      }
    }
  }

  /**
   * Sector s's net welfare change of each region, USD per quarter: the adjusted equilibrium
   * changes (USD per year) / 4, scaled by the sector's demand index.
   */
  private void writeWelfare(int block, StudyPlan.ScenarioPlan sp, int s, double[] values) {
    for (int r = 0; r < n; r++) {
      Arrays.fill(total, 0, hq, 0.0);
      boolean any = false;
      int sr = sectorRegion(s, r);
      for (int k = 1; k <= sp.regimes; k++) {
        double d = welfare[k][sr] - welfare[k - 1][sr];
        if (plan.shortRun[s]) {
          // short-run change smoothed by the half-life, the way to the long run linear in w_k(t)
          double dS = welfareShort[k][sr] - welfareShort[k - 1][sr];
          if (d != 0 || dS != 0) {
            any = true;
            double[] ck = adjust[k];
            double[] wk = converge[k];
            for (int t = 0; t < hq; t++) {
              total[t] += ck[t] * dS + wk[t] * (d - dS);
            }
          }
          continue;
        }
        if (d != 0) {
          any = true;
          double[] ck = adjust[k];
          for (int t = 0; t < hq; t++) {
            total[t] += ck[t] * d;
          }
        }
      }
      if (any) {
        int slot = layout.welfare(block, r);
        int w = s * hq;
        for (int t = 0; t < hq; t++) {
          values[slot + t] += welfareScale[w + t] * 0.25 * total[t];
        }
      }
    }
  }

  // ---------------------------------------------------------------------------------- central tables

  /**
   * The equilibrium table of every scenario, regime and sector at the given (central)
   * parameter values: base flows, flows after the regime's cumulative wedges, world price
   * changes and welfare by region.
   */
  public List<EquilibriumTable> tables(double[] draws) {
    List<EquilibriumTable> out = new ArrayList<>();
    List<String> regions = Arrays.asList(plan.regionCodes);
    for (int b = 0; b < plan.scenarios.length; b++) {
      StudyPlan.ScenarioPlan sp = plan.scenarios[b];
      regimePower = scenarioPower[b];
      regimeRate = scenarioRate[b];
      routeRows(b);
      regimeWedges(sp, draws);
      for (int k = 1; k <= sp.regimes; k++) {
        for (int s = 0; s < ns; s++) {
          elasticities(s, draws, false); // the long-run equilibrium each regime converges to
          for (int r = 0; r < n; r++) {
            for (int v = 0; v < n; v++) {
              matPower[r][v] = plan.basePower[s][plan.flow(r, v)];
              matRate[r][v] = plan.baseRate[s][plan.flow(r, v)];
            }
          }
          for (int i : sp.touchedOfSector[s]) {
            int f = sp.touchedFlow[i];
            matPower[f / n][f % n] = regimePower[k][i];
            matRate[f / n][f % n] = regimeRate[k][i];
          }
          StudyPlan.RoutePlan rp = plan.routes[s];
          double replaced = rp == null ? 0 : routeCosts(sp, rp, s, k, draws);
          try {
            solver.prepare(plan.markets[s], em, es, ex);
            solver.solve(matPower, matRate, eq);
          } catch (EquilibriumException e) {
            throw e.in(sp.name, sp.regimeNames[k], EquilibriumException.CENTRAL_CASE);
          }
          if (rp != null) {
            reroute(rp, s, draws, replaced);
          }
          stamp++; // the prepared markets no longer match a trial's draws
          out.add(table(sp, k, s, regions, rp));
        }
      }
    }
    return out;
  }

  /** The solved equilibrium of (scenario, regime k, sector s) as a table. */
  private EquilibriumTable table(StudyPlan.ScenarioPlan sp, int k, int s, List<String> regions, StudyPlan.RoutePlan rp) {
    Map<String, Double> x = new LinkedHashMap<>();
    Map<String, Map<String, Double>> before = new LinkedHashMap<>();
    Map<String, Map<String, Double>> after = new LinkedHashMap<>();
    Map<String, Welfare> w = new LinkedHashMap<>();
    for (int r = 0; r < n; r++) {
      x.put(plan.regionCodes[r], eq.worldPriceChange(r));
      Map<String, Double> b = new LinkedHashMap<>();
      Map<String, Double> a = new LinkedHashMap<>();
      for (int v = 0; v < n; v++) {
        b.put(plan.regionCodes[v], plan.markets[s].flow(r, v));
        a.put(plan.regionCodes[v], eq.newFlow(r, v));
      }
      if (rp != null) {
        for (int j = 0; j < rp.exporters().length; j++) {
          if (rp.exporters()[j] == r) {
            a.put(plan.regionCodes[rp.importer()], plan.markets[s].flow(r, rp.importer()) * routeRatio[j]);
          }
        }
      }
      before.put(plan.regionCodes[r], b);
      after.put(plan.regionCodes[r], a);
      w.put(plan.regionCodes[r], eq.welfare(r));
    }
    return new EquilibriumTable(sp.name, sp.regimeNames[k], plan.sectorCodes[s], regions, x, before, after, w);
  }
}
