package org.tariffcast.simulation.equilibrium;

import java.util.Arrays;
import org.tariffcast.model.run.SolverKind;
import org.tariffcast.simulation.EquilibriumException;
import org.tariffcast.simulation.numerics.PortableMath;

/**
 * Solves sector markets for tariff changes, with preallocated work arrays: one instance per
 * worker thread, not thread-safe. Call {@link #prepare} once per market and elasticity draw
 * (for the linear solver it builds and factors the clearing system, which depends on nothing else), then
 * {@link #solve} for each tariff change.
 *
 * <h2>linear (GSIM, Francois and Hall 2003)</h2>
 * The shock is {@code dT = T1/T0 - 1}; internal price changes {@code P-hat_rv = dT_rv + x_r};
 * importer v's composite price change {@code P-hat_v = sum_s theta_sv P-hat_sv}; import
 * changes {@code M-hat_rv = (Em_v + Es_v) P-hat_v - Es_v P-hat_rv} (own-price elasticity
 * {@code theta Em - (1 - theta) Es}, cross-price {@code theta_s (Em + Es)}); clearing
 * {@code sum_v phi_rv M-hat_rv = Ex_r x_r}, a linear system in the world price changes x of the
 * exporters with finite supply elasticity and positive exports (the others keep x = 0: SMART's
 * setting). New flows {@code M1 = M0 (1 + M-hat)(1 + x)} may turn negative for large shocks.
 * Welfare: {@code PS_r = X_r x_r (1 + Ex_r x_r / 2)} with X_r exports at world prices;
 * {@code CS_v = Em_v R_v dP^2 sign(dP) / 2 - R_v dP} with R_v expenditure at internal prices
 * and dP = P-hat_v; tariff revenue {@code sum_s M1 rate1 - M0 rate0}.
 *
 * <h2>ces (exact Armington-CES in hat algebra)</h2>
 * With world price hats {@code p_r = exp(y_r)} and {@code T-hat = T1/T0}:
 * {@code P_v = (sum_s theta_sv (p_s T-hat_sv)^(1-Es))^(1/(1-Es))} (geometric mean when Es = 1),
 * {@code q_rv = (p_r T-hat_rv / P_v)^(-Es) P_v^Em}, clearing
 * {@code ln(sum_v phi_rv q_rv) = Ex_r y_r}, solved by Newton with backtracking from the base
 * prices {@code y = 0} (where the residuals take the tariff change exactly). {@code M1 = M0 q p}. Welfare by exact integrals along the constant-elasticity
 * curves: {@code PS_r = X_r (p^(Ex+1) - 1)/(Ex+1)}, {@code CS_v = -R_v (P^(1+Em) - 1)/(1+Em)}
 * ({@code -R_v ln P} when Em = -1), tariff revenue as above. To first order in the shock it
 * equals the linear model; flows stay positive for any shock.
 */
public final class MarketSolver {
  /**
   * Newton stops when every clearing residual, the log of supply over demand of an exporter, is
   * below this: markets clear to a relative 1e-9, and flows are accurate to about as much.
   */
  public static final double TOLERANCE = 1e-9;
  /**
   * A Newton iteration reuses the previous iteration's factorised Jacobian (a chord step) when
   * the largest residual is at most this and at most {@link #CHORD_RATIO} times the one before:
   * then the factorisation point lies within about the last step, 1e-3 or less in log prices, of
   * the current point, and the chord step reduces the residual by about that factor (to 1e-9 or
   * less from 1e-6), against a Newton step's quadratic gain that is not needed at this point.
   * Saves the Jacobian and its factorisation in the last iteration of most solves.
   */
  static final double CHORD_BELOW = 1e-6;
  /** See {@link #CHORD_BELOW}: the last iteration must have reduced the residual by this factor. */
  static final double CHORD_RATIO = 1e-2;
  /** Newton gives up after this many iterations. */
  public static final int MAX_ITERATIONS = 60;

