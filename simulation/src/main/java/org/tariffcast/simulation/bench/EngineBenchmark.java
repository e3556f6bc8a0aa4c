package org.tariffcast.simulation.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import org.tariffcast.model.config.ConfigLoader;
import org.tariffcast.model.config.ModelConfig;
import org.tariffcast.model.run.SamplingMethod;
import org.tariffcast.model.run.SolverKind;
import org.tariffcast.simulation.PartialResult;
import org.tariffcast.simulation.ProjectionEngine;
import org.tariffcast.simulation.TrialProgress;

/**
 * Speed and memory of the engine, on the generated {@link BenchmarkStudy} (6 regions, 15
 * sectors, 6 scenarios, 24 quarters) or on a study folder ({@code --study DIR}, e.g. the default
 * study {@code config/us-vietnam-2025}). Not a test: run it by hand.
 *
 * <pre>
 *   mvn -B -pl simulation -am -DskipTests package
 *   java -Xmx1g -cp "simulation/target/classes:simulation/target/lib/*" \
 *       org.tariffcast.simulation.bench.EngineBenchmark --trials 100000 --threads 2
 *   java -Xmx768m -cp "simulation/target/classes:simulation/target/lib/*" \
 *       org.tariffcast.simulation.bench.EngineBenchmark --study config/us-vietnam-2025 --trials 100000
 * </pre>
 *
 * Options: {@code --study DIR} (default: the generated study), {@code --trials N} (default
 * 100000), {@code --threads K} (default 2), {@code --single N} trials for the one-thread
 * reference (default min(trials, 20000); 0 skips it), {@code --partitions P} (default 1 for the
 * generated study, the study's own {@code partitions} for a folder: the run is split into P
 * partitions, each encoded to bytes and decoded again as a remote partition would be, then merged
 * in order), {@code --solver ces|linear}, {@code --sampling random|lhs|sobol} (default for a
 * folder: the study's own), {@code --warmup N} (default 2000), {@code --seed S}.
 *
 * <p>Reports the time of each phase (engine set-up: compiling the study and its central case;
 * simulate; encode and decode of the partial results; merge; finish: statistics, sensitivity,
 * convergence), trials per second, nanoseconds per trial x scenario (including the baseline) x
 * sector x quarter, CPU time per trial, the cores actually obtained (process CPU time / wall
 * time), the speed-up of K threads over one, the peak heap (sum of the heap pools' peaks since
 * the timed runs started), the process's peak resident set (VmHWM, whole run) and the size of
 * the partial result.
 */
public final class EngineBenchmark {
  private EngineBenchmark() {}

  /** The command line. */
  private static final class Options {
    Path study;
    long trials = 100_000;
    int threads = 2;
    long single = -1;
    int partitions = -1;
    long warmup = 2000;
    long seed = 20250709L;
    SolverKind solver;
    SamplingMethod sampling;

    static Options parse(String[] args) {
      Options o = new Options();
      for (int i = 0; i < args.length; i++) {
        String a = args[i];
        String v = i + 1 < args.length ? args[i + 1] : "";
        switch (a) {
          case "--study" -> { o.study = Path.of(v); i++; }
          case "--trials" -> { o.trials = Long.parseLong(v); i++; }
          case "--threads" -> { o.threads = Integer.parseInt(v); i++; }
          case "--single" -> { o.single = Long.parseLong(v); i++; }
          case "--partitions" -> { o.partitions = Integer.parseInt(v); i++; }
          case "--warmup" -> { o.warmup = Long.parseLong(v); i++; }
          case "--seed" -> { o.seed = Long.parseLong(v); i++; }
          case "--solver" -> { o.solver = SolverKind.parse(v); i++; }
          case "--sampling" -> { o.sampling = SamplingMethod.parse(v); i++; }
          default -> throw new IllegalArgumentException("unknown option " + a + "; see the class documentation");
        }
      }
      if (o.single < 0) {
        o.single = Math.min(o.trials, 20_000);
      }
      return o;
    }

    /** The study with this run's trial count, seed, solver and sampling. */
    ModelConfig config() {
      long n = Math.max(trials, Math.max(warmup, single));
      if (study == null) {
        partitions = partitions < 0 ? 1 : partitions;
        return BenchmarkStudy.of(n, seed, sampling == null ? SamplingMethod.RANDOM : sampling,
            solver == null ? SolverKind.CES : solver);
      }
      ModelConfig c = ConfigLoader.load(study);
      var run = c.run().withTrials(n).withSeed(seed);
      run = sampling == null ? run : run.withSampling(sampling);
      run = solver == null ? run : run.withSolver(solver);
      partitions = partitions < 0 ? run.partitions() : partitions;
      return c.withRun(run);
    }
  }

