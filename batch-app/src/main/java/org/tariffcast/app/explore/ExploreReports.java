package org.tariffcast.app.explore;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.tariffcast.app.TariffcastProperties;
import org.tariffcast.model.config.ModelConfig;
import org.tariffcast.model.explore.ExplorePlan;
import org.tariffcast.model.explore.GoalSeek;
import org.tariffcast.model.explore.GoalSeekAnswer;
import org.tariffcast.model.explore.GridPoint;
import org.tariffcast.model.explore.Sweeps;
import org.tariffcast.model.lever.Lever;
import org.tariffcast.reporting.explore.ExploreData;
import org.tariffcast.reporting.explore.ExploreReport;

/**
 * Writes a finished sweep's reports into {@code <reports>/<date>/explore-<id>/} (the Explorer
 * workbook, heat maps or line charts, the goal-seeks' charts, the brief page and
 * {@code explore-summary.json}) and records the folder with the sweep; a sweep whose reports
 * were written before is written again into the same folder.
 */
@Component
public class ExploreReports implements ExploreReportWriter {
  private final TariffcastProperties properties;
  private final ExploreRepository sweeps;

  public ExploreReports(TariffcastProperties properties, ExploreRepository sweeps) {
    this.properties = properties;
    this.sweeps = sweeps;
  }

  @Override
  public void write(long sweepId, ExploreContexts.Sweep sweep, List<GridPoint> points) throws Exception {
    // a sweep rendered again keeps its folder (the files are replaced one by one, atomically)
    String folder = sweeps.reportPath(sweepId).orElse(LocalDate.now(ZoneOffset.UTC) + "/explore-" + sweepId);
    ExploreReport.write(properties.reports().resolve(folder), data(sweepId, sweep, points));
    sweeps.reportPath(sweepId, folder);
  }

  /** The reports' input: the sweep, its points, the goal-seeks' answers and the frontier. */
  public static ExploreData data(long sweepId, ExploreContexts.Sweep sweep, List<GridPoint> points) {
    ModelConfig study = sweep.study();
    ExplorePlan plan = sweep.plan();
    Map<String, Double> defaults = new HashMap<>();
    for (Lever l : study.levers()) {
      defaults.put(l.key(), l.defaultValue());
    }
    List<GoalSeekAnswer> answers = new ArrayList<>();
    for (GoalSeek g : plan.goalSeeks()) {
      answers.add(Sweeps.goalSeek(plan, points, g, defaults));
    }
    return new ExploreData(sweepId, study.name(), regionName(study, study.home()), regionName(study, study.partner()),
        study.levers(), plan, points, answers, plan.frontier() == null ? null : Sweeps.frontier(plan, points),
        "Source: tariffcast sweep " + sweepId + " (" + study.name() + "), " + points.size() + " combinations x "
            + points.get(0).trials() + " trials, seed " + study.run().seed() + " \u00b7 rendered "
            + LocalDate.now(ZoneOffset.UTC));
  }

  static String regionName(ModelConfig study, String code) {
    return study.regions().stream().filter(r -> r.code().equals(code)).findFirst().map(r -> r.name()).orElse(code);
  }
}
