package org.tariffcast.simulation.equilibrium;

import java.util.Arrays;
import org.tariffcast.model.result.DomainWarning;
import org.tariffcast.model.run.SolverKind;
import org.tariffcast.simulation.EquilibriumException;
import org.tariffcast.simulation.numerics.PortableMath;

/**
 * The exact Armington-CES model in hat algebra. With world price hats {@code p_r = exp(y_r)} and
 * {@code T-hat = T1/T0}: {@code P_v = (sum_s theta_sv (p_s T-hat_sv)^(1-Es))^(1/(1-Es))}
 * (geometric mean when Es = 1), {@code q_rv = (p_r T-hat_rv / P_v)^(-Es) P_v^Em}, clearing
 * {@code ln(sum_v phi_rv q_rv) = Ex_r y_r}, solved by Newton with backtracking from the base
 * prices {@code y = 0} (where the residuals take the tariff change exactly).
 * {@code M1 = M0 q p}. Welfare by exact integrals along the constant-elasticity curves:
 * {@code PS_r = X_r (p^(Ex+1) - 1)/(Ex+1)}, {@code CS_v = -R_v (P^(1+Em) - 1)/(1+Em)}
 * ({@code -R_v ln P} when Em = -1), tariff revenue {@code sum_s M1 rate1 - M0 rate0}. To first
 * order in the shock it equals the linear model; flows stay positive for any shock.
 *
 * <p>The residuals are evaluated directly at the base prices and, at Newton's trial points, by
 * updating the accepted point's quantities over the step; both evaluations share one tail:
 * {@link #priceIndex} (price index and quantity factor of an importer) and {@link #residuals}
 * (demand and clearing residual of every exporter).
 */
public final class CesSolver extends PreparedMarketSolver {
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
  /**
   * Newton iterations beyond which a solve is reported as {@link DomainWarning.Kind#SLOW_CONVERGENCE}:
   * solves from the base prices take about 3 to 8 iterations, also for the +46-point shocks of the
   * shipped studies; more says the shock is far larger than the market's data support.
   */
  public static final int USUAL_ITERATIONS = 15;
  /** Below this |1 - Es| the price index is computed in the forms that stay exact near Es = 1. */
  private static final double NEAR_UNIT_ELASTICITY = 1e-4;

  private final DenseLu newton;
  // the prepared market's structure, see SectorMarket; "by importer" arrays are indexed [v * n + s]
  private double[] thetaT;
  private int[] sources;
  private int[] sourceCount;
  private int[] destinations;
  private int[] destinationCount;
  private double[] phiSum;
  /** {@code T-hat} by importer. */
  private final double[] ratioT;
  /** {@code ln T-hat} by importer. */
  private final double[] lnRatioT;
  /** Jacobian work, by importer and unknown. */
  private final double[] g;
  /** The CES quantities at the accepted Newton point {@code y}. */
  private CesState cur;
  /** The CES quantities at the trial point; swapped with {@link #cur} when the point is accepted. */
  private CesState next;
  private final double[] y;
  private final double[] yTry;
  private final double[] f;
  private final double[] fTry;
  private final double[] step;
  /** Change of y over the trial step. */
  private final double[] delta;

  CesSolver(int capacity) {
    super(capacity);
    newton = new DenseLu(capacity);
    ratioT = new double[capacity * capacity];
    lnRatioT = new double[capacity * capacity];
    g = new double[capacity * capacity];
    cur = new CesState(capacity);
    next = new CesState(capacity);
    y = new double[capacity];
    yTry = new double[capacity];
    f = new double[capacity];
    fTry = new double[capacity];
    step = new double[capacity];
    delta = new double[capacity];
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

  @Override
  public SolverKind kind() {
    return SolverKind.CES;
  }

  /** Takes the market's index structure; Newton starts from the base prices and needs no linear system. */
  @Override
  void prepareModel(SectorMarket m) {
    thetaT = m.thetaT;
    sources = m.sources;
    sourceCount = m.sourceCount;
    destinations = m.destinations;
    destinationCount = m.destinationCount;
    phiSum = m.phiSum;
  }

  /** Flows stay positive for any shock; only a Newton iteration longer than usual is flagged. */
  @Override
  int domainFlags(SectorMarket m, double[][] rate1, Equilibrium out) {
    return out.iterations > USUAL_ITERATIONS ? 1 << DomainWarning.Kind.SLOW_CONVERGENCE.ordinal() : 0;
  }

  @Override
  void solveChanged(SectorMarket m, Equilibrium out) {
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
          trial = evaluateStep(m, yTry, fTry);
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
      System.arraycopy(fTry, 0, f, 0, unknowns);
      CesState accepted = next;
      next = cur;
      cur = accepted;
      norm = trial;
    }
    out.iterations = iter;
    flowsAndWelfare(m, out);
  }

