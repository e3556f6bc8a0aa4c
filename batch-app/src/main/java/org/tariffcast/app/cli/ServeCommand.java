package org.tariffcast.app.cli;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.tariffcast.app.web.ConsoleRefusedException;
import org.tariffcast.app.web.ConsoleServer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code serve}: the web console (runs, a run's progress and reports, schedules, health) on this database. */
@Command(name = "serve", mixinStandardHelpOptions = true,
    header = "Serve the web console: runs, progress, reports, schedules, health.",
    description = {"Serve the web console on http://127.0.0.1:8080/ (server.address, server.port):",
        "the runs and their status, a run's live progress, headline numbers, charts, workbook and brief,",
        "its configuration and log, buttons to resume it or render its reports again; the schedules;",
        "/actuator/health and /actuator/prometheus. It reads the same database as the other commands;",
        "'schedule --serve' serves it from the scheduler's process instead.",
        "To listen beyond 127.0.0.1, set tariffcast.console.user and tariffcast.console.password-hash",
        "(a BCrypt hash: 'tariffcast serve --hash-password' reads a password and prints its hash)."},
    footer = {"", "Exit status: 0 stopped, 1 could not start, 2 settings or usage wrong (e.g. no login beyond "
        + "loopback).", "Example: tariffcast serve --port 8080"})
public class ServeCommand implements Callable<Integer> {
  @ParentCommand
  TariffcastCommand parent;
  @Spec
  CommandSpec spec;

  @Option(names = "--port", paramLabel = "PORT", description = "port to listen on (default: server.port, 8080)")
  Integer port;

  @Option(names = "--address", paramLabel = "ADDR",
      description = "address to listen on (default: server.address, 127.0.0.1)")
  String address;

  @Option(names = "--hash-password", description = "read a password on standard input, print its BCrypt hash, exit")
  boolean hashPassword;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    if (hashPassword) {
      String pw = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
      if (pw == null || pw.isEmpty()) {
        err.println("error: --hash-password: expected a password on standard input, found nothing");
        return ExitCodes.BAD_INPUT;
      }
      out.println(new BCryptPasswordEncoder().encode(pw));
      return ExitCodes.OK;
    }
    if (port != null && (port < 0 || port > 65535)) {
      err.println("error: --port: expected 0-65535, found " + port);
      return ExitCodes.BAD_INPUT;
    }
    List<String> args = new ArrayList<>(parent.springArgs);
    if (port != null) {
      args.add("--server.port=" + port);
    }
    if (address != null) {
      args.add("--server.address=" + address);
    }
    return serve(args, false, out, err, null);
  }

  /** Starts the console (and the scheduler, for {@code schedule --serve}) and waits until it is stopped. */
  static int serve(List<String> springArgs, boolean withScheduler, PrintWriter out, PrintWriter err,
      java.util.function.Function<ConfigurableApplicationContext, List<String>> started) throws Exception {
    ConfigurableApplicationContext ctx;
    try {
      ctx = ConsoleServer.start(springArgs, withScheduler);
    } catch (Exception e) {
      ConsoleRefusedException refused = ConsoleServer.refusal(e);
      if (refused != null) {
        err.println("error: " + refused.getMessage());
        return ExitCodes.BAD_INPUT;
      }
      err.println("error: the console could not start: " + Cli.rootMessage(e));
      return ExitCodes.FAILED;
    }
    CountDownLatch closed = new CountDownLatch(1);
    ctx.addApplicationListener(e -> {
      if (e instanceof ContextClosedEvent) {
        closed.countDown();
      }
    });
    if (started != null) {
      for (String line : started.apply(ctx)) {
        out.println(line);
      }
    }
    out.println("console at " + ConsoleServer.address(ctx) + "; Ctrl-C stops it");
    out.flush();
    closed.await();
    return ExitCodes.OK;
  }
}
