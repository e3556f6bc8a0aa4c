package org.tariffcast.simulation;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.commons.math3.special.Erf;
import org.tariffcast.model.config.ModelConfig;
import org.tariffcast.model.distribution.Parameter;
import org.tariffcast.model.explore.GridPoint;
import org.tariffcast.model.explore.PointKpi;
import org.tariffcast.model.result.CentralCase;
import org.tariffcast.model.result.ConvergencePoint;
import org.tariffcast.model.result.DomainWarning;
import org.tariffcast.model.result.Indicator;
import org.tariffcast.model.result.KpiKey;
import org.tariffcast.model.result.KpiStatistics;
import org.tariffcast.model.result.KpiValue;
import org.tariffcast.model.result.RunInfo;
import org.tariffcast.model.result.RunResult;
import org.tariffcast.model.result.DriverSwing;
import org.tariffcast.model.result.Sensitivity;
import org.tariffcast.model.result.SeriesStatistics;
import org.tariffcast.model.result.StudyDescription;
import org.tariffcast.model.result.TargetProbability;
import org.tariffcast.model.result.Window;
import org.tariffcast.model.run.PrecisionTarget;
import org.tariffcast.model.run.RunSettings;
import org.tariffcast.model.run.SamplingMethod;
import org.tariffcast.model.scenario.Scenario;
import org.tariffcast.simulation.kernel.DomainWarnings;
import org.tariffcast.simulation.kernel.OutputLayout;
import org.tariffcast.simulation.kernel.StudyPlan;
import org.tariffcast.simulation.kernel.TrialKernel;
import org.tariffcast.simulation.random.TrialStreams;
import org.tariffcast.simulation.sampling.ParameterDraws;
import org.tariffcast.simulation.sensitivity.DriverSwings;
import org.tariffcast.simulation.sensitivity.SpearmanCorrelation;
import org.tariffcast.simulation.statistics.MomentBank;
import org.tariffcast.simulation.statistics.StatisticsBank;
import org.tariffcast.simulation.statistics.Wilson;

/**
 * The Monte Carlo projection engine of one validated study. {@link #of} compiles the study and
 * computes the central case; {@link #simulate} runs a range of trials on worker threads into a
 * {@link PartialResult}; partial results of adjacent ranges {@linkplain PartialResult#merge
 * merge}; {@link #finish} turns the merge of every partition into a {@link RunResult}.
 *
 * <p><b>Determinism.</b> Trial i's parameter draws, shocks and outlook choice depend on
 * {@code (seed, i)} only (and, for Latin hypercubes, on the run's trial count: {@code trials},
 * or {@code precision.maxTrials} when larger), every elementary function is portable
 * ({@code StrictMath} or plain arithmetic) and every statistic is accumulated in an
 * order-independent way, so results are bit-for-bit identical for any number of threads, any
 * split into partitions, and any machine.
 *
 * <p><b>Statistics</b> of every series point and KPI: mean, standard deviation and standard
 * error from fixed-grid integer sums (see {@code MomentBank}: error of the mean at most 2^-34
 * of the slot's central magnitude), exact minimum and maximum, and nearest-rank percentiles,
 * exact up to 128 trials and beyond within 2^-8 (0.39 %) relative error for KPIs and 2^-6
 * (1.56 %) for the quarterly series points (see {@code QuantileSketch}; {@code
 * Statistics.percentileError()} carries that relative bound, 0 when exact). Target probabilities with Wilson 95 % intervals. Sensitivity: Spearman rank
 * correlations of every uncertain parameter with the headline KPIs over the first
 * {@link #SENSITIVITY_TRIALS} trials (parameters regenerated from the seed), and over the same
 * trials each driver's swing of them in USD between its low and high tenth, a block of
 * rank-correlated parameters counting once ({@code DriverSwings}). Convergence: the
 * headline KPIs' mean and standard error over trials {@code [0, 2^j)} and over all trials.
 *
 * <p><b>Outlook.</b> The outlook is the probability mixture of the scenarios: each trial draws
 * one scenario from its own stream with the scenarios' probabilities, and the outlook's series
 * and KPIs in that trial are that scenario's (its changes against the same trial's baseline).
 * Its statistics therefore estimate the mixture distribution with the usual formulas (standard
 * errors, Wilson intervals, sensitivity). The central case's outlook is the probability-weighted
 * average of the scenarios' central series.
 *
 * <p>Immutable and thread-safe.
 */
