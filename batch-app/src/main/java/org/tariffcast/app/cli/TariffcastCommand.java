package org.tariffcast.app.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.springframework.core.env.Environment;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.HelpCommand;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** The top-level command: lists the others. */
@Command(name = "tariffcast", mixinStandardHelpOptions = true, version = "tariffcast 0.1",
    description = "Monte Carlo projections of trade flows under negotiated tariff outcomes.",
    footer = {"", "Exit status: 0 done, 1 the run failed, 2 the configuration or the command line is wrong.",
        "Settings: config/application.yml in the working directory (see batch-app/OPERATIONS.md)."})
public class TariffcastCommand implements Callable<Integer> {
  /** The commands, in the order help lists them. */
  static final List<Class<?>> SUBCOMMANDS = List.of(RunCommand.class, ValidateCommand.class, ScheduleCommand.class,
      HistoryCommand.class, ReportCommand.class, ShowCommand.class, CompareCommand.class, ResumeCommand.class,
      WorkerCommand.class, BackupCommand.class, RestoreCommand.class, DbCommand.class, HelpCommand.class,
      ServeCommand.class, AdoptReportsCommand.class, MigrateCommand.class);

  final List<String> springArgs;
  @Spec
  CommandSpec spec;

  public TariffcastCommand(List<String> springArgs) {
    this.springArgs = springArgs;
  }

  /**
   * The command line for {@code args}. Picocli reflects over every command it is given (about half
   * a second for all of them), so when the first argument names a command other than
   * {@code help}, only that command is built; otherwise (no command, {@code help}, {@code --help},
   * a typo) all of them, for the list and the suggestions.
   */
  static CommandLine commandLine(List<String> springArgs, String[] args) {
    CommandLine cl = new CommandLine(new TariffcastCommand(springArgs));
    String first = args.length == 0 ? "" : args[0];
    boolean one = !first.equals("help") && SUBCOMMANDS.stream().anyMatch(c -> name(c).equals(first));
    for (Class<?> c : SUBCOMMANDS) {
      if (!one || name(c).equals(first)) {
        cl.addSubcommand(c);
      }
    }
    return cl;
  }

  static String name(Class<?> command) {
    return command.getAnnotation(Command.class).name();
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
