package org.tariffcast.simulation.bench;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.tariffcast.model.run.SolverKind;
import org.tariffcast.simulation.equilibrium.Equilibrium;
import org.tariffcast.simulation.equilibrium.EquilibriumSolver;
import org.tariffcast.simulation.equilibrium.SectorMarket;

/**
 * The Java solvers against a vectorized numpy solver on identical markets (issue 15's solver
 * comparison). Generates {@code --markets N} seeded random sector markets of {@code --regions n}
 * regions, writes them to {@code DIR/markets.bin}, solves each with {@code CesSolver} and
 * {@code LinearSolver} on one thread (prepare and solve per market, the JIT warmed by
 * {@code --warmup} passes over all markets, then {@code --passes} timed passes; wall and thread
 * CPU time of the fastest pass and the median), writes the solutions to {@code DIR/ces.bin} and
 * {@code DIR/linear.bin} and the timings to {@code DIR/timings.txt}. {@code simulation/bench/solver_compare.py}
 * then reads the same markets, solves them with numpy and compares. Not a test: run it by hand.
 *
 * <pre>
 *   mvn -B -pl simulation -am -DskipTests package
 *   java -Xmx1g -cp "simulation/target/classes:simulation/target/lib/*" \
 *       org.tariffcast.simulation.bench.SolverComparison --markets 20000 --out /tmp/solvers
 *   python3 simulation/bench/solver_compare.py /tmp/solvers
 * </pre>
 *
 * <p>The markets (per market, drawn from {@code --seed}): base flows {@code M0[r][v]} USD million
 * per year, log-normal (median 1000, log-sd 1.5), each off-diagonal flow zero with probability
 * 0.15 and the diagonal (intra-regional trade) zero with probability 0.5; base tariffs
 * {@code T0 = 1 + t0}, {@code t0} uniform in [0, 0.25]; a tariff change: one importer raises its
 * tariff on each other exporter with probability 0.7 by a uniform 0 to 50 points, and with
 * probability 0.5 a second importer retaliates on each flow with probability 0.5 by -10 to +30
 * points (at least one flow changes); elasticities {@code Em} uniform in [-2.5, -0.3],
 * {@code Es} uniform in [1.5, 8] (away from 1, where the CES solver switches to its near-unit
 * forms), {@code Ex} infinite with probability 0.3, else uniform in [0.5, 10]. Revenue rates are
 * {@code T - 1} (ad valorem tariffs).
 *
 * <p>File formats, little-endian: {@code markets.bin} is the ASCII magic {@code TCSM}, int32
 * version 1, int32 markets N, int32 regions n, then float64 arrays in C order:
 * {@code flows[N][n][n]}, {@code power0[N][n][n]}, {@code power1[N][n][n]},
 * {@code importDemand[N][n]}, {@code substitution[N][n]}, {@code exportSupply[N][n]}
 * ({@code +Infinity} for infinitely elastic supply). A solutions file is {@code TCSS}, int32
 * version 1, int32 N, int32 n, then float64 {@code worldPriceChange[N][n]},
 * {@code compositePriceChange[N][n]}, {@code flowRatio[N][n][n]}, {@code consumerSurplus[N][n]},
 * {@code producerSurplus[N][n]}, {@code tariffRevenue[N][n]} (USD million per year, fractions,
 * ratios), then int32 {@code iterations[N]}.
 */
public final class SolverComparison {
  static final byte[] MARKETS_MAGIC = "TCSM".getBytes(StandardCharsets.US_ASCII);
  static final byte[] SOLUTIONS_MAGIC = "TCSS".getBytes(StandardCharsets.US_ASCII);
  static final int VERSION = 1;

  private SolverComparison() {}