  private final SolverKind kind;
  private final int capacity;
  private SectorMarket market;
  private int n;
  private final double[] em;
  private final double[] es;
  private final double[] ex;
  private final double[] emes;
  /** The prepared market's structure ({@link SectorMarket}): sums of phi by exporter. */
  private double[] phiSum;
  private final int[] unknown;
  private int unknowns;
  private final DenseLu linear;
  private final DenseLu newton;
  // work, flattened; "by importer" arrays are indexed [v * n + s], n the prepared market's size
  private final double[][] ratio;
  private final double[][] shock;
  // the prepared market's structure, see SectorMarket
  private double[] thetaT;
  private int[] sources;
  private int[] sourceCount;
  private int[] destinations;
  private int[] destinationCount;
  private final double[] ratioT;
  private final double[] lnRatioT;
  private final double[] g;
  /** The CES quantities at the accepted Newton point {@code y}. */
  private CesState cur;
  /** The CES quantities at the trial point; swapped with {@link #cur} when the point is accepted. */
  private CesState next;
  private final double[] y;
  private final double[] yTry;
  private final double[] f;
  private final double[] step;
  /** Change of y over the trial step. */
  private final double[] delta;
  private final double[] rhs;

  private MarketSolver(SolverKind kind, int capacity) {
    this.kind = kind;
    this.capacity = capacity;
    em = new double[capacity];
    es = new double[capacity];
    ex = new double[capacity];
    emes = new double[capacity];
    unknown = new int[capacity];
    linear = new DenseLu(capacity);
    newton = new DenseLu(capacity);
    ratio = new double[capacity][capacity];
    shock = new double[capacity][capacity];
    ratioT = new double[capacity * capacity];
    lnRatioT = new double[capacity * capacity];
    g = new double[capacity * capacity];
    cur = new CesState(capacity);
    next = new CesState(capacity);
    y = new double[capacity];
    yTry = new double[capacity];
    f = new double[capacity];
    step = new double[capacity];
    delta = new double[capacity];
    rhs = new double[capacity];
  }

  /**
   * The quantities of the CES model at one point {@code y} (log world price hats), "by importer"
   * arrays indexed {@code [v * n + s]} (n the market's size).
   */
  private static final class CesState {
    /** {@code p_s = e^(y_s)}. */
    final double[] p;
    /** {@code a_sv = (p_s T-hat_sv)^(-Es_v)}. */
    final double[] a;
    /** {@code b_sv = a_sv p_s T-hat_sv = (p_s T-hat_sv)^(1-Es_v)}. */
    final double[] b;
    /** {@code sum_s theta_sv b_sv}. */
    final double[] sumB;
    /** {@code ln P_v}. */
    final double[] lnP;
    /** {@code P_v^(Es_v + Em_v)}. */
    final double[] bigQ;
    /** {@code d_r = sum_v phi_rv q_rv}, q the quantity hat. */
    final double[] demand;
    /** {@code ln(d_r / sum_v phi_rv)}. */
    final double[] lnDemand;

    CesState(int capacity) {
      p = new double[capacity];
      a = new double[capacity * capacity];
      b = new double[capacity * capacity];
      sumB = new double[capacity];
      lnP = new double[capacity];
      bigQ = new double[capacity];
      demand = new double[capacity];
      lnDemand = new double[capacity];
    }
  }

  /** A solver for markets of up to {@code maxRegions} regions. */
  public static MarketSolver of(SolverKind kind, int maxRegions) {
    if (kind == null) {
      throw new IllegalArgumentException("solver kind must not be null");
    }
    if (maxRegions < 2) {
      throw new IllegalArgumentException("maxRegions must be >= 2, found " + maxRegions);
    }
    return new MarketSolver(kind, maxRegions);
  }

  public SolverKind kind() {
    return kind;
  }

