package org.tariffcast.simulation.kernel;

import java.util.ArrayList;
import java.util.List;
import org.tariffcast.model.result.KpiKey;
import org.tariffcast.model.result.Measure;
import org.tariffcast.model.result.Metric;
import org.tariffcast.model.result.SeriesKey;
import org.tariffcast.model.result.Window;
import org.tariffcast.model.run.Target;
import org.tariffcast.model.scenario.Scenario;
import org.tariffcast.model.time.YearQuarter;

/**
 * Where each output of a trial lives in its value vector ("slots"), and what it is.
 *
 * <p><b>Blocks</b>: the scenarios in configuration order, then {@code Baseline}, then
 * {@code Outlook} (the order of {@code RunResult.scenarios()}). A plan of one scenario
 * ({@link StudyPlan#ofScenario}, a grid point of a sweep) has that scenario and {@code Baseline}
 * only: no outlook.
 *
 * <p><b>Lines</b> (metric and breakdown), per block: imports from partner (total, each sector),
 * exports to partner (total, each sector), bilateral balance (total), tariff revenue on the
 * partner's goods (total, each sector), partner exports to the world excluding its own
 * diagonal (total, each sector), home imports by source (each region but home, diagonal
 * excluded), net welfare (each region). <b>Series</b> slots: block x line x quarter, USD per
 * quarter.
 *
 * <p><b>KPIs</b>, per block, over {@link Window#HORIZON} and {@link Window#FINAL_YEAR}: every
 * {@link Measure} of imports from partner (total and by sector), the totals of exports,
 * balance, revenue and partner exports, and home imports by source; welfare by region as level
 * and change (its percentage changes are undefined: the baseline's welfare change is zero).
 * Percentage measures are omitted for lines whose base-year value is zero. KPIs a target names
 * are added when not already there. KPI slots follow the series slots.
 *
 * <p><b>Headline</b> KPIs (convergence, precision target): for every scenario and the outlook,
 * the five totals as change vs baseline over both windows and the home's and partner's welfare
 * over the horizon; for the baseline, the five totals as levels over both windows.
 * <b>Sensitivity</b> KPIs: the headline KPIs of the scenarios and the outlook.
 */
public final class OutputLayout {
  /** One output line of a block. */
  public record Line(Metric metric, String breakdown, double baseYearAnnual, boolean percentages) {}

  /** One KPI of a block. */
  public record KpiDef(int line, Window window, Measure measure) {}

  /** One target, resolved to a line. */
  public record TargetDef(Target target, int line) {}

  private final String[] blockNames;
  private final int scenarioBlocks;
  /** Whether the last block is the outlook (a whole study's plan). */
  private final boolean outlook;
  private final Line[] lines;
  /** Quarters per series line. */
  private final int quarters;
  private final YearQuarter start;
  private final KpiDef[] kpis;
  /** Slots before the first KPI: blocks x lines x quarters. */
  private final int seriesSlots;
  private final int[] headline;
  private final int[] sensitivity;
  private final TargetDef[] targets;
  /** Years a window spans ({@link Window} order): the base-year reference of a window is annual x years. */
  private final double[] windowReference;
  // the first line of each metric (totals first, then one line per sector, region or source)
  private final int importsTotal;
  private final int exportsTotal;
  private final int balance;
  private final int revenueTotal;
  private final int partnerTotal;
  private final int bySourceFirst;
  private final int welfareFirst;
  /** {@code sourceRegion[i]}: the region of the i-th home-imports-by-source line (every region but home). */
  private final int[] sourceRegion;