public final class ProjectionEngine {
  /** Trials (by index, from 0) whose headline KPIs feed the sensitivity analysis. */
  public static final int SENSITIVITY_TRIALS = 4096;
  /** Trials a worker claims at a time. */
  static final int CHUNK = 64;
  /** Progress is reported every this many trials per worker. */
  static final int PROGRESS_EVERY = 256;
  /** Trials whose values a worker buffers (column by column) before adding them to its statistics, slot by slot. */
  static final int BLOCK = 256;
  /** Trials transposed into the column buffer at a time (a cache line of doubles per slot). */
  static final int TILE = 8;

  private final ModelConfig config;
  private final StudyPlan plan;
  /** Layout of the counts of equilibria outside their model's range. */
  private final DomainWarnings domainWarnings;
  private final OutputLayout layout;
  private final ParameterDraws draws;
  private final long seed;
  private final long lhsTotal;
  private final double[] shift;
  private final double[] reference;
  private final double[] headlineReference;
  private final int[] headline;
  private final int[] sensitivity;
  private final CentralCase centralCase;
  private final long fingerprint;
  /**
   * The scenario of a grid point's engine ({@link #ofScenario}), or null for a whole study's.
   * A grid point's engine keeps statistics of its KPI slots only (from {@link #firstStatistic}).
   */
  private final String pointScenario;
  /** The first slot whose statistics the engine keeps: 0 (every slot), or the first KPI slot for a grid point. */
  private final int firstStatistic;

  private ProjectionEngine(ModelConfig config, String pointScenario) {
    this.config = config;
    this.pointScenario = pointScenario;
    RunSettings run = config.run();
    this.seed = run.seed();
    StudyPlan whole = StudyPlan.of(config);
    OutputLayout wholeLayout = OutputLayout.of(whole, config.targets());
    this.plan = pointScenario == null ? whole : StudyPlan.ofScenario(config, pointScenario);
    this.domainWarnings = DomainWarnings.of(plan);
    this.layout = pointScenario == null ? wholeLayout : OutputLayout.of(plan, config.targets());
    this.firstStatistic = pointScenario == null ? 0 : layout.seriesSlots();
    this.lhsTotal = run.precision() == null ? run.trials() : Math.max(run.trials(), run.precision().maxTrials());
    this.draws = ParameterDraws.of(org.tariffcast.simulation.kernel.StudyPlan.sampledParameters(config),
        config.correlations(), run.sampling(), seed, lhsTotal);
    this.headline = layout.headlineSlots();
    this.sensitivity = layout.sensitivitySlots();
    // the central case: central parameter values, no shocks (of the whole study, also for a
    // grid point: its rounding references are then the very ones a run of the study uses)
    double[] central = new double[draws.dimensions()];
    draws.central(central);
    TrialKernel kernel = TrialKernel.of(whole, wholeLayout, seed, run.solver());
    double[] wholeValues = new double[wholeLayout.totalSlots()];
    kernel.evaluate(EquilibriumException.CENTRAL_CASE, central, true, wholeValues);
    weightedOutlook(whole, wholeLayout, wholeValues);
    wholeLayout.computeKpis(wholeValues);
    checkFinite(wholeLayout, wholeValues, EquilibriumException.CENTRAL_CASE);
    double[] wholeReference = references(wholeLayout, wholeValues);
    double[] values;
    if (pointScenario == null) {
      values = wholeValues;
      this.reference = wholeReference;
    } else {
      // the point's blocks (its scenario, Baseline) are blocks of the whole layout: same lines, same KPIs
      int[] blockOf = {config.scenarios().stream().map(Scenario::name).toList().indexOf(pointScenario),
          wholeLayout.baselineBlock()};
      values = new double[layout.totalSlots()];
      this.reference = new double[layout.totalSlots()];
      int width = layout.lineCount() * layout.quarters();
      for (int b = 0; b < layout.blocks(); b++) {
        System.arraycopy(wholeValues, wholeLayout.seriesSlot(blockOf[b], 0, 0), values, layout.seriesSlot(b, 0, 0), width);
        System.arraycopy(wholeReference, wholeLayout.seriesSlot(blockOf[b], 0, 0), reference, layout.seriesSlot(b, 0, 0),
            width);
        System.arraycopy(wholeValues, wholeLayout.kpiSlot(blockOf[b], 0), values, layout.kpiSlot(b, 0),
            layout.kpisPerBlock());
        System.arraycopy(wholeReference, wholeLayout.kpiSlot(blockOf[b], 0), reference, layout.kpiSlot(b, 0),
            layout.kpisPerBlock());
      }
    }
    this.shift = values;
    this.headlineReference = new double[headline.length];
    for (int k = 0; k < headline.length; k++) {
      headlineReference[k] = reference[headline[k]];
    }
    List<KpiValue> kpis = new ArrayList<>();
    for (int slot = layout.seriesSlots(); slot < layout.totalSlots(); slot++) {
      kpis.add(new KpiValue(layout.kpiKey(slot), values[slot]));
    }
    this.centralCase = new CentralCase(kernel.tables(central), kpis);
    this.fingerprint = fingerprint(config, layout, lhsTotal, pointScenario);
  }

