package org.tariffcast.app.cli;

import java.io.PrintWriter;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.tariffcast.app.TariffcastProperties;
import org.tariffcast.app.persistence.ResultRepository;
import org.tariffcast.app.persistence.RunRecord;
import org.tariffcast.model.result.KpiStatistics;
import org.tariffcast.model.result.RunResult;
import org.tariffcast.model.result.ScenarioInfo;
import org.tariffcast.model.result.Statistics;
import org.tariffcast.model.result.TargetProbability;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code show --run ID}: one run, its headline KPIs and target probabilities. */
@Command(name = "show", mixinStandardHelpOptions = true,
    header = "Show one run: its origin, status, KPIs and targets.",
    description = {"Show one run: what produced it, its status, its headline KPIs (mean, P5, P50, P95; USD bn and %)",
        "grouped by scenario, and its target probabilities. --all lists every KPI; --format csv or json prints",
        "the KPIs for scripts (raw USD and fractions; json adds the run and its targets)."},
    footer = {"", "Exit status: 0 done, 2 usage, no such run, or a scenario or metric the run does not hold.",
        "Examples:", "  tariffcast show --run 42 --scenario Outlook", "  tariffcast show --run 42 --all --format csv"})
public class ShowCommand extends ReadOnlyCommand {
  @Mixin
  RunIdOption run;
  @Mixin
  KpiOptions kpis;

  @Override
  int run(ReadOnlyDatabase db) {
    RunRecord r = db.require(run.id);
    ResultRepository results = db.results();
    RunResult result = results.hasStatistics(run.id) ? results.load(run.id) : null;
    List<KpiStatistics> chosen = result == null ? List.of() : kpis.select(result.kpis(), "run " + run.id);
    KpiTable table = new KpiTable("mean", "P5", "P50", "P95");
    for (KpiStatistics k : chosen) {
      Statistics s = k.stats();
      table.add(k.key(), s.mean(), s.percentiles().p5(), s.percentiles().p50(), s.percentiles().p95());
    }
    List<TargetProbability> targets = result == null ? List.of() : result.targets().stream()
        .filter(t -> kpis.scenarios.isEmpty() || kpis.scenarios.stream().anyMatch(t.scenario()::equalsIgnoreCase))
        .toList();
    PrintWriter out = out();
    switch (kpis.format) {
      case csv -> table.csv(out);
      case json -> out.printf("{\"run_id\": %d, \"status\": %s, \"kpis\": %s,%n \"targets\": %s}%n", r.runId(),
          KpiTable.jsonString(r.status()), table.json(), targetsJson(targets));
      case text -> {
        header(r, db.tariffcast(), out);
        if (result == null) {
          out.println("(no statistics yet)");
          return ExitCodes.OK;
        }
        table.text(out, notes(result));
        if (!targets.isEmpty()) {
          out.printf("%n%-50s %-22s %11s %17s%n", "TARGET", "SCENARIO", "PROBABILITY", "95% INTERVAL");
          for (TargetProbability t : targets) {
            out.printf(Locale.ROOT, "%-50s %-22s %10.1f%% %7.1f%% - %5.1f%%%n", t.target(), t.scenario(),
                100 * t.probability(), 100 * t.ciLow(), 100 * t.ciHigh());
          }
        }
        if (!kpis.all) {
          out.printf("%n(%d of %d KPIs: the final year's headline totals; --all lists every one)%n", chosen.size(),
              result.kpis().size());
        }
      }
    }
    return ExitCodes.OK;
  }

  static void header(RunRecord r, TariffcastProperties props, PrintWriter out) {
    ZoneId zone = props.zoneId();
    out.printf("run %d: %s, stage %s%s%n", r.runId(), r.status(), r.stage(),
        r.message() == null ? "" : " (" + r.message() + ")");
    out.printf("  study %s, config %s, seed %s, %s of %s trials, %s partitions%n", r.study(), r.shortHash(), r.seed(),
        r.trials() == null ? "-" : String.format("%,d", r.trials()),
        r.trialsPlanned() == null ? "-" : String.format("%,d", r.trialsPlanned()), r.partitions());
    out.printf("  origin %s%s, study folder %s%s%n", r.origin(),
        r.scheduleName() == null ? "" : " " + r.scheduleName() + " " + r.fireTime(), r.studyDir(),
        r.overrides().isEmpty() ? "" : ", overrides [" + r.overrides() + "]");
    out.printf("  started %s, statistics %s, reports %s%n", Times.seconds(r.startedAt(), zone),
        Times.seconds(r.finishedAt(), zone), r.reportPath() == null ? "-" : props.reports().resolve(r.reportPath()));
  }

  /** A scenario's probability in its heading. */
  static Map<String, String> notes(RunResult result) {
    Map<String, String> notes = new LinkedHashMap<>();
    for (ScenarioInfo s : result.scenarios()) {
      if (s.probability() > 0 && !KpiOptions.BASELINE.equals(s.name())) {
        notes.put(s.name(), String.format(Locale.ROOT, " (probability %.0f %%)", 100 * s.probability()));
      }
    }
    notes.put("Outlook", " (the scenarios weighted by their probabilities)");
    return notes;
  }

  static String targetsJson(List<TargetProbability> targets) {
    StringBuilder b = new StringBuilder("[");
    for (TargetProbability t : targets) {
      b.append(b.length() > 1 ? ", " : "").append("{\"target\": ").append(KpiTable.jsonString(t.target()))
          .append(", \"scenario\": ").append(KpiTable.jsonString(t.scenario())).append(", \"probability\": ")
          .append(t.probability()).append(", \"ci_low\": ").append(t.ciLow()).append(", \"ci_high\": ")
          .append(t.ciHigh()).append('}');
    }
    return b.append(']').toString();
  }
}