  private OutputLayout(StudyPlan plan, List<Target> targetList) {
    scenarioBlocks = plan.scenarios.length;
    outlook = plan.wholeStudy;
    blockNames = blockNames(plan);
    quarters = plan.quarters;
    start = plan.start;
    LineTable table = new LineTable(plan);
    lines = table.lines.toArray(new Line[0]);
    importsTotal = table.importsTotal;
    exportsTotal = table.exportsTotal;
    balance = table.balance;
    revenueTotal = table.revenueTotal;
    partnerTotal = table.partnerTotal;
    bySourceFirst = table.bySourceFirst;
    welfareFirst = table.welfareFirst;
    sourceRegion = table.sourceRegion;
    seriesSlots = blocks() * lines.length * quarters;
    List<KpiDef> defs = standardKpis(plan.sectors, plan.n);
    targets = resolveTargets(targetList, defs);
    kpis = defs.toArray(new KpiDef[0]);
    windowReference = new double[] {quarters / 4.0, 1.0};
    headline = headlineSlots(plan, true);
    sensitivity = headlineSlots(plan, false);
  }

  private static String[] blockNames(StudyPlan plan) {
    int scenarios = plan.scenarios.length;
    String[] names = new String[scenarios + (plan.wholeStudy ? 2 : 1)];
    for (int i = 0; i < scenarios; i++) {
      names[i] = plan.scenarios[i].name;
    }
    names[scenarios] = Scenario.BASELINE;
    if (plan.wholeStudy) {
      names[scenarios + 1] = Scenario.OUTLOOK;
    }
    return names;
  }

  /** The output lines in block order, with their base-year annual values (USD per year). */
  private static final class LineTable {
    final List<Line> lines = new ArrayList<>();
    final int importsTotal;
    final int exportsTotal;
    final int balance;
    final int revenueTotal;
    final int partnerTotal;
    final int bySourceFirst;
    final int welfareFirst;
    final int[] sourceRegion;

    LineTable(StudyPlan plan) {
      int ns = plan.sectors;
      int n = plan.n;
      int p = plan.partner;
      int h = plan.home;
      double[] imports = new double[ns];
      double[] exports = new double[ns];
      double[] revenue = new double[ns];
      double[] partnerExports = new double[ns];
      for (int s = 0; s < ns; s++) {
        imports[s] = plan.baseFlow(s, p, h);
        exports[s] = plan.baseFlow(s, h, p);
        revenue[s] = plan.baseFlow(s, p, h) * plan.baseRevenueRate(s, p, h);
        for (int v = 0; v < n; v++) {
          if (v != p) {
            partnerExports[s] += plan.baseFlow(s, p, v);
          }
        }
      }
      importsTotal = totalAndSectors(Metric.IMPORTS_FROM_PARTNER, imports, plan);
      exportsTotal = totalAndSectors(Metric.EXPORTS_TO_PARTNER, exports, plan);
      balance = lines.size();
      lines.add(line(Metric.BILATERAL_BALANCE, KpiKey.TOTAL, sum(exports) - sum(imports)));
      revenueTotal = totalAndSectors(Metric.TARIFF_REVENUE, revenue, plan);
      partnerTotal = totalAndSectors(Metric.PARTNER_EXPORTS, partnerExports, plan);
      bySourceFirst = lines.size();
      sourceRegion = new int[n - 1];
      int k = 0;
      for (int r = 0; r < n; r++) {
        if (r != h) {
          double v = 0;
          for (int s = 0; s < ns; s++) {
            v += plan.baseFlow(s, r, h);
          }
          sourceRegion[k++] = r;
          lines.add(line(Metric.HOME_IMPORTS_BY_SOURCE, plan.regionCodes[r], v));
        }
      }
      welfareFirst = lines.size();
      for (int r = 0; r < n; r++) {
        lines.add(new Line(Metric.WELFARE, plan.regionCodes[r], 0, false));
      }
    }

    /** Adds a metric's total line and one line per sector; returns the total's line. */
    private int totalAndSectors(Metric metric, double[] bySector, StudyPlan plan) {
      int first = lines.size();
      lines.add(line(metric, KpiKey.TOTAL, sum(bySector)));
      for (int s = 0; s < bySector.length; s++) {
        lines.add(line(metric, plan.sectorCodes[s], bySector[s]));
      }
      return first;
    }

    /** Left to right, as the totals have always been summed. */
    private static double sum(double[] x) {
      double t = 0;
      for (double v : x) {
        t += v;
      }
      return t;
    }
  }

