package org.tariffcast.simulation.bench;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.Locale;
import org.tariffcast.model.config.ConfigLoader;
import org.tariffcast.model.config.ModelConfig;
import org.tariffcast.model.explore.ExplorePlan;
import org.tariffcast.simulation.PartialResult;
import org.tariffcast.simulation.ProjectionEngine;
import org.tariffcast.simulation.TrialProgress;
import org.tariffcast.simulation.explore.SweepRunner;

/**
 * The cost of a sweep's grid point next to a plain run's cost per scenario. Not a test: run it
 * by hand.
 *
 * <pre>
 *   mvn -B -pl simulation -am -DskipTests package
 *   java -Xmx1g -cp "simulation/target/classes:simulation/target/lib/*:model/target/classes" \
 *       org.tariffcast.simulation.bench.ExploreBenchmark --study config/us-vietnam-2025 --threads 2
 * </pre>
 *
 * Options: {@code --study DIR} (default config/us-vietnam-2025), {@code --explore FILE} (default
 * the study's explore.yml), {@code --trials N} trials per point (default the file's),
 * {@code --points K} the first K points only (default all), {@code --threads T} (default 2).
 * Runs the study once (every scenario, the same trial count), then the grid points one after the
 * other, each on T threads; prints wall and CPU time of the plain run and of its share per
 * scenario, the per-point set-up (levers.yml, parse, compile, central case) and simulate times,
 * the whole sweep's time and the load average before and after.
 */
public final class ExploreBenchmark {
  private ExploreBenchmark() {}

  static long cpu() {
    if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean sun) {
      return sun.getProcessCpuTime();
    }
    return -1;
  }

  static String load() {
    return String.format(Locale.ROOT, "%.2f", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
  }

  public static void main(String[] args) {
    Path study = Path.of("config", "us-vietnam-2025");
    Path explore = null;
    Long trials = null;
    int points = Integer.MAX_VALUE;
    int threads = 2;
    for (int i = 0; i < args.length; i += 2) {
      switch (args[i]) {
        case "--study" -> study = Path.of(args[i + 1]);
        case "--explore" -> explore = Path.of(args[i + 1]);
        case "--trials" -> trials = Long.parseLong(args[i + 1]);
        case "--points" -> points = Integer.parseInt(args[i + 1]);
        case "--threads" -> threads = Integer.parseInt(args[i + 1]);
        default -> throw new IllegalArgumentException("unknown option " + args[i]);
      }
    }
    ModelConfig config = ConfigLoader.load(study);
    ExplorePlan plan = ConfigLoader.loadExplore(config, explore == null ? study.resolve(ExplorePlan.FILE) : explore);
    if (trials != null) {
      plan = new ExplorePlan(plan.scenario(), trials, plan.axes(), plan.kpis(), plan.targets(), plan.goalSeeks(),
          plan.frontier());
    }
    long n = SweepRunner.trialsPerPoint(config, plan);
    int count = Math.min(points, plan.points());
    System.out.printf(Locale.ROOT, "study %s, sweep of %s: %d points (of %d) x %,d trials, %d threads, %d cores "
        + "available, load %s%n", config.name(), plan.scenario(), count, plan.points(), n, threads,
        Runtime.getRuntime().availableProcessors(), load());
    // warm-up: a short plain run and a short point
    ModelConfig warm = config.withRun(config.run().withTrials(200));
    ProjectionEngine.of(warm).simulate(0, 200, threads, TrialProgress.NONE);
    SweepRunner.runAt(warm, plan, plan.point(0), threads);

    ModelConfig plain = config.withRun(config.run().withTrials(n));
    long w0 = System.nanoTime();
    long c0 = cpu();
    ProjectionEngine engine = ProjectionEngine.of(plain);
    PartialResult all = engine.simulate(0, n, threads, TrialProgress.NONE);
    engine.finish(all, 0, java.time.Instant.EPOCH, java.time.Instant.EPOCH, java.util.Map.of());
    double plainWall = (System.nanoTime() - w0) / 1e9;
    double plainCpu = (cpu() - c0) / 1e9;
    int scenarios = config.scenarios().size();
    System.out.printf(Locale.ROOT, "plain run, %d scenarios + baseline + outlook, %,d trials: wall %.2f s, CPU %.2f s;"
        + " per scenario: wall %.2f s, CPU %.2f s%n", scenarios, n, plainWall, plainCpu, plainWall / scenarios,
        plainCpu / scenarios);

    double setup = 0;
    double simulate = 0;
    long sw0 = System.nanoTime();
    long sc0 = cpu();
    for (int i = 0; i < count; i++) {
      long t0 = System.nanoTime();
      ProjectionEngine e = SweepRunner.engine(config, plan, i);
      long t1 = System.nanoTime();
      e.finishScenario(e.simulate(0, n, threads, TrialProgress.NONE), i, plan.point(i));
      long t2 = System.nanoTime();
      setup += (t1 - t0) / 1e9;
      simulate += (t2 - t1) / 1e9;
    }
    double sweepWall = (System.nanoTime() - sw0) / 1e9;
    double sweepCpu = (cpu() - sc0) / 1e9;
    System.out.printf(Locale.ROOT, "sweep, %d points x %,d trials: wall %.1f s, CPU %.1f s; per point: wall %.3f s "
        + "(set-up %.3f s, simulate and statistics %.3f s), CPU %.3f s%n", count, n, sweepWall, sweepCpu,
        sweepWall / count, setup / count, simulate / count, sweepCpu / count);
    System.out.printf(Locale.ROOT, "per point / plain run per scenario: wall %.2f, CPU %.2f; load after %s%n",
        sweepWall / count / (plainWall / scenarios), sweepCpu / count / (plainCpu / scenarios), load());
  }
}
