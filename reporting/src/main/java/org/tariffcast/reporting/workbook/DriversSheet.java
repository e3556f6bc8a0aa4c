package org.tariffcast.reporting.workbook;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.tariffcast.model.result.KpiKey;
import org.tariffcast.model.result.Sensitivity;

/**
 * What drives the uncertainty: for every KPI the run has sensitivity for, the sampled parameters
 * ranked by the absolute value of their Spearman rank correlation with it (the data of a tornado
 * chart), the top ones only; summary.json carries them all. The tornado charts follow.
 */
final class DriversSheet {
  static final int HEADER_ROW = 3;

  private final WorkbookContext ctx;
  private final XSSFSheet sheet;
  private final Cells cells;
  private final Styles st;

  private final boolean front;

  /** @param front the printed sheet (headline rows and charts) rather than the annex's full table */
  DriversSheet(WorkbookContext ctx, XSSFSheet sheet, boolean front) {
    this.front = front;
    this.ctx = ctx;
    this.sheet = sheet;
    this.cells = ctx.cells;
    this.st = ctx.styles;
  }

  void write() {
    Layout.widths(sheet, 24, 60, 7, 50, 14, 30, 10);
    cells.text(sheet, 0, 0, "Drivers of uncertainty", st.title);
    cells.paragraph(sheet, 1, 0, 6, "Spearman rank correlation between each sampled parameter and the KPI across trials; "
        + "top " + ctx.topDrivers + " per KPI by absolute value (summary.json lists all). Positive: higher values of "
        + "the parameter go with higher values of the KPI." + (front ? " Shown: the most likely scenario and the outlook; "
        + "every scenario: the annex, sheet " + SheetNames.DRIVER_DETAIL + "." : ""), st.subtitle);
    cells.header(sheet, HEADER_ROW, 0, "Scenario", "KPI", "Rank", "Parameter", "Rank correlation", "Effect on the KPI",
        "Trials");
    Map<KpiKey, List<Sensitivity>> byKpi = new TreeMap<>(ctx.data.kpiOrder());
    List<String> shownScenarios = ctx.frontScenarios();
    for (Sensitivity s : ctx.data.result().sensitivity()) {
      if (front && !frontKpi(s.kpi())) {
        continue;
      }
      byKpi.computeIfAbsent(s.kpi(), k -> new java.util.ArrayList<>()).add(s);
    }
    int r = HEADER_ROW + 1;
    for (Map.Entry<KpiKey, List<Sensitivity>> e : byKpi.entrySet()) {
      List<Sensitivity> ranked = e.getValue().stream()
          .sorted(Comparator.comparingDouble((Sensitivity s) -> -Math.abs(s.rankCorrelation()))
              .thenComparing(Sensitivity::parameter))
          .limit(ctx.topDrivers)
          .toList();
      int rank = 1;
      for (Sensitivity s : ranked) {
        cells.text(sheet, r, 0, e.getKey().scenario());
        cells.text(sheet, r, 1, ctx.labels.kpi(e.getKey()));
        cells.number(sheet, r, 2, rank++, st.centred(Styles.COUNT));
        cells.text(sheet, r, 3, s.parameter());
        cells.number(sheet, r, 4, s.rankCorrelation(), st.number(Styles.CORRELATION, true));
        cells.text(sheet, r, 5, effect(s.rankCorrelation()));
        cells.number(sheet, r, 6, s.trials(), st.number(Styles.COUNT));
        r++;
      }
    }
    if (byKpi.isEmpty()) {
      cells.text(sheet, r++, 0, "The run has no sensitivity results.", st.note);
    }
    ctx.pictures(sheet, front ? ctx.chartsFor(SheetNames.DRIVERS, shownScenarios) : ctx.chartsFor(SheetNames.DRIVERS),
        r + 1);
    sheet.createFreezePane(0, HEADER_ROW + 1);
    ctx.print(sheet, HEADER_ROW + 1);
  }

  /** On the printed sheet: the KPI the tornado chart of the most likely scenario or the outlook explains. */
  private boolean frontKpi(KpiKey kpi) {
    if (!ctx.frontScenarios().contains(kpi.scenario())) {
      return false;
    }
    var all = ctx.data.result().sensitivity();
    return ctx.data.firstHeadline(kpi.scenario(), k -> all.stream().anyMatch(x -> x.kpi().equals(k)))
        .map(kpi::equals).orElse(false);
  }

  /** A plain-words reading of a rank correlation. */
  static String effect(double rho) {
    double a = Math.abs(rho);
    String strength = a >= 0.5 ? "strongly " : a >= 0.3 ? "" : a >= 0.1 ? "weakly " : "barely ";
    if (a < 0.1) {
      return "barely related";
    }
    return strength + (rho > 0 ? "raises it" : "lowers it");
  }
}