  /**
   * N markets of n regions, arrays flattened in C order ({@code flows[(k * n + r) * n + v]},
   * {@code importDemand[k * n + r]}).
   */
  public record Markets(int count, int regions, double[] flows, double[] power0, double[] power1,
      double[] importDemand, double[] substitution, double[] exportSupply) {
    public Markets {
      if (count < 1) {
        throw new IllegalArgumentException("count must be >= 1, found " + count);
      }
      if (regions < 2) {
        throw new IllegalArgumentException("regions must be >= 2, found " + regions);
      }
      int nn = count * regions * regions;
      int nv = count * regions;
      check("flows", flows, nn);
      check("power0", power0, nn);
      check("power1", power1, nn);
      check("importDemand", importDemand, nv);
      check("substitution", substitution, nv);
      check("exportSupply", exportSupply, nv);
    }

    private static void check(String name, double[] a, int length) {
      if (a == null || a.length != length) {
        throw new IllegalArgumentException(name + " must hold " + length + " values, found "
            + (a == null ? "null" : a.length));
      }
    }

    /** Market k as the solvers take it (revenue rates {@code T0 - 1}). */
    public SectorMarket market(int k) {
      int n = regions;
      List<String> names = new ArrayList<>();
      for (int r = 0; r < n; r++) {
        names.add("R" + r);
      }
      return SectorMarket.of("market " + k, names, matrix(flows, k), matrix(power0, k), minusOne(matrix(power0, k)));
    }

    /** {@code power1} of market k as a matrix. */
    public double[][] power1(int k) {
      return matrix(power1, k);
    }

    /** One of the per-region arrays of market k. */
    static double[] row(double[] a, int k, int n) {
      return Arrays.copyOfRange(a, k * n, (k + 1) * n);
    }

    private double[][] matrix(double[] a, int k) {
      int n = regions;
      double[][] m = new double[n][];
      for (int r = 0; r < n; r++) {
        m[r] = Arrays.copyOfRange(a, (k * n + r) * n, (k * n + r + 1) * n);
      }
      return m;
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Markets m && m.count == count && m.regions == regions && Arrays.equals(m.flows, flows)
          && Arrays.equals(m.power0, power0) && Arrays.equals(m.power1, power1)
          && Arrays.equals(m.importDemand, importDemand) && Arrays.equals(m.substitution, substitution)
          && Arrays.equals(m.exportSupply, exportSupply);
    }

    @Override
    public int hashCode() {
      return Arrays.hashCode(flows) * 31 + Arrays.hashCode(power1);
    }
  }

  static double[][] minusOne(double[][] power) {
    double[][] out = new double[power.length][];
    for (int r = 0; r < power.length; r++) {
      out[r] = new double[power[r].length];
      for (int v = 0; v < power[r].length; v++) {
        out[r][v] = power[r][v] - 1;
      }
    }
    return out;
  }

  /** {@code count} random markets of {@code regions} regions from {@code seed} (see the class documentation). */
  public static Markets generate(int count, int regions, long seed) {
    if (count < 1 || regions < 2) {
      throw new IllegalArgumentException("count must be >= 1 and regions >= 2, found " + count + " and " + regions);
    }
    int n = regions;
    SplittableRandom rnd = new SplittableRandom(seed);
    double[] flows = new double[count * n * n];
    double[] power0 = new double[count * n * n];
    double[] power1 = new double[count * n * n];
    double[] em = new double[count * n];
    double[] es = new double[count * n];
    double[] ex = new double[count * n];
    for (int k = 0; k < count; k++) {
      int base = k * n * n;
      for (int r = 0; r < n; r++) {
        for (int v = 0; v < n; v++) {
          int i = base + r * n + v;
          boolean zero = rnd.nextDouble() < (r == v ? 0.5 : 0.15);
          double g = gaussian(rnd);
          flows[i] = zero ? 0 : 1000 * Math.exp(1.5 * g);
          power0[i] = 1 + 0.25 * rnd.nextDouble();
          power1[i] = power0[i];
        }
      }
      boolean changed = false;
      int imposer = rnd.nextInt(n);
      for (int r = 0; r < n; r++) {
        if (r != imposer && rnd.nextDouble() < 0.7) {
          power1[base + r * n + imposer] += 0.5 * rnd.nextDouble();
          changed = true;
        }
      }
      if (rnd.nextDouble() < 0.5) {
        int retaliator = (imposer + 1 + rnd.nextInt(n - 1)) % n;
        for (int r = 0; r < n; r++) {
          if (r != retaliator && rnd.nextDouble() < 0.5) {
            power1[base + r * n + retaliator] += -0.1 + 0.4 * rnd.nextDouble();
            changed = true;
          }
        }
      }
      if (!changed) {
        int r = (imposer + 1) % n;
        power1[base + r * n + imposer] += 0.25;
      }
      for (int r = 0; r < n; r++) {
        em[k * n + r] = -2.5 + 2.2 * rnd.nextDouble();
        es[k * n + r] = 1.5 + 6.5 * rnd.nextDouble();
        ex[k * n + r] = rnd.nextDouble() < 0.3 ? Double.POSITIVE_INFINITY : 0.5 + 9.5 * rnd.nextDouble();
      }
    }
    return new Markets(count, n, flows, power0, power1, em, es, ex);
  }