  /**
   * The magnitude that fixes each slot's rounding grid for the moments (see {@code MomentBank}):
   * the largest absolute central value of the slot's series (all its quarters) or of its KPI,
   * or, when that is zero, of the same line or KPI in any block.
   */
  private static double[] references(OutputLayout layout, double[] central) {
    double[] ref = new double[central.length];
    int lines = layout.lineCount();
    int q = layout.quarters();
    for (int li = 0; li < lines; li++) {
      double any = 0;
      for (int b = 0; b < layout.blocks(); b++) {
        double m = 0;
        for (int t = 0; t < q; t++) {
          m = Math.max(m, Math.abs(central[layout.seriesSlot(b, li, t)]));
        }
        for (int t = 0; t < q; t++) {
          ref[layout.seriesSlot(b, li, t)] = m;
        }
        any = Math.max(any, m);
      }
      for (int b = 0; b < layout.blocks(); b++) {
        for (int t = 0; t < q; t++) {
          int slot = layout.seriesSlot(b, li, t);
          ref[slot] = ref[slot] > 0 ? ref[slot] : any;
        }
      }
    }
    for (int k = 0; k < layout.kpisPerBlock(); k++) {
      double any = 0;
      for (int b = 0; b < layout.blocks(); b++) {
        int slot = layout.kpiSlot(b, k);
        ref[slot] = Math.abs(central[slot]);
        any = Math.max(any, ref[slot]);
      }
      for (int b = 0; b < layout.blocks(); b++) {
        int slot = layout.kpiSlot(b, k);
        ref[slot] = ref[slot] > 0 ? ref[slot] : any;
      }
    }
    return ref;
  }

  /** Compiles a study, checks it can be simulated and computes its central case. */
  public static ProjectionEngine of(ModelConfig config) {
    if (config == null) {
      throw new IllegalArgumentException("config must not be null");
    }
    return new ProjectionEngine(config, null);
  }

  /**
   * An engine for one grid point of a sweep: {@code scenario} of the study (and the baseline)
   * with the study's levers at the values {@code config} holds ({@code ConfigLoader.withLevers}).
   * Trial i draws the same parameters and shocks as trial i of a run of the whole study (the
   * plan numbers them as the study's, {@link StudyPlan#ofScenario}) and rounds its moments on the
   * same grid, so the scenario's KPIs and target probabilities are bit for bit those of a run of
   * the whole study at these lever values (common random numbers across grid points), while a
   * trial costs one scenario and the baseline instead of every scenario. Statistics are kept for
   * the KPIs only (no quarterly series, sensitivity or outlook); finish with {@link #finishScenario}.
   */
  public static ProjectionEngine ofScenario(ModelConfig config, String scenario) {
    if (config == null || scenario == null) {
      throw new IllegalArgumentException("config and scenario must not be null, got " + config + ", " + scenario);
    }
    return new ProjectionEngine(config, scenario);
  }

  public ModelConfig config() {
    return config;
  }

  /** Where each output lives in a trial's value vector. */
  public OutputLayout layout() {
    return layout;
  }

  /** The deterministic evaluation at central values, without shocks. */
  public CentralCase centralCase() {
    return centralCase;
  }