  /**
   * Sets the market and the elasticities of one draw and, for the linear solver, factors the
   * linear clearing system.
   *
   * @param importDemand {@code Em[v] < 0} by importer
   * @param substitution {@code Es[v] > 0} by importer
   * @param exportSupply {@code Ex[r] > 0} by exporter, {@code +Infinity} for infinitely elastic supply
   */
  public void prepare(SectorMarket m, double[] importDemand, double[] substitution, double[] exportSupply) {
    int size = m.size();
    if (size > capacity) {
      throw new IllegalArgumentException("market of sector " + m.sector() + " has " + size
          + " regions, more than this solver's capacity " + capacity);
    }
    for (int r = 0; r < size; r++) {
      if (!(importDemand[r] < 0) || Double.isInfinite(importDemand[r])) {
        throw new IllegalArgumentException("import demand elasticity" + where(m, r) + " must be a finite number < 0, "
            + "found " + importDemand[r]);
      }
      if (!(substitution[r] > 0) || Double.isInfinite(substitution[r])) {
        throw new IllegalArgumentException("substitution elasticity" + where(m, r) + " must be a finite number > 0, "
            + "found " + substitution[r]);
      }
      if (!(exportSupply[r] > 0)) {
        throw new IllegalArgumentException("export supply elasticity" + where(m, r) + " must be > 0 (or inf), found "
            + exportSupply[r]);
      }
    }
    market = m;
    n = size;
    unknowns = 0;
    thetaT = m.thetaT;
    sources = m.sources;
    sourceCount = m.sourceCount;
    destinations = m.destinations;
    destinationCount = m.destinationCount;
    phiSum = m.phiSum;
    for (int r = 0; r < n; r++) {
      em[r] = importDemand[r];
      es[r] = substitution[r];
      ex[r] = exportSupply[r];
      emes[r] = em[r] + es[r];
      if (m.exports[r] > 0 && !Double.isInfinite(ex[r])) {
        unknown[unknowns++] = r;
      }
    }
    if (kind != SolverKind.LINEAR) {
      return; // the CES Newton iteration starts from the base prices and does not use the linear system
    }
    double[][] mat = linear.matrix();
    for (int i = 0; i < unknowns; i++) {
      int r = unknown[i];
      double[] phiR = m.phi[r];
      double diag = ex[r];
      for (int v = 0; v < n; v++) {
        diag += phiR[v] * es[v];
      }
      for (int j = 0; j < unknowns; j++) {
        int s = unknown[j];
        double c = 0;
        for (int v = 0; v < n; v++) {
          c += phiR[v] * emes[v] * m.theta[s][v];
        }
        mat[i][j] = (i == j ? diag : 0) - c;
      }
    }
    if (!linear.factor(unknowns)) {
      throw EquilibriumException.of(m.sector(), "the linear clearing system is singular for these elasticities");
    }
  }

  private static String where(SectorMarket m, int r) {
    return " of region " + m.regions().get(r) + " in sector " + m.sector();
  }

  /**
   * Solves the prepared market for new wedges.
   *
   * @param power1 power {@code T1} of the new wedge on every flow
   * @param rate1 customs revenue per USD of flow under the new wedges
   * @param out receives the equilibrium
   * @throws EquilibriumException if Newton does not converge or a result is not finite
   */
  public void solve(double[][] power1, double[][] rate1, Equilibrium out) {
    SectorMarket m = market;
    if (m == null) {
      throw new IllegalStateException("prepare(...) must be called before solve(...)");
    }
    if (out.n != n) {
      throw new IllegalArgumentException("equilibrium holder has " + out.n + " regions, market has " + n);
    }
    boolean changed = false;
    for (int r = 0; r < n; r++) {
      for (int v = 0; v < n; v++) {
        double t1 = power1[r][v];
        if (!(t1 > 0) || Double.isInfinite(t1)) {
          throw EquilibriumException.of(m.sector(), "new tariff power " + m.regions().get(r) + "->"
              + m.regions().get(v) + " must be a finite number > 0, found " + t1);
        }
        if (t1 != m.power0[r][v]) {
          ratio[r][v] = t1 / m.power0[r][v];
          changed = true;
        } else {
          ratio[r][v] = 1;
        }
      }
    }
    if (!changed) {
      out.setUnchanged(m, rate1);
      return;
    }
    out.market = m;
    if (kind == SolverKind.LINEAR) {
      for (int r = 0; r < n; r++) {
        for (int v = 0; v < n; v++) {
          shock[r][v] = ratio[r][v] - 1;
        }
      }
      linearPrices(m, shock, out.worldPriceChange);
      linearRest(m, out);
    } else {
      ces(m, out);
    }
    out.revenue(m, rate1);
    check(m, out);
  }

