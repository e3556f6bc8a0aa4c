package org.tariffcast.reporting.workbook;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.tariffcast.model.result.KpiKey;
import org.tariffcast.model.result.DriverSwing;
import org.tariffcast.reporting.content.Drivers;
import org.tariffcast.reporting.text.NumberText;

/**
 * What drives the uncertainty: for every KPI the run has driver swings for, the drivers ranked by
 * the absolute value of the KPI's swing in USD between their low and high tenth (the data of a
 * tornado chart), with plain-language labels, a block of rank-correlated parameters counted once,
 * and for the outlook the scenario itself; the top ones only; summary.json carries them all. The
 * tornado charts follow.
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
    Layout.widths(sheet, 18, 40, 6, 48, 12, 12, 12, 11, 26);
    var l = ctx.labels;
    cells.text(sheet, 0, 0, l.word("wb.drivers.title", "Drivers of uncertainty"), st.title);
    String shownNote = front ? l.word("wb.drivers.shown", " Shown: the most likely scenario and the outlook; every "
        + "scenario: the annex, sheet " + SheetNames.DRIVER_DETAIL + ".", SheetNames.DRIVER_DETAIL) : "";
    cells.paragraph(sheet, 1, 0, 8, l.messages().isPresent() ? l.word("wb.drivers.note", "",
        Integer.toString(ctx.topDrivers)) + shownNote : "For each driver, the KPI's swing in USD: the mean of the KPI in the trials with "
        + "the driver's highest tenth of draws minus the mean in those with its lowest tenth (first "
        + "min(trials, 4,096) trials). Parameters that are rank-correlated with each other move together and count "
        + "once, as one driver. For the outlook, which scenario happens is a driver too (its share of the outlook's "
        + "variance beside it). Top " + ctx.topDrivers + " per KPI by absolute swing (summary.json lists all)."
        + (front ? " Shown: the most likely scenario and the outlook; every scenario: the annex, sheet "
        + SheetNames.DRIVER_DETAIL + "." : ""), st.subtitle);
    cells.header(sheet, HEADER_ROW, 0, l.word("column.scenario", "Scenario"), l.word("wb.drivers.kpi", "KPI"),
        l.word("wb.drivers.rank", "Rank"), l.word("drivers.column.parameter", "Driver"),
        l.word("wb.drivers.swing", "Swing (USD)"), l.word("wb.drivers.low", "Mean, low tenth"),
        l.word("wb.drivers.high", "Mean, high tenth"), l.word("wb.drivers.correlation", "Rank correlation"),
        l.word("wb.drivers.parameters", "Parameters"));
    Map<KpiKey, List<Drivers.Row>> byKpi = new TreeMap<>(ctx.data.kpiOrder());
    List<String> shownScenarios = ctx.frontScenarios();
    ctx.data.result().swings().stream().map(DriverSwing::kpi).distinct()
        .filter(k -> !front || frontKpi(k))
        .forEach(k -> byKpi.put(k, Drivers.of(ctx.data, k, l.word("drivers.scenario", "Which scenario happens"))));
    int r = HEADER_ROW + 1;
    for (Map.Entry<KpiKey, List<Drivers.Row>> e : byKpi.entrySet()) {
      int rank = 1;
      for (Drivers.Row d : e.getValue().stream().limit(ctx.topDrivers).toList()) {
        cells.text(sheet, r, 0, ctx.data.isOutlook(e.getKey().scenario()) ? l.word("scenario.outlook",
            e.getKey().scenario()) : e.getKey().scenario());
        cells.text(sheet, r, 1, ctx.labels.kpi(e.getKey()));
        cells.number(sheet, r, 2, rank++, st.centred(Styles.COUNT));
        String share = l.messages().map(m -> m.fixed(100 * d.varianceShare(), 0))
            .orElse(NumberText.fixed(100 * d.varianceShare(), 0));
        cells.text(sheet, r, 3, d.isScenario() ? l.word("wb.tornado.variance", d.label() + " (" + share
            + " % of the variance)", d.label(), share) : l.driver(d));
        cells.number(sheet, r, 4, d.swing(), st.number(Styles.USD_BN_2, true));
        cells.number(sheet, r, 5, d.low(), st.number(Styles.USD_BN_2));
        cells.number(sheet, r, 6, d.high(), st.number(Styles.USD_BN_2));
        if (Double.isFinite(d.rankCorrelation())) {
          cells.number(sheet, r, 7, d.rankCorrelation(), st.number(Styles.CORRELATION));
        }
        cells.text(sheet, r, 8, members(d, l), st.code);
        r++;
      }
    }
    if (byKpi.isEmpty()) {
      cells.text(sheet, r++, 0, l.word("drivers.none", "The run has no driver swings (a run stored before they were, "
          + "or no uncertain parameters)."), st.note);
    }
    ctx.pictures(sheet, front ? ctx.chartsFor(SheetNames.DRIVERS, shownScenarios) : ctx.chartsFor(SheetNames.DRIVERS),
        r + 1);
    sheet.createFreezePane(0, HEADER_ROW + 1);
    ctx.print(sheet, HEADER_ROW + 1);
  }

  /** The parameters' names: one, or the first of a block and how many more. */
  private static String members(Drivers.Row d, org.tariffcast.reporting.text.Labels l) {
    if (d.isScenario()) {
      return "";
    }
    return d.isGroup() ? l.word("wb.drivers.more", d.members().get(0) + " + "
        + (d.members().size() - 1) + " more", d.members().get(0), Integer.toString(d.members().size() - 1)) : d.members().get(0);
  }

  /** On the printed sheet: the KPI the tornado chart of the most likely scenario or the outlook explains. */
  private boolean frontKpi(KpiKey kpi) {
    if (!ctx.frontScenarios().contains(kpi.scenario())) {
      return false;
    }
    var all = ctx.data.result().swings();
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
