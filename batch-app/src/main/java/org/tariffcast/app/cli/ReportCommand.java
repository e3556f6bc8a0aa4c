package org.tariffcast.app.cli;

import java.util.concurrent.Callable;
import org.springframework.context.ConfigurableApplicationContext;
import org.tariffcast.app.delivery.ReportPublisher;
import org.tariffcast.app.delivery.ReportService;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code report --run ID}: writes a run's reports again from the database. */
@Command(name = "report", mixinStandardHelpOptions = true,
    header = "Write a run's reports again from the database.",
    description = {"Write a run's workbook, charts and summary.json again from the database, into",
        "reports/<run-date>/run-<id>/. Completes a run whose report step failed."},
    footer = {"", "Exit status: 0 done, 1 failed (e.g. the run has no statistics yet), 2 usage.",
        "Example: tariffcast report --run 42"})
public class ReportCommand implements Callable<Integer> {
  @ParentCommand
  TariffcastCommand parent;
  @Spec
  CommandSpec spec;
  @Option(names = "--run", paramLabel = "ID", required = true, description = "the run's id (see history)")
  long runId;

  @Override
  public Integer call() throws Exception {
    try (ConfigurableApplicationContext ctx = SpringContexts.application(parent.springArgs, false)) {
      String folder = ctx.getBean(ReportService.class).render(runId);
      spec.commandLine().getOut().printf("run %d: reports in %s%n", runId,
          ctx.getBean(ReportPublisher.class).root().resolve(folder));
      return ExitCodes.OK;
    }
  }
}
