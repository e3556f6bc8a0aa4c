package org.tariffcast.app.cli;

import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.event.ContextClosedEvent;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code worker}: runs partitions for remote managers (profile {@code remote}). */
@Command(name = "worker", mixinStandardHelpOptions = true,
    header = "Run simulate partitions for remote managers (profile remote).",
    description = {"Stay up and run simulate partitions sent by 'run' or 'schedule' processes of the",
        "remote profile, through RabbitMQ (spring.rabbitmq.*), sharing their database.",
        "Needs --spring.profiles.active=remote (with postgres for a PostgreSQL repository)."},
    footer = {"", "Exit status: 0 stopped, 1 could not start, 2 usage.",
        "Example: SPRING_PROFILES_ACTIVE=postgres,remote tariffcast worker"})
public class WorkerCommand implements Callable<Integer> {
  @ParentCommand
  TariffcastCommand parent;
  @Spec
  CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    java.util.List<String> args = new java.util.ArrayList<>(parent.springArgs);
    args.add("--tariffcast.mode=worker");
    CountDownLatch closed = new CountDownLatch(1);
    ConfigurableApplicationContext ctx = SpringContexts.application(args, false);
    if (!java.util.Arrays.asList(ctx.getEnvironment().getActiveProfiles()).contains("remote")) {
      ctx.close();
      spec.commandLine().getErr().println("error: the worker needs the remote profile "
          + "(--spring.profiles.active=remote or SPRING_PROFILES_ACTIVE=remote)");
      return ExitCodes.BAD_INPUT;
    }
    ctx.registerShutdownHook();
    ctx.addApplicationListener(e -> {
      if (e instanceof ContextClosedEvent) {
        closed.countDown();
      }
    });
    spec.commandLine().getOut().println("worker waiting for partitions; Ctrl-C stops it");
    spec.commandLine().getOut().flush();
    closed.await();
    return ExitCodes.OK;
  }
}
