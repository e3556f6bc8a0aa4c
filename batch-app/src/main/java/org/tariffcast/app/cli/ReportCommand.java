package org.tariffcast.app.cli;

import org.springframework.context.ConfigurableApplicationContext;
import org.tariffcast.app.delivery.ReportPublisher;
import org.tariffcast.app.explore.ExploreContexts;
import org.tariffcast.app.explore.ExploreReports;
import org.tariffcast.app.explore.ExploreRepository;
import org.tariffcast.app.job.ReportLauncher;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code report --run ID} or {@code report --sweep ID}: writes a run's or a sweep's reports again from the database. */
@Command(name = "report", mixinStandardHelpOptions = true,
    header = "Write a run's or a sweep's reports again from the database.",
    description = {"Write a run's workbook, charts and summary.json again from the database, into",
        "reports/<run-date>/run-<id>/. Completes a run whose report step failed.",
        "With --sweep, a completed sweep's (run --explore) Explorer workbook, maps, brief page and",
        "explore-summary.json, into the sweep's report folder."},
    footer = {"", "Exit status: 0 done, 1 failed (e.g. the run has no statistics yet, the sweep has not completed),",
        "2 usage or no such run or sweep.",
        "Examples: tariffcast report --run 42", "  tariffcast report --run 42 --language vi",
        "  tariffcast report --sweep 3"})
public class ReportCommand extends Subcommand {
  @ArgGroup(exclusive = true, multiplicity = "1")
  Target target;
  @Mixin
  LanguageOption language;

  /** What to render: one run or one sweep. */
  static final class Target {
    @Option(names = "--run", paramLabel = "ID", required = true, description = "the run's id (see history)")
    Long run;
    @Option(names = "--sweep", paramLabel = "ID", required = true,
        description = "a sweep's id (run --explore prints it)")
    Long sweep;
  }

  @Override
  public Integer call() throws Exception {
    long id = target.run != null ? target.run : target.sweep;
    Ranges.positive(spec, target.run != null ? "--run" : "--sweep", id);
    language.applyTo(parent.springArgs);
    return super.call();
  }

  @Override
  int run(ConfigurableApplicationContext ctx) throws Exception {
    if (target.sweep != null) {
      return sweep(ctx, target.sweep);
    }
    RunLookup.require(ctx, target.run);
    String folder = ctx.getBean(ReportLauncher.class).render(target.run);
    out().printf("run %d: reports in %s%n", target.run, ctx.getBean(ReportPublisher.class).root().resolve(folder));
    return ExitCodes.OK;
  }

  private int sweep(ConfigurableApplicationContext ctx, long sweepId) throws Exception {
    ExploreRepository sweeps = ctx.getBean(ExploreRepository.class);
    ExploreRepository.SweepRecord sweep = sweeps.find(sweepId).orElseThrow(() -> new UsageException("no sweep "
        + sweepId + " in " + RunLookup.database(ctx.getEnvironment().getProperty("spring.datasource.url",
            "the database")) + "; 'tariffcast run --explore FILE' prints the id of the sweep it runs"));
    if (!"COMPLETED".equals(sweep.status())) {
      err().printf("sweep %d has not completed (%s); 'tariffcast run --explore' with the same options resumes it%n",
          sweepId, sweep.status());
      return ExitCodes.FAILED;
    }
    ExploreReports reports = ctx.getBean(ExploreReports.class);
    reports.write(sweepId, ctx.getBean(ExploreContexts.class).sweep(sweepId), sweeps.points(sweepId));
    out().printf("sweep %d: reports in %s%n", sweepId, ctx.getBean(ReportPublisher.class).root()
        .resolve(sweeps.reportPath(sweepId).orElseThrow()));
    return ExitCodes.OK;
  }
}