  /** New flows, prices and welfare from the quantities at the solution ({@link #cur} at {@link #y}). */
  private void flowsAndWelfare(SectorMarket m, Equilibrium out) {
    int cap = n;
    double[] a = cur.a;
    double[] bigQ = cur.bigQ;
    double[] p = cur.p;
    double[] lnP = cur.lnP;
    double[] x = out.worldPriceChange;
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
   * model there into {@link #cur}, computed directly; returns the largest absolute residual.
   */
  private double evaluateAtBase(SectorMarket m, double[] res) {
    int cap = n;
    double[] yy = y; // zeros
    CesState st = cur;
    double[] p = st.p;
    double[] a = st.a;
    double[] b = st.b;
    for (int s = 0; s < n; s++) {
      p[s] = 1;
    }
    for (int v = 0; v < n; v++) {
      double ts = m.thetaSum[v];
      if (ts == 0) {
        noImports(st, v);
        continue;
      }
      int row = v * cap;
      double esv = es[v];
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
      priceIndex(v, ts, sum, yy, null, st);
    }
    return residuals(m, yy, null, st, res);
  }

  /**
   * CES residuals at {@code yNew} into {@code res}, and every quantity of the model there into
   * {@link #next}, by updating those at the accepted point {@code y} ({@link #cur}) over the step
   * {@code delta = yNew - y}: {@code p_s} and {@code a_sv} by factors {@code e^(delta_s)} and
   * {@code e^(-Es_v delta_s)}, then the shared tail updates the logarithms and the quantity factor
   * by ratios. Near the solution these arguments are small and {@link PortableMath#expNear0} and
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
    double[] bNew = st.b;
    for (int v = 0; v < n; v++) {
      double ts = m.thetaSum[v];
      if (ts == 0) {
        noImports(st, v);
        continue;
      }
      int row = v * cap;
      double esv = es[v];
      double sum = 0;
      for (int k = 0, kn = sourceCount[v]; k < kn; k++) {
        int s = sources[row + k];
        double d = delta[s];
        double as = d == 0 ? aOld[row + s] : aOld[row + s] * PortableMath.expNear0(-esv * d);
        double bs = as * pNew[s] * ratioT[row + s];
        aNew[row + s] = as;
        bNew[row + s] = bs;
        sum += thetaT[row + s] * bs;
      }
      priceIndex(v, ts, sum, yNew, o, st);
    }
    return residuals(m, yNew, o, st, res);
  }

  /** An importer without imports: no price index, quantities unchanged. */
  private static void noImports(CesState st, int v) {
    st.sumB[v] = 0;
    st.lnP[v] = 0;
    st.bigQ[v] = 1;
  }

  /**
   * The shared tail of both evaluations, first part, for importer v with the CES sum
   * {@code sum = sum_s theta_sv b_sv} at the point {@code yAt}: {@code ln P_v} and the quantity
   * factor {@code P_v^(Es_v + Em_v)} into {@code st}. With {@code from == null} the logarithm and
   * power are taken directly; otherwise they are updated from the state {@code from} by the
   * logarithm of the ratio of the new sum to the old.
   */
  private void priceIndex(int v, double ts, double sum, double[] yAt, CesState from, CesState st) {
    double esv = es[v];
    double oneMinus = 1 - esv;
    st.sumB[v] = sum;
    double lp;
    if (Math.abs(oneMinus) < NEAR_UNIT_ELASTICITY) {
      lp = lnPriceIndexNearUnitElasticity(v * n, ts, oneMinus, yAt);
    } else if (from == null) {
      double sv = sum / ts;
      lp = sv == 1 ? 0 : PortableMath.log(sv) / oneMinus;
    } else {
      lp = from.lnP[v] + PortableMath.logRatio(sum, from.sumB[v]) / oneMinus;
    }
    st.lnP[v] = lp;
    if (from == null) {
      double e = (esv + em[v]) * lp;
      st.bigQ[v] = e == 0 ? 1 : PortableMath.exp(e);
    } else {
      double e = (esv + em[v]) * (lp - from.lnP[v]);
      st.bigQ[v] = e == 0 ? from.bigQ[v] : from.bigQ[v] * PortableMath.expNear0(e);
    }
  }

  /**
   * The shared tail of both evaluations, second part, at the point {@code yAt} once every
   * importer's factors {@code st.a} and quantity factor {@code st.bigQ} are set: by unknown
   * exporter the demand {@code d_r}, its logarithm (directly with {@code from == null}, else by
   * the ratio to the demand in {@code from}) and the residual
   * {@code ln(d_r / sum_v phi_rv) - Ex_r y_r} into {@code res}. Returns the largest absolute
   * residual (NaN if any is NaN).
   */
  private double residuals(SectorMarket m, double[] yAt, CesState from, CesState st, double[] res) {
    int cap = n;
    double[] bigQ = st.bigQ;
    double[] a = st.a;
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
      double ld;
      if (from == null) {
        double ratioD = d / phiSum[r];
        ld = ratioD == 1 ? 0 : PortableMath.log(ratioD);
      } else {
        ld = from.lnDemand[r] + PortableMath.logRatio(d, from.demand[r]);
      }
      st.lnDemand[r] = ld;
      double fr = ld - ex[r] * yAt[r];
      res[i] = fr;
      double af = Math.abs(fr);
      if (!(af <= worst)) {
        worst = af; // NaN propagates
      }
    }
    return worst;
  }

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
}
