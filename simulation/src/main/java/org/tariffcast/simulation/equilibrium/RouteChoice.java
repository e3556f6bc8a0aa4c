package org.tariffcast.simulation.equilibrium;

/**
 * Route choice of re-routable goods by landed cost: a closed-form step applied after a sector's
 * equilibrium is solved, with either solver (it reads and edits flow ratios only).
 *
 * <p>Goods of an origin may reach the importer by J routes: through a "via" country (route 0),
 * directly from the origin, or through third countries. Route j's landed cost is the power of
 * its tariff wedge times one plus its routing cost, {@code C_j = T_j (1 + c_j)} (a number &gt; 0,
 * 1 = free and direct). Its share of the footloose goods is the logit (CES) share
 * <pre>  s_j = C_j^-eta / sum_k C_k^-eta</pre>
 * with eta &gt; 0 the route-choice elasticity ({@code d ln(s_j/s_k) / d ln(C_k/C_j) = eta}).
 *
 * <p>The pool of footloose goods is calibrated on the route through via: its base-year volume
 * there is {@code R0} (the routed share of the via flow), so the pool is {@code R0 / s_0(0)} at
 * base costs. New costs redistribute the pool, its total held: route j's volume moves by
 * {@code R0 (s_1(j) - s_0(j)) / s_0(0)}. The moves add up to zero (conservation) and, as via's
 * cost rises with the others fixed, via's move falls and every other route's rises
 * (monotonicity), both of which follow from the shares summing to 1 and
 * {@code d s_j / d ln C_0 = eta s_0 s_j > 0} for j != 0.
 */
public final class RouteChoice {
  private RouteChoice() {}

  /**
   * Logit shares {@code s_j = C_j^-eta / sum_k C_k^-eta} of {@code count} routes into {@code out},
   * computed as {@code exp(-eta (ln C_j - ln C_min))} normalised, so large eta or costs do not overflow.
   *
   * @param cost landed cost factors {@code C_j > 0} (power of the wedge times one plus the routing cost)
   * @param eta route-choice elasticity, &gt; 0
   */
  public static void shares(double[] cost, int count, double eta, double[] out) {
    if (count < 1) {
      throw new IllegalArgumentException("route choice needs at least one route, found " + count);
    }
    if (!(eta > 0) || Double.isInfinite(eta)) {
      throw new IllegalArgumentException("route-choice elasticity must be a finite number > 0, found " + eta);
    }
    double min = Double.POSITIVE_INFINITY;
    for (int j = 0; j < count; j++) {
      if (!(cost[j] > 0) || Double.isInfinite(cost[j])) {
        throw new IllegalArgumentException("landed cost of route " + j + " must be a finite number > 0, found "
            + cost[j]);
      }
      min = Math.min(min, cost[j]);
    }
    double lnMin = StrictMath.log(min);
    double sum = 0;
    for (int j = 0; j < count; j++) {
      out[j] = StrictMath.exp(-eta * (StrictMath.log(cost[j]) - lnMin));
      sum += out[j];
    }
    for (int j = 0; j < count; j++) {
      out[j] /= sum;
    }
  }

  /**
   * The change of each route's volume when costs move from {@code cost0} to {@code cost1}, for a
   * pool whose base volume through route 0 (via) is {@code routed}: {@code out[j] = routed
   * (s_1(j) - s_0(j)) / s_0(0)}, in the units of {@code routed}. The entries add up to zero
   * (up to rounding).
   *
   * @param share0 scratch of at least {@code count}: receives the base shares
   * @param share1 scratch of at least {@code count}: receives the new shares
   */
  public static void moves(double routed, double[] cost0, double[] cost1, int count, double eta, double[] share0,
      double[] share1, double[] out) {
    moves(routed, cost0, cost1, count, eta, 0, share0, share1, out);
  }

  /**
   * As {@link #moves(double, double[], double[], int, double, double[], double[], double[])}, with a
   * share {@code lost} of every gain lost on the way (seized, abandoned, not made at the higher
   * cost): a positive move becomes {@code (1 - lost) move}, a negative one stays. So the goods
   * that stay on their routes, plus those that arrive on new ones, plus those lost, add up to
   * the pool. Returns the volume lost ({@code lost x} the sum of the positive moves).
   *
   * @param lost share of the goods arriving on a route that is lost, in [0, 1]
   */
  public static double moves(double routed, double[] cost0, double[] cost1, int count, double eta, double lost,
      double[] share0, double[] share1, double[] out) {
    if (!(lost >= 0 && lost <= 1)) {
      throw new IllegalArgumentException("lost share must lie within [0, 1], found " + lost);
    }
    if (!(routed >= 0) || Double.isInfinite(routed)) {
      throw new IllegalArgumentException("routed volume must be a finite number >= 0, found " + routed);
    }
    shares(cost0, count, eta, share0);
    shares(cost1, count, eta, share1);
    double pool = routed / share0[0];
    double gone = 0;
    for (int j = 0; j < count; j++) {
      out[j] = pool * (share1[j] - share0[j]);
      if (lost > 0 && out[j] > 0) {
        gone += lost * out[j];
        out[j] -= lost * out[j];
      }
    }
    return gone;
  }
}
