package org.tariffcast.reporting.explore;

import java.util.ArrayList;
import java.util.List;
import org.tariffcast.model.explore.ExplorePlan;
import org.tariffcast.model.explore.FrontierAnswer;
import org.tariffcast.model.explore.GoalSeekAnswer;
import org.tariffcast.model.explore.GridPoint;
import org.tariffcast.model.explore.Sweeps;
import org.tariffcast.model.lever.Lever;
import org.tariffcast.model.result.KpiKey;
import org.tariffcast.model.result.Window;
import org.tariffcast.model.result.TargetProbability;

/**
 * What the explorer's reports show: a finished sweep, its goal-seek answers and frontier.
 *
 * @param sweepId the sweep's id
 * @param study the study's name
 * @param home the home region's name (such as "United States")
 * @param partner the partner's name
 * @param levers the study's levers (labels, units, defaults), at least the sweep's axes
 * @param plan the sweep
 * @param points every grid point, in point order
 * @param answers the goal-seeks' answers, in the plan's order
 * @param frontier the frontier's answer, or null when the plan has none
 * @param sourceLine the line under each chart naming the sweep
 */
public record ExploreData(long sweepId, String study, String home, String partner, List<Lever> levers,
    ExplorePlan plan, List<GridPoint> points, List<GoalSeekAnswer> answers, FrontierAnswer frontier,
    String sourceLine) {
  public ExploreData {
    levers = List.copyOf(levers);
    points = List.copyOf(points);
    answers = List.copyOf(answers);
    if (points.size() != plan.points()) {
      throw new IllegalArgumentException(plan.points() + " points expected, got " + points.size());
    }
  }

  /** One quantity mapped over the grid: a KPI's median, or a target's probability. */
  public record Quantity(String title, String unit, boolean fraction, double scale, double[] values, double[] low,
      double[] high, double[] p5, double[] p95, String target) {}

  public Lever lever(String key) {
    return levers.stream().filter(l -> l.key().equals(key)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no lever " + key));
  }

  /** A lever's values as axes show them: percent for "%" units, else the value. */
  public double axisValue(String key, double value) {
    return percent(key) ? value * 100 : value;
  }

  public boolean percent(String key) {
    return lever(key).unit().trim().startsWith("%");
  }

  /** Axis label: "US reciprocal rate on Vietnamese goods (Framework), % of customs value". */
  public String axisLabel(String key) {
    Lever l = lever(key);
    return l.label() + (l.unit().isBlank() ? "" : ", " + l.unit());
  }

  public String format(String key, double value) {
    return Sweeps.formatLever(lever(key).unit(), value);
  }

  /** A KPI in words, e.g. "United States trade balance with Vietnam, final year, change vs baseline". */
  public String kpiWords(KpiKey k) {
    String what = switch (k.metric()) {
      case IMPORTS_FROM_PARTNER -> home + " imports from " + partner;
      case EXPORTS_TO_PARTNER -> home + " exports to " + partner;
      case BILATERAL_BALANCE -> home + " trade balance with " + partner;
      case TARIFF_REVENUE -> home + " tariff revenue on goods from " + partner;
      case PARTNER_EXPORTS -> partner + "'s exports to the world";
      case HOME_IMPORTS_BY_SOURCE -> home + " imports by source";
      case WELFARE -> "Net welfare";
    };
    if (!k.breakdown().equals(KpiKey.TOTAL)) {
      what += " (" + k.breakdown() + ")";
    }
    String window = k.window() == Window.FINAL_YEAR ? "final year" : "whole horizon";
    String measure = switch (k.measure()) {
      case LEVEL -> "level";
      case CHANGE_VS_BASELINE -> "change vs baseline";
      case PCT_CHANGE_VS_BASELINE -> "% change vs baseline";
      case PCT_CHANGE_VS_BASE_YEAR -> "% change vs base year";
    };
    return what + ", " + window + ", " + measure;
  }

  /** The quantities the maps show: each mapped KPI's median, then each mapped target's probability. */
  public List<Quantity> quantities() {
    List<Quantity> out = new ArrayList<>();
    int n = points.size();
    for (KpiKey k : plan.kpis()) {
      boolean fraction = k.measure().isFraction();
      double scale = fraction ? 100 : 1e-9;
      double[] v = new double[n];
      double[] lo = new double[n];
      double[] hi = new double[n];
      double[] p5 = new double[n];
      double[] p95 = new double[n];
      for (GridPoint p : points) {
        var s = p.kpi(k);
        v[p.index()] = s.stats().percentiles().p50() * scale;
        lo[p.index()] = s.medianCiLow() * scale;
        hi[p.index()] = s.medianCiHigh() * scale;
        p5[p.index()] = s.stats().percentiles().p5() * scale;
        p95[p.index()] = s.stats().percentiles().p95() * scale;
      }
      String unit = fraction ? "%" : k.window() == Window.FINAL_YEAR ? "USD bn per year" : "USD bn over the horizon";
      out.add(new Quantity("Median: " + kpiWords(k), unit, fraction, scale, v, lo, hi, p5, p95, null));
    }
    for (var t : plan.targets()) {
      double[] v = new double[n];
      double[] lo = new double[n];
      double[] hi = new double[n];
      for (GridPoint p : points) {
        TargetProbability tp = p.target(t.name());
        v[p.index()] = tp.probability();
        lo[p.index()] = tp.ciLow();
        hi[p.index()] = tp.ciHigh();
      }
      out.add(new Quantity("Probability: " + t.name(), "probability", false, 1, v, lo, hi, lo, hi, t.name()));
    }
    return out;
  }
}
