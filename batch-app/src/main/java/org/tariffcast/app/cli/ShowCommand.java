package org.tariffcast.app.cli;

import java.io.PrintWriter;
import org.springframework.context.ConfigurableApplicationContext;
import org.tariffcast.app.persistence.ResultRepository;
import org.tariffcast.app.persistence.RunRecord;
import org.tariffcast.model.result.KpiStatistics;
import org.tariffcast.model.result.RunResult;
import org.tariffcast.model.result.TargetProbability;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code show --run ID}: one run, its headline KPIs and target probabilities. */
@Command(name = "show", mixinStandardHelpOptions = true,
    header = "Show one run: its origin, status, KPIs and targets.",
    description = "Show one run: what produced it, its status, its KPIs (mean, p5, p50, p95) and target probabilities.",
    footer = {"", "Exit status: 0 done, 2 usage or no such run.", "Example: tariffcast show --run 42 --scenario Outlook"})
public class ShowCommand extends Subcommand {
  @Mixin
  RunIdOption run;
  @Option(names = "--scenario", paramLabel = "NAME", description = "only this scenario (e.g. Outlook, Baseline)")
  String scenario;

  @Override
  int run(ConfigurableApplicationContext ctx) {
    PrintWriter out = out();
    long runId = run.id;
    {
      RunRecord r = RunLookup.require(ctx, runId);
      out.printf("run %d: %s, stage %s%s%n", r.runId(), r.status(), r.stage(),
          r.message() == null ? "" : " (" + r.message() + ")");
      out.printf("  study %s, config %s, seed %s, trials %s of %s planned, %s partitions%n", r.study(),
          r.configSha256(), r.seed(), r.trials(), r.trialsPlanned(), r.partitions());
      out.printf("  origin %s%s, study folder %s, overrides [%s]%n", r.origin(),
          r.scheduleName() == null ? "" : " " + r.scheduleName() + " " + r.fireTime(), r.studyDir(), r.overrides());
      out.printf("  started %s, statistics %s, reports %s%n", r.startedAt(), r.finishedAt(), r.reportPath());
      ResultRepository results = ctx.getBean(ResultRepository.class);
      if (!results.hasStatistics(runId)) {
        return ExitCodes.OK;
      }
      RunResult result = results.load(runId);
      out.printf("%n%-22s %-60s %16s %16s %16s %16s%n", "SCENARIO", "KPI", "MEAN", "P5", "P50", "P95");
      for (KpiStatistics k : result.kpis()) {
        if (scenario == null || scenario.equalsIgnoreCase(k.key().scenario())) {
          var s = k.stats();
          out.printf("%-22s %-60s %16.6g %16.6g %16.6g %16.6g%n", k.key().scenario(), k.key().id(), s.mean(),
              s.percentiles().p5(), s.percentiles().p50(), s.percentiles().p95());
        }
      }
      if (!result.targets().isEmpty()) {
        out.printf("%n%-50s %-22s %11s %17s%n", "TARGET", "SCENARIO", "PROBABILITY", "95% INTERVAL");
        for (TargetProbability t : result.targets()) {
          if (scenario == null || scenario.equalsIgnoreCase(t.scenario())) {
            out.printf("%-50s %-22s %10.1f%% %7.1f%% - %5.1f%%%n", t.target(), t.scenario(), 100 * t.probability(),
                100 * t.ciLow(), 100 * t.ciHigh());
          }
        }
      }
      return ExitCodes.OK;
    }
  }
}