  /**
   * Solves the linear clearing system for a tariff shock {@code dT[r][v]}: world price changes of
   * every exporter into {@code x}. With {@code dT = T1/T0 - 1} it is GSIM.
   */
  private void linearPrices(SectorMarket m, double[][] dT, double[] x) {
    double[] bigQ = cur.bigQ; // work array
    for (int v = 0; v < n; v++) {
      double s = 0;
      for (int r = 0; r < n; r++) {
        s += m.theta[r][v] * dT[r][v];
      }
      bigQ[v] = s; // composite price change from the tariffs alone
    }
    for (int i = 0; i < unknowns; i++) {
      int r = unknown[i];
      double s = 0;
      for (int v = 0; v < n; v++) {
        double ph = m.phi[r][v];
        if (ph != 0) {
          s += ph * (emes[v] * bigQ[v] - es[v] * dT[r][v]);
        }
      }
      rhs[i] = s;
    }
    linear.solve(rhs);
    Arrays.fill(x, 0, n, 0.0);
    for (int i = 0; i < unknowns; i++) {
      x[unknown[i]] = rhs[i];
    }
  }

  private void linearRest(SectorMarket m, Equilibrium out) {
    double[] x = out.worldPriceChange;
    out.iterations = 0;
    for (int v = 0; v < n; v++) {
      double dp = 0;
      for (int s = 0; s < n; s++) {
        dp += m.theta[s][v] * ((ratio[s][v] - 1) + x[s]);
      }
      out.compositePriceChange[v] = dp;
      for (int r = 0; r < n; r++) {
        if (m.flows[r][v] == 0) {
          out.flowRatio[r][v] = 1;
        } else {
          double mhat = emes[v] * dp - es[v] * ((ratio[r][v] - 1) + x[r]);
          out.flowRatio[r][v] = (1 + mhat) * (1 + x[r]);
        }
      }
      double r0 = m.expenditure[v];
      out.consumerSurplus[v] = em[v] * r0 * dp * dp * Math.signum(dp) / 2 - r0 * dp;
    }
    for (int r = 0; r < n; r++) {
      double xr = x[r];
      out.producerSurplus[r] = xr == 0 ? 0 : m.exports[r] * xr * (1 + ex[r] * xr / 2);
    }
  }

