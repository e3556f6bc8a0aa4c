package org.tariffcast.simulation.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.Locale;
import org.tariffcast.model.config.ModelConfig;
import org.tariffcast.model.run.SamplingMethod;
import org.tariffcast.model.run.SolverKind;
import org.tariffcast.simulation.PartialResult;
import org.tariffcast.simulation.ProjectionEngine;
import org.tariffcast.simulation.TrialProgress;

/**
 * Speed and memory of the engine on the generated {@link BenchmarkStudy} (6 regions, 15
 * sectors, 6 scenarios, 24 quarters). Not a test: run it by hand.
 *
 * <pre>
 *   mvn -B -pl simulation -am -DskipTests package
 *   java -Xmx1g -cp "simulation/target/classes:simulation/target/lib/*" \
 *       org.tariffcast.simulation.bench.EngineBenchmark --trials 100000 --threads 2
 * </pre>
 *
 * Options: {@code --trials N} (default 100000), {@code --threads K} (default 2),
 * {@code --single N} trials for the one-thread reference (default min(trials, 20000); 0 skips it),
 * {@code --partitions P} (default 1: the run is split into P partitions merged in order),
 * {@code --solver ces|linear}, {@code --sampling random|lhs|sobol}, {@code --warmup N} (default 2000).
 *
 * <p>Reports trials per second, nanoseconds per trial x scenario (including the baseline) x
 * sector x quarter, the speed-up of K threads over one, the peak heap (sum of the heap pools'
 * peaks since the timed runs started) and the retained size of the partial result.
 */
public final class EngineBenchmark {
  private EngineBenchmark() {}

  public static void main(String[] args) {
    long trials = 100_000;
    int threads = 2;
    long single = -1;
    int partitions = 1;
    long warmup = 2000;
    SolverKind solver = SolverKind.CES;
    SamplingMethod sampling = SamplingMethod.RANDOM;
    for (int i = 0; i < args.length; i++) {
      String a = args[i];
      String v = i + 1 < args.length ? args[i + 1] : "";
      switch (a) {
        case "--trials" -> { trials = Long.parseLong(v); i++; }
        case "--threads" -> { threads = Integer.parseInt(v); i++; }
        case "--single" -> { single = Long.parseLong(v); i++; }
        case "--partitions" -> { partitions = Integer.parseInt(v); i++; }
        case "--warmup" -> { warmup = Long.parseLong(v); i++; }
        case "--solver" -> { solver = SolverKind.parse(v); i++; }
        case "--sampling" -> { sampling = SamplingMethod.parse(v); i++; }
        default -> throw new IllegalArgumentException("unknown option " + a + "; see the class documentation");
      }
    }
    if (single < 0) {
      single = Math.min(trials, 20_000);
    }
    ModelConfig config = BenchmarkStudy.of(Math.max(trials, warmup), 20250709L, sampling, solver);
    long t0 = System.nanoTime();
    ProjectionEngine engine = ProjectionEngine.of(config);
    double setupMs = (System.nanoTime() - t0) / 1e6;
    int scenarios = config.scenarios().size() + 1;
    int cells = scenarios * config.sectors().size() * config.horizon().quarters();
    System.out.printf(Locale.ROOT, "study: %d regions, %d sectors, %d scenarios + baseline, %d quarters, %d uncertain "
            + "parameters, solver %s, sampling %s; engine set-up %.0f ms%n", config.regions().size(),
        config.sectors().size(), config.scenarios().size(), config.horizon().quarters(),
        config.uncertainParameters().size(), solver.label(), sampling.label(), setupMs);

    engine.simulate(0, Math.min(warmup, trials), threads, TrialProgress.NONE); // JIT warm-up
    resetPeaks();
    System.out.printf(Locale.ROOT, "load average before: %s (other processes on this machine compete for its cores)%n",
        loadAverage());
    double rate1 = Double.NaN;
    if (single > 0) {
      long s0 = System.nanoTime();
      long c0 = cpuNanos();
      engine.simulate(0, single, 1, TrialProgress.NONE);
      double sec = (System.nanoTime() - s0) / 1e9;
      double cpu = (cpuNanos() - c0) / 1e9;
      rate1 = single / sec;
      System.out.printf(Locale.ROOT, "1 thread : %,d trials in %.2f s = %,.0f trials/s, %.1f ns per trial x scenario x "
          + "sector x quarter; CPU %.2f s (%.0f us per trial)%n", single, sec, rate1, 1e9 / rate1 / cells, cpu,
          cpu / single * 1e6);
    }
    long s0 = System.nanoTime();
    long c0 = cpuNanos();
    PartialResult all = null;
    for (int p = 0; p < partitions; p++) {
      long from = trials * p / partitions;
      long to = trials * (p + 1) / partitions;
      PartialResult part = engine.simulate(from, to, threads, TrialProgress.NONE);
      all = all == null ? part : all.merge(part);
    }
    double sec = (System.nanoTime() - s0) / 1e9;
    double cpu = (cpuNanos() - c0) / 1e9;
    double rate = trials / sec;
    System.out.printf(Locale.ROOT, "%d threads: %,d trials in %.2f s = %,.0f trials/s, %.1f ns per trial x scenario x "
        + "sector x quarter; CPU %.2f s (%.0f us per trial), %.2f cores busy on average%n", threads, trials, sec, rate,
        1e9 / rate / cells, cpu, cpu / trials * 1e6, cpu / sec);
    long[] work = engine.lastSimulationWork();
    System.out.printf(Locale.ROOT, "equilibria solved per trial: %.1f (the rest reused within the trial), Newton "
        + "iterations per solve: %.2f%n", (double) work[1] / work[0], (double) work[2] / Math.max(1, work[1]));
    if (!Double.isNaN(rate1)) {
      System.out.printf(Locale.ROOT, "speed-up %d threads / 1 thread: %.2fx%n", threads, rate / rate1);
    }
    System.out.printf(Locale.ROOT, "load average after: %s%n", loadAverage());
    long f0 = System.nanoTime();
    engine.finish(all, 0, java.time.Instant.now(), java.time.Instant.now(), java.util.Map.of());
    System.out.printf(Locale.ROOT, "finish (statistics, sensitivity, convergence): %.2f s%n", (System.nanoTime() - f0) / 1e9);
    System.out.printf(Locale.ROOT, "peak heap %.0f MiB (max heap %.0f MiB); partial result retained %.1f MiB, %.1f MiB "
            + "as bytes%n", peakHeap() / 1048576.0, Runtime.getRuntime().maxMemory() / 1048576.0,
        all.retainedBytes() / 1048576.0, all.toBytes().length / 1048576.0);
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
      return java.nio.file.Files.readString(java.nio.file.Path.of("/proc/loadavg")).trim();
    } catch (java.io.IOException | RuntimeException e) {
      return String.format(Locale.ROOT, "%.2f", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    }
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
