package org.tariffcast.app.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.tariffcast.model.result.KpiKey;
import org.tariffcast.model.result.Window;

/**
 * KPI rows with named value columns (mean, P5, ... or mean A, mean B, B - A), printed for
 * people (grouped by scenario, USD bn or mn and %) or for scripts (csv, json: raw USD and
 * fractions).
 */
final class KpiTable {
  private final List<String> columns;
  private final List<Row> rows = new ArrayList<>();

  record Row(KpiKey key, double[] values) {}

  KpiTable(String... columns) {
    this.columns = List.of(columns);
  }

  void add(KpiKey key, double... values) {
    rows.add(new Row(key, values));
  }

  boolean isEmpty() {
    return rows.isEmpty();
  }

  void print(KpiOptions.Format format, PrintWriter out, Map<String, String> notes) {
    switch (format) {
      case text -> text(out, notes);
      case csv -> csv(out);
      case json -> out.println(json());
    }
  }

  /** Grouped by scenario; {@code notes} adds words to a scenario's heading (its probability). */
  void text(PrintWriter out, Map<String, String> notes) {
    String scenario = null;
    for (Row r : rows) {
      if (!r.key().scenario().equals(scenario)) {
        scenario = r.key().scenario();
        out.println();
        out.println(scenario + notes.getOrDefault(scenario, ""));
        StringBuilder head = new StringBuilder(String.format(Locale.ROOT, "  %-30s %-34s %-6s", "METRIC", "KPI",
            "UNIT"));
        columns.forEach(c -> head.append(String.format(Locale.ROOT, " %10s", c.toUpperCase(Locale.ROOT))));
        out.println(head.toString().stripTrailing());
      }
      Unit unit = Unit.of(r);
      StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "  %-30s %-34s %-6s", r.key().metric().title(),
          words(r.key()), unit.name));
      for (double v : r.values()) {
        line.append(String.format(Locale.ROOT, " %10s", unit.format(v)));
      }
      out.println(line);
    }
  }

  void csv(PrintWriter out) {
    out.println("scenario,metric,breakdown,window,measure,unit," + String.join(",", columns));
    for (Row r : rows) {
      KpiKey k = r.key();
      StringBuilder line = new StringBuilder(String.join(",", csvField(k.scenario()), k.metric().label(),
          csvField(k.breakdown()), k.window().label(), k.measure().label(), rawUnit(k)));
      for (double v : r.values()) {
        line.append(',').append(Double.isNaN(v) ? "" : number(v));
      }
      out.println(line);
    }
  }

  String json() {
    StringBuilder b = new StringBuilder("[");
    for (Row r : rows) {
      KpiKey k = r.key();
      b.append(b.length() > 1 ? ",\n " : "\n ").append("{\"scenario\": ").append(jsonString(k.scenario()))
          .append(", \"metric\": \"").append(k.metric().label()).append("\", \"breakdown\": ")
          .append(jsonString(k.breakdown())).append(", \"window\": \"").append(k.window().label())
          .append("\", \"measure\": \"").append(k.measure().label()).append("\", \"unit\": \"").append(rawUnit(k))
          .append('"');
      for (int i = 0; i < columns.size(); i++) {
        b.append(", \"").append(columns.get(i).toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_")).append("\": ")
            .append(number(r.values()[i]));
      }
      b.append('}');
    }
    return b.append(rows.isEmpty() ? "]" : "\n]").toString();
  }

  /** {@code final year, total, % vs baseline}. */
  static String words(KpiKey k) {
    String measure = switch (k.measure()) {
      case LEVEL -> "level";
      case CHANGE_VS_BASELINE -> "change vs baseline";
      case PCT_CHANGE_VS_BASELINE -> "% vs baseline";
      case PCT_CHANGE_VS_BASE_YEAR -> "% vs base year";
    };
    return (k.window() == Window.FINAL_YEAR ? "final year" : "horizon") + ", " + k.breakdown() + ", " + measure;
  }

  static String rawUnit(KpiKey k) {
    return k.measure().isFraction() ? "fraction" : "USD";
  }

  /** A human unit for a row: % for fractions, else USD bn, mn or plain by the row's largest value. */
  record Unit(String name, double scale, int decimals) {
    static Unit of(Row r) {
      if (r.key().measure().isFraction()) {
        return new Unit("%", 100, 1);
      }
      double max = 0;
      for (double v : r.values()) {
        max = Math.max(max, Double.isFinite(v) ? Math.abs(v) : 0);
      }
      return max >= 1e9 ? new Unit("USD bn", 1e-9, 2) : max >= 1e6 ? new Unit("USD mn", 1e-6, 1)
          : new Unit("USD", 1, 0);
    }

    String format(double v) {
      return Double.isNaN(v) ? "-" : String.format(Locale.ROOT, "%,." + decimals + "f", v * scale);
    }
  }

  static String number(double v) {
    return Double.isFinite(v) ? Double.toString(v) : Double.isNaN(v) ? "null" : v > 0 ? "\"Infinity\"" : "\"-Infinity\"";
  }

  static String csvField(String s) {
    return s.contains(",") || s.contains("\"") ? "\"" + s.replace("\"", "\"\"") + "\"" : s;
  }

  static String jsonString(String s) {
    StringBuilder b = new StringBuilder("\"");
    for (char c : s.toCharArray()) {
      switch (c) {
        case '"' -> b.append("\\\"");
        case '\\' -> b.append("\\\\");
        default -> {
          if (c < 0x20) {
            b.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
          } else {
            b.append(c);
          }
        }
      }
    }
    return b.append('"').toString();
  }
}
