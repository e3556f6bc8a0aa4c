package org.tariffcast.app.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import org.springframework.context.ConfigurableApplicationContext;
import org.tariffcast.app.job.Overrides;
import org.tariffcast.model.config.ConfigException;
import org.tariffcast.model.config.ConfigLoader;
import org.tariffcast.model.config.ModelConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code validate}: checks a study and changes nothing. */
@Command(name = "validate", mixinStandardHelpOptions = true,
    header = "Check a study and print every problem; writes nothing.",
    description = {"Check a study folder: print every problem, one per line, as",
        "file:line:column: field: expected ..., found ...",
        "or, if there is none, a one-line summary of what was loaded. Writes nothing."},
    footer = {"", "Exit status: 0 valid, 2 problems found.", "Example: tariffcast validate --config config/us-vietnam-2025"})
public class ValidateCommand extends Subcommand {
  @Option(names = "--config", paramLabel = "DIR", description = "study folder (default: tariffcast.study)")
  Path config;

  public ValidateCommand() {
    super(SpringContexts.Kind.ENVIRONMENT);
  }

  /** The light path: the settings alone ({@link LightSettings}), no Spring context. */
  @Override
  public Integer call() {
    Path dir = parent.study(config, LightSettings.load(parent.springArgs).environment());
    return check(dir, out(), err()) == null ? ExitCodes.BAD_INPUT : ExitCodes.OK;
  }

  @Override
  int run(ConfigurableApplicationContext ctx) {
    Path dir = parent.study(config, ctx.getEnvironment());
    return check(dir, out(), err()) == null ? ExitCodes.BAD_INPUT : ExitCodes.OK;
  }

  /**
   * Loads the study; prints its problems, one per line, and returns null, or prints its one-line
   * summary. The count of problems goes to {@code err}, so {@code out} holds problems only.
   */
  static ModelConfig check(Path dir, PrintWriter out, PrintWriter err) {
    return check(dir, Overrides.NONE, out, err);
  }

  /** As {@link #check(Path, PrintWriter, PrintWriter)}; the summary shows the run settings after {@code overrides}. */
  static ModelConfig check(Path dir, Overrides overrides, PrintWriter out, PrintWriter err) {
    try {
      ModelConfig config = ConfigLoader.load(dir);
      out.println(overrides.applyTo(config).describe());
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