  public static void main(String[] args) {
    Options o = Options.parse(args);
    ModelConfig config = o.config();
    long t0 = System.nanoTime();
    ProjectionEngine engine = ProjectionEngine.of(config);
    double setup = seconds(t0);
    int scenarios = config.scenarios().size() + 1;
    long unitsPerTrial = (long) scenarios * config.sectors().size() * config.horizon().quarters();
    System.out.printf(Locale.ROOT, "study %s: %d regions, %d sectors, %d scenarios + baseline, %d quarters, %d "
            + "uncertain parameters, solver %s, sampling %s, %d partitions; %d processors available to the JVM%n",
        o.study == null ? "(generated)" : o.study, config.regions().size(), config.sectors().size(),
        config.scenarios().size(), config.horizon().quarters(), config.uncertainParameters().size(),
        config.run().solver().label(), config.run().sampling().label(), o.partitions,
        Runtime.getRuntime().availableProcessors());
    System.out.printf(Locale.ROOT, "phase set-up (compile the study, central case): %.3f s%n", setup);

    engine.simulate(0, Math.min(o.warmup, o.trials), o.threads, TrialProgress.NONE); // JIT warm-up
    resetPeaks();
    System.out.printf(Locale.ROOT, "load average before: %s (other processes on this machine compete for its cores)%n",
        loadAverage());
    double rate1 = Double.NaN;
    if (o.single > 0) {
      long s0 = System.nanoTime();
      long c0 = cpuNanos();
      engine.simulate(0, o.single, 1, TrialProgress.NONE);
      double sec = seconds(s0);
      double cpu = (cpuNanos() - c0) / 1e9;
      rate1 = o.single / sec;
      System.out.printf(Locale.ROOT, "1 thread : %,d trials in %.2f s = %,.0f trials/s, %.1f ns per trial x scenario x "
          + "sector x quarter; CPU %.2f s (%.0f us per trial), %.2f cores busy%n", o.single, sec, rate1,
          1e9 / rate1 / unitsPerTrial, cpu, cpu / o.single * 1e6, cpu / sec);
    }

    double simulate = 0;
    double encode = 0;
    double decode = 0;
    double merge = 0;
    long bytes = 0;
    long w0 = System.nanoTime();
    long c0 = cpuNanos();
    PartialResult all = null;
    for (int p = 0; p < o.partitions; p++) {
      long from = o.trials * p / o.partitions;
      long to = o.trials * (p + 1) / o.partitions;
      long s0 = System.nanoTime();
      PartialResult part = engine.simulate(from, to, o.threads, TrialProgress.NONE);
      simulate += seconds(s0);
      if (o.partitions > 1) {
        s0 = System.nanoTime();
        byte[] blob = part.toBytes();
        encode += seconds(s0);
        bytes += blob.length;
        s0 = System.nanoTime();
        part = PartialResult.fromBytes(blob);
        decode += seconds(s0);
      }
      s0 = System.nanoTime();
      all = all == null ? part : all.merge(part);
      merge += seconds(s0);
    }
    double sec = seconds(w0);
    double cpu = (cpuNanos() - c0) / 1e9;
    double rate = o.trials / simulate;
    System.out.printf(Locale.ROOT, "phase simulate (%d threads): %,d trials in %.2f s = %,.0f trials/s, %.1f ns per "
            + "trial x scenario x sector x quarter%n", o.threads, o.trials, simulate, rate, 1e9 / rate / unitsPerTrial);
    System.out.printf(Locale.ROOT, "phase encode %.3f s, decode %.3f s (%d partitions, %.1f MiB as bytes), merge %.3f s%n",
        encode, decode, o.partitions, bytes / 1048576.0, merge);
    System.out.printf(Locale.ROOT, "simulate to merged: %.2f s wall, CPU %.2f s (%.0f us per trial), %.2f cores "
        + "obtained on average%n", sec, cpu, cpu / o.trials * 1e6, cpu / sec);
    long[] work = engine.lastSimulationWork();
    System.out.printf(Locale.ROOT, "equilibria solved per trial: %.1f (the rest reused within the trial), Newton "
        + "iterations per solve: %.2f%n", (double) work[1] / work[0], (double) work[2] / Math.max(1, work[1]));
    if (!Double.isNaN(rate1)) {
      System.out.printf(Locale.ROOT, "speed-up %d threads / 1 thread: %.2fx%n", o.threads, rate / rate1);
    }
    System.out.printf(Locale.ROOT, "load average after: %s%n", loadAverage());
    long f0 = System.nanoTime();
    engine.finish(all, 0, Instant.now(), Instant.now(), Map.of());
    System.out.printf(Locale.ROOT, "phase finish (statistics, sensitivity, convergence): %.2f s%n", seconds(f0));
    System.out.printf(Locale.ROOT, "peak heap %.0f MiB (max heap %.0f MiB), peak RSS %s; partial result retained "
            + "%.1f MiB, %.1f MiB as bytes%n", peakHeap() / 1048576.0, Runtime.getRuntime().maxMemory() / 1048576.0,
        peakRss(), all.retainedBytes() / 1048576.0, all.toBytes().length / 1048576.0);
  }

  private static double seconds(long since) {
    return (System.nanoTime() - since) / 1e9;
  }

  /** CPU time of this process (all threads), ns. */
  private static long cpuNanos() {
    java.lang.management.OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
    if (os instanceof com.sun.management.OperatingSystemMXBean sun) {
      return sun.getProcessCpuTime();
    }
    return 0;
  }

  private static String loadAverage() {
    try {
      return Files.readString(Path.of("/proc/loadavg")).trim();
    } catch (IOException | RuntimeException e) {
      return String.format(Locale.ROOT, "%.2f", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    }
  }

  /** The process's peak resident set size (VmHWM) where Linux reports it. */
  private static String peakRss() {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
        if (line.startsWith("VmHWM:")) {
          long kib = Long.parseLong(line.substring(6).trim().split("\\s+")[0]);
          return String.format(Locale.ROOT, "%.0f MiB", kib / 1024.0);
        }
      }
    } catch (IOException | RuntimeException e) {
      // not Linux
    }
    return "unknown";
  }

  private static void resetPeaks() {
    System.gc();
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP) {
        pool.resetPeakUsage();
      }
    }
  }

  private static long peakHeap() {
    long sum = 0;
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP) {
        sum += pool.getPeakUsage().getUsed();
      }
    }
    return sum;
  }
}
