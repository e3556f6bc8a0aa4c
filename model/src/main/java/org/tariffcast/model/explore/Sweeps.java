package org.tariffcast.model.explore;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tariffcast.model.explore.FrontierAnswer.BoundaryPoint;
import org.tariffcast.model.explore.FrontierAnswer.Kind;
import org.tariffcast.model.explore.GoalSeekAnswer.Outcome;
import org.tariffcast.model.result.TargetProbability;

/**
 * What a sweep's grid answers, as pure functions of its points: goal-seeks ("what would it
 * take") and the frontier. Curves are read piecewise linearly between grid values; under common
 * random numbers neighbouring points differ by the levers alone, so the curves are smooth and the
 * crossing is found on the grid without further runs.
 *
 * <p><b>Goal-seek interval.</b> Each grid value carries the estimate's 95 % confidence band
 * (Wilson for a probability, the order-statistic interval for a median, mean -+ 1.96 se for a
 * mean). The interval reported is the set of lever values around the answer at which the level
 * is still inside the band (the band inverted): where the band leaves the level, interpolated.
 */
public final class Sweeps {
  private Sweeps() {}

  /**
   * The first lever value (ascending) at which the piecewise linear curve {@code f} over
   * {@code x} reaches {@code level}: a grid value where {@code f} equals it, or the interpolated
   * point of the first segment whose ends lie on either side; NaN if none.
   */
  public static double crossing(double[] x, double[] f, double level) {
    int i = crossingSegment(f, level);
    return i < 0 ? Double.NaN : solve(x, f, i, level);
  }

  /** The first segment [i, i+1] holding the crossing (or i with f[i] == level), or -1. */
  private static int crossingSegment(double[] f, double level) {
    for (int i = 0; i < f.length; i++) {
      if (f[i] == level) {
        return i;
      }
      if (i + 1 < f.length && (f[i] - level) * (f[i + 1] - level) < 0) {
        return i;
      }
    }
    return -1;
  }

  /** The x in segment [i, i+1] where the line through (x_i, f_i), (x_{i+1}, f_{i+1}) equals level. */
  private static double solve(double[] x, double[] f, int i, double level) {
    if (f[i] == level || i + 1 >= x.length) {
      return x[i];
    }
    if (f[i + 1] == f[i]) {
      return x[i];
    }
    double t = (level - f[i]) / (f[i + 1] - f[i]);
    return x[i] + t * (x[i + 1] - x[i]);
  }

  /**
   * Goal-seek on one curve: where {@code estimate} reaches {@code level}, and the interval of
   * lever values around it where {@code low <= level <= high} (the 95 % band inverted).
   *
   * @param x the lever's grid values, ascending
   * @param estimate the statistic at each value
   * @param low lower end of its 95 % band at each value
   * @param high upper end
   */
  public static GoalSeekAnswer goalSeek(String name, String lever, Map<String, Double> fixed, double[] x,
      double[] estimate, double[] low, double[] high, double level) {
    int n = x.length;
    if (n < 1 || estimate.length != n || low.length != n || high.length != n) {
      throw new IllegalArgumentException("goal-seek " + name + ": one estimate and band per grid value expected");
    }
    int seg = crossingSegment(estimate, level);
    if (seg < 0) {
      Outcome o = estimate[0] > level ? Outcome.ABOVE_EVERYWHERE : Outcome.BELOW_EVERYWHERE;
      return new GoalSeekAnswer(name, lever, fixed, level, o, Double.NaN, Double.NaN, Double.NaN, false, false);
    }
    double root = solve(x, estimate, seg, level);
    // walk left from the root's segment while the level stays inside the band
    double lo = x[0];
    boolean lowOpen = true;
    int right = estimate[seg] == level ? seg : seg + 1; // first grid index right of (or at) the root
    for (int j = right - 1; j >= 0; j--) {
      if (!inside(low[j], high[j], level)) {
        lo = leave(x, low, high, j, j, level);
        lowOpen = false;
        break;
      }
    }
    double hi = x[n - 1];
    boolean highOpen = true;
    for (int j = seg + 1; j < n; j++) { // seg: the last grid index left of (or at) the root
      if (!inside(low[j], high[j], level)) {
        hi = leave(x, low, high, j - 1, j, level);
        highOpen = false;
        break;
      }
    }
    lo = Math.min(lo, root);
    hi = Math.max(hi, root);
    return new GoalSeekAnswer(name, lever, fixed, level, Outcome.CROSSES, root, lo, hi, lowOpen, highOpen);
  }

