package org.tariffcast.model.config;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tariffcast.model.distribution.Parameter;
import org.tariffcast.model.elasticity.ElasticitySet;
import org.tariffcast.model.elasticity.Elasticities;
import org.tariffcast.model.trade.DataSource;
import org.tariffcast.model.trade.Quality;
import org.tariffcast.model.trade.TariffMatrix;
import org.tariffcast.model.trade.TariffWedge;
import org.tariffcast.model.trade.TradeMatrix;

/** Reads the three CSV tables: flows, base tariffs and elasticities. */
final class DataTables {
  static final String FLOWS = "flows.csv";
  static final String TARIFFS = "tariffs.csv";
  static final String ELASTICITIES = "elasticities.csv";
  static final List<String> FLOW_COLUMNS =
      List.of("sector", "exporter", "importer", "value_usd_mn", "source", "quality");
  static final List<String> TARIFF_COLUMNS = List.of("sector", "exporter", "importer", "ad_valorem",
      "anti_dumping", "non_tariff_barrier", "export_control", "source", "quality");
  static final List<String> ELASTICITY_COLUMNS =
      List.of("sector", "region", "import_demand", "substitution", "export_supply", "source", "quality");
  /** Optional column of elasticities.csv: a short-run substitution elasticity (blank: none). */
  static final String SHORT_RUN = "substitution_short_run";
  /** USD per USD million. */
  static final double MILLION = 1e6;
  /**
   * Largest flow accepted, USD million per year: 1e9 is about 40 times world merchandise trade,
   * and keeps every sum of flows in USD far from overflow.
   */
  static final double MAX_FLOW_USD_MN = 1e9;
  /** Largest rate accepted (a fraction: 100 is 10,000 %); keeps powers of the wedge finite. */
  static final double MAX_RATE = 100;

  final Map<String, TradeMatrix> flows = new LinkedHashMap<>();
  final Map<String, TariffMatrix> tariffs = new LinkedHashMap<>();
  Elasticities elasticities;
  /** Where the first short-run substitution elasticity was given, or null when none was. */
  Location firstShortRun;
  final Map<List<Object>, Integer> sourceCounts = new LinkedHashMap<>();

  private final Fields f;
  private final List<String> regions;
  private final List<String> sectors;

  DataTables(Fields f, List<String> regions, List<String> sectors) {
    this.f = f;
    this.regions = regions;
    this.sectors = sectors;
  }

  List<DataSource> sources() {
    List<DataSource> out = new ArrayList<>();
    sourceCounts.forEach((k, n) -> out.add(DataSource.of((String) k.get(0), (String) k.get(1), (Quality) k.get(2), n)));
    return out;
  }

  private void countSource(CsvTable.Row row) {
    Quality q = Quality.parse(row.get("quality"));
    if (q != null && !row.get("source").isBlank()) {
      sourceCounts.merge(List.of(row.file(), row.get("source"), q), 1, Integer::sum);
    }
  }

  /** A code cell: one of {@code allowed}, or {@code *} when {@code wildcard}; null after a problem. */
  private String code(CsvTable.Row row, String column, List<String> allowed, boolean wildcard, String what) {
    String v = row.get(column);
    if (wildcard && v.equals("*")) {
      return v;
    }
    if (!allowed.contains(v)) {
      f.problem(row.at(column), "a " + what + " code, one of " + allowed + (wildcard ? " or *" : ""),
          Problems.quote(v));
      return null;
    }
    return v;
  }

  /**
   * A rate cell: a plain decimal number ({@code 0.25}) or a percentage ({@code 25%}), finite,
   * above -1 and at most {@link #MAX_RATE}; an empty cell is 0 when {@code emptyIsZero}. A
   * quarter, {@code inf}, {@code NaN} or {@code 1,000} is refused. Null after a problem.
   */
  private Double rate(CsvTable.Row row, String column, boolean emptyIsZero) {
    String v = row.get(column);
    if (v.isEmpty() && emptyIsZero) {
      return 0.0;
    }
    boolean percent = v.endsWith("%");
    Double d = Fields.plainNumber(percent ? v.substring(0, v.length() - 1) : v);
    if (d != null && percent) {
      d = d / 100.0;
    }
    if (d == null || !(d > -1 && d <= MAX_RATE)) {
      f.problem(row.at(column), "a rate in (-1, " + (int) MAX_RATE + "] such as 0.25 or 25%",
          v.isEmpty() ? "an empty cell" : Problems.quote(v));
      return null;
    }
    return d;
  }

