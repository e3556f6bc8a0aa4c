package org.tariffcast.reporting.workbook;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.tariffcast.model.result.EquilibriumTable;
import org.tariffcast.model.result.KpiValue;
import org.tariffcast.model.result.Welfare;
import org.tariffcast.reporting.json.SummaryJson;

/**
 * The central case as a GSIM or SMART user reads it: one deterministic evaluation at the
 * parameters' central values. First its KPIs, then for each scenario, regime and sector the
 * world price changes and welfare by region (consumer and producer surplus, tariff revenue,
 * net), and the flow matrices before and after with their % change. USD bn per year.
 */
final class CentralCaseSheet {
  private final WorkbookContext ctx;
  private final XSSFSheet sheet;
  private final Cells cells;
  private final Styles st;

  CentralCaseSheet(WorkbookContext ctx, XSSFSheet sheet) {
    this.ctx = ctx;
    this.sheet = sheet;
    this.cells = ctx.cells;
    this.st = ctx.styles;
  }

  void write() {
    int regions = ctx.data.result().centralCase().tables().stream().mapToInt(t -> t.regions().size()).max().orElse(4);
    Layout.widths(sheet, 30, 16, 16, 16, 16, 16);
    Layout.widths(sheet, 6, Math.max(6, regions + 1), 16);
    cells.text(sheet, 0, 0, "Central case", st.title);
    cells.paragraph(sheet, 1, 0, 5, "One deterministic evaluation at the parameters' central values, without shocks. Flows "
        + "in USD bn per year at world prices and base-year scale; world price changes in %; welfare changes in USD bn "
        + "per year.", st.subtitle);
    int r = 3;
    r = kpis(r) + 1;
    for (EquilibriumTable t : SummaryJson.sortedTables(ctx.data)) {
      r = table(r, t) + 1;
    }
    sheet.createFreezePane(0, 2);
    ctx.print(sheet, 2);
  }

  private int kpis(int r) {
    List<KpiValue> values = ctx.data.result().centralCase().kpis().stream()
        .sorted(Comparator.comparing(KpiValue::key, ctx.data.kpiOrder())).toList();
    cells.text(sheet, r++, 0, "Central-case KPIs", st.section);
    if (values.isEmpty()) {
      cells.text(sheet, r++, 0, "The run has no central-case KPIs.", st.note);
      return r;
    }
    cells.header(sheet, r++, 0, "Scenario", "Value", "KPI");
    for (KpiValue v : values) {
      cells.text(sheet, r, 0, v.key().scenario());
      cells.number(sheet, r, 1, v.value(), ctx.kpiStyle(v.key().measure(), true));
      cells.text(sheet, r, 2, ctx.labels.kpi(v.key()));
      r++;
    }
    return r;
  }

  private int table(int r, EquilibriumTable t) {
    String sector = ctx.data.description().sectorName(t.sector());
    cells.text(sheet, r++, 0, t.scenario() + " · regime " + t.regime() + " · " + sector
        + (sector.equals(t.sector()) ? "" : " (" + t.sector() + ")"), st.section);
    List<String> regions = ordered(t.regions(), t.worldPriceChange().keySet());
    cells.header(sheet, r++, 0, "Region", "World price change", "Consumer surplus", "Producer surplus",
        "Tariff revenue", "Net welfare");
    XSSFCellStyle usd = st.number(Styles.USD_BN_2);
    XSSFCellStyle usdBold = st.number(Styles.USD_BN_2, true);
    for (String region : ordered(regions, t.welfare().keySet())) {
      cells.text(sheet, r, 0, ctx.data.description().regionName(region) + label(region));
      cells.number(sheet, r, 1, Optional.ofNullable(t.worldPriceChange().get(region)), st.number(Styles.PERCENT_2));
      Welfare w = t.welfare().get(region);
      Optional<Welfare> ow = Optional.ofNullable(w);
      cells.number(sheet, r, 2, ow.map(Welfare::consumerSurplus), usd);
      cells.number(sheet, r, 3, ow.map(Welfare::producerSurplus), usd);
      cells.number(sheet, r, 4, ow.map(Welfare::tariffRevenue), usd);
      cells.number(sheet, r, 5, ow.map(Welfare::net), usdBold);
      r++;
    }
    r = matrix(r + 1, "Flows before (exporter in rows, importer in columns), USD bn per year", t.regions(),
        t.flowsBefore(), null);
    r = matrix(r + 1, "Flows after, USD bn per year", t.regions(), t.flowsAfter(), null);
    r = matrix(r + 1, "Change in flows, %", t.regions(), t.flowsAfter(), t.flowsBefore());
    return r;
  }

  /** A flow matrix; with {@code before} given, the % change of each flow (blank where it was zero). */
  private int matrix(int r, String title, List<String> order, Map<String, Map<String, Double>> flows,
      Map<String, Map<String, Double>> before) {
    cells.text(sheet, r++, 0, title, st.textBold);
    List<String> exporters = ordered(order, flows.keySet());
    List<String> importers = new ArrayList<>(order);
    flows.values().forEach(m -> m.keySet().stream().filter(k -> !importers.contains(k)).sorted()
        .forEach(importers::add));
    List<String> header = new ArrayList<>(List.of("Exporter \\ importer"));
    importers.forEach(i -> header.add(i));
    cells.header(sheet, r++, 0, header.toArray(String[]::new));
    for (String exporter : exporters) {
      cells.text(sheet, r, 0, ctx.data.description().regionName(exporter) + label(exporter));
      for (int j = 0; j < importers.size(); j++) {
        Double v = flows.get(exporter).get(importers.get(j));
        if (before == null) {
          cells.number(sheet, r, 1 + j, Optional.ofNullable(v), st.number(Styles.USD_BN_2));
        } else {
          Double b = before.getOrDefault(exporter, Map.of()).get(importers.get(j));
          if (v == null || b == null || b == 0) {
            cells.text(sheet, r, 1 + j, Cells.MISSING, st.missing);
          } else {
            cells.number(sheet, r, 1 + j, v / b - 1, st.number(Styles.PERCENT));
          }
        }
      }
      r++;
    }
    return r;
  }

  private String label(String code) {
    return ctx.data.description().regionName(code).equals(code) ? "" : " (" + code + ")";
  }

  private static List<String> ordered(List<String> order, Set<String> keys) {
    List<String> out = new ArrayList<>();
    order.stream().filter(keys::contains).forEach(out::add);
    keys.stream().filter(k -> !order.contains(k)).sorted().forEach(out::add);
    return out;
  }
}
