package org.tariffcast.app.cli;

import java.util.concurrent.Callable;
import org.springframework.context.ConfigurableApplicationContext;
import org.tariffcast.app.job.ProjectionLauncher;
import org.tariffcast.app.persistence.RunRepository;
import org.tariffcast.app.settings.RunOptions;
import org.tariffcast.app.settings.SettingsException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code resume --run ID}: resumes a failed, stopped or killed run, scheduled or not. */
@Command(name = "resume", mixinStandardHelpOptions = true,
    header = "Resume a failed or killed run where it stopped.",
    description = {"Resume a failed or killed run (for example a scheduled night) where it stopped,",
        "with the configuration it started with."},
    footer = {"", "Exit status: 0 done, 1 failed or refused (e.g. the run completed or is running elsewhere), 2 usage.",
        "Example: tariffcast resume --run 42"})
public class ResumeCommand implements Callable<Integer> {
  @ParentCommand
  TariffcastCommand parent;
  @Spec
  CommandSpec spec;
  @Option(names = "--run", paramLabel = "ID", required = true, description = "the run's id (see history)")
  long runId;
  @Option(names = "--threads", paramLabel = "K", description = "worker threads")
  Integer threads;

  @Override
  public Integer call() throws Exception {
    var bad = RunOptions.check(null, threads, SpringContexts.environment(parent.springArgs));
    if (!bad.isEmpty()) {
      throw new SettingsException(bad);
    }
    try (ConfigurableApplicationContext ctx = SpringContexts.application(parent.springArgs, false)) {
      try {
        ProjectionLauncher.Outcome o = ctx.getBean(ProjectionLauncher.class).resume(runId, threads);
        return RunCommand.report(o, ctx.getBean(RunRepository.class), spec.commandLine().getOut(),
            spec.commandLine().getErr());
      } catch (ProjectionLauncher.RefusedException | IllegalArgumentException e) {
        spec.commandLine().getErr().println("refused: " + e.getMessage());
        return ExitCodes.FAILED;
      }
    }
  }
}
