package org.tariffcast.simulation.sensitivity;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.commons.math3.special.Erf;
import org.tariffcast.model.distribution.RankCorrelation;
import org.tariffcast.model.result.DriverSwing;

/**
 * The drivers of a study and the swing of a KPI between each driver's low and high draws.
 *
 * <p>A <b>driver</b> is an uncertain parameter, or a block of parameters joined by rank
 * correlations (a connected component of the {@code correlations:} pairs): they move together,
 * so they count once. A trial's draw of a driver is its point in the unit hypercube after the
 * Gaussian copula: the parameter's coordinate {@code u}, or for a block
 * {@code Phi(sum z_j / s)} with {@code z_j = Phi^-1(u_j)} the members' normal scores and
 * {@code s^2 = sum_ij r_ij} their sum's variance under the copula's normal correlations
 * {@code r = 2 sin(pi rho / 6)} (1 on the diagonal, 0 for pairs not listed), so that the block's
 * draw is uniform as well.
 *
 * <p>The <b>swing</b> of a KPI is the mean of the KPI over the trials whose draw of the driver is
 * in the top tenth ({@code u >= 0.9}) minus the mean over those in the bottom tenth
 * ({@code u < 0.1}). For a KPI {@code a + b x} of a parameter {@code x} uniform on
 * {@code [lo, hi]} it is {@code 0.9 (hi - lo) b}. Computed from the sensitivity sample (the
 * first {@code SENSITIVITY_TRIALS} trials, kept by trial index as the partitions run and merged
 * in trial order), so it depends neither on the order in which trials ran nor on the partitions.
 */
public final class DriverSwings {
  /** The share of a driver's distribution in each of its low and high groups. */
  public static final double TENTH = 0.1;
  private static final double SQRT2 = Math.sqrt(2);
  private static final double TINY = 0x1.0p-53;

  private DriverSwings() {}

  /**
   * One driver: its key ({@link DriverSwing#groupKey}), its members (name order) and their
   * dimensions, and the standard deviation of the sum of their normal scores.
   */
  public record Driver(String key, List<String> members, int[] dims, double sd) {
    /** The driver's draw in a trial, uniform on (0, 1), from the trial's copula-applied unit point. */
    public double draw(double[] unitPoint) {
      if (dims.length == 1) {
        return unitPoint[dims[0]];
      }
      double z = 0;
      for (int d : dims) {
        double u = Math.min(Math.max(unitPoint[d], TINY), 1 - TINY);
        z += SQRT2 * Erf.erfInv(2 * u - 1);
      }
      return 0.5 * Erf.erfc(-z / sd / SQRT2);
    }
  }

  /**
   * The drivers of parameters {@code names} (dimension order) under {@code correlations}: one per
   * block of correlated parameters, one per other parameter, in the order of their keys.
   */
  public static List<Driver> drivers(List<String> names, List<RankCorrelation> correlations) {
    Map<String, Integer> index = new HashMap<>();
    for (int j = 0; j < names.size(); j++) {
      index.put(names.get(j), j);
    }
    int[] parent = new int[names.size()];
    for (int j = 0; j < parent.length; j++) {
      parent[j] = j;
    }
    Map<Long, Double> pearson = new HashMap<>();
    for (RankCorrelation rc : correlations) {
      Integer a = index.get(rc.first());
      Integer b = index.get(rc.second());
      if (a == null || b == null) {
        continue;
      }
      parent[find(parent, a)] = find(parent, b);
      pearson.put(pair(a, b), 2 * Math.sin(Math.PI * rc.rho() / 6));
    }
    Map<Integer, TreeSet<String>> blocks = new HashMap<>();
    for (int j = 0; j < names.size(); j++) {
      blocks.computeIfAbsent(find(parent, j), k -> new TreeSet<>()).add(names.get(j));
    }
    TreeMap<String, Driver> out = new TreeMap<>();
    for (TreeSet<String> block : blocks.values()) {
      List<String> members = List.copyOf(block);
      int[] dims = members.stream().mapToInt(index::get).toArray();
      double var = 0;
      for (int a : dims) {
        for (int b : dims) {
          var += a == b ? 1 : pearson.getOrDefault(pair(a, b), 0.0);
        }
      }
      String key = DriverSwing.groupKey(members);
      out.put(key, new Driver(key, members, dims, Math.sqrt(Math.max(var, 1e-12))));
    }
    return new ArrayList<>(out.values());
  }

  private static int find(int[] parent, int j) {
    while (parent[j] != j) {
      parent[j] = parent[parent[j]];
      j = parent[j];
    }
    return j;
  }

  private static long pair(int a, int b) {
    return ((long) Math.min(a, b) << 32) | Math.max(a, b);
  }

  /**
   * Low mean, high mean, standard error of their difference, and the two trial counts of a KPI
   * across a driver's draws: {@code draws[i]} and {@code kpi[i]} belong to the same trial.
   */
  public static double[] swing(double[] draws, double[] kpi) {
    if (draws.length != kpi.length) {
      throw new IllegalArgumentException("one draw per KPI value: found " + draws.length + " and " + kpi.length);
    }
    Groups g = groups(draws);
    return swing(g, kpi);
  }

  /**
   * The trials (indices in increasing order) whose draw of a driver is in its bottom tenth
   * ({@code low}) and in its top tenth ({@code high}): what {@link #swing(Groups, double[])} needs
   * of the draws, found once per driver for all KPIs.
   */
  public record Groups(int[] low, int[] high) {}

  /** The low and high groups of a driver's draws. */
  public static Groups groups(double[] draws) {
    int low = 0;
    int high = 0;
    for (double d : draws) {
      if (d < TENTH) {
        low++;
      } else if (d >= 1 - TENTH) {
        high++;
      }
    }
    int[] lo = new int[low];
    int[] hi = new int[high];
    low = 0;
    high = 0;
    for (int i = 0; i < draws.length; i++) {
      if (draws[i] < TENTH) {
        lo[low++] = i;
      } else if (draws[i] >= 1 - TENTH) {
        hi[high++] = i;
      }
    }
    return new Groups(lo, hi);
  }

  /**
   * {@link #swing(double[], double[])} from the driver's groups: the same sums in the same (trial)
   * order, hence the same bits, without testing every trial's draw again for every KPI.
   */
  public static double[] swing(Groups groups, double[] kpi) {
    int[] lo = groups.low();
    int[] hi = groups.high();
    double lowSum = 0;
    for (int i : lo) {
      lowSum += kpi[i];
    }
    double highSum = 0;
    for (int i : hi) {
      highSum += kpi[i];
    }
    long low = lo.length;
    long high = hi.length;
    double lowMean = low == 0 ? Double.NaN : lowSum / low;
    double highMean = high == 0 ? Double.NaN : highSum / high;
    double lowVar = 0;
    for (int i : lo) {
      lowVar += (kpi[i] - lowMean) * (kpi[i] - lowMean);
    }
    double highVar = 0;
    for (int i : hi) {
      highVar += (kpi[i] - highMean) * (kpi[i] - highMean);
    }
    double se = low < 2 || high < 2 ? Double.NaN
        : Math.sqrt(lowVar / (low - 1) / low + highVar / (high - 1) / high);
    return new double[] {lowMean, highMean, se, low, high};
  }
}
