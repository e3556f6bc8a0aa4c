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
 *   <li><b>Flows</b> (USD per quarter): base-year flow / 4 x demand x capacity share x ratio.</li>
 *   <li><b>Front-loading</b>: when a regime change raises a flow's tariff power, a share of the
 *       flow of the quarter before is pulled forward, spread over the {@code frontLoadingQuarters}
 *       quarters before the change, and paid back over as many quarters from it.</li>
 *   <li><b>Commitments</b> start with the first regime naming them: {@code annual/4 x fulfilment x
 *       min(1, m / rampQuarters)} in the m-th quarter; lumpy ones deliver a Poisson count with that
 *       mean times the unit value (the central case uses the mean); a share {@code displacement} of
 *       the added value is taken from the importer's other suppliers pro rata.</li>
 *   <li><b>Tariff revenue</b>: the flow times the revenue rate of the regime in force.
 *       <b>Welfare</b>: each sector's equilibrium welfare change (USD per year, base-year scale)
 *       / 4, adjusted like flows and scaled by the sector's import-weighted demand index.</li>
 * </ul>
 */
public final class TrialKernel {
  private final StudyPlan plan;
  private final OutputLayout layout;
  private final long seed;
  private final int n;
  private final int ns;
  private final int hq;
  private final int cells;
  private final EquilibriumSolver solver;
  private final Equilibrium eq;
  private final double[] em;
  private final double[] es;
  private final double[] ex;
  private final int[] preparedStamp;
  private int stamp;
  /** The sector whose market the (single) solver holds: another sector's solve re-prepares it. */
  private int preparedSector = -1;
  // shocks
  private final double[] logDemand;
  private final double[] demand;
  private final double[] factor;
  private final double[] welfareScale;
  private final double[] lumpyU;
  private final double[] commonZ;
  private final double[] capacity;
  // per scenario
  private final double[] wedge;
  private final double[][] regimePower;
  private final double[][] regimeRate;
  private final int[] tau;
  private final int[] inForce;
  private final double[][] adjust;
  private final double[][] hat;
  private final double[][] welfare;
  private final double[] flows;
  private final double[] delta;
  private final double[][] matPower;
  private final double[][] matRate;
  // within-trial cache of solved (sector, wedges)
  private final int cacheCapacity;
  private final int[] cacheSector;
  private final long[] cacheHash;
  private final double[][] cachePower;
  private final double[][] cacheRate;
  private final double[][] cacheHat;
  private final double[][] cacheWelfare;
  private int cacheSize;
  private long solves;
  private long iterations;
  private long evaluations;
  // output scratch
  private final double[] ratio;
  private final double[] total;
  private final double[] rates;

