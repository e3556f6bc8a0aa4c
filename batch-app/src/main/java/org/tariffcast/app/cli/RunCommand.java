package org.tariffcast.app.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import org.springframework.context.ConfigurableApplicationContext;
import org.tariffcast.app.explore.ExploreContexts;
import org.tariffcast.app.explore.ExploreLauncher;
import org.tariffcast.app.explore.ExploreRepository;
import org.tariffcast.app.explore.ExploreSummary;
import org.tariffcast.app.job.Overrides;
import org.tariffcast.model.config.ConfigException;
import org.tariffcast.model.explore.ExplorePlan;
import org.tariffcast.app.job.ProjectionLauncher;
import org.tariffcast.app.job.RunListener;
import org.tariffcast.app.persistence.RunRepository;
import org.tariffcast.app.settings.RunOptions;
import org.tariffcast.app.settings.SettingsException;
import org.tariffcast.model.config.ModelConfig;
import org.tariffcast.model.run.RunLimits;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code run}: one projection run now, or the resumption of the last failed one. */
@Command(name = "run", mixinStandardHelpOptions = true,
    header = "Project a study now, or resume its last failed run.",
    description = {"Project a study now: validate, simulate, store the statistics, write the reports.",
        "If the latest run of the same configuration (same files, same --trials/--seed) failed or was",
        "killed, it is resumed instead: only its missing partitions run, and its numbers are those of",
        "an uninterrupted run."},
    footer = {"", "Exit status: 0 done, 1 the run failed, 2 the configuration or the command line is wrong.",
        "Examples:", "  tariffcast run", "  tariffcast run --config config/us-vietnam-2025 --trials 20000 --threads 4",
        "  tariffcast run --language vi"})
public class RunCommand extends Subcommand {
  @Option(names = "--config", paramLabel = "DIR", description = "study folder (default: tariffcast.study)")
  Path config;
  Long trials;
  @Option(names = "--seed", paramLabel = "S", description = "master seed (default: the study's)")
  Long seed;
  Integer threads;
  @Option(names = "--new", description = "start a new run even if the last one of this configuration failed")
  boolean forceNew;
  @Option(names = "--explore", paramLabel = "FILE", description = "sweep the study's levers as FILE says (such as "
      + "explore.yml in the study folder): every grid point runs the base scenario on the same trials; --trials sets "
      + "the trials per point")
  Path explore;
  @picocli.CommandLine.Mixin
  LanguageOption language;
  private ExplorePlan plan;

  private Path dir;
  private ModelConfig model;

  @Option(names = "--trials", paramLabel = "N", description = "trials (replaces the study's count or precision target)")
  void trials(long value) {
    trials = Ranges.between(spec, "--trials", value, 1, RunLimits.MAX_TRIALS);
  }

  @Option(names = "--threads", paramLabel = "K", description = "worker threads (default: tariffcast.threads; "
      + "results do not depend on it)")
  void threads(int value) {
    threads = (int) Ranges.between(spec, "--threads", value, 1, RunLimits.MAX_THREADS);
  }

  /** Validates the study with the environment alone (nothing written if it is invalid), then runs it. */
  @Override
  public Integer call() throws Exception {
    language.applyTo(parent.springArgs);
    var env = SpringContexts.environment(parent.springArgs);
    var bad = RunOptions.check(trials, threads, env);
    if (!bad.isEmpty()) {
      throw new SettingsException(bad);
    }
    dir = parent.study(config, env);
    model = ValidateCommand.check(dir, new Overrides(trials, seed), out(), err());
    if (model == null) {
      return ExitCodes.BAD_INPUT;
    }
    if (explore != null) {
      Path file = explore.isAbsolute() || java.nio.file.Files.exists(explore) ? explore : dir.resolve(explore);
      try {
        plan = ExploreContexts.plan(new Overrides(trials, seed).applyTo(model),
            java.nio.file.Files.readString(file), new Overrides(trials, seed));
        explore = file;
      } catch (java.io.IOException e) {
        err().printf("%s: cannot read the sweep file: %s%n", file, e.getMessage());
        return ExitCodes.BAD_INPUT;
      } catch (ConfigException e) {
        for (String line : e.lines()) {
          out().println(line.replace(ExplorePlan.FILE + ":", file + ":"));
        }
        out().flush();
        err().println(e.total() + " problem" + (e.total() == 1 ? "" : "s") + " in " + file);
        return ExitCodes.BAD_INPUT;
      }
      out().printf("sweep of %s: %d points (%s), %,d trials per point%n", plan.scenario(), plan.points(),
          plan.axes().stream().map(a -> a.lever() + " x " + a.size()).collect(java.util.stream.Collectors.joining(", ")),
          org.tariffcast.simulation.explore.SweepRunner.trialsPerPoint(new Overrides(trials, seed).applyTo(model), plan));
    }
    return super.call();
  }

