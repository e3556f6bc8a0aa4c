package org.tariffcast.app.cli;

import java.util.concurrent.CountDownLatch;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.event.ContextClosedEvent;
import org.tariffcast.app.schedule.ScheduleService;
import picocli.CommandLine.Command;

/** {@code schedule}: stays up and fires the schedules of {@code config/application.yml}. */
@Command(name = "schedule", mixinStandardHelpOptions = true,
    header = "Stay up and fire the schedules of config/application.yml.",
    description = {"Stay up and fire the schedules in config/application.yml (tariffcast.schedules).",
        "A fire missed while no scheduler was up runs once at start-up. Several schedulers on one",
        "database share the work: each fire runs once. Stop with Ctrl-C or SIGTERM; a run cut short",
        "is resumed by the next fire of the same night or by 'tariffcast resume --run ID'."},
    footer = {"", "Exit status: 0 stopped, 1 could not start, 2 usage.", "Example: nohup tariffcast schedule &"})
public class ScheduleCommand extends Subcommand {
  public ScheduleCommand() {
    super(SpringContexts.Kind.SCHEDULER);
  }

  @picocli.CommandLine.Option(names = "--serve",
      description = "also serve the web console from this process (see 'tariffcast serve --help')")
  boolean serve;

  @Override
  public Integer call() throws Exception {
    if (serve) {
      return ServeCommand.serve(parent.springArgs, true, out(), err(), ctx -> {
        try {
          return ctx.getBean(ScheduleService.class).start().stream().map(l -> "schedule " + l).toList();
        } catch (org.quartz.SchedulerException e) {
          throw new IllegalStateException("the scheduler could not start: " + e.getMessage(), e);
        }
      });
    }
    return super.call();
  }

  @Override
  int run(ConfigurableApplicationContext ctx) throws Exception {
    CountDownLatch closed = untilClosed(ctx);
    for (String line : ctx.getBean(ScheduleService.class).start()) {
      out().println("schedule " + line);
    }
    out().println("scheduler running; Ctrl-C stops it");
    out().flush();
    closed.await();
    return ExitCodes.OK;
  }

  /** Counts down when the context closes (Ctrl-C, SIGTERM): the commands that stay up wait on it. */
  static CountDownLatch untilClosed(ConfigurableApplicationContext ctx) {
    CountDownLatch closed = new CountDownLatch(1);
    ctx.addApplicationListener(e -> {
      if (e instanceof ContextClosedEvent) {
        closed.countDown();
      }
    });
    return closed;
  }
}
