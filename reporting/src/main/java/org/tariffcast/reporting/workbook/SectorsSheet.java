package org.tariffcast.reporting.workbook;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.tariffcast.model.result.Measure;
import org.tariffcast.model.result.Metric;
import org.tariffcast.model.result.ScenarioInfo;
import org.tariffcast.model.result.Statistics;
import org.tariffcast.model.result.Window;
import org.tariffcast.model.scenario.Scenario;
import org.tariffcast.model.time.YearQuarter;

/**
 * Sector detail: for each scenario and the outlook, each indicator the run breaks down by sector,
 * one row per sector sorted by impact (largest absolute median change against baseline first):
 * the final year's baseline and scenario levels, change and % change with P5–P95, and annual
 * means by calendar year (sums of quarterly means, which add up) with their change against the
 * baseline. The sector waterfall charts follow.
 */
final class SectorsSheet {
  static final int HEADER_ROW = 4;
  static final int FIXED_COLS = 11;

  private final WorkbookContext ctx;
  private final XSSFSheet sheet;
  private final Cells cells;
  private final Styles st;

  private final boolean front;

  /** @param front the printed sheet (headline rows and charts) rather than the annex's full table */
  SectorsSheet(WorkbookContext ctx, XSSFSheet sheet, boolean front) {
    this.front = front;
    this.ctx = ctx;
    this.sheet = sheet;
    this.cells = ctx.cells;
    this.st = ctx.styles;
  }

  /** Calendar years of the horizon with their quarters. */
  private Map<Integer, List<YearQuarter>> years() {
    Map<Integer, List<YearQuarter>> out = new LinkedHashMap<>();
    for (YearQuarter q : ctx.data.quarters()) {
      out.computeIfAbsent(q.year(), y -> new ArrayList<>()).add(q);
    }
    return out;
  }

  void write() {
    Map<Integer, List<YearQuarter>> years = front ? new LinkedHashMap<>() : years();
    Layout.widths(sheet, 26, 34, 28, 13, 13, 11, 12, 11, 11, 12, 11);
    Layout.widths(sheet, FIXED_COLS, FIXED_COLS + 2 * years.size() - 1, 12);
    var l = ctx.labels;
    cells.text(sheet, 0, 0, front ? l.word("wb.sectors.title", "Sectors") : "Sectors, every scenario and indicator",
        st.title);
    cells.paragraph(sheet, 1, 0, 10, SummarySheet.runLine(ctx), st.subtitle);
    cells.paragraph(sheet, 2, 0, 10, front && l.messages().isPresent() ? l.word("wb.sectors.note", "",
        l.inFinalYear(), l.metric(Metric.IMPORTS_FROM_PARTNER), SheetNames.SECTOR_DETAIL) : "Sorted by impact within each scenario and indicator: the largest absolute median "
        + "change against baseline " + ctx.labels.inFinalYear() + " first. Annual means are sums of quarterly means. Nominal USD." + (front ? " Shown: " + ctx.labels.metric(
        Metric.IMPORTS_FROM_PARTNER) + " under the most likely scenario and the outlook; every scenario and indicator: "
        + "the annex, sheet " + SheetNames.SECTOR_DETAIL + "." : ""),
        st.subtitle);
    int group = HEADER_ROW - 1;
    String window = l.window(Window.FINAL_YEAR);
    cells.merged(sheet, group, 3, 10, l.word("wb.sectors.group", window + ", USD bn per year", window), st.groupHeader);
    if (!years.isEmpty()) {
      cells.merged(sheet, group, FIXED_COLS, FIXED_COLS + 2 * years.size() - 1, "Annual means by calendar year, USD bn",
          st.groupHeader);
    }
    List<String> header = new ArrayList<>(List.of(l.word("column.scenario", "Scenario"),
        l.word("wb.column.indicator", "Indicator"), l.word("wb.sectors.sector", "Sector"),
        l.word("wb.sectors.baseline", "Baseline level (mean)"), l.word("wb.sectors.level", "Level P50"),
        l.word("wb.sectors.change", "Change P5", "P5"), l.word("wb.sectors.change", "Change P50", "P50"),
        l.word("wb.sectors.change", "Change P95", "P95"), l.word("wb.sectors.pct", "% change P5", "P5"),
        l.word("wb.sectors.pct", "% change P50", "P50"), l.word("wb.sectors.pct", "% change P95", "P95")));
    for (Map.Entry<Integer, List<YearQuarter>> y : years.entrySet()) {
      String label = y.getValue().size() == 4 ? Integer.toString(y.getKey())
          : y.getKey() + " (" + y.getValue().size() + " q)";
      header.add("Mean " + label);
      header.add("Change " + label);
    }
    cells.header(sheet, HEADER_ROW, 0, header.toArray(String[]::new));
    Cells.row(sheet, HEADER_ROW).setHeightInPoints(32);
    int r = HEADER_ROW + 1;
    List<Metric> metrics = List.of(Metric.values()).stream()
        .filter(m -> !ScenariosSheet.byRegion(m) && !ctx.data.breakdowns(m).isEmpty())
        .filter(m -> !front || m == Metric.IMPORTS_FROM_PARTNER).toList();
    List<String> shownScenarios = ctx.frontScenarios();
    for (ScenarioInfo s : ctx.data.compared()) {
      if (front && !shownScenarios.contains(s.name())) {
        continue;
      }
      for (Metric m : metrics) {
        for (String sector : byImpact(s.name(), m)) {
          r = row(r, s.name(), m, sector, years);
        }
      }
    }
    ctx.pictures(sheet, front ? ctx.chartsFor(SheetNames.SECTORS, shownScenarios) : ctx.chartsFor(SheetNames.SECTORS),
        r + 1);
    sheet.createFreezePane(3, HEADER_ROW + 1);
    ctx.print(sheet, HEADER_ROW + 1);
  }