  /**
   * Every measure over both windows of: imports from partner (total and sectors), the totals
   * of exports, balance, revenue and partner exports, home imports by source, welfare by region;
   * percentage measures only where the line's base-year value is not zero.
   */
  private List<KpiDef> standardKpis(int ns, int n) {
    List<Integer> kpiLines = new ArrayList<>();
    for (int i = importsTotal; i <= importsTotal + ns; i++) {
      kpiLines.add(i);
    }
    kpiLines.add(exportsTotal);
    kpiLines.add(balance);
    kpiLines.add(revenueTotal);
    kpiLines.add(partnerTotal);
    for (int i = 0; i < n - 1; i++) {
      kpiLines.add(bySourceFirst + i);
    }
    for (int i = 0; i < n; i++) {
      kpiLines.add(welfareFirst + i);
    }
    List<KpiDef> defs = new ArrayList<>();
    for (int li : kpiLines) {
      for (Window w : Window.values()) {
        for (Measure m : Measure.values()) {
          if (!m.isFraction() || lines[li].percentages()) {
            defs.add(new KpiDef(li, w, m));
          }
        }
      }
    }
    return defs;
  }

  /** Resolves each target to its line, adding its KPI to {@code defs} when not already there. */
  private TargetDef[] resolveTargets(List<Target> targetList, List<KpiDef> defs) {
    TargetDef[] out = new TargetDef[targetList.size()];
    for (int i = 0; i < out.length; i++) {
      Target t = targetList.get(i);
      int li = lineOf(t.metric(), t.breakdown());
      if (li < 0) {
        throw new IllegalArgumentException("target '" + t.name() + "' names " + t.metric().label() + "/" + t.breakdown()
            + ", which is not an output line (breakdowns: total, a sector code, or a region code as the metric allows)");
      }
      if (t.measure().isFraction() && !lines[li].percentages()) {
        throw new IllegalArgumentException("target '" + t.name() + "' asks for " + t.measure().label() + " of "
            + t.metric().label() + "/" + t.breakdown() + ", which is undefined (its base-year or baseline value is zero)");
      }
      out[i] = new TargetDef(t, li);
      KpiDef d = new KpiDef(li, t.window(), t.measure());
      if (!defs.contains(d)) {
        defs.add(d);
      }
    }
    return out;
  }

  /**
   * Headline KPI slots ({@code withBaseline}: the baseline's levels included) or the
   * sensitivity ones (without them), block by block.
   */
  private int[] headlineSlots(StudyPlan plan, boolean withBaseline) {
    List<Integer> out = new ArrayList<>();
    int[] totals = {importsTotal, exportsTotal, balance, revenueTotal, partnerTotal};
    for (int b = 0; b < blocks(); b++) {
      boolean baseline = b == scenarioBlocks;
      if (baseline && !withBaseline) {
        continue;
      }
      for (int li : totals) {
        for (Window w : Window.values()) {
          out.add(kpiSlot(b, indexOf(new KpiDef(li, w, baseline ? Measure.LEVEL : Measure.CHANGE_VS_BASELINE))));
        }
      }
      if (!baseline) {
        for (int r : new int[] {plan.home, plan.partner}) {
          out.add(kpiSlot(b, indexOf(new KpiDef(welfareFirst + r, Window.HORIZON, Measure.LEVEL))));
        }
      }
    }
    return out.stream().mapToInt(Integer::intValue).toArray();
  }

  private static Line line(Metric m, String breakdown, double annual) {
    return new Line(m, breakdown, annual, annual != 0);
  }

  /** The layout of a compiled study with its targets. */
  public static OutputLayout of(StudyPlan plan, List<Target> targets) {
    return new OutputLayout(plan, targets);
  }

  private int indexOf(KpiDef d) {
    for (int i = 0; i < kpis.length; i++) {
      if (kpis[i].equals(d)) {
        return i;
      }
    }
    throw new IllegalStateException("no KPI " + d);
  }

