package org.tariffcast.app.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.springframework.core.env.Environment;
import picocli.CommandLine.Command;
import picocli.CommandLine.HelpCommand;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** The top-level command: lists the others. */
@Command(name = "tariffcast", mixinStandardHelpOptions = true, version = "tariffcast 0.1",
    description = "Monte Carlo projections of trade flows under negotiated tariff outcomes.",
    footer = {"", "Exit status: 0 done, 1 the run failed, 2 the configuration or the command line is wrong.",
        "Settings: config/application.yml in the working directory (see batch-app/OPERATIONS.md)."},
    subcommands = {RunCommand.class, ValidateCommand.class, ScheduleCommand.class, HistoryCommand.class,
        ReportCommand.class, ShowCommand.class, CompareCommand.class, ResumeCommand.class,
        WorkerCommand.class, BackupCommand.class, RestoreCommand.class, DbCommand.class, HelpCommand.class,
        ServeCommand.class, AdoptReportsCommand.class})
public class TariffcastCommand implements Callable<Integer> {
  final List<String> springArgs;
  @Spec
  CommandSpec spec;

  public TariffcastCommand(List<String> springArgs) {
    this.springArgs = springArgs;
  }

  @Override
  public Integer call() {
    spec.commandLine().usage(spec.commandLine().getOut());
    return ExitCodes.BAD_INPUT;
  }

  /** The study folder: {@code --config} if given, else {@code tariffcast.study}. */
  Path study(Path option, Environment env) {
    if (option != null) {
      return option;
    }
    return Path.of(env.getProperty("tariffcast.study", "config/examples/gsim-4x4"));
  }
}