  @Override
  int run(ConfigurableApplicationContext ctx) throws Exception {
    if (explore != null) {
      return sweep(ctx);
    }
    ProjectionLauncher launcher = ctx.getBean(ProjectionLauncher.class);
    ConsoleLog.leaveEndOfRunToTheCommand();
    long t0 = System.nanoTime();
    ProjectionLauncher.Outcome o = launcher.run(dir, model, new Overrides(trials, seed), threads, forceNew);
    return report(o, Duration.ofNanos(System.nanoTime() - t0), ctx.getBean(RunRepository.class), out(), err());
  }

  private int sweep(ConfigurableApplicationContext ctx) throws Exception {
    ExploreLauncher.Outcome o;
    try {
      o = ctx.getBean(ExploreLauncher.class).run(dir, model, explore, new Overrides(trials, seed), threads, forceNew);
    } catch (ProjectionLauncher.RefusedException e) {
      err().println("refused: " + e.getMessage());
      return ExitCodes.FAILED;
    }
    if (!o.completed()) {
      err().printf("sweep %d %s: %s%n'tariffcast run --explore' with the same options resumes it%n", o.sweepId(),
          o.status().name().toLowerCase(java.util.Locale.ROOT), o.message());
      return ExitCodes.FAILED;
    }
    ExploreContexts.Sweep sweep = ctx.getBean(ExploreContexts.class).sweep(o.sweepId());
    var points = ctx.getBean(ExploreRepository.class).points(o.sweepId());
    out().printf("sweep %d %s: %d points x %,d trials of %s%n", o.sweepId(),
        o.resumed() ? "resumed and completed" : "completed", points.size(), points.get(0).trials(),
        sweep.plan().scenario());
    ExploreSummary.print(sweep, points, out());
    ctx.getBean(ExploreRepository.class).reportPath(o.sweepId())
        .ifPresent(p -> out().printf("  reports in %s%n", p));
    return ExitCodes.OK;
  }

  /**
   * The command's last line. {@code took} is the wall time of this command's job execution,
   * validate to publish (the run's stored duration ends where its statistics began: it would
   * leave out the merge and the reports).
   */
  static int report(ProjectionLauncher.Outcome o, Duration took, RunRepository runs, PrintWriter out, PrintWriter err) {
    var run = runs.find(o.runId()).orElseThrow();
    if (o.completed()) {
      out.printf("run %d %s in %s: %,d trials, config %s, reports in %s%n", o.runId(),
          o.resumed() ? "resumed and completed" : "completed", RunListener.duration(took), run.trials(),
          run.shortHash(), run.reportPath());
      return ExitCodes.OK;
    }
    if ("INVALID".equals(run.status())) {
      err.printf("run %d: the configuration is invalid:%n%s%n", o.runId(), run.message());
      return ExitCodes.BAD_INPUT;
    }
    err.printf("run %d %s: %s%n", o.runId(), o.status().name().toLowerCase(java.util.Locale.ROOT), o.message());
    if ("statistics".equals(run.stage()) || "reported".equals(run.stage())) {
      err.printf("its statistics are stored; 'tariffcast report --run %d' writes the reports%n", o.runId());
    } else {
      err.printf("'tariffcast run' with the same options resumes it%n");
    }
    return ExitCodes.FAILED;
  }
}