  private void ces(SectorMarket m, Equilibrium out) {
    int cap = n;
    for (int v = 0; v < n; v++) {
      for (int r = 0; r < n; r++) {
        double q = ratio[r][v];
        double l = q == 1 ? 0 : PortableMath.log(q);
        ratioT[v * cap + r] = q;
        lnRatioT[v * cap + r] = l;
      }
    }
    // start from the base prices (y = 0): the residuals there take the tariff change exactly, and the
    // evaluation is cheap (only the changed flows and their importers need exp and log); the first
    // Newton step then lands closer than the model linearised in logs (one more iteration on average,
    // but cheaper in all)
    double[] x = out.worldPriceChange;
    Arrays.fill(y, 0, n, 0.0);
    double norm = evaluateAtBase(m, f);
    int iter = 0;
    double previousNorm = Double.POSITIVE_INFINITY;
    while (!(norm <= TOLERANCE)) {
      if (iter >= MAX_ITERATIONS || !Double.isFinite(norm)) {
        throw EquilibriumException.of(m.sector(), "the CES Newton iteration did not converge after " + iter
            + " iterations (largest clearing residual " + norm + ")");
      }
      iter++;
      // near the solution, in the quadratic regime, a chord step with the last factorisation
      // gains about as much as a Newton step (see CHORD_BELOW); it must pass the sufficient
      // decrease test at full length, or the step is redone with a fresh Jacobian
      boolean fresh = !(iter > 1 && norm <= CHORD_BELOW && norm <= CHORD_RATIO * previousNorm);
      double trial;
      while (true) {
        if (fresh) {
          jacobian(m);
          if (!newton.factor(unknowns)) {
            throw EquilibriumException.of(m.sector(), "the CES Jacobian is singular after " + iter + " iterations");
          }
        }
        for (int i = 0; i < unknowns; i++) {
          step[i] = -f[i];
        }
        newton.solve(step);
        double t = 1;
        while (true) {
          System.arraycopy(y, 0, yTry, 0, n);
          for (int i = 0; i < unknowns; i++) {
            yTry[unknown[i]] += t * step[i];
          }
          trial = evaluateStep(m, yTry, rhs);
          if (trial <= (1 - 1e-4 * t) * norm || t < 1e-6 || !fresh) {
            break;
          }
          t *= 0.5;
        }
        if (fresh || trial <= (1 - 1e-4) * norm) {
          break;
        }
        fresh = true;
      }
      if (!(trial < norm) && !(trial <= TOLERANCE)) {
        throw EquilibriumException.of(m.sector(), "the CES Newton iteration stalled after " + iter
            + " iterations (largest clearing residual " + norm + ")");
      }
      previousNorm = norm;
      System.arraycopy(yTry, 0, y, 0, n);
      System.arraycopy(rhs, 0, f, 0, unknowns);
      CesState accepted = next;
      next = cur;
      cur = accepted;
      norm = trial;
    }
    // cur holds the evaluation at y
    double[] a = cur.a;
    double[] bigQ = cur.bigQ;
    double[] p = cur.p;
    double[] lnP = cur.lnP;
    out.iterations = iter;
    for (int r = 0; r < n; r++) {
      x[r] = PortableMath.expm1(y[r]);
    }
    for (int v = 0; v < n; v++) {
      out.compositePriceChange[v] = m.thetaSum[v] > 0 ? PortableMath.expm1(lnP[v]) : 0;
      for (int r = 0; r < n; r++) {
        out.flowRatio[r][v] = m.flows[r][v] == 0 ? 1 : a[v * cap + r] * bigQ[v] * p[r];
      }
      double lp = m.thetaSum[v] > 0 ? lnP[v] : 0;
      double k = 1 + em[v];
      out.consumerSurplus[v] = -m.expenditure[v] * (k == 0 ? lp : PortableMath.expm1(k * lp) / k);
    }
    for (int r = 0; r < n; r++) {
      double yr = y[r];
      double k = ex[r] + 1;
      out.producerSurplus[r] = yr == 0 ? 0 : m.exports[r] * PortableMath.expm1(k * yr) / k;
    }
  }

  /**
   * CES residuals at the base prices {@code y = 0} into {@code res}, and every quantity of the
   * model there into {@link #cur}; returns the largest absolute residual.
   */
  private double evaluateAtBase(SectorMarket m, double[] res) {
    int cap = n;
    double[] yy = y; // zeros
    CesState st = cur;
    double[] p = st.p;
    double[] a = st.a;
    double[] b = st.b;
    double[] lnP = st.lnP;
    double[] bigQ = st.bigQ;
    for (int s = 0; s < n; s++) {
      p[s] = 1;
    }
    for (int v = 0; v < n; v++) {
      double ts = m.thetaSum[v];
      if (ts == 0) {
        lnP[v] = 0;
        bigQ[v] = 1;
        st.sumB[v] = 0;
        continue;
      }
      int row = v * cap;
      double esv = es[v];
      double oneMinus = 1 - esv;
      double sum = 0;
      for (int k = 0, kn = sourceCount[v]; k < kn; k++) {
        int s = sources[row + k];
        double l = yy[s] + lnRatioT[row + s];
        double as = l == 0 ? 1 : PortableMath.exp(-esv * l);
        double bs = as * p[s] * ratioT[row + s];
        a[row + s] = as;
        b[row + s] = bs;
        sum += thetaT[row + s] * bs;
      }
      st.sumB[v] = sum;
      double lp;
      if (Math.abs(oneMinus) < NEAR_UNIT_ELASTICITY) {
        lp = lnPriceIndexNearUnitElasticity(row, ts, oneMinus, yy);
      } else {
        double sv = sum / ts;
        lp = sv == 1 ? 0 : PortableMath.log(sv) / oneMinus;
      }
      lnP[v] = lp;
      double e = (esv + em[v]) * lp;
      bigQ[v] = e == 0 ? 1 : PortableMath.exp(e);
    }
    double worst = 0;
    for (int i = 0; i < unknowns; i++) {
      int r = unknown[i];
      double[] phiR = m.phi[r];
      double d = 0;
      for (int k = 0, kn = destinationCount[r]; k < kn; k++) {
        int v = destinations[r * cap + k];
        d += phiR[v] * a[v * cap + r] * bigQ[v];
      }
      st.demand[r] = d;
      double ratioD = d / phiSum[r];
      double ld = ratioD == 1 ? 0 : PortableMath.log(ratioD);
      st.lnDemand[r] = ld;
      double fr = ld - ex[r] * yy[r];
      res[i] = fr;
      double af = Math.abs(fr);
      if (!(af <= worst)) {
        worst = af; // NaN propagates
      }
    }
    return worst;
  }

