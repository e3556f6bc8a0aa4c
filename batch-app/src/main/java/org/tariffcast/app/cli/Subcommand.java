package org.tariffcast.app.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * What every command shares: the Spring arguments of the top command, the output streams, and
 * the one way a command opens its Spring context: {@link #call()} opens the context named
 * at construction, hands it to {@link #run(ConfigurableApplicationContext)} and closes it.
 */
abstract class Subcommand implements Callable<Integer> {
  @ParentCommand
  TariffcastCommand parent;
  @Spec
  CommandSpec spec;
  private final SpringContexts.Kind context;

  /** A command that needs the whole application. */
  Subcommand() {
    this(SpringContexts.Kind.APPLICATION);
  }

  /** A command that needs the context {@code context}. */
  Subcommand(SpringContexts.Kind context) {
    this.context = context;
  }

  /** The command's work, in its context; returns the exit status ({@link ExitCodes}). */
  abstract int run(ConfigurableApplicationContext ctx) throws Exception;

  @Override
  public Integer call() throws Exception {
    try (ConfigurableApplicationContext ctx = SpringContexts.open(context, parent.springArgs)) {
      return run(ctx);
    }
  }

  PrintWriter out() {
    return spec.commandLine().getOut();
  }

  PrintWriter err() {
    return spec.commandLine().getErr();
  }
}
