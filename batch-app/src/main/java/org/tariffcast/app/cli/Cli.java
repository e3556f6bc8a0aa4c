package org.tariffcast.app.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import picocli.CommandLine;

/**
 * Parses the command line and runs a command. Spring settings may be given as
 * {@code -Dspring.datasource.url=...} or environment variables, as for any Spring Boot
 * application; tests pass them in {@code springProperties}.
 */
public final class Cli {
  private Cli() {}

  public static int execute(String... args) {
    return execute(args, Map.of(), new PrintWriter(System.out, true), new PrintWriter(System.err, true));
  }

  /** Runs one command; returns its exit status (0 done, 1 failed, 2 bad configuration or usage). */
  public static int execute(String[] args, Map<String, String> springProperties, PrintWriter out, PrintWriter err) {
    List<String> springArgs = new ArrayList<>();
    springProperties.forEach((k, v) -> springArgs.add("--" + k + "=" + v));
    CommandLine cl = new CommandLine(new TariffcastCommand(springArgs));
    cl.setOut(out);
    cl.setErr(err);
    cl.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
      commandLine.getErr().println("error: " + rootMessage(e));
      return e instanceof UsageException ? ExitCodes.BAD_INPUT : ExitCodes.FAILED;
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

  static String rootMessage(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null && t.getCause() != t) {
      t = t.getCause();
    }
    return t.getMessage() == null ? t.toString() : t.getMessage();
  }
}
