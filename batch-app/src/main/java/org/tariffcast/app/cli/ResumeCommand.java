package org.tariffcast.app.cli;

import org.springframework.context.ConfigurableApplicationContext;
import org.tariffcast.app.job.ProjectionLauncher;
import org.tariffcast.app.persistence.RunRepository;
import org.tariffcast.app.settings.RunOptions;
import org.tariffcast.app.settings.SettingsException;
import org.tariffcast.model.run.RunLimits;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code resume --run ID}: resumes a failed, stopped or killed run, scheduled or not. */
@Command(name = "resume", mixinStandardHelpOptions = true,
    header = "Resume a failed or killed run where it stopped.",
    description = {"Resume a failed or killed run (for example a scheduled night) where it stopped,",
        "with the configuration it started with."},
    footer = {"", "Exit status: 0 done, 1 failed or refused (e.g. the run completed or is running elsewhere),",
        "2 usage or no such run.", "Example: tariffcast resume --run 42"})
public class ResumeCommand extends Subcommand {
  @Mixin
  RunIdOption run;
  Integer threads;

  @Option(names = "--threads", paramLabel = "K", description = "worker threads")
  void threads(int value) {
    threads = (int) Ranges.between(spec, "--threads", value, 1, RunLimits.MAX_THREADS);
  }

  @Override
  public Integer call() throws Exception {
    var bad = RunOptions.check(null, threads, SpringContexts.environment(parent.springArgs));
    if (!bad.isEmpty()) {
      throw new SettingsException(bad);
    }
    return super.call();
  }

  @Override
  int run(ConfigurableApplicationContext ctx) throws Exception {
    RunLookup.require(ctx, run.id);
    try {
      ConsoleLog.leaveEndOfRunToTheCommand();
      long t0 = System.nanoTime();
      ProjectionLauncher.Outcome o = ctx.getBean(ProjectionLauncher.class).resume(run.id, threads);
      return RunCommand.report(o, java.time.Duration.ofNanos(System.nanoTime() - t0), ctx.getBean(RunRepository.class),
          out(), err());
    } catch (ProjectionLauncher.RefusedException e) {
      err().println("refused: " + e.getMessage());
      return ExitCodes.FAILED;
    }
  }
}