  /** The line of a metric and breakdown, or -1. */
  public int lineOf(Metric metric, String breakdown) {
    for (int i = 0; i < lines.length; i++) {
      if (lines[i].metric() == metric && lines[i].breakdown().equals(breakdown)) {
        return i;
      }
    }
    return -1;
  }

  public int blocks() {
    return scenarioBlocks + (outlook ? 2 : 1);
  }

  /** Whether there is an outlook block (a whole study's layout; not one scenario's). */
  public boolean hasOutlook() {
    return outlook;
  }

  public int baselineBlock() {
    return scenarioBlocks;
  }

  /** The outlook's block; only a whole study's layout has one ({@link #hasOutlook}). */
  public int outlookBlock() {
    if (!outlook) {
      throw new IllegalStateException("a layout of one scenario has no outlook block");
    }
    return scenarioBlocks + 1;
  }

  public String blockName(int block) {
    return blockNames[block];
  }

  public int lineCount() {
    return lines.length;
  }

  public Line line(int i) {
    return lines[i];
  }

  public int quarters() {
    return quarters;
  }

  public int seriesSlots() {
    return seriesSlots;
  }

  public int kpisPerBlock() {
    return kpis.length;
  }

  public int totalSlots() {
    return seriesSlots + blocks() * kpis.length;
  }

  public int seriesSlot(int block, int line, int quarter) {
    return (block * lines.length + line) * quarters + quarter;
  }

  // ------------------------------------------------------------------ series slots by name
  // Each returns the slot of quarter 0 of the line in the block; quarter t is at that slot + t.

  /** Home imports from the partner, all sectors (USD per quarter). */
  public int importsFromPartnerTotal(int block) {
    return seriesSlot(block, importsTotal, 0);
  }

  /** Home imports from the partner in one sector (USD per quarter). */
  public int importsFromPartner(int block, int sector) {
    return seriesSlot(block, importsTotal + 1 + sector, 0);
  }

  /** Home exports to the partner, all sectors, commitments included (USD per quarter). */
  public int exportsToPartnerTotal(int block) {
    return seriesSlot(block, exportsTotal, 0);
  }

  /** Home exports to the partner in one sector (USD per quarter). */
  public int exportsToPartner(int block, int sector) {
    return seriesSlot(block, exportsTotal + 1 + sector, 0);
  }

  /** Exports to minus imports from the partner (USD per quarter). */
  public int bilateralBalance(int block) {
    return seriesSlot(block, balance, 0);
  }

  /** Home's tariff revenue on the partner's goods, all sectors (USD per quarter). */
  public int tariffRevenueTotal(int block) {
    return seriesSlot(block, revenueTotal, 0);
  }

  /** Home's tariff revenue on the partner's goods in one sector (USD per quarter). */
  public int tariffRevenue(int block, int sector) {
    return seriesSlot(block, revenueTotal + 1 + sector, 0);
  }

  /** The partner's exports to every region but itself (home included), all sectors (USD per quarter). */
  public int partnerExportsTotal(int block) {
    return seriesSlot(block, partnerTotal, 0);
  }

  /** The partner's exports to every other region in one sector (USD per quarter). */
  public int partnerExports(int block, int sector) {
    return seriesSlot(block, partnerTotal + 1 + sector, 0);
  }

  /** Number of home-imports-by-source lines (every region but home). */
  public int sourceCount() {
    return sourceRegion.length;
  }

  /** The region of the {@code i}-th home-imports-by-source line. */
  public int sourceRegion(int i) {
    return sourceRegion[i];
  }

  /** Home imports from the {@code i}-th source region, all sectors (USD per quarter). */
  public int homeImportsBySource(int block, int i) {
    return seriesSlot(block, bySourceFirst + i, 0);
  }

  /** Net welfare change of a region, all sectors (USD per quarter). */
  public int welfare(int block, int region) {
    return seriesSlot(block, welfareFirst + region, 0);
  }

  public int kpiSlot(int block, int kpi) {
    return seriesSlots + block * kpis.length + kpi;
  }

  public KpiDef kpi(int kpi) {
    return kpis[kpi];
  }