  private static boolean inside(double low, double high, double level) {
    return low <= level && level <= high;
  }

  /**
   * Where, in segment [j, j+1], the edge of the band that grid index {@code out} (j or j+1, the
   * end beyond the band) violates equals the level.
   */
  private static double leave(double[] x, double[] low, double[] high, int j, int out, double level) {
    double[] edge = level < low[out] ? low : high;
    return solve(x, edge, j, level);
  }

  /** The estimate, and its band, of a goal-seek (or a frontier's probability) at one grid point. */
  static double[] estimate(GridPoint p, GoalSeek g) {
    if (g.isProbability()) {
      TargetProbability t = p.target(g.target().name());
      if (t == null) {
        throw new IllegalArgumentException("grid point " + p.index() + " has no target '" + g.target().name() + "'");
      }
      return new double[] {t.probability(), t.ciLow(), t.ciHigh()};
    }
    PointKpi k = p.kpi(g.kpi());
    if (k == null) {
      throw new IllegalArgumentException("grid point " + p.index() + " has no KPI " + g.kpi());
    }
    return new double[] {g.statistic().of(k), g.statistic().ciLow(k), g.statistic().ciHigh(k)};
  }

  /**
   * A goal-seek over a sweep's points: the curve along {@code seek.lever()} with every other
   * lever at the grid value nearest its default ({@code defaults}: lever key -> default value).
   *
   * @param points the sweep's points, in {@link ExplorePlan#point} order
   */
  public static GoalSeekAnswer goalSeek(ExplorePlan plan, List<GridPoint> points, GoalSeek seek,
      Map<String, Double> defaults) {
    if (points.size() != plan.points()) {
      throw new IllegalArgumentException("goal-seek " + seek.name() + ": " + plan.points() + " points expected, got "
          + points.size());
    }
    int axis = axisOf(plan, seek.lever());
    LeverAxis along = plan.axes().get(axis);
    Map<String, Double> fixed = new LinkedHashMap<>();
    int otherIndex = 0;
    if (plan.axes().size() == 2) {
      LeverAxis other = plan.axes().get(1 - axis);
      Double d = defaults.get(other.lever());
      if (d == null) {
        throw new IllegalArgumentException("no default for lever " + other.lever());
      }
      otherIndex = nearest(other.values(), d);
      fixed.put(other.lever(), other.values().get(otherIndex));
    }
    int m = along.size();
    double[] x = new double[m];
    double[] est = new double[m];
    double[] lo = new double[m];
    double[] hi = new double[m];
    for (int i = 0; i < m; i++) {
      int index = axis == 0 ? plan.index(i, otherIndex) : plan.index(otherIndex, i);
      double[] e = estimate(points.get(index), seek);
      x[i] = along.values().get(i);
      est[i] = e[0];
      lo[i] = e[1];
      hi[i] = e[2];
    }
    return goalSeek(seek.name(), seek.lever(), fixed, x, est, lo, hi, seek.level());
  }

  /** The index of the value nearest {@code v} (the first of two as near). */
  static int nearest(List<Double> values, double v) {
    int best = 0;
    for (int i = 1; i < values.size(); i++) {
      if (Math.abs(values.get(i) - v) < Math.abs(values.get(best) - v)) {
        best = i;
      }
    }
    return best;
  }

