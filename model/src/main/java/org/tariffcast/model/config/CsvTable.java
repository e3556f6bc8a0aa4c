package org.tariffcast.model.config;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.tariffcast.model.trade.Quality;

/**
 * A CSV file of a study, read with Apache Commons CSV: a header row naming exactly the expected
 * columns (in any order), then data rows. Lines starting with {@code #} are comments. Each row
 * knows its line, and each cell its column number, for problem messages. Every data row must
 * carry non-empty {@code source} and {@code quality} cells.
 */
final class CsvTable {
  /** One data row. */
  record Row(String file, int line, List<String> header, List<String> cells) {
    String get(String column) {
      int i = header.indexOf(column);
      return i < 0 || i >= cells.size() ? "" : cells.get(i);
    }

    Location at(String column) {
      return new Location(file, line, header.indexOf(column) + 1, column);
    }
  }

  final String file;
  final List<Row> rows;
  /** False when the header (or the whole file) could not be read: rows are then empty. */
  final boolean readable;

  private CsvTable(String file, List<Row> rows, boolean readable) {
    this.file = file;
    this.rows = rows;
    this.readable = readable;
  }

  /** Reads {@code text}; problems go to {@code fields}; rows with the wrong field count are dropped. */
  static CsvTable read(String file, String text, List<String> expectedColumns, Fields fields) {
    List<Row> rows = new ArrayList<>();
    int[] lineStarts = lineStarts(text);
    CSVFormat format = CSVFormat.DEFAULT.builder()
        .setCommentMarker('#')
        .setIgnoreEmptyLines(true)
        .setTrim(true)
        .get();
    try (CSVParser parser = CSVParser.parse(new StringReader(text), format)) {
      List<String> header = null;
      for (CSVRecord rec : parser) {
        int line = lineOf(lineStarts, rec.getCharacterPosition());
        List<String> cells = new ArrayList<>(rec.toList());
        if (header == null) {
          header = checkHeader(file, line, cells, expectedColumns, fields);
          if (header == null) {
            return new CsvTable(file, List.of(), false);
          }
          continue;
        }
        if (cells.size() != header.size()) {
          fields.problem(new Location(file, line, Math.min(cells.size(), header.size()) + 1, "row"),
              header.size() + " fields (" + String.join(",", header) + ")", cells.size() + " fields");
          continue;
        }
        Row row = new Row(file, line, header, cells);
        checkProvenance(row, fields);
        rows.add(row);
      }
      if (header == null) {
        fields.problem(new Location(file, 1, 1, "header"), "a header row " + String.join(",", expectedColumns),
            "an empty file");
        return new CsvTable(file, List.of(), false);
      }
    } catch (IOException | RuntimeException e) {
      fields.problem(new Location(file, 0, 0, "file"), "well-formed CSV", Problems.quote(e.getMessage()));
      return new CsvTable(file, List.of(), false);
    }
    return new CsvTable(file, rows, true);
  }

  private static List<String> checkHeader(String file, int line, List<String> cells, List<String> expected,
      Fields fields) {
    List<String> header = cells.stream().map(c -> c.trim().toLowerCase(Locale.ROOT)).toList();
    boolean ok = true;
    Set<String> seen = new LinkedHashSet<>();
    for (int i = 0; i < header.size(); i++) {
      String h = header.get(i);
      if (!seen.add(h)) {
        fields.problem(new Location(file, line, i + 1, "header"), "each column once", "'" + h + "' again");
        ok = false;
      } else if (!expected.contains(h)) {
        fields.problem(new Location(file, line, i + 1, "header"), "only the columns " + String.join(",", expected),
            "extra column '" + cells.get(i) + "'");
        ok = false;
      }
    }
    for (String e : expected) {
      if (!seen.contains(e)) {
        fields.problem(new Location(file, line, 1, "header"), "a column '" + e + "' (columns "
            + String.join(",", expected) + ")", "no column '" + e + "'");
        ok = false;
      }
    }
    return ok ? header : null;
  }

  private static void checkProvenance(Row row, Fields fields) {
    if (row.get("source").isBlank()) {
      fields.problem(row.at("source"), "the source of this row (publication and year)", "an empty cell");
    }
    if (Quality.parse(row.get("quality")) == null) {
      fields.problem(row.at("quality"), "official, derived or approx", Problems.quote(row.get("quality")));
    }
  }

  private static int[] lineStarts(String text) {
    List<Integer> starts = new ArrayList<>();
    starts.add(0);
    for (int i = 0; i < text.length(); i++) {
      if (text.charAt(i) == '\n') {
        starts.add(i + 1);
      }
    }
    return starts.stream().mapToInt(Integer::intValue).toArray();
  }

  private static int lineOf(int[] starts, long position) {
    int lo = 0;
    int hi = starts.length - 1;
    while (lo < hi) {
      int mid = (lo + hi + 1) >>> 1;
      if (starts[mid] <= position) {
        lo = mid;
      } else {
        hi = mid - 1;
      }
    }
    return lo + 1;
  }
}
