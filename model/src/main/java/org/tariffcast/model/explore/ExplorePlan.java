package org.tariffcast.model.explore;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tariffcast.model.result.KpiKey;
import org.tariffcast.model.run.Target;

/**
 * A sweep of the study ({@code explore.yml}): one or two levers over a grid, every grid point
 * run on the same trials (common random numbers) as the study with those lever values.
 *
 * @param scenario the base scenario whose KPIs are mapped (the levers must move it)
 * @param trialsPerPoint trials per grid point, or 0 for the study's trial count
 * @param axes one or two lever axes; points are ordered with the last axis fastest
 * @param kpis the KPIs (of {@code scenario}) mapped over the grid
 * @param targets the study's targets whose probabilities are mapped over the grid
 * @param goalSeeks the goal-seeks, possibly none
 * @param frontier the frontier, or null
 */
public record ExplorePlan(String scenario, long trialsPerPoint, List<LeverAxis> axes, List<KpiKey> kpis,
    List<Target> targets, List<GoalSeek> goalSeeks, Frontier frontier) {
  /** The file a study folder's sweep is read from by default. */
  public static final String FILE = "explore.yml";

  public ExplorePlan {
    if (scenario == null || scenario.isBlank()) {
      throw new IllegalArgumentException("scenario must not be blank, got " + scenario);
    }
    if (trialsPerPoint < 0) {
      throw new IllegalArgumentException("trialsPerPoint must be >= 0, got " + trialsPerPoint);
    }
    if (axes == null || axes.isEmpty() || axes.size() > 2) {
      throw new IllegalArgumentException("one or two axes expected, got " + (axes == null ? null : axes.size()));
    }
    if (axes.size() == 2 && axes.get(0).lever().equals(axes.get(1).lever())) {
      throw new IllegalArgumentException("two different levers expected, got " + axes.get(0).lever() + " twice");
    }
    axes = List.copyOf(axes);
    kpis = List.copyOf(kpis);
    targets = List.copyOf(targets);
    goalSeeks = List.copyOf(goalSeeks);
  }

  /** Number of grid points. */
  public int points() {
    int n = 1;
    for (LeverAxis a : axes) {
      n *= a.size();
    }
    return n;
  }

  /** The lever values of grid point {@code index} (last axis fastest), in axis order. */
  public Map<String, Double> point(int index) {
    if (index < 0 || index >= points()) {
      throw new IllegalArgumentException("point index in [0, " + points() + ") expected, got " + index);
    }
    Map<String, Double> out = new LinkedHashMap<>();
    int rest = index;
    int[] at = new int[axes.size()];
    for (int a = axes.size() - 1; a >= 0; a--) {
      at[a] = rest % axes.get(a).size();
      rest /= axes.get(a).size();
    }
    for (int a = 0; a < axes.size(); a++) {
      out.put(axes.get(a).lever(), axes.get(a).values().get(at[a]));
    }
    return out;
  }

  /** The index of the point with value {@code i} on the first axis and {@code j} on the second (0 if one axis). */
  public int index(int i, int j) {
    return axes.size() == 1 ? i : i * axes.get(1).size() + j;
  }

  /** Every grid point's lever values, in point order. */
  public List<Map<String, Double>> allPoints() {
    List<Map<String, Double>> out = new ArrayList<>();
    for (int i = 0; i < points(); i++) {
      out.add(point(i));
    }
    return out;
  }
}