  /**
   * Simulates trials {@code [fromTrial, toTrial)} of the run on {@code threads} worker threads.
   * Deterministic: depends only on the configuration (including the seed) and the range.
   *
   * @throws EquilibriumException naming sector, scenario, regime and trial when an equilibrium
   *     fails (the failure of the smallest trial number, whatever the threads)
   */
  public PartialResult simulate(long fromTrial, long toTrial, int threads, TrialProgress progress) {
    if (fromTrial < 0 || toTrial < fromTrial) {
      throw new IllegalArgumentException("trial range must satisfy 0 <= fromTrial <= toTrial, found [" + fromTrial + ", "
          + toTrial + ")");
    }
    if (config.run().sampling() == SamplingMethod.LHS && toTrial > lhsTotal) {
      throw new IllegalArgumentException("a Latin hypercube run of " + lhsTotal + " trials has no trial " + (toTrial - 1));
    }
    if (threads < 1) {
      throw new IllegalArgumentException("threads must be >= 1, found " + threads);
    }
    TrialProgress sink = progress == null ? TrialProgress.NONE : progress;
    long count = toTrial - fromTrial;
    int workers = (int) Math.max(1, Math.min(threads, (count + CHUNK - 1) / CHUNK));
    AtomicLong next = new AtomicLong(fromTrial);
    AtomicBoolean failed = new AtomicBoolean();
    List<Worker> list = new ArrayList<>();
    for (int w = 0; w < workers; w++) {
      list.add(new Worker(next, toTrial, failed, sink));
    }
    if (workers == 1) {
      list.get(0).run();
    } else {
      ExecutorService pool = Executors.newFixedThreadPool(workers, r -> {
        Thread t = new Thread(r, "tariffcast-trials");
        t.setDaemon(true);
        return t;
      });
      try {
        List<Future<?>> futures = new ArrayList<>();
        for (Worker w : list) {
          futures.add(pool.submit(w));
        }
        for (Future<?> f : futures) {
          f.get();
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while simulating trials [" + fromTrial + ", " + toTrial + ")", e);
      } catch (ExecutionException e) {
        throw new IllegalStateException("a trial worker failed unexpectedly", e.getCause());
      } finally {
        pool.shutdownNow();
      }
    }
    Worker firstFailure = null;
    for (Worker w : list) {
      if (w.failure != null && (firstFailure == null || w.failedTrial < firstFailure.failedTrial)) {
        firstFailure = w;
      }
    }
    if (firstFailure != null) {
      throw firstFailure.failure;
    }
    return combine(list, fromTrial, toTrial);
  }

  /** Equilibria solved and Newton iterations in the last {@link #simulate} call's workers (diagnostics). */
  private volatile long[] lastWork = new long[3];

  /** {trials, equilibria solved, Newton iterations} of the most recent {@link #simulate} call, for benchmarks. */
  public long[] lastSimulationWork() {
    return lastWork.clone();
  }

  private PartialResult combine(List<Worker> workers, long fromTrial, long toTrial) {
    long[] work = new long[3];
    for (Worker w : workers) {
      work[0] += w.kernelTrials;
      work[1] += w.kernelSolves;
      work[2] += w.kernelIterations;
    }
    lastWork = work;
    StatisticsBank bank = new StatisticsBank(statisticReference(), coarseSlots());
    MomentBank[] segments = new MomentBank[PartialResult.SEGMENTS];
    long[] hits = new long[layout.targetCount() * layout.blocks()];
    long[] outlook = new long[plan.scenarioCount()];
    long[] warnings = new long[domainWarnings.size()];
    List<long[]> sampleTrials = new ArrayList<>();
    List<double[]> sampleValues = new ArrayList<>();
    for (Worker w : workers) {
      bank.mergeFrom(w.bank);
      for (int j = 0; j < segments.length; j++) {
        if (w.segments[j] != null) {
          if (segments[j] == null) {
            segments[j] = new MomentBank(headlineReference);
          }
          segments[j].mergeFrom(w.segments[j]);
        }
      }
      for (int i = 0; i < hits.length; i++) {
        hits[i] += w.hits[i];
      }
      for (int i = 0; i < outlook.length; i++) {
        outlook[i] += w.outlook[i];
      }
      for (int i = 0; i < warnings.length; i++) {
        warnings[i] += w.domainWarnings[i];
      }
      for (int i = 0; i < w.sampleTrials.size(); i++) {
        sampleTrials.add(new long[] {w.sampleTrials.get(i)});
        sampleValues.add(w.sampleValues.get(i));
      }
    }
    Integer[] order = new Integer[sampleTrials.size()];
    for (int i = 0; i < order.length; i++) {
      order[i] = i;
    }
    Arrays.sort(order, (a, b) -> Long.compare(sampleTrials.get(a)[0], sampleTrials.get(b)[0]));
    long[] trials = new long[order.length];
    double[] values = new double[order.length * sensitivity.length];
    for (int i = 0; i < order.length; i++) {
      trials[i] = sampleTrials.get(order[i])[0];
      System.arraycopy(sampleValues.get(order[i]), 0, values, i * sensitivity.length, sensitivity.length);
    }
    return new PartialResult(fingerprint, fromTrial, toTrial, bank, segments, trials, values, sensitivity.length, hits,
        outlook, warnings);
  }

  /**
   * The kept slots whose percentiles are coarse ({@code QuantileSketch#COARSE_RELATIVE_ERROR},
   * 1.56 %): the series points; KPIs keep the fine resolution (0.39 %).
   */
  private int coarseSlots() {
    return Math.max(0, layout.seriesSlots() - firstStatistic);
  }

  /** The rounding references of the slots whose statistics are kept (from {@link #firstStatistic}). */
  private double[] statisticReference() {
    return firstStatistic == 0 ? reference : Arrays.copyOfRange(reference, firstStatistic, reference.length);
  }

  /** One worker thread's kernel, draws and accumulators. */
  private final class Worker implements Runnable {
    final AtomicLong next;
    final long end;
    final AtomicBoolean failed;
    final TrialProgress progress;
    final StatisticsBank bank = new StatisticsBank(statisticReference(), coarseSlots());
    final double[] statisticShift = firstStatistic == 0 ? shift : Arrays.copyOfRange(shift, firstStatistic, shift.length);
    final MomentBank[] segments = new MomentBank[PartialResult.SEGMENTS];
    final long[] hits = new long[layout.targetCount() * layout.blocks()];
    final long[] outlook = new long[plan.scenarioCount()];
    final List<Long> sampleTrials = new ArrayList<>();
    final List<double[]> sampleValues = new ArrayList<>();
    RuntimeException failure;
    long failedTrial = Long.MAX_VALUE;
    long kernelTrials;
    long kernelSolves;
    long kernelIterations;
    long[] domainWarnings = new long[ProjectionEngine.this.domainWarnings.size()];

    Worker(AtomicLong next, long end, AtomicBoolean failed, TrialProgress progress) {
      this.next = next;
      this.end = end;
      this.failed = failed;
      this.progress = progress;
    }

    @Override
    public void run() {
      TrialKernel kernel = TrialKernel.of(plan, layout, seed, config.run().solver());
      ParameterDraws.Worker sampler = draws.worker();
      double[] point = new double[draws.dimensions()];
      int slots = layout.totalSlots();
      boolean outlookBlock = layout.hasOutlook();
      double[][] tile = new double[TILE][slots];
      double[] columns = new double[(slots - firstStatistic) * BLOCK];
      int buffered = 0;
      long unreported = 0;
      while (!failed.get() && !Thread.currentThread().isInterrupted()) {
        long from = next.getAndAdd(CHUNK);
        if (from >= end) {
          break;
        }
        long to = Math.min(end, from + CHUNK);
        for (long i = from; i < to; i++) {
          double[] values = tile[buffered % TILE];
          try {
            sampler.draw(i, point);
            kernel.evaluate(i, point, false, values);
            int chosen = 0;
            if (outlookBlock) {
              chosen = kernel.outlookScenario(i);
              copyBlock(values, chosen, layout.outlookBlock());
            }
            layout.computeKpis(values);
            checkFinite(layout, values, i);
            accumulate(i, values, chosen);
          } catch (RuntimeException e) {
            failure = e;
            failedTrial = i;
            failed.set(true);
            break;
          }
          if (++buffered % TILE == 0) {
            transpose(tile, TILE, columns, buffered - TILE);
          }
          if (buffered == BLOCK) {
            bank.addBlock(columns, buffered, BLOCK, statisticShift);
            buffered = 0;
          }
          if (++unreported >= PROGRESS_EVERY) {
            progress.trialsDone(unreported);
            unreported = 0;
          }
        }
        if (failure != null) {
          break;
        }
      }
      if (buffered % TILE != 0) {
        transpose(tile, buffered % TILE, columns, buffered - buffered % TILE);
      }
      kernelTrials = kernel.trials();
      kernelSolves = kernel.solves();
      kernelIterations = kernel.newtonIterations();
      domainWarnings = kernel.domainWarningCounts();
      bank.addBlock(columns, buffered, BLOCK, statisticShift);
      if (unreported > 0) {
        progress.trialsDone(unreported);
      }
    }

    /**
     * Copies {@code rows} trials of the tile into the column buffer from row {@code first}: one
     * cache line per slot (the slots whose statistics are kept, from {@link #firstStatistic}).
     */
    private void transpose(double[][] rows, int count, double[] columns, int first) {
      int slots = layout.totalSlots();
      for (int j = firstStatistic, x = first; j < slots; j++, x += BLOCK) {
        for (int b = 0; b < count; b++) {
          columns[x + b] = rows[b][j];
        }
      }
    }

    /** Everything but the slot statistics, which are added block by block. */
    private void accumulate(long trial, double[] values, int chosen) {
      int j = trial == 0 ? 0 : 64 - Long.numberOfLeadingZeros(trial);
      MomentBank seg = segments[j];
      if (seg == null) {
        seg = new MomentBank(headlineReference);
        segments[j] = seg;
      }
      for (int k = 0; k < headline.length; k++) {
        seg.addValue(k, values[headline[k]] - shift[headline[k]]);
      }
      seg.countTrials(1);
      if (trial < SENSITIVITY_TRIALS) {
        double[] v = new double[sensitivity.length];
        for (int k = 0; k < v.length; k++) {
          v[k] = values[sensitivity[k]];
        }
        sampleTrials.add(trial);
        sampleValues.add(v);
      }
      for (int t = 0; t < layout.targetCount(); t++) {
        for (int b = 0; b < layout.blocks(); b++) {
          if (layout.targetMet(values, t, b)) {
            hits[t * layout.blocks() + b]++;
          }
        }
      }
      outlook[chosen]++;
    }
  }

  private void copyBlock(double[] values, int from, int to) {
    int width = layout.lineCount() * layout.quarters();
    System.arraycopy(values, layout.seriesSlot(from, 0, 0), values, layout.seriesSlot(to, 0, 0), width);
  }

  /** The central outlook: probability-weighted average of the scenarios' series. */
  private void weightedOutlook(StudyPlan plan, OutputLayout layout, double[] values) {
    int width = layout.lineCount() * layout.quarters();
    int out = layout.seriesSlot(layout.outlookBlock(), 0, 0);
    for (int x = 0; x < width; x++) {
      double v = 0;
      for (int s = 0; s < plan.scenarioCount(); s++) {
        v += config.scenarios().get(s).probability() * values[layout.seriesSlot(s, 0, 0) + x];
      }
      values[out + x] = v;
    }
  }

  private static void checkFinite(OutputLayout layout, double[] values, long trial) {
    for (int slot = 0; slot < values.length; slot++) {
      if (!Double.isFinite(values[slot])) {
        String what = layout.isKpiSlot(slot) ? "KPI " + layout.kpiKey(slot) : "series " + layout.seriesKey(slot);
        throw new IllegalStateException(what + " is not a finite number (" + values[slot] + ") in "
            + (trial == EquilibriumException.CENTRAL_CASE ? "the central case" : "trial " + trial));
      }
    }
  }

  /**
   * Whether every headline KPI's confidence half-width ({@code z * standard error} at the
   * configured confidence) is within {@code max(relativeHalfWidth * |mean|, absoluteHalfWidth)};
   * false without a precision target or with fewer than two trials.
   */
  public boolean precisionReached(PartialResult soFar) {
    PrecisionTarget target = config.run().precision();
    if (target == null || soFar.trials() < 2) {
      return false;
    }
    check(soFar);
    double z = Math.sqrt(2) * Erf.erfInv(target.confidence());
    MomentBank m = soFar.bank.moments();
    if (firstStatistic != 0) {
      return false;
    }
    for (int slot : headline) {
      double mean = m.mean(slot, shift[slot]);
      double half = z * m.standardError(slot);
      double allowed = Math.max(target.relativeHalfWidth() * Math.abs(mean), target.absoluteHalfWidth());
      if (half > allowed) {
        return false;
      }
    }
    return true;
  }

  private void check(PartialResult r) {
    if (r.fingerprint() != fingerprint) {
      throw new IllegalArgumentException("partial result " + r + " belongs to another run configuration (fingerprint "
          + Long.toHexString(r.fingerprint()) + ", this engine's " + Long.toHexString(fingerprint) + ")");
    }
  }

  /**
   * The results of a run from the merge of every partition (trials {@code [0, n)}).
   *
   * @param versions software name -> version, recorded in {@link RunInfo}
   */
  public RunResult finish(PartialResult all, long runId, Instant startedAt, Instant finishedAt,
      Map<String, String> versions) {
    check(all);
    if (all.fromTrial() != 0 || all.trials() == 0) {
      throw new IllegalArgumentException("finish needs the merged results of trials [0, n) with n > 0, found " + all);
    }
    if (pointScenario != null) {
      throw new IllegalStateException("a grid point's engine (scenario " + pointScenario + ") finishes with finishScenario");
    }
    RunSettings run = config.run();
    RunInfo info = new RunInfo(runId, config.name(), config.title(), config.home(), config.partner(),
        config.snapshot().sha256(), run.seed(), all.trials(), run.sampling(), run.solver(), config.horizon(),
        config.baseYear(), startedAt, finishedAt, versions);
    StudyDescription description = description();
    StatisticsBank bank = all.bank;
    List<SeriesStatistics> series = new ArrayList<>();
    for (int slot = 0; slot < layout.seriesSlots(); slot++) {
      series.add(SeriesStatistics.of(layout.seriesKey(slot), bank.statistics(slot, shift[slot])));
    }
    List<KpiStatistics> kpis = new ArrayList<>();
    for (int slot = layout.seriesSlots(); slot < layout.totalSlots(); slot++) {
      kpis.add(KpiStatistics.of(layout.kpiKey(slot), bank.statistics(slot, shift[slot])));
    }
    List<TargetProbability> targets = new ArrayList<>();
    for (int t = 0; t < layout.targetCount(); t++) {
      for (int b = 0; b < layout.blocks(); b++) {
        long hits = all.targetHits[t * layout.blocks() + b];
        double[] ci = Wilson.interval95(hits, all.trials());
        targets.add(new TargetProbability(layout.target(t).target().name(), layout.blockName(b),
            (double) hits / all.trials(), ci[0], ci[1], all.trials()));
      }
    }
    List<DomainWarning> warnings = all.domainWarnings.length == 0 ? List.of()
        : domainWarnings.warnings(all.domainWarnings, all.trials());
    return new RunResult(info, description.scenarios(), kpis, series, targets, sensitivity(all), convergence(all),
        centralCase, config.sources(), config.snapshot(), description, warnings).withSwings(swings(all));
  }

  /**
   * A grid point's results from the merge of its partitions (trials {@code [0, n)}): the
   * scenario's KPIs (statistics and the median's 95 % interval) and target probabilities, as a
   * run of the whole study at the same lever values gives them. Only for an engine made by
   * {@link #ofScenario}.
   *
   * @param index the point's index in its sweep
   * @param levers the point's lever values (axis order), as the sweep names them
   */
  public GridPoint finishScenario(PartialResult all, int index, Map<String, Double> levers) {
    check(all);
    if (all.fromTrial() != 0 || all.trials() == 0) {
      throw new IllegalArgumentException("finishScenario needs the merged results of trials [0, n) with n > 0, found "
          + all);
    }
    if (pointScenario == null) {
      throw new IllegalStateException("a whole study's engine finishes with finish, not finishScenario");
    }
    StatisticsBank bank = all.bank;
    long n = all.trials();
    long[] ranks = PointKpi.medianRanks(n);
    List<PointKpi> kpis = new ArrayList<>();
    for (int k = 0; k < layout.kpisPerBlock(); k++) {
      int slot = layout.kpiSlot(0, k);
      int at = slot - firstStatistic;
      org.tariffcast.simulation.statistics.QuantileSketch sketch = bank.sketch(at);
      // the value of rank r is the percentile p with ceil(p n) = r
      double low = sketch.percentile((ranks[0] - 0.5) / n);
      double high = sketch.percentile((ranks[1] - 0.5) / n);
      kpis.add(new PointKpi(layout.kpiKey(slot), bank.statistics(at, shift[slot]), low, high));
    }
    List<TargetProbability> targets = new ArrayList<>();
    for (int t = 0; t < layout.targetCount(); t++) {
      long hits = all.targetHits[t * layout.blocks()];
      double[] ci = Wilson.interval95(hits, n);
      targets.add(new TargetProbability(layout.target(t).target().name(), pointScenario, (double) hits / n, ci[0],
          ci[1], n));
    }
    return new GridPoint(index, levers, n, kpis, targets);
  }

  /**
   * What this engine's results are about: names, labelled parameters, targets in words, and
   * the headline indicators whose convergence and sensitivity {@link #finish} records.
   */
  public StudyDescription description() {
    return config.description(headlines(layout, headline));
  }

  /**
   * The description {@link #finish} gives a study's results, without building an engine (no
   * central case): for results stored before descriptions were.
   */
  public static StudyDescription describe(ModelConfig config) {
    OutputLayout layout = OutputLayout.of(StudyPlan.of(config), config.targets());
    return config.description(headlines(layout, layout.headlineSlots()));
  }

  /** The compared scenarios' headline KPIs without their scenario, final year first. */
  private static List<Indicator> headlines(OutputLayout layout, int[] slots) {
    LinkedHashSet<Indicator> out = new LinkedHashSet<>();
    for (int slot : slots) {
      KpiKey key = layout.kpiKey(slot);
      if (!key.scenario().equals(Scenario.BASELINE)) {
        out.add(Indicator.of(key));
      }
    }
    return out.stream().sorted(Comparator.comparing((Indicator i) -> i.window() != Window.FINAL_YEAR)).toList();
  }

  private List<ConvergencePoint> convergence(PartialResult all) {
    List<ConvergencePoint> out = new ArrayList<>();
    long total = all.trials();
    MomentBank running = new MomentBank(headlineReference);
    for (int j = 0; j < PartialResult.SEGMENTS; j++) {
      if (all.segments[j] != null) {
        running.mergeFrom(all.segments[j]);
      }
      long n = running.count();
      boolean checkpoint = (j >= 1 && n == (1L << j) && n < total) || n == total;
      if (checkpoint && n >= 2) {
        for (int k = 0; k < headline.length; k++) {
          out.add(new ConvergencePoint(layout.kpiKey(headline[k]), n, running.mean(k, shift[headline[k]]),
              running.standardError(k)));
        }
      }
      if (n == total) {
        break;
      }
    }
    return out;
  }

  /**
   * The swing of each sensitivity KPI (USD) between each driver's low and high tenth, over the
   * sensitivity sample: its trials' copula-applied unit points are regenerated from the seed
   * ({@link DriverSwings}).
   */
  private List<DriverSwing> swings(PartialResult all) {
    List<Parameter> params = draws.parameters();
    int m = all.sensitivityTrials.length;
    List<DriverSwing> out = new ArrayList<>();
    if (m < 3 || params.isEmpty()) {
      return out;
    }
    List<DriverSwings.Driver> drivers = DriverSwings.drivers(params.stream().map(Parameter::name).toList(),
        config.correlations());
    double[][] driverDraws = new double[drivers.size()][m];
    ParameterDraws.Worker w = draws.worker();
    double[] point = new double[params.size()];
    for (int i = 0; i < m; i++) {
      w.unitPoint(all.sensitivityTrials[i], point);
      for (int d = 0; d < drivers.size(); d++) {
        driverDraws[d][i] = drivers.get(d).draw(point);
      }
    }
    DriverSwings.Groups[] groups = new DriverSwings.Groups[drivers.size()];
    for (int d = 0; d < groups.length; d++) {
      groups[d] = DriverSwings.groups(driverDraws[d]);
    }
    double[] kpi = new double[m];
    for (int k = 0; k < sensitivity.length; k++) {
      for (int i = 0; i < m; i++) {
        kpi[i] = all.sensitivityValues[i * sensitivity.length + k];
      }
      KpiKey key = layout.kpiKey(sensitivity[k]);
      for (int d = 0; d < drivers.size(); d++) {
        double[] s = DriverSwings.swing(groups[d], kpi);
        out.add(DriverSwing.of(key, drivers.get(d).key(), drivers.get(d).members(), s[0], s[1], s[2], (long) s[3],
            (long) s[4]));
      }
    }
    return out;
  }

  private List<Sensitivity> sensitivity(PartialResult all) {
    List<Parameter> params = draws.parameters();
    int m = all.sensitivityTrials.length;
    List<Sensitivity> out = new ArrayList<>();
    if (m < 3 || params.isEmpty()) {
      return out;
    }
    double[][] paramValues = new double[params.size()][m];
    ParameterDraws.Worker w = draws.worker();
    double[] point = new double[params.size()];
    for (int i = 0; i < m; i++) {
      w.draw(all.sensitivityTrials[i], point);
      for (int j = 0; j < point.length; j++) {
        paramValues[j][i] = point[j];
      }
    }
    double[][] paramRanks = new double[params.size()][];
    for (int j = 0; j < params.size(); j++) {
      paramRanks[j] = SpearmanCorrelation.centredRanks(paramValues[j]);
    }
    double[] kpi = new double[m];
    for (int k = 0; k < sensitivity.length; k++) {
      for (int i = 0; i < m; i++) {
        kpi[i] = all.sensitivityValues[i * sensitivity.length + k];
      }
      double[] kpiRanks = SpearmanCorrelation.centredRanks(kpi);
      KpiKey key = layout.kpiKey(sensitivity[k]);
      for (int j = 0; j < params.size(); j++) {
        out.add(new Sensitivity(key, params.get(j).name(), SpearmanCorrelation.ofCentredRanks(paramRanks[j], kpiRanks),
            m));
      }
    }
    return out;
  }

  /**
   * A 64-bit digest of what the trial values depend on: the configuration snapshot, the run
   * settings that change numbers, the structure of the study and the output layout. Computed
   * from text (SHA-256), so it is the same in every JVM.
   */
  private static long fingerprint(ModelConfig c, OutputLayout layout, long lhsTotal, String pointScenario) {
    StringBuilder b = new StringBuilder();
    if (pointScenario != null) {
      b.append("point:").append(pointScenario).append('|');
    }
    b.append("v").append(PartialResult.VERSION).append('|').append(c.name()).append('|').append(c.snapshot().sha256())
        .append('|').append(c.run().seed()).append('|').append(c.run().sampling().label()).append('|')
        .append(c.run().solver().label()).append('|').append(c.run().sampling() == SamplingMethod.LHS ? lhsTotal : 0)
        .append('|').append(layout.totalSlots()).append('|').append(c.regionCodes()).append('|')
        .append(c.sectorCodes()).append('|').append(c.horizon());
    for (Parameter p : c.uncertainParameters()) {
      b.append('|').append(p.name()).append('=').append(p.distribution().spec());
    }
    for (Scenario s : c.scenarios()) {
      b.append('|').append(s.name()).append(':').append(s.probability()).append(':').append(s.regimes().size());
    }
    for (String sector : c.sectorCodes()) {
      b.append('|').append(c.flows().get(sector));
    }
    try {
      byte[] d = java.security.MessageDigest.getInstance("SHA-256")
          .digest(b.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
      return java.nio.ByteBuffer.wrap(d).getLong();
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is not available", e);
    }
  }
}