  public int[] headlineSlots() {
    return headline.clone();
  }

  public int[] sensitivitySlots() {
    return sensitivity.clone();
  }

  public int targetCount() {
    return targets.length;
  }

  public TargetDef target(int i) {
    return targets[i];
  }

  public boolean isKpiSlot(int slot) {
    return slot >= seriesSlots;
  }

  public SeriesKey seriesKey(int slot) {
    int t = slot % quarters;
    int rest = slot / quarters;
    int li = rest % lines.length;
    int b = rest / lines.length;
    return SeriesKey.of(blockNames[b], lines[li].metric(), lines[li].breakdown(), start.plus(t));
  }

  public KpiKey kpiKey(int slot) {
    int rel = slot - seriesSlots;
    int b = rel / kpis.length;
    KpiDef d = kpis[rel % kpis.length];
    Line l = lines[d.line()];
    return KpiKey.of(blockNames[b], l.metric(), l.breakdown(), d.window(), d.measure());
  }

  /** Sum of a line's series over a window, in a block of the value vector. */
  public double windowSum(double[] values, int block, int line, Window window) {
    int first = window == Window.HORIZON ? 0 : quarters - 4;
    int base = seriesSlot(block, line, 0);
    double s = 0;
    for (int t = first; t < quarters; t++) {
      s += values[base + t];
    }
    return s;
  }

  /** A KPI's value from the series of a block and of the baseline in the same vector. */
  public double kpiValue(double[] values, int block, int line, Window window, Measure measure) {
    double w = windowSum(values, block, line, window);
    return switch (measure) {
      case LEVEL -> w;
      case CHANGE_VS_BASELINE -> w - windowSum(values, baselineBlock(), line, window);
      case PCT_CHANGE_VS_BASELINE -> {
        double b = windowSum(values, baselineBlock(), line, window);
        yield (w - b) / Math.abs(b);
      }
      case PCT_CHANGE_VS_BASE_YEAR -> {
        double ref = lines[line].baseYearAnnual() * windowReference[window.ordinal()];
        yield (w - ref) / Math.abs(ref);
      }
    };
  }

  /** Fills every KPI slot of every block from the series slots (window sums computed once per block and line). */
  public void computeKpis(double[] values) {
    int lines = this.lines.length;
    double[] sums = new double[2 * lines * 2]; // [this block | baseline][line][window]
    int base = baselineBlock();
    for (int li = 0; li < lines; li++) {
      sums[(lines + li) * 2] = windowSum(values, base, li, Window.HORIZON);
      sums[(lines + li) * 2 + 1] = windowSum(values, base, li, Window.FINAL_YEAR);
    }
    for (int b = 0; b < blocks(); b++) {
      for (int li = 0; li < lines; li++) {
        sums[li * 2] = windowSum(values, b, li, Window.HORIZON);
        sums[li * 2 + 1] = windowSum(values, b, li, Window.FINAL_YEAR);
      }
      int slot = kpiSlot(b, 0);
      for (int i = 0; i < kpis.length; i++) {
        KpiDef d = kpis[i];
        int w = d.window().ordinal();
        double v = sums[d.line() * 2 + w];
        double bl = sums[(lines + d.line()) * 2 + w];
        values[slot + i] = switch (d.measure()) {
          case LEVEL -> v;
          case CHANGE_VS_BASELINE -> v - bl;
          case PCT_CHANGE_VS_BASELINE -> (v - bl) / Math.abs(bl);
          case PCT_CHANGE_VS_BASE_YEAR -> {
            double ref = this.lines[d.line()].baseYearAnnual() * windowReference[w];
            yield (v - ref) / Math.abs(ref);
          }
        };
      }
    }
  }

  /** Target value of target {@code i} in {@code block}: KPI value and whether it is met. */
  public boolean targetMet(double[] values, int i, int block) {
    TargetDef t = targets[i];
    double v = kpiValue(values, block, t.line(), t.target().window(), t.target().measure());
    return t.target().isMet(v);
  }
}