  private static int axisOf(ExplorePlan plan, String lever) {
    for (int a = 0; a < plan.axes().size(); a++) {
      if (plan.axes().get(a).lever().equals(lever)) {
        return a;
      }
    }
    throw new IllegalArgumentException("lever " + lever + " is not an axis of the sweep");
  }

  /**
   * The frontier over a sweep's points: the points whose estimated probability of the target is
   * at least the frontier's probability, those whose Wilson lower bound is too, the meeting point
   * with the best cost statistic (ties: the lower index), and, for two levers, the boundary per
   * value of the first lever: the second lever's value at which the probability first reaches
   * the level reading upwards ({@link #crossing}).
   */
  public static FrontierAnswer frontier(ExplorePlan plan, List<GridPoint> points) {
    Frontier f = plan.frontier();
    if (f == null) {
      throw new IllegalArgumentException("the sweep has no frontier");
    }
    GoalSeek probability = new GoalSeek("frontier", plan.axes().get(0).lever(), f.target(), null, null,
        f.probability());
    List<Integer> meeting = new ArrayList<>();
    List<Integer> surely = new ArrayList<>();
    int best = -1;
    double bestCost = Double.NaN;
    double[] p = new double[points.size()];
    for (GridPoint g : points) {
      double[] e = estimate(g, probability);
      p[g.index()] = e[0];
      if (e[0] >= f.probability()) {
        meeting.add(g.index());
        if (e[1] >= f.probability()) {
          surely.add(g.index());
        }
        PointKpi k = g.kpi(f.cost());
        if (k == null) {
          throw new IllegalArgumentException("grid point " + g.index() + " has no KPI " + f.cost());
        }
        double cost = f.statistic().of(k);
        if (best < 0 || (f.lowestIsBest() ? cost < bestCost : cost > bestCost)) {
          best = g.index();
          bestCost = cost;
        }
      }
    }
    meeting.sort(null);
    surely.sort(null);
    List<BoundaryPoint> boundary = new ArrayList<>();
    if (plan.axes().size() == 2) {
      LeverAxis xa = plan.axes().get(0);
      LeverAxis ya = plan.axes().get(1);
      double[] y = ya.values().stream().mapToDouble(Double::doubleValue).toArray();
      for (int i = 0; i < xa.size(); i++) {
        double[] column = new double[y.length];
        for (int j = 0; j < y.length; j++) {
          column[j] = p[plan.index(i, j)];
        }
        double xi = xa.values().get(i);
        if (column[0] >= f.probability()) {
          boundary.add(new BoundaryPoint(xi, y[0], Kind.ALREADY));
        } else {
          double c = crossing(y, column, f.probability());
          boundary.add(Double.isNaN(c) ? new BoundaryPoint(xi, Double.NaN, Kind.NEVER)
              : new BoundaryPoint(xi, c, Kind.CROSSES));
        }
      }
    }
    return new FrontierAnswer(f, meeting, surely, best, boundary);
  }

  /**
   * A lever value in words for its unit: a unit starting with "%" shows the fraction as a
   * percentage (0.17 -> "17 %", 0.1686 -> "16.9 %"), any other unit follows the number with up to
   * two decimals ("1.5 x pledged").
   */
  public static String formatLever(String unit, double value) {
    if (Double.isNaN(value)) {
      return "n/a";
    }
    String u = unit == null ? "" : unit.trim();
    if (u.startsWith("%")) {
      return number(value * 100, 1) + " %";
    }
    return number(value, 2) + (u.isEmpty() ? "" : " " + u);
  }

  /** At most {@code decimals} decimals, trailing zeros dropped. */
  static String number(double v, int decimals) {
    java.math.BigDecimal b = java.math.BigDecimal.valueOf(v).setScale(decimals, java.math.RoundingMode.HALF_EVEN)
        .stripTrailingZeros();
    return b.scale() < 0 ? b.setScale(0).toPlainString() : b.toPlainString();
  }
}