  /** A standard normal (Box-Muller, one of the pair). */
  private static double gaussian(SplittableRandom rnd) {
    double u = 1 - rnd.nextDouble();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * rnd.nextDouble());
  }

  /** Writes the markets in the format of the class documentation. */
  public static void write(Markets m, Path file) throws IOException {
    try (OutputStream os = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
      header(os, MARKETS_MAGIC, m.count(), m.regions());
      for (double[] a : List.of(m.flows(), m.power0(), m.power1(), m.importDemand(), m.substitution(),
          m.exportSupply())) {
        doubles(os, a);
      }
    }
  }

  /** Reads markets written by {@link #write}. */
  public static Markets read(Path file) throws IOException {
    ByteBuffer b = ByteBuffer.wrap(Files.readAllBytes(file)).order(ByteOrder.LITTLE_ENDIAN);
    int[] h = header(b, MARKETS_MAGIC, file);
    int count = h[0];
    int n = h[1];
    long expected = 16L + 8L * count * (3L * n * n + 3L * n);
    if (b.capacity() != expected) {
      throw new IOException(file + " holds " + b.capacity() + " bytes, expected " + expected + " for " + count
          + " markets of " + n + " regions");
    }
    int nn = count * n * n;
    int nv = count * n;
    return new Markets(count, n, doubles(b, nn), doubles(b, nn), doubles(b, nn), doubles(b, nv), doubles(b, nv),
        doubles(b, nv));
  }

  /** The solutions of N markets, arrays flattened in C order as in {@link Markets}. */
  record Solutions(int count, int regions, double[] worldPriceChange, double[] compositePriceChange,
      double[] flowRatio, double[] consumerSurplus, double[] producerSurplus, double[] tariffRevenue,
      int[] iterations) {
    static Solutions empty(int count, int n) {
      return new Solutions(count, n, new double[count * n], new double[count * n], new double[count * n * n],
          new double[count * n], new double[count * n], new double[count * n], new int[count]);
    }

    void set(int k, Equilibrium e) {
      int n = regions;
      for (int r = 0; r < n; r++) {
        worldPriceChange[k * n + r] = e.worldPriceChange(r);
        compositePriceChange[k * n + r] = e.compositePriceChange(r);
        consumerSurplus[k * n + r] = e.consumerSurplus(r);
        producerSurplus[k * n + r] = e.producerSurplus(r);
        tariffRevenue[k * n + r] = e.tariffRevenue(r);
        for (int v = 0; v < n; v++) {
          flowRatio[(k * n + r) * n + v] = e.flowRatio(r, v);
        }
      }
      iterations[k] = e.iterations();
    }

    void write(Path file) throws IOException {
      try (OutputStream os = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
        header(os, SOLUTIONS_MAGIC, count, regions);
        for (double[] a : List.of(worldPriceChange, compositePriceChange, flowRatio, consumerSurplus,
            producerSurplus, tariffRevenue)) {
          doubles(os, a);
        }
        ByteBuffer b = ByteBuffer.allocate(4 * iterations.length).order(ByteOrder.LITTLE_ENDIAN);
        for (int it : iterations) {
          b.putInt(it);
        }
        os.write(b.array());
      }
    }
  }

  private static void header(OutputStream os, byte[] magic, int count, int n) throws IOException {
    ByteBuffer b = ByteBuffer.allocate(16).order(ByteOrder.LITTLE_ENDIAN);
    b.put(magic).putInt(VERSION).putInt(count).putInt(n);
    os.write(b.array());
  }

  private static int[] header(ByteBuffer b, byte[] magic, Path file) throws IOException {
    byte[] m = new byte[4];
    if (b.remaining() < 16) {
      throw new IOException(file + " is too short for a header: " + b.remaining() + " bytes");
    }
    b.get(m);
    if (!Arrays.equals(m, magic)) {
      throw new IOException(file + " does not start with " + new String(magic, StandardCharsets.US_ASCII));
    }
    int version = b.getInt();
    if (version != VERSION) {
      throw new IOException(file + " has version " + version + ", this build reads " + VERSION);
    }
    return new int[] {b.getInt(), b.getInt()};
  }

  private static void doubles(OutputStream os, double[] a) throws IOException {
    ByteBuffer b = ByteBuffer.allocate(8 * a.length).order(ByteOrder.LITTLE_ENDIAN);
    b.asDoubleBuffer().put(a);
    os.write(b.array());
  }

  private static double[] doubles(ByteBuffer b, int length) {
    double[] a = new double[length];
    b.asDoubleBuffer().get(a);
    b.position(b.position() + 8 * length);
    return a;
  }

  /** Timings of one solver: per solve, microseconds. */
  record Timing(double bestWall, double medianWall, double bestCpu, double medianCpu) {}

  /**
   * Solves every market with a solver of the given kind: {@code warmup} untimed passes, then
   * {@code passes} timed passes (prepare and solve of each market); the solutions of the last
   * pass into {@code out}.
   */
  static Timing solveAll(SolverKind kind, Markets m, List<SectorMarket> markets, int warmup, int passes,
      Solutions out) {
    int n = m.regions();
    int count = m.count();
    EquilibriumSolver solver = EquilibriumSolver.of(kind, n);
    Equilibrium e = new Equilibrium(n);
    double[][] em = new double[count][];
    double[][] es = new double[count][];
    double[][] ex = new double[count][];
    double[][][] p1 = new double[count][][];
    double[][][] rate1 = new double[count][][];
    for (int k = 0; k < count; k++) {
      em[k] = Markets.row(m.importDemand(), k, n);
      es[k] = Markets.row(m.substitution(), k, n);
      ex[k] = Markets.row(m.exportSupply(), k, n);
      p1[k] = m.power1(k);
      rate1[k] = minusOne(p1[k]);
    }
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    double[] wall = new double[passes];
    double[] cpu = new double[passes];
    double sink = 0;
    for (int pass = -warmup; pass < passes; pass++) {
      long w0 = System.nanoTime();
      long c0 = threads.getCurrentThreadCpuTime();
      for (int k = 0; k < count; k++) {
        solver.prepare(markets.get(k), em[k], es[k], ex[k]);
        solver.solve(p1[k], rate1[k], e);
        sink += e.worldPriceChange(0);
      }
      long c1 = threads.getCurrentThreadCpuTime();
      long w1 = System.nanoTime();
      if (pass >= 0) {
        wall[pass] = (w1 - w0) / 1e3 / count;
        cpu[pass] = (c1 - c0) / 1e3 / count;
      }
    }
    for (int k = 0; k < count; k++) {
      solver.prepare(markets.get(k), em[k], es[k], ex[k]);
      solver.solve(p1[k], rate1[k], e);
      out.set(k, e);
    }
    if (Double.isNaN(sink)) {
      System.out.println("(a world price change was NaN)");
    }
    return new Timing(min(wall), median(wall), min(cpu), median(cpu));
  }

  private static double min(double[] a) {
    return Arrays.stream(a).min().orElse(Double.NaN);
  }

  private static double median(double[] a) {
    double[] s = a.clone();
    Arrays.sort(s);
    return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
  }

  public static void main(String[] args) throws IOException {
    int count = 20_000;
    int regions = 7;
    long seed = 20250709L;
    int warmup = 5;
    int passes = 7;
    Path out = null;
    for (int i = 0; i < args.length; i++) {
      String v = i + 1 < args.length ? args[i + 1] : "";
      switch (args[i]) {
        case "--markets" -> { count = Integer.parseInt(v); i++; }
        case "--regions" -> { regions = Integer.parseInt(v); i++; }
        case "--seed" -> { seed = Long.parseLong(v); i++; }
        case "--warmup" -> { warmup = Integer.parseInt(v); i++; }
        case "--passes" -> { passes = Integer.parseInt(v); i++; }
        case "--out" -> { out = Path.of(v); i++; }
        default -> throw new IllegalArgumentException("unknown option " + args[i] + "; see the class documentation");
      }
    }
    if (out == null) {
      throw new IllegalArgumentException("--out DIR is required: the folder for markets.bin, ces.bin, linear.bin");
    }
    Files.createDirectories(out);
    Markets m = generate(count, regions, seed);
    write(m, out.resolve("markets.bin"));
    List<SectorMarket> markets = new ArrayList<>(count);
    for (int k = 0; k < count; k++) {
      markets.add(m.market(k));
    }
    StringBuilder timings = new StringBuilder();
    timings.append(String.format(Locale.ROOT, "markets=%d%nregions=%d%nseed=%d%npasses=%d%n", count, regions, seed,
        passes));
    System.out.printf(Locale.ROOT, "%,d markets of %d regions (seed %d), one thread, %d warm-up and %d timed passes; "
        + "load average before: %s%n", count, regions, seed, warmup, passes, loadAverage());
    for (SolverKind kind : List.of(SolverKind.CES, SolverKind.LINEAR)) {
      Solutions s = Solutions.empty(count, regions);
      Timing t = solveAll(kind, m, markets, warmup, passes, s);
      String name = kind.label();
      s.write(out.resolve(name + ".bin"));
      double iterations = Arrays.stream(s.iterations()).average().orElse(0);
      System.out.printf(Locale.ROOT, "java %-6s: %.3f us per solve (best pass; median %.3f), CPU %.3f us (median "
          + "%.3f)%s%n", name, t.bestWall(), t.medianWall(), t.bestCpu(), t.medianCpu(),
          kind == SolverKind.CES ? String.format(Locale.ROOT, ", %.2f Newton iterations per solve", iterations) : "");
      timings.append(String.format(Locale.ROOT, "%s.wall_us=%.6f%n%s.wall_median_us=%.6f%n%s.cpu_us=%.6f%n"
          + "%s.cpu_median_us=%.6f%n", name, t.bestWall(), name, t.medianWall(), name, t.bestCpu(), name,
          t.medianCpu()));
    }
    String load = loadAverage();
    timings.append("load=").append(load).append('\n');
    Files.writeString(out.resolve("timings.txt"), timings);
    System.out.printf(Locale.ROOT, "load average after: %s; wrote %s%n", load, out);
  }

  private static String loadAverage() {
    try {
      String[] f = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
      return f[0] + " " + f[1] + " " + f[2];
    } catch (IOException | RuntimeException e) {
      return String.format(Locale.ROOT, "%.2f", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    }
  }
}