  /** The metric's sectors, largest absolute median final-year change against baseline first. */
  List<String> byImpact(String scenario, Metric m) {
    return ctx.data.breakdowns(m).stream()
        .sorted(Comparator.comparingDouble((String sector) -> -impact(scenario, m, sector))
            .thenComparingInt(ctx.data::breakdownIndex))
        .toList();
  }

  private double impact(String scenario, Metric m, String sector) {
    Optional<Statistics> change = ctx.data.kpi(scenario, m, sector, Window.FINAL_YEAR, Measure.CHANGE_VS_BASELINE);
    if (change.isPresent()) {
      return Math.abs(change.get().percentiles().p50());
    }
    Optional<Double> annual = annualMean(scenario, m, sector, ctx.data.finalYearQuarters());
    Optional<Double> base = annualMean(Scenario.BASELINE, m, sector, ctx.data.finalYearQuarters());
    return annual.isPresent() && base.isPresent() ? Math.abs(annual.get() - base.get()) : 0;
  }

  private int row(int r, String scenario, Metric m, String sector, Map<Integer, List<YearQuarter>> years) {
    cells.text(sheet, r, 0, ctx.data.isOutlook(scenario) ? ctx.labels.word("scenario.outlook", scenario) : scenario);
    cells.text(sheet, r, 1, ctx.labels.metric(m));
    cells.text(sheet, r, 2, ctx.labels.breakdown(sector));
    var usd = st.number(Styles.USD_BN_2);
    var usdBold = st.number(Styles.USD_BN_2, true);
    var pct = st.number(Styles.PERCENT);
    var pctBold = st.number(Styles.PERCENT, true);
    cells.number(sheet, r, 3, ctx.data.kpi(Scenario.BASELINE, m, sector, Window.FINAL_YEAR, Measure.LEVEL)
        .map(Statistics::mean), usd);
    cells.number(sheet, r, 4, ctx.data.kpi(scenario, m, sector, Window.FINAL_YEAR, Measure.LEVEL)
        .map(x -> x.percentiles().p50()), usdBold);
    Optional<Statistics> change = ctx.data.kpi(scenario, m, sector, Window.FINAL_YEAR, Measure.CHANGE_VS_BASELINE);
    cells.number(sheet, r, 5, change.map(x -> x.percentiles().p5()), usd);
    cells.number(sheet, r, 6, change.map(x -> x.percentiles().p50()), usdBold);
    cells.number(sheet, r, 7, change.map(x -> x.percentiles().p95()), usd);
    Optional<Statistics> pctChange = ctx.data.kpi(scenario, m, sector, Window.FINAL_YEAR,
        Measure.PCT_CHANGE_VS_BASELINE);
    cells.number(sheet, r, 8, pctChange.map(x -> x.percentiles().p5()), pct);
    cells.number(sheet, r, 9, pctChange.map(x -> x.percentiles().p50()), pctBold);
    cells.number(sheet, r, 10, pctChange.map(x -> x.percentiles().p95()), pct);
    int c = FIXED_COLS;
    for (List<YearQuarter> quarters : years.values()) {
      Optional<Double> mean = annualMean(scenario, m, sector, quarters);
      Optional<Double> base = annualMean(Scenario.BASELINE, m, sector, quarters);
      cells.number(sheet, r, c++, mean, usd);
      cells.number(sheet, r, c++, mean.isPresent() && base.isPresent() ? Optional.of(mean.get() - base.get())
          : Optional.empty(), usd);
    }
    return r + 1;
  }

  /** Sum of the quarterly means over {@code quarters}, if every one is present. */
  private Optional<Double> annualMean(String scenario, Metric m, String sector, List<YearQuarter> quarters) {
    double sum = 0;
    for (YearQuarter q : quarters) {
      Optional<Statistics> s = ctx.data.series(scenario, m, sector, q);
      if (s.isEmpty()) {
        return Optional.empty();
      }
      sum += s.get().mean();
    }
    return Optional.of(sum);
  }
}
