package org.tariffcast.app.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.event.ContextClosedEvent;
import org.tariffcast.app.schedule.ScheduleService;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code schedule}: stays up and fires the schedules of {@code config/application.yml}. */
@Command(name = "schedule", mixinStandardHelpOptions = true,
    header = "Stay up and fire the schedules of config/application.yml.",
    description = {"Stay up and fire the schedules in config/application.yml (tariffcast.schedules).",
        "A fire missed while no scheduler was up runs once at start-up. Several schedulers on one",
        "database share the work: each fire runs once. Stop with Ctrl-C or SIGTERM; a run cut short",
        "is resumed by the next fire of the same night or by 'tariffcast resume --run ID'."},
    footer = {"", "Exit status: 0 stopped, 1 could not start, 2 usage.", "Example: nohup tariffcast schedule &"})
public class ScheduleCommand implements Callable<Integer> {
  @ParentCommand
  TariffcastCommand parent;
  @Spec
  CommandSpec spec;

  @picocli.CommandLine.Option(names = "--serve",
      description = "also serve the web console from this process (see 'tariffcast serve --help')")
  boolean serve;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    if (serve) {
      return ServeCommand.serve(parent.springArgs, true, out, spec.commandLine().getErr(), ctx -> {
        try {
          return ctx.getBean(ScheduleService.class).start().stream().map(l -> "schedule " + l).toList();
        } catch (org.quartz.SchedulerException e) {
          throw new IllegalStateException("the scheduler could not start: " + e.getMessage(), e);
        }
      });
    }
    CountDownLatch closed = new CountDownLatch(1);
    ConfigurableApplicationContext ctx = SpringContexts.application(parent.springArgs, true);
    ctx.addApplicationListener(e -> {
      if (e instanceof ContextClosedEvent) {
        closed.countDown();
      }
    });
    for (String line : ctx.getBean(ScheduleService.class).start()) {
      out.println("schedule " + line);
    }
    out.println("scheduler running; Ctrl-C stops it");
    out.flush();
    closed.await();
    return ExitCodes.OK;
  }
}
