package org.tariffcast.app.cli;

import org.springframework.context.ConfigurableApplicationContext;
import org.tariffcast.app.delivery.ReportPublisher;
import org.tariffcast.app.job.ReportLauncher;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code report --run ID}: writes a run's reports again from the database. */
@Command(name = "report", mixinStandardHelpOptions = true,
    header = "Write a run's reports again from the database.",
    description = {"Write a run's workbook, charts and summary.json again from the database, into",
        "reports/<run-date>/run-<id>/. Completes a run whose report step failed."},
    footer = {"", "Exit status: 0 done, 1 failed (e.g. the run has no statistics yet), 2 usage or no such run.",
        "Examples: tariffcast report --run 42", "  tariffcast report --run 42 --language vi"})
public class ReportCommand extends Subcommand {
  @Mixin
  RunIdOption run;
  @Mixin
  LanguageOption language;

  @Override
  public Integer call() throws Exception {
    language.applyTo(parent.springArgs);
    return super.call();
  }

  @Override
  int run(ConfigurableApplicationContext ctx) throws Exception {
    RunLookup.require(ctx, run.id);
    String folder = ctx.getBean(ReportLauncher.class).render(run.id);
    out().printf("run %d: reports in %s%n", run.id, ctx.getBean(ReportPublisher.class).root().resolve(folder));
    return ExitCodes.OK;
  }
}
