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
 * {@code Outlook} (the order of {@code RunResult.scenarios()}).
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
  private final Line[] lines;
  private final int quarters;
  private final YearQuarter start;
  private final KpiDef[] kpis;
  private final int seriesSlots;
  private final int[] headline;
  private final int[] sensitivity;
  private final TargetDef[] targets;
  private final double[] windowReference;
  // line indices
  final int importsTotal;
  final int exportsTotal;
  final int balance;
  final int revenueTotal;
  final int partnerTotal;
  final int bySourceFirst;
  final int welfareFirst;
  final int[] sourceRegion;

  private OutputLayout(StudyPlan plan, List<Target> targetList) {
    int ns = plan.sectors;
    int n = plan.n;
    scenarioBlocks = plan.scenarios.length;
    blockNames = new String[scenarioBlocks + 2];
    for (int i = 0; i < scenarioBlocks; i++) {
      blockNames[i] = plan.scenarios[i].name;
    }
    blockNames[scenarioBlocks] = Scenario.BASELINE;
    blockNames[scenarioBlocks + 1] = Scenario.OUTLOOK;
    quarters = plan.quarters;
    start = plan.config.horizon().start();

    List<Line> ls = new ArrayList<>();
    int p = plan.partner;
    int h = plan.home;
    importsTotal = ls.size();
    double imp = 0;
    for (int s = 0; s < ns; s++) {
      imp += plan.baseFlow(s, p, h);
    }
    ls.add(line(Metric.IMPORTS_FROM_PARTNER, KpiKey.TOTAL, imp));
    for (int s = 0; s < ns; s++) {
      ls.add(line(Metric.IMPORTS_FROM_PARTNER, plan.sectorCodes[s], plan.baseFlow(s, p, h)));
    }
    exportsTotal = ls.size();
    double exp = 0;
    for (int s = 0; s < ns; s++) {
      exp += plan.baseFlow(s, h, p);
    }
    ls.add(line(Metric.EXPORTS_TO_PARTNER, KpiKey.TOTAL, exp));
    for (int s = 0; s < ns; s++) {
      ls.add(line(Metric.EXPORTS_TO_PARTNER, plan.sectorCodes[s], plan.baseFlow(s, h, p)));
    }
    balance = ls.size();
    ls.add(line(Metric.BILATERAL_BALANCE, KpiKey.TOTAL, exp - imp));
    revenueTotal = ls.size();
    double rev = 0;
    for (int s = 0; s < ns; s++) {
      rev += plan.baseFlow(s, p, h) * plan.baseRevenueRate(s, p, h);
    }
    ls.add(line(Metric.TARIFF_REVENUE, KpiKey.TOTAL, rev));
    for (int s = 0; s < ns; s++) {
      ls.add(line(Metric.TARIFF_REVENUE, plan.sectorCodes[s], plan.baseFlow(s, p, h) * plan.baseRevenueRate(s, p, h)));
    }
    partnerTotal = ls.size();
    double px = 0;
    double[] pxs = new double[ns];
    for (int s = 0; s < ns; s++) {
      for (int v = 0; v < n; v++) {
        if (v != p) {
          pxs[s] += plan.baseFlow(s, p, v);
        }
      }
      px += pxs[s];
    }
    ls.add(line(Metric.PARTNER_EXPORTS, KpiKey.TOTAL, px));
    for (int s = 0; s < ns; s++) {
      ls.add(line(Metric.PARTNER_EXPORTS, plan.sectorCodes[s], pxs[s]));
    }
    bySourceFirst = ls.size();
    sourceRegion = new int[n - 1];
    int k = 0;
    for (int r = 0; r < n; r++) {
      if (r != h) {
        double v = 0;
        for (int s = 0; s < ns; s++) {
          v += plan.baseFlow(s, r, h);
        }
        sourceRegion[k++] = r;
        ls.add(line(Metric.HOME_IMPORTS_BY_SOURCE, plan.regionCodes[r], v));
      }
    }
    welfareFirst = ls.size();
    for (int r = 0; r < n; r++) {
      ls.add(new Line(Metric.WELFARE, plan.regionCodes[r], 0, false));
    }
    lines = ls.toArray(new Line[0]);
    seriesSlots = blocks() * lines.length * quarters;

    List<KpiDef> defs = new ArrayList<>();
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
    for (int li : kpiLines) {
      for (Window w : Window.values()) {
        for (Measure m : Measure.values()) {
          if (!m.isFraction() || lines[li].percentages()) {
            defs.add(new KpiDef(li, w, m));
          }
        }
      }
    }
    targets = new TargetDef[targetList.size()];
    for (int i = 0; i < targets.length; i++) {
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
      targets[i] = new TargetDef(t, li);
      KpiDef d = new KpiDef(li, t.window(), t.measure());
      if (!defs.contains(d)) {
        defs.add(d);
      }
    }
    kpis = defs.toArray(new KpiDef[0]);
    windowReference = new double[] {quarters / 4.0, 1.0};

    List<Integer> head = new ArrayList<>();
    List<Integer> sens = new ArrayList<>();
    int[] totals = {importsTotal, exportsTotal, balance, revenueTotal, partnerTotal};
    for (int b = 0; b < blocks(); b++) {
      boolean baseline = b == scenarioBlocks;
      for (int li : totals) {
        for (Window w : Window.values()) {
          int slot = kpiSlot(b, indexOf(new KpiDef(li, w, baseline ? Measure.LEVEL : Measure.CHANGE_VS_BASELINE)));
          head.add(slot);
          if (!baseline) {
            sens.add(slot);
          }
        }
      }
      if (!baseline) {
        for (int r : new int[] {plan.home, plan.partner}) {
          int slot = kpiSlot(b, indexOf(new KpiDef(welfareFirst + r, Window.HORIZON, Measure.LEVEL)));
          head.add(slot);
          sens.add(slot);
        }
      }
    }
    headline = head.stream().mapToInt(Integer::intValue).toArray();
    sensitivity = sens.stream().mapToInt(Integer::intValue).toArray();
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
    return scenarioBlocks + 2;
  }

  public int scenarioBlocks() {
    return scenarioBlocks;
  }

  public int baselineBlock() {
    return scenarioBlocks;
  }

  public int outlookBlock() {
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

  public int kpiSlot(int block, int kpi) {
    return seriesSlots + block * kpis.length + kpi;
  }

  /** KPI slot of a metric/breakdown/window/measure in a block, or -1 when not computed. */
  public int kpiSlot(int block, Metric metric, String breakdown, Window window, Measure measure) {
    int li = lineOf(metric, breakdown);
    for (int i = 0; i < kpis.length; i++) {
      KpiDef d = kpis[i];
      if (d.line() == li && d.window() == window && d.measure() == measure) {
        return kpiSlot(block, i);
      }
    }
    return -1;
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
