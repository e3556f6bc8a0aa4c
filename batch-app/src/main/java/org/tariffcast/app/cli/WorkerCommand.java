package org.tariffcast.app.cli;

import java.util.Arrays;
import java.util.concurrent.CountDownLatch;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;

/** {@code worker}: runs partitions for remote managers (profile {@code remote}). */
@Command(name = "worker", mixinStandardHelpOptions = true,
    header = "Run simulate partitions for remote managers (profile remote).",
    description = {"Stay up and run simulate partitions sent by 'run' or 'schedule' processes of the",
        "remote profile, through RabbitMQ (spring.rabbitmq.*), sharing their database.",
        "Needs --spring.profiles.active=remote (with postgres for a PostgreSQL repository)."},
    footer = {"", "Exit status: 0 stopped, 1 could not start, 2 usage.",
        "Example: SPRING_PROFILES_ACTIVE=postgres,remote tariffcast worker"})
public class WorkerCommand extends Subcommand {
  public WorkerCommand() {
    super(SpringContexts.Kind.WORKER);
  }

  @Override
  int run(ConfigurableApplicationContext ctx) throws Exception {
    if (!Arrays.asList(ctx.getEnvironment().getActiveProfiles()).contains("remote")) {
      err().println("error: the worker needs the remote profile "
          + "(--spring.profiles.active=remote or SPRING_PROFILES_ACTIVE=remote)");
      return ExitCodes.BAD_INPUT;
    }
    ctx.registerShutdownHook();
    CountDownLatch closed = ScheduleCommand.untilClosed(ctx);
    out().println("worker waiting for partitions; Ctrl-C stops it");
    out().flush();
    closed.await();
    return ExitCodes.OK;
  }
}
