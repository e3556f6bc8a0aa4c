package org.tariffcast.app.bench;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.OperatingSystemMXBean;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.tariffcast.model.config.ConfigLoader;
import org.tariffcast.model.config.ModelConfig;
import org.tariffcast.model.result.RunResult;
import org.tariffcast.reporting.ReportOptions;
import org.tariffcast.reporting.brief.BriefRenderer;
import org.tariffcast.reporting.charts.ChartBook;
import org.tariffcast.reporting.charts.RenderedChart;
import org.tariffcast.reporting.content.ReportData;
import org.tariffcast.reporting.json.SummaryJson;
import org.tariffcast.reporting.workbook.WorkbookRenderer;
import org.tariffcast.simulation.BenchmarkReruns;
import org.tariffcast.simulation.PartialResult;
import org.tariffcast.simulation.ProjectionEngine;

/**
 * How long the report of the default study takes to render, part by part, on one thread (not a
 * test: run it by hand, see reporting/README.md). It simulates the study first (on
 * {@code --threads} threads, not timed as rendering), then renders the charts, the front
 * workbook, the annex workbook, the brief and summary.json in turn on the main thread, each into
 * memory, {@code --repeat} times, and prints wall and CPU seconds per part for the last repeat
 * (the first warms the JIT up), with the load average. Options: {@code --study DIR}
 * (default config/us-vietnam-2025), {@code --trials N} (default 20000), {@code --threads K}
 * (default 2), {@code --repeat R} (default 2), {@code --out DIR} (also write the report files there, to look at).
 */
public final class RenderBenchmark {
  private RenderBenchmark() {}

  public static void main(String[] args) throws IOException {
    Path study = Path.of("config", "us-vietnam-2025");
    long trials = 20_000;
    int threads = 2;
    int repeat = 2;
    Path out = null;
    for (int i = 0; i + 1 < args.length; i += 2) {
      switch (args[i]) {
        case "--study" -> study = Path.of(args[i + 1]);
        case "--trials" -> trials = Long.parseLong(args[i + 1]);
        case "--threads" -> threads = Integer.parseInt(args[i + 1]);
        case "--repeat" -> repeat = Math.max(1, Integer.parseInt(args[i + 1]));
        case "--out" -> out = Path.of(args[i + 1]);
        default -> throw new IllegalArgumentException("unknown option " + args[i]
            + "; options: --study DIR --trials N --threads K --repeat R --out DIR");
      }
    }
    System.setProperty("java.awt.headless", "true");
    ModelConfig config = ConfigLoader.load(study);
    config = config.withRun(config.run().withTrials(trials));
    long t0 = System.nanoTime();
    ProjectionEngine engine = ProjectionEngine.of(config);
    PartialResult all = engine.simulate(0, trials, threads, null);
    Instant now = Instant.now();
    RunResult result = engine.finish(all, 1, now, now, Map.of("tariffcast", "bench"));
    long t1 = System.nanoTime();
    result = result.withReruns(BenchmarkReruns.of(config, BenchmarkReruns.TRIALS, threads));
    long t2 = System.nanoTime();
    System.out.printf(Locale.ROOT, "study %s, %,d trials: simulated in %.1f s on %d threads; benchmark re-runs "
        + "(%d variants x %,d trials, side by side on %d threads) %.1f s%n", config.name(), trials, (t1 - t0) / 1e9,
        threads, BenchmarkReruns.Variant.values().length, BenchmarkReruns.TRIALS, threads, (t2 - t1) / 1e9);

    ReportOptions options = ReportOptions.defaults();
    ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
    double[][] last = null;
    for (int r = 0; r < repeat; r++) {
      double[][] times = new double[6][2];
      long[] w = {System.nanoTime(), cpu.getCurrentThreadCpuTime()};
      ReportData data = ReportData.of(result);
      ChartBook book = new ChartBook(options.chartScale(), options.topDrivers());
      List<RenderedChart> charts = book.render(data, "Source: render benchmark");
      w = lap(times[0], w, cpu);
      new WorkbookRenderer(options.topDrivers()).write(data, charts, now, false, new ByteArrayOutputStream());
      w = lap(times[1], w, cpu);
      new WorkbookRenderer(options.topDrivers()).write(data, charts, now, true, new ByteArrayOutputStream());
      w = lap(times[2], w, cpu);
      new BriefRenderer().write(data, book.chart("scenario-comparison.png"), now, new ByteArrayOutputStream());
      w = lap(times[3], w, cpu);
      new SummaryJson().write(data, now, new SummaryJson.Files("workbook.xlsx",
          charts.stream().map(RenderedChart::fileName).toList()), new ByteArrayOutputStream());
      lap(times[4], w, cpu);
      for (int k = 0; k < 5; k++) {
        times[5][0] += times[k][0];
        times[5][1] += times[k][1];
      }
      last = times;
      System.out.printf(Locale.ROOT, "repeat %d: %d charts, total %.2f s wall, %.2f s CPU%n", r + 1, charts.size(),
          times[5][0], times[5][1]);
    }
    String[] parts = {"charts (PNG)", "front workbook", "annex workbook", "brief (PDF)", "summary.json", "total"};
    System.out.println("part              wall s   CPU s (main thread)");
    for (int k = 0; k < parts.length; k++) {
      System.out.printf(Locale.ROOT, "%-16s %7.2f %7.2f%n", parts[k], last[k][0], last[k][1]);
    }
    if (out != null) {
      org.tariffcast.reporting.ReportWriter.of(options).write(result, out);
      System.out.println("report files written to " + out.toAbsolutePath());
    }
    OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
    System.out.printf(Locale.ROOT, "load average %.2f on %d processors; target: total < 20 s on one core%n",
        os.getSystemLoadAverage(), os.getAvailableProcessors());
  }

  private static long[] lap(double[] into, long[] from, ThreadMXBean cpu) {
    long wall = System.nanoTime();
    long c = cpu.getCurrentThreadCpuTime();
    into[0] = (wall - from[0]) / 1e9;
    into[1] = (c - from[1]) / 1e9;
    return new long[] {wall, c};
  }
}