  private TrialKernel(StudyPlan plan, OutputLayout layout, long seed, SolverKind kind) {
    this.plan = plan;
    this.layout = layout;
    this.seed = seed;
    n = plan.n;
    ns = plan.sectors;
    hq = plan.quarters;
    cells = plan.cells;
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
    commonZ = new double[n];
    capacity = new double[n];
    int touched = 0;
    int regimes = plan.maxRegimes;
    int totalRegimes = 0;
    for (StudyPlan.ScenarioPlan sp : plan.scenarios) {
      touched = Math.max(touched, sp.touched);
      totalRegimes += sp.regimes * sp.sectorsTouched.length;
    }
    wedge = new double[Math.max(1, touched) * WedgeArithmetic.PARTS];
    regimePower = new double[regimes + 1][Math.max(1, touched)];
    regimeRate = new double[regimes + 1][Math.max(1, touched)];
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
    cacheCapacity = Math.max(1, totalRegimes);
    cacheSector = new int[cacheCapacity];
    cacheHash = new long[cacheCapacity];
    cachePower = new double[cacheCapacity][n * n];
    cacheRate = new double[cacheCapacity][n * n];
    cacheHat = new double[cacheCapacity][cells];
    cacheWelfare = new double[cacheCapacity][n];
    ratio = new double[hq];
    total = new double[hq];
    rates = new double[hq];
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
      scenario(plan.scenarios[b], trial, draws, central);
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
    for (int k = 1; k <= plan.totalSteps; k++) {
      for (int v = 0; v < n; v++) {
        commonZ[v] = !central && plan.commonFactor[v] ? gaussian.sample() : 0;
      }
      for (int s = 0; s < ns; s++) {
        double[] vol = plan.volatility[s];
        double[] drift = plan.drift[s];
        double[] load = plan.loading[s];
        double[] own = plan.ownWeight[s];
        for (int v = 0; v < n; v++) {
          double z = !central && vol[v] > 0 ? gaussian.sample() : 0;
          logDemand[s * n + v] += drift[v] + vol[v] * (load[v] * commonZ[v] + own[v] * z);
        }
      }
      while (t < hq && steps[t] == k) {
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
          ws += plan.welfareWeight[s][v] * demand[(s * n + v) * hq + t];
        }
        welfareScale[s * hq + t] = ws;
      }
      if (!plan.hasCapacity[s]) {
        for (int c = 0; c < cells; c++) {
          int v = plan.cellImporter[c];
          System.arraycopy(demand, (s * n + v) * hq, factor, (s * cells + c) * hq, hq);
        }
        continue;
      }
      for (int t = 0; t < hq; t++) {
        int steps = plan.steps[t];
        for (int r = 0; r < n; r++) {
          int ref = plan.capacityRef[s][r];
          capacity[r] = ref == StudyPlan.NO_REF ? 1 : PortableMath.exp(plan.value(ref, draws) * steps);
        }
        for (int c = 0; c < cells; c++) {
          int r = plan.cellExporter[c];
          int v = plan.cellImporter[c];
          double norm = 0;
          for (int q = 0; q < n; q++) {
            norm += share[q * n + v] * capacity[q];
          }
          double d = demand[(s * n + v) * hq + t];
          factor[(s * cells + c) * hq + t] = norm > 0 ? d * (capacity[r] / norm) : d;
        }
      }
    }
  }

  // ---------------------------------------------------------------------------------- scenarios

  private void scenario(StudyPlan.ScenarioPlan sp, long trial, double[] draws, boolean central) {
    int regimes = sp.regimes;
    long in = Long.MIN_VALUE;
    for (int k = 1; k <= regimes; k++) {
      long q = (long) Math.floor(plan.value(sp.effectiveRef[k], draws));
      in = Math.max(in, q);
      tau[k] = (int) Math.max(-100_000, Math.min(100_000, in - plan.startOrdinal));
    }
    regimeWedges(sp, draws);
    for (int s : sp.sectorsTouched) {
      equilibria(sp, s, trial, draws);
    }
    adjustment(draws, regimes);
    // flows of every cell: base x factor x (1 + sum_k c_k(t) (h_k - h_(k-1)))
    for (int s = 0; s < ns; s++) {
      boolean touched = sp.touchedOfSector[s].length > 0;
      double[] baseQ = plan.baseQuarterly[s];
      for (int c = 0; c < cells; c++) {
        double base = baseQ[plan.cellFlow[c]];
        int o = (s * cells + c) * hq;
        if (!touched) {
          for (int t = 0; t < hq; t++) {
            flows[o + t] = base * factor[o + t];
          }
          continue;
        }
        int hc = s * cells + c;
        Arrays.fill(ratio, 0, hq, 1.0);
        for (int k = 1; k <= regimes; k++) {
          double d = hat[k][hc] - hat[k - 1][hc];
          if (d != 0) {
            double[] ck = adjust[k];
            for (int t = 0; t < hq; t++) {
              ratio[t] += ck[t] * d;
            }
          }
        }
        for (int t = 0; t < hq; t++) {
          flows[o + t] = base * factor[o + t] * ratio[t];
        }
      }
    }
    frontLoading(sp, draws, regimes);
    commitments(sp, draws, central);
  }

  /** Cumulative wedges of each regime on every flow the scenario touches. */
  private void regimeWedges(StudyPlan.ScenarioPlan sp, double[] draws) {
    int parts = WedgeArithmetic.PARTS;
    for (int i = 0; i < sp.touched; i++) {
      int s = sp.touchedSector[i];
      int f = sp.touchedFlow[i];
      System.arraycopy(plan.baseParts[s], f * parts, wedge, i * parts, parts);
      regimePower[0][i] = plan.basePower[s][f];
      regimeRate[0][i] = plan.baseRate[s][f];
    }
    for (int k = 1; k <= sp.regimes; k++) {
      for (int[] e : sp.edits[k]) {
        int i = e[0];
        double value = plan.value(e[2], draws);
        if (e[3] == 1) {
          value = plan.baseParts[sp.touchedSector[i]][sp.touchedFlow[i] * parts + WedgeArithmetic.AD_VALOREM] + value;
        }
        wedge[i * parts + e[1]] = value;
      }
      for (int i = 0; i < sp.touched; i++) {
        regimePower[k][i] = WedgeArithmetic.power(wedge, i * parts);
        regimeRate[k][i] = WedgeArithmetic.revenueRate(wedge, i * parts);
      }
    }
  }

  /** Flow ratios and welfare of each regime of one touched sector into hat[k] and welfare[k]. */
  private void equilibria(StudyPlan.ScenarioPlan sp, int s, long trial, double[] draws) {
    int[] ids = sp.touchedOfSector[s];
    double[] basePower = plan.basePower[s];
    double[] baseRate = plan.baseRate[s];
    for (int k = 1; k <= sp.regimes; k++) {
      boolean samePrevious = true;
      boolean sameBase = true;
      long hash = 0;
      for (int i : ids) {
        double p = regimePower[k][i];
        double r = regimeRate[k][i];
        samePrevious &= p == regimePower[k - 1][i] && r == regimeRate[k - 1][i];
        int f = sp.touchedFlow[i];
        if (p != basePower[f] || r != baseRate[f]) {
          sameBase = false;
          // order-free digest of the flows whose wedge differs from base (equal wedges, equal digests)
          hash += TrialStreams.mix(f * 0x9E3779B97F4A7C15L ^ TrialStreams.mix(Double.doubleToLongBits(p))
              ^ Double.doubleToLongBits(r) * 0xC2B2AE3D27D4EB4FL);
        }
      }
      if (samePrevious || tau[k] >= hq) {
        // same wedges as before, or not in force within the horizon (its adjustment weight is 0 throughout)
        System.arraycopy(hat[k - 1], s * cells, hat[k], s * cells, cells);
        System.arraycopy(welfare[k - 1], s * n, welfare[k], s * n, n);
        continue;
      }
      if (sameBase) {
        Arrays.fill(hat[k], s * cells, (s + 1) * cells, 1.0);
        Arrays.fill(welfare[k], s * n, (s + 1) * n, 0.0);
        continue;
      }
      for (int r = 0; r < n; r++) {
        System.arraycopy(basePower, r * n, matPower[r], 0, n);
        System.arraycopy(baseRate, r * n, matRate[r], 0, n);
      }
      for (int i : ids) {
        int f = sp.touchedFlow[i];
        matPower[f / n][f % n] = regimePower[k][i];
        matRate[f / n][f % n] = regimeRate[k][i];
      }
      int hit = lookup(s, hash);
      if (hit < 0) {
        hit = solve(sp, s, k, trial, draws, hash);
      }
      System.arraycopy(cacheHat[hit], 0, hat[k], s * cells, cells);
      System.arraycopy(cacheWelfare[hit], 0, welfare[k], s * n, n);
    }
  }

  /** A cached solution of sector s with the same wedges, or -1 (digests first, then every wedge). */
  private int lookup(int s, long hash) {
    for (int e = 0; e < cacheSize; e++) {
      if (cacheSector[e] != s || cacheHash[e] != hash) {
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

  private int solve(StudyPlan.ScenarioPlan sp, int s, int k, long trial, double[] draws, long hash) {
    try {
      if (preparedStamp[s] != stamp || preparedSector != s) {
        for (int r = 0; r < n; r++) {
          em[r] = plan.value(plan.importDemandRef[s][r], draws);
          es[r] = plan.value(plan.substitutionRef[s][r], draws);
          ex[r] = plan.value(plan.exportSupplyRef[s][r], draws);
        }
        solver.prepare(plan.markets[s], em, es, ex);
        preparedStamp[s] = stamp;
        preparedSector = s;
      }
      solver.solve(matPower, matRate, eq);
    } catch (EquilibriumException e) {
      throw e.in(sp.name, sp.regimeNames[k], trial);
    }
    solves++;
    iterations += eq.iterations();
    int e = cacheSize < cacheCapacity ? cacheSize++ : cacheCapacity - 1;
    cacheSector[e] = s;
    cacheHash[e] = hash;
    for (int a = 0; a < n; a++) {
      System.arraycopy(matPower[a], 0, cachePower[e], a * n, n);
      System.arraycopy(matRate[a], 0, cacheRate[e], a * n, n);
    }
    for (int c = 0; c < cells; c++) {
      cacheHat[e][c] = eq.flowRatio(plan.cellExporter[c], plan.cellImporter[c]);
    }
    for (int r = 0; r < n; r++) {
      cacheWelfare[e][r] = eq.netWelfare(r);
    }
    return e;
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
          int o = (s * cells + c) * hq;
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
        int from = s * cells * hq;
        int to = from + cells * hq;
        for (int x = from; x < to; x++) {
          flows[x] += delta[x];
          delta[x] = 0;
        }
      }
    }
  }

  private void commitments(StudyPlan.ScenarioPlan sp, double[] draws, boolean central) {
    for (int ci = 0; ci < plan.commitments.length; ci++) {
      int startRegime = sp.commitmentStart[ci];
      if (startRegime < 1) {
        continue;
      }
      StudyPlan.CommitmentPlan cp = plan.commitments[ci];
      int start = tau[startRegime];
      double fulfilment = plan.value(cp.fulfilmentRef, draws);
      double ramp = plan.value(cp.rampRef, draws);
      double displacement = plan.value(cp.displacementRef, draws);
      int s = cp.sector;
      for (int t = Math.max(0, start); t < hq; t++) {
        int m = t - start + 1;
        double rampShare = ramp <= 0 ? 1 : Math.min(1, m / ramp);
        double smooth = cp.annualValue / 4 * fulfilment * rampShare;
        double value = smooth;
        if (cp.isLumpy() && !central) {
          value = PoissonQuantile.of(lumpyU[cp.lumpyIndex * hq + t], smooth / cp.unitValue) * cp.unitValue;
        }
        if (value == 0) {
          continue;
        }
        flows[(s * cells + cp.cell) * hq + t] += value;
        if (displacement > 0) {
          double others = 0;
          for (int oc : cp.otherCells) {
            others += flows[(s * cells + oc) * hq + t];
          }
          if (others > 0) {
            double taken = Math.min(displacement * value, others) / others;
            for (int oc : cp.otherCells) {
              int x = (s * cells + oc) * hq + t;
              flows[x] -= flows[x] * taken;
            }
          }
        }
      }
    }
  }

  private void baseline() {
    for (int s = 0; s < ns; s++) {
      double[] baseQ = plan.baseQuarterly[s];
      for (int c = 0; c < cells; c++) {
        double base = baseQ[plan.cellFlow[c]];
        int o = (s * cells + c) * hq;
        for (int t = 0; t < hq; t++) {
          flows[o + t] = base * factor[o + t];
        }
      }
    }
  }

  // ---------------------------------------------------------------------------------- outputs

  /** Writes a block's series from the flows; {@code sp} null for the baseline. Quarters innermost. */
  private void write(int block, StudyPlan.ScenarioPlan sp, double[] values) {
    OutputLayout l = layout;
    int cph = plan.cellPartnerHome;
    int chp = plan.cellHomePartner;
    int p = plan.partner;
    int h = plan.home;
    int regimes = sp == null ? 0 : sp.regimes;
    int importsTotal = l.seriesSlot(block, l.importsTotal, 0);
    int exportsTotal = l.seriesSlot(block, l.exportsTotal, 0);
    int revenueTotal = l.seriesSlot(block, l.revenueTotal, 0);
    int partnerTotal = l.seriesSlot(block, l.partnerTotal, 0);
    int balance = l.seriesSlot(block, l.balance, 0);
    Arrays.fill(values, importsTotal, importsTotal + hq, 0.0);
    Arrays.fill(values, exportsTotal, exportsTotal + hq, 0.0);
    Arrays.fill(values, revenueTotal, revenueTotal + hq, 0.0);
    Arrays.fill(values, partnerTotal, partnerTotal + hq, 0.0);
    for (int i = 0; i < l.sourceRegion.length; i++) {
      int o = l.seriesSlot(block, l.bySourceFirst + i, 0);
      Arrays.fill(values, o, o + hq, 0.0);
    }
    for (int r = 0; r < n; r++) {
      int o = l.seriesSlot(block, l.welfareFirst + r, 0);
      Arrays.fill(values, o, o + hq, 0.0);
    }
    for (int s = 0; s < ns; s++) {
      int o = s * cells;
      int imp = (o + cph) * hq;
      int exp = (o + chp) * hq;
      int impSlot = l.seriesSlot(block, l.importsTotal + 1 + s, 0);
      int expSlot = l.seriesSlot(block, l.exportsTotal + 1 + s, 0);
      int revSlot = l.seriesSlot(block, l.revenueTotal + 1 + s, 0);
      int pxSlot = l.seriesSlot(block, l.partnerTotal + 1 + s, 0);
      int ti = sp == null ? -1 : sp.touchedOfCell[s][cph];
      if (ti >= 0) {
        for (int t = 0; t < hq; t++) {
          rates[t] = regimeRate[inForce[t]][ti];
        }
      } else {
        Arrays.fill(rates, 0, hq, plan.baseRate[s][p * n + h]);
      }
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
      Arrays.fill(total, 0, hq, 0.0);
      for (int v = 0; v < n; v++) {
        if (v != p) {
          int x = (o + plan.cellPartnerTo[v]) * hq;
          for (int t = 0; t < hq; t++) {
            total[t] += flows[x + t];
          }
        }
      }
      for (int t = 0; t < hq; t++) {
        values[pxSlot + t] = total[t];
        values[partnerTotal + t] += total[t];
      }
      for (int i = 0; i < l.sourceRegion.length; i++) {
        int x = (o + plan.cellToHome[l.sourceRegion[i]]) * hq;
        int slot = l.seriesSlot(block, l.bySourceFirst + i, 0);
        for (int t = 0; t < hq; t++) {
          values[slot + t] += flows[x + t];
        }
      }
      if (sp != null && sp.touchedOfSector[s].length > 0) {
        for (int r = 0; r < n; r++) {
          Arrays.fill(total, 0, hq, 0.0);
          boolean any = false;
          for (int k = 1; k <= regimes; k++) {
            double d = welfare[k][s * n + r] - welfare[k - 1][s * n + r];
            if (d != 0) {
              any = true;
              double[] ck = adjust[k];
              for (int t = 0; t < hq; t++) {
                total[t] += ck[t] * d;
              }
            }
          }
          if (any) {
            int slot = l.seriesSlot(block, l.welfareFirst + r, 0);
            int w = s * hq;
            for (int t = 0; t < hq; t++) {
              values[slot + t] += welfareScale[w + t] * 0.25 * total[t];
            }
          }
        }
      }
    }
    for (int t = 0; t < hq; t++) {
      values[balance + t] = values[exportsTotal + t] - values[importsTotal + t];
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
    for (StudyPlan.ScenarioPlan sp : plan.scenarios) {
      regimeWedges(sp, draws);
      for (int k = 1; k <= sp.regimes; k++) {
        for (int s = 0; s < ns; s++) {
          for (int r = 0; r < n; r++) {
            em[r] = plan.value(plan.importDemandRef[s][r], draws);
            es[r] = plan.value(plan.substitutionRef[s][r], draws);
            ex[r] = plan.value(plan.exportSupplyRef[s][r], draws);
            for (int v = 0; v < n; v++) {
              matPower[r][v] = plan.basePower[s][r * n + v];
              matRate[r][v] = plan.baseRate[s][r * n + v];
            }
          }
          for (int i : sp.touchedOfSector[s]) {
            int f = sp.touchedFlow[i];
            matPower[f / n][f % n] = regimePower[k][i];
            matRate[f / n][f % n] = regimeRate[k][i];
          }
          try {
            solver.prepare(plan.markets[s], em, es, ex);
            solver.solve(matPower, matRate, eq);
          } catch (EquilibriumException e) {
            throw e.in(sp.name, sp.regimeNames[k], EquilibriumException.CENTRAL_CASE);
          }
          stamp++; // the prepared markets no longer match a trial's draws
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
            before.put(plan.regionCodes[r], b);
            after.put(plan.regionCodes[r], a);
            w.put(plan.regionCodes[r], eq.welfare(r));
          }
          out.add(new EquilibriumTable(sp.name, sp.regimeNames[k], plan.sectorCodes[s], regions, x, before, after, w));
        }
      }
    }
    return out;
  }
}