  /** Below this |1 - Es| the price index is computed in the forms that stay exact near Es = 1. */
  private static final double NEAR_UNIT_ELASTICITY = 1e-4;

  /**
   * {@code ln P_v} when the substitution elasticity is 1 or within {@link #NEAR_UNIT_ELASTICITY}
   * of it, where the CES sum's {@code log(sum)/(1 - Es)} loses precision: the Cobb-Douglas
   * geometric mean at exactly 1, otherwise {@code log1p(sum theta expm1((1-Es) l))/(1-Es)}, with
   * {@code l_s = y_s + ln(T1/T0)_sv}.
   */
  private double lnPriceIndexNearUnitElasticity(int row, double ts, double oneMinus, double[] yy) {
    double gm = 0;
    for (int s = 0; s < n; s++) {
      double th = thetaT[row + s];
      if (th != 0) {
        double l = yy[s] + lnRatioT[row + s];
        gm += oneMinus == 0 ? th * l : th * PortableMath.expm1(oneMinus * l);
      }
    }
    return oneMinus == 0 ? gm / ts : PortableMath.log1p(gm / ts) / oneMinus;
  }

  /**
   * CES residuals at {@code yNew} into {@code res}, and every quantity of the model there into
   * {@link #next}, by updating those at the accepted point {@code y} ({@link #cur}) over the step
   * {@code delta = yNew - y}: {@code p_s} and {@code a_sv} by factors {@code e^(delta_s)} and
   * {@code e^(-Es_v delta_s)}, {@code ln P_v} and {@code ln d_r} by the logarithms of the ratios of
   * the new sums to the old, {@code bigQ_v} by {@code e^((Es_v + Em_v) (change of ln P_v))}. Near
   * the solution these arguments are small and {@link PortableMath#expNear0} and
   * {@link PortableMath#logRatio} are short polynomials. Each update adds at most about 2 ulp of
   * relative error (1e-16 absolute in logarithms), so over the at most {@link #MAX_ITERATIONS}
   * accepted steps the residuals stay within 1e-14 of a direct evaluation. Returns the largest
   * absolute residual.
   */
  private double evaluateStep(SectorMarket m, double[] yNew, double[] res) {
    int cap = n;
    CesState o = cur;
    CesState st = next;
    for (int s = 0; s < n; s++) {
      double d = yNew[s] - y[s];
      delta[s] = d;
      st.p[s] = d == 0 ? o.p[s] : o.p[s] * PortableMath.expNear0(d);
    }
    double[] pNew = st.p;
    double[] aOld = o.a;
    double[] aNew = st.a;
    for (int v = 0; v < n; v++) {
      double ts = m.thetaSum[v];
      if (ts == 0) {
        st.lnP[v] = 0;
        st.bigQ[v] = 1;
        st.sumB[v] = 0;
        continue;
      }
      int row = v * cap;
      double esv = es[v];
      double oneMinus = 1 - esv;
      double sum = 0;
      for (int k = 0, kn = sourceCount[v]; k < kn; k++) {
        int s = sources[row + k];
        double d = delta[s];
        double as = d == 0 ? aOld[row + s] : aOld[row + s] * PortableMath.expNear0(-esv * d);
        double bs = as * pNew[s] * ratioT[row + s];
        aNew[row + s] = as;
        st.b[row + s] = bs;
        sum += thetaT[row + s] * bs;
      }
      st.sumB[v] = sum;
      double lp;
      if (Math.abs(oneMinus) < NEAR_UNIT_ELASTICITY) {
        lp = lnPriceIndexNearUnitElasticity(row, ts, oneMinus, yNew);
      } else {
        lp = o.lnP[v] + PortableMath.logRatio(sum, o.sumB[v]) / oneMinus;
      }
      st.lnP[v] = lp;
      double e = (esv + em[v]) * (lp - o.lnP[v]);
      st.bigQ[v] = e == 0 ? o.bigQ[v] : o.bigQ[v] * PortableMath.expNear0(e);
    }
    double[] bigQ = st.bigQ;
    double worst = 0;
    for (int i = 0; i < unknowns; i++) {
      int r = unknown[i];
      double[] phiR = m.phi[r];
      double d = 0;
      for (int k = 0, kn = destinationCount[r]; k < kn; k++) {
        int v = destinations[r * cap + k];
        d += phiR[v] * aNew[v * cap + r] * bigQ[v];
      }
      st.demand[r] = d;
      double ld = o.lnDemand[r] + PortableMath.logRatio(d, o.demand[r]);
      st.lnDemand[r] = ld;
      double fr = ld - ex[r] * yNew[r];
      res[i] = fr;
      double af = Math.abs(fr);
      if (!(af <= worst)) {
        worst = af; // NaN propagates
      }
    }
    return worst;
  }

