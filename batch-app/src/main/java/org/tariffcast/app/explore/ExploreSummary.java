package org.tariffcast.app.explore;

import java.io.PrintWriter;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.tariffcast.model.explore.ExplorePlan;
import org.tariffcast.model.explore.FrontierAnswer;
import org.tariffcast.model.explore.GoalSeek;
import org.tariffcast.model.explore.GoalSeekAnswer;
import org.tariffcast.model.explore.GridPoint;
import org.tariffcast.model.explore.Sweeps;
import org.tariffcast.model.lever.Lever;

/** The console lines of a finished sweep: its goal-seeks' answers and the frontier's best point. */
public final class ExploreSummary {
  private ExploreSummary() {}

  public static void print(ExploreContexts.Sweep sweep, List<GridPoint> points, PrintWriter out) {
    ExplorePlan plan = sweep.plan();
    Map<String, Double> defaults = new HashMap<>();
    Map<String, String> units = new HashMap<>();
    for (Lever l : sweep.study().levers()) {
      defaults.put(l.key(), l.defaultValue());
      units.put(l.key(), l.unit());
    }
    for (GoalSeek g : plan.goalSeeks()) {
      GoalSeekAnswer a = Sweeps.goalSeek(plan, points, g, defaults);
      String unit = units.get(g.lever());
      String line = switch (a.outcome()) {
        case CROSSES -> g.lever() + " = " + Sweeps.formatLever(unit, a.value()) + " (95 % interval "
            + (a.lowOpen() ? "<= " : "") + Sweeps.formatLever(unit, a.low()) + " to " + (a.highOpen() ? ">= " : "")
            + Sweeps.formatLever(unit, a.high()) + ")";
        case ABOVE_EVERYWHERE -> "above the level at every value swept";
        case BELOW_EVERYWHERE -> "below the level at every value swept";
      };
      out.printf(Locale.ROOT, "  %s: %s%n", g.name(), line);
    }
    if (plan.frontier() != null) {
      FrontierAnswer f = Sweeps.frontier(plan, points);
      if (f.best() < 0) {
        out.printf(Locale.ROOT, "  frontier: no point of the grid meets '%s' with probability %.2f%n",
            plan.frontier().target().name(), plan.frontier().probability());
      } else {
        StringBuilder at = new StringBuilder();
        points.get(f.best()).levers().forEach((k, v) -> at.append(at.length() == 0 ? "" : ", ").append(k).append(" = ")
            .append(Sweeps.formatLever(units.get(k), v)));
        out.printf(Locale.ROOT, "  frontier: %d of %d points meet '%s' with probability >= %.2f; cheapest: %s%n",
            f.meeting().size(), points.size(), plan.frontier().target().name(), plan.frontier().probability(), at);
      }
    }
  }
}