  /** A flow cell in USD million: a plain decimal number in [0, {@link #MAX_FLOW_USD_MN}]; null after a problem. */
  private Double flow(CsvTable.Row row) {
    String v = row.get("value_usd_mn");
    Double d = Fields.plainNumber(v);
    if (d == null && Fields.looksPlain(v)) {
      d = Double.POSITIVE_INFINITY; // 1e400: too large, reported below
    }
    if (d == null) {
      f.problem(row.at("value_usd_mn"), "a flow in USD million >= 0, written as a plain number such as 1250.5",
          v.isEmpty() ? "an empty cell" : Problems.quote(v));
      return null;
    }
    if (d < 0) {
      f.problem(row.at("value_usd_mn"), "a flow in USD million >= 0", Problems.quote(v));
      return null;
    }
    if (d > MAX_FLOW_USD_MN) {
      f.problem(row.at("value_usd_mn"), "a flow in USD million of at most 1e9 (world trade is about 3e7)",
          Problems.quote(v));
      return null;
    }
    return d;
  }

  void readFlows(String text) {
    long before = f.problems.size();
    CsvTable t = CsvTable.read(FLOWS, text, FLOW_COLUMNS, f);
    double total = 0;
    int n = regions.size();
    Map<String, double[][]> m = new LinkedHashMap<>();
    Map<String, Integer> seenAt = new LinkedHashMap<>();
    for (String s : sectors) {
      m.put(s, new double[n][n]);
    }
    for (CsvTable.Row row : t.rows) {
      countSource(row);
      String s = code(row, "sector", sectors, false, "sector");
      String x = code(row, "exporter", regions, false, "region");
      String i = code(row, "importer", regions, false, "region");
      Double v = flow(row);
      if (s == null || x == null || i == null || v == null) {
        continue;
      }
      Integer prior = seenAt.putIfAbsent(s + "/" + x + "/" + i, row.line());
      if (prior != null) {
        f.problem(row.at("sector"), "one row per flow", "a second row for " + s + " " + x + "->" + i
            + " (first at line " + prior + ")");
        continue;
      }
      m.get(s)[regions.indexOf(x)][regions.indexOf(i)] = v * MILLION;
      total += v;
    }
    if (t.readable && t.records == 0) {
      f.problem(new Location(FLOWS, t.headerLine, 1, "rows"), "at least one flow row after the header ("
          + String.join(",", FLOW_COLUMNS) + ")", "only the header");
    } else if (t.readable && !t.rows.isEmpty() && total == 0 && f.problems.size() == before) {
      f.problem(t.rows.get(0).at("value_usd_mn"), "at least one flow > 0 (a study of no trade cannot run)",
          "only zero flows");
    }
    m.forEach((s, a) -> flows.put(s, TradeMatrix.of(s, regions, a)));
  }

  void readTariffs(String text) {
    CsvTable t = CsvTable.read(TARIFFS, text, TARIFF_COLUMNS, f);
    int n = regions.size();
    Map<String, TariffWedge[][]> w = new LinkedHashMap<>();
    Map<String, int[]> specificity = new LinkedHashMap<>();
    for (String s : sectors) {
      TariffWedge[][] a = new TariffWedge[n][n];
      for (TariffWedge[] r : a) {
        java.util.Arrays.fill(r, TariffWedge.FREE);
      }
      w.put(s, a);
    }
    Map<String, Integer> lineOf = new LinkedHashMap<>();
    for (CsvTable.Row row : t.rows) {
      countSource(row);
      String s = code(row, "sector", sectors, true, "sector");
      String x = code(row, "exporter", regions, true, "region");
      String i = code(row, "importer", regions, true, "region");
      Double av = rate(row, "ad_valorem", false);
      Double ad = rate(row, "anti_dumping", true);
      Double ntb = rate(row, "non_tariff_barrier", true);
      Double xc = rate(row, "export_control", true);
      if (s == null || x == null || i == null || av == null || ad == null || ntb == null || xc == null) {
        continue;
      }
      Integer first = lineOf.putIfAbsent(s + "," + x + "," + i, row.line());
      if (first != null) {
        f.problem(row.at("sector"), "one row per sector, exporter and importer",
            "a second row for " + s + "," + x + "," + i + " (first at line " + first + ")");
        continue;
      }
      int spec = (s.equals("*") ? 0 : 4) + (x.equals("*") ? 0 : 2) + (i.equals("*") ? 0 : 1);
      TariffWedge wedge = TariffWedge.of(av, ad, ntb, xc, 0, 0);
      for (String ss : expand(s, sectors)) {
        for (String xx : expand(x, regions)) {
          for (String ii : expand(i, regions)) {
            int[] prior = specificity.get(ss + "/" + xx + "/" + ii);
            if (prior == null || prior[0] < spec) {
              specificity.put(ss + "/" + xx + "/" + ii, new int[] {spec});
              w.get(ss)[regions.indexOf(xx)][regions.indexOf(ii)] = wedge;
            }
          }
        }
      }
    }
    w.forEach((s, a) -> tariffs.put(s, TariffMatrix.of(s, regions, a)));
  }