  /** Jacobian of the residuals at the accepted point ({@link #cur}), into the Newton LU's matrix. */
  private void jacobian(SectorMarket m) {
    int cap = n;
    double[] a = cur.a;
    double[] b = cur.b;
    double[] sumB = cur.sumB;
    double[] bigQ = cur.bigQ;
    double[] demand = cur.demand;
    // g[v][j] = (Es_v + Em_v) x (new expenditure share of unknown source j in v)
    for (int v = 0; v < n; v++) {
      double sb = sumB[v];
      int row = v * cap;
      if (!(sb > 0)) {
        for (int j = 0; j < unknowns; j++) {
          g[row + j] = 0;
        }
        continue;
      }
      double c = emes[v] / sb;
      for (int j = 0; j < unknowns; j++) {
        int s = unknown[j];
        double th = thetaT[row + s];
        g[row + j] = th == 0 ? 0 : c * th * b[row + s];
      }
    }
    double[][] jac = newton.matrix();
    for (int i = 0; i < unknowns; i++) {
      int r = unknown[i];
      double[] phiR = m.phi[r];
      double inv = 1 / demand[r];
      double own = 0;
      double[] row = jac[i];
      for (int j = 0; j < unknowns; j++) {
        row[j] = 0;
      }
      for (int k = 0, kn = destinationCount[r]; k < kn; k++) {
        int v = destinations[r * cap + k];
        double wq = phiR[v] * a[v * cap + r] * bigQ[v] * inv; // this destination's share of r's sales at new prices
        own += wq * es[v];
        int gr = v * cap;
        for (int j = 0; j < unknowns; j++) {
          row[j] += wq * g[gr + j];
        }
      }
      row[i] -= ex[r] + own;
    }
  }

  private static void check(SectorMarket m, Equilibrium out) {
    int n = m.size();
    for (int r = 0; r < n; r++) {
      if (!Double.isFinite(out.worldPriceChange[r]) || !Double.isFinite(out.consumerSurplus[r])
          || !Double.isFinite(out.producerSurplus[r]) || !Double.isFinite(out.tariffRevenue[r])) {
        throw EquilibriumException.of(m.sector(), "a result for region " + m.regions().get(r) + " is not finite");
      }
      for (int v = 0; v < n; v++) {
        if (!Double.isFinite(out.flowRatio[r][v])) {
          throw EquilibriumException.of(m.sector(), "the new flow " + m.regions().get(r) + "->" + m.regions().get(v)
              + " is not finite");
        }
      }
    }
  }
}
