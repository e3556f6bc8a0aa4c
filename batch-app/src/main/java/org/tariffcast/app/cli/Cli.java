package org.tariffcast.app.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.slf4j.LoggerFactory;
import org.tariffcast.app.persistence.H2Files;
import org.tariffcast.app.settings.SettingProblem;
import org.tariffcast.app.settings.SettingsException;
import picocli.CommandLine;

/**
 * Parses the command line and runs a command. Spring settings may be given as
 * {@code -Dspring.datasource.url=...} or environment variables, as for any Spring Boot
 * application; tests pass them in {@code springProperties}.
 */
public final class Cli {
  private Cli() {}

  /** The process's entry ({@code java -jar}): logging for the light commands first, then the command. */
  public static int main(String... args) {
    LightLogging.configure();
    return execute(args);
  }

  public static int execute(String... args) {
    return execute(args, Map.of(), new PrintWriter(System.out, true), new PrintWriter(System.err, true));
  }

  /** Runs one command; returns its exit status (0 done, 1 failed, 2 bad configuration or usage). */
  public static int execute(String[] args, Map<String, String> springProperties, PrintWriter out, PrintWriter err) {
    List<String> springArgs = new ArrayList<>();
    springProperties.forEach((k, v) -> springArgs.add("--" + k + "=" + v));
    CommandLine cl = TariffcastCommand.commandLine(springArgs, args);
    cl.setOut(out);
    cl.setErr(err);
    cl.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
      SettingsException settings = settingsProblem(e);
      if (settings != null) {
        for (SettingProblem p : settings.problems()) {
          commandLine.getErr().println(p.message());
        }
        commandLine.getErr().println(settings.problems().size() + " problem"
            + (settings.problems().size() == 1 ? "" : "s") + " in the settings; nothing was started");
        return ExitCodes.BAD_INPUT;
      }
      H2Files.UnusableDatabaseException unusable = cause(e, H2Files.UnusableDatabaseException.class);
      if (unusable != null) {
        commandLine.getErr().println(unusable.getMessage());
        return ExitCodes.FAILED;
      }
      ReadOnlyDatabase.SchemaBehindException behind = cause(e, ReadOnlyDatabase.SchemaBehindException.class);
      if (behind != null) {
        commandLine.getErr().println("error: " + behind.getMessage());
        return ExitCodes.FAILED;
      }
      if (e instanceof UsageException) {
        commandLine.getErr().println("error: " + rootMessage(e));
        return ExitCodes.BAD_INPUT;
      }
      // one line on the console; the trace is in the log file (the console pattern drops traces)
      LoggerFactory.getLogger(Cli.class).debug("command failed", e);
      boolean light = commandLine.getCommand() instanceof ReadOnlyCommand
          || commandLine.getCommand() instanceof ValidateCommand; // these write no log file
      commandLine.getErr().println("error: " + oneLine(rootMessage(e)) + hint(rootMessage(e))
          + (light ? "" : logHint(springArgs)));
      return ExitCodes.FAILED;
    });
    cl.setParameterExceptionHandler((e, a) -> {
      CommandLine c = e.getCommandLine();
      c.getErr().println("error: " + e.getMessage());
      c.getErr().println("see: " + c.getCommandSpec().qualifiedName() + " --help");
      return ExitCodes.BAD_INPUT;
    });
    int code = cl.execute(args);
    out.flush();
    err.flush();
    return code;
  }

  /** What to do about a failure the operator can fix, or nothing. */
  static String hint(String message) {
    if (message != null && message.contains("permission denied for schema")) {
      return "; the database user may not create tables there: make the user the database's owner "
          + "(createdb --owner USER DB, or ALTER DATABASE DB OWNER TO USER) or GRANT USAGE, CREATE ON SCHEMA public "
          + "TO USER (PostgreSQL 15+; batch-app/OPERATIONS.md, 'PostgreSQL (production)')";
    }
    return "";
  }

  /** The first cause of {@code e} (or {@code e}) of the given type, or null. */
  static <T extends Throwable> T cause(Throwable e, Class<T> type) {
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (type.isInstance(t)) {
        return type.cast(t);
      }
    }
    return null;
  }

  /** A message on one line, at most 500 characters: the rest is in the log. */
  static String oneLine(String message) {
    String m = message.replaceAll("\\s*\\R\\s*", " ");
    return m.length() > 500 ? m.substring(0, 497) + "..." : m;
  }

  /** {@code  (details in data/logs/tariffcast.log)}, or nothing if no log file is configured. */
  static String logHint(List<String> springArgs) {
    String file = null;
    for (String a : springArgs) {
      if (a.startsWith("--logging.file.name=")) {
        file = a.substring("--logging.file.name=".length());
      }
    }
    try {
      if (file == null && SpringContexts.environment(springArgs)
          instanceof org.springframework.core.env.ConfigurableEnvironment env) {
        // the environment alone blanks logging.file.name on its command line: read the files' value
        for (org.springframework.core.env.PropertySource<?> ps : env.getPropertySources()) {
          Object v = ps.getProperty("logging.file.name");
          if (v != null && !v.toString().isBlank()) {
            file = v.toString();
            break;
          }
        }
      }
    } catch (RuntimeException e) {
      // no hint
    }
    return file == null || file.isBlank() ? "" : " (details in " + file + ")";
  }

  /** The settings problem behind {@code e}, if that is what it is. */
  static SettingsException settingsProblem(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof SettingsException s) {
        return s;
      }
    }
    return null;
  }

  static String rootMessage(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null && t.getCause() != t) {
      t = t.getCause();
    }
    return t.getMessage() == null ? t.toString() : t.getMessage();
  }
}