  private static List<String> expand(String code, List<String> all) {
    return code.equals("*") ? all : List.of(code);
  }

  /** A parsed elasticity cell: a shared named parameter, or a distribution to name per sector and region. */
  private record Cell(Parameter named, org.tariffcast.model.distribution.Distribution dist) {
    Parameter at(String name) {
      return named != null ? named : Parameter.of(name, dist);
    }
  }

  void readElasticities(String text, ValueReader values) {
    CsvTable t = CsvTable.read(ELASTICITIES, text, ELASTICITY_COLUMNS, List.of(SHORT_RUN), f);
    Map<String, Cell[]> chosen = new LinkedHashMap<>();
    Map<String, int[]> spec = new LinkedHashMap<>();
    Map<String, Integer> lineOf = new LinkedHashMap<>();
    long before = f.problems.size();
    for (CsvTable.Row row : t.rows) {
      countSource(row);
      String s = code(row, "sector", sectors, true, "sector");
      String r = code(row, "region", regions, true, "region");
      Cell em = cell(row, "import_demand", values, ValueReader.Range.NEGATIVE);
      Cell es = cell(row, "substitution", values, ValueReader.Range.POSITIVE_FINITE);
      Cell ex = cell(row, "export_supply", values, ValueReader.Range.POSITIVE);
      Cell sr = NONE;
      if (!row.get(SHORT_RUN).isBlank()) {
        sr = cell(row, SHORT_RUN, values, ValueReader.Range.POSITIVE_FINITE_RANGE);
        if (firstShortRun == null) {
          firstShortRun = row.at(SHORT_RUN);
        }
      }
      if (s == null || r == null || em == null || es == null || ex == null || sr == null) {
        continue;
      }
      Integer first = lineOf.putIfAbsent(s + "," + r, row.line());
      if (first != null) {
        f.problem(row.at("sector"), "one row per sector and region",
            "a second row for " + s + "," + r + " (first at line " + first + ")");
        continue;
      }
      int level = (s.equals("*") ? 0 : 2) + (r.equals("*") ? 0 : 1);
      for (String ss : expand(s, sectors)) {
        for (String rr : expand(r, regions)) {
          String key = Elasticities.key(ss, rr);
          int[] prior = spec.get(key);
          if (prior == null || prior[0] < level) {
            spec.put(key, new int[] {level});
            chosen.put(key, new Cell[] {em, es, ex, sr});
          }
        }
      }
    }
    List<String> missing = new ArrayList<>();
    Map<String, ElasticitySet> sets = new LinkedHashMap<>();
    for (String s : sectors) {
      for (String r : regions) {
        Cell[] c = chosen.get(Elasticities.key(s, r));
        if (c == null) {
          missing.add(s + "/" + r);
          continue;
        }
        String suffix = "." + s + "." + r;
        sets.put(Elasticities.key(s, r),
            ElasticitySet.of(c[0].at("Em" + suffix), c[1].at("Es" + suffix), c[2].at("Ex" + suffix),
                c[3] == NONE ? null : c[3].at("EsSR" + suffix)));
      }
    }
    if (!missing.isEmpty()) {
      if (t.readable && f.problems.size() == before) {
        f.problem(new Location(ELASTICITIES, 0, 0, "sector,region"),
            "a row covering every sector and region (use * for all)", "none for " + abbreviate(missing));
      }
      return;
    }
    elasticities = Elasticities.of(sectors, regions, sets);
  }

  /** A blank optional cell. */
  private static final Cell NONE = new Cell(null, null);

  private Cell cell(CsvTable.Row row, String column, ValueReader values, ValueReader.Range range) {
    Parameter p = values.read(row.at(column), row.get(column), "(cell)", range);
    if (p == null) {
      return null;
    }
    return p.name().equals("(cell)") ? new Cell(null, p.distribution()) : new Cell(p, null);
  }

  private static String abbreviate(List<String> items) {
    return items.size() <= 6 ? String.join(", ", items)
        : String.join(", ", items.subList(0, 6)) + " and " + (items.size() - 6) + " more";
  }

}
