package org.tariffcast.app.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.tariffcast.model.config.ConfigException;
import org.tariffcast.model.config.ConfigLoader;
import org.tariffcast.model.config.ModelConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code validate}: checks a study and changes nothing. */
@Command(name = "validate", mixinStandardHelpOptions = true,
    header = "Check a study and print every problem; writes nothing.",
    description = {"Check a study folder: print every problem, one per line, as",
        "file:line:column: field: expected ..., found ...",
        "or, if there is none, a one-line summary of what was loaded. Writes nothing."},
    footer = {"", "Exit status: 0 valid, 2 problems found.", "Example: tariffcast validate --config config/us-vietnam-2025"})
public class ValidateCommand implements Callable<Integer> {
  @ParentCommand
  TariffcastCommand parent;
  @Spec
  CommandSpec spec;
  @Option(names = "--config", paramLabel = "DIR", description = "study folder (default: tariffcast.study)")
  Path config;

  @Override
  public Integer call() {
    Path dir = parent.study(config, SpringContexts.environment(parent.springArgs));
    return check(dir, spec.commandLine().getOut(), spec.commandLine().getErr()) == null ? ExitCodes.BAD_INPUT
        : ExitCodes.OK;
  }

  /**
   * Loads the study; prints its problems, one per line, and returns null, or prints its one-line
   * summary. The count of problems goes to {@code err}, so {@code out} holds problems only.
   */
  static ModelConfig check(Path dir, PrintWriter out, PrintWriter err) {
    try {
      ModelConfig config = ConfigLoader.load(dir);
      out.println(config.describe());
      return config;
    } catch (ConfigException e) {
      for (String line : e.lines()) {
        out.println(line);
      }
      out.flush();
      err.println(e.total() + " problem" + (e.total() == 1 ? "" : "s") + " in " + dir);
      return null;
    }
  }
}
