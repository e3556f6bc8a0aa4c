package org.tariffcast.model.config;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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
  /** Data records after the header, including those dropped for their field count. */
  final int records;
  /** The header's line (1 when there is none). */
  final int headerLine;

  private CsvTable(String file, List<Row> rows, boolean readable) {
    this(file, rows, readable, 0, 1);
  }

  private CsvTable(String file, List<Row> rows, boolean readable, int records, int headerLine) {
    this.file = file;
    this.rows = rows;
    this.readable = readable;
    this.records = records;
    this.headerLine = headerLine;
  }

  /** Reads {@code text}; problems go to {@code fields}; rows with the wrong field count are dropped. */
  static CsvTable read(String file, String text, List<String> expectedColumns, Fields fields) {
    return read(file, text, expectedColumns, List.of(), fields);
  }

  /**
   * As {@link #read(String, String, List, Fields)}, with {@code optionalColumns} that the header
   * may also name (a row's cell of an absent column reads as empty).
   */
  static CsvTable read(String file, String text, List<String> expectedColumns, List<String> optionalColumns,
      Fields fields) {
    List<Row> rows = new ArrayList<>();
    int[] lineStarts = lineStarts(text);
    CSVFormat format = CSVFormat.DEFAULT.builder()
        .setCommentMarker('#')
        .setIgnoreEmptyLines(true)
        .setTrim(true)
        .get();
    CSVParser parser = null;
    try (CSVParser p = CSVParser.parse(new StringReader(text), format)) {
      parser = p;
      List<String> header = null;
      int records = 0;
      int headerLine = 1;
      for (CSVRecord rec : p) {
        int line = lineOf(lineStarts, rec.getCharacterPosition());
        List<String> cells = new ArrayList<>(rec.toList());
        if (header == null) {
          header = checkHeader(file, line, cells, expectedColumns, optionalColumns, fields);
          if (header == null) {
            return new CsvTable(file, List.of(), false);
          }
          headerLine = line;
          continue;
        }
        records++;
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
      return new CsvTable(file, rows, true, records, headerLine);
    } catch (IOException | RuntimeException e) {
      syntaxProblem(file, text, lineStarts, parser == null ? 0 : parser.getCurrentLineNumber(), e, fields);
      return new CsvTable(file, List.of(), false);
    }
  }

  private static final Pattern START_LINE = Pattern.compile("\\(startline (\\d+)\\)");
  private static final Pattern AT_POSITION = Pattern.compile("at line: (\\d+), position: (\\d+)");

  /**
   * Reports a CSV syntax error at its line (and, where the parser says where, its field), in
   * words rather than the parser's exception: Commons CSV says "(startline N) EOF reached before
   * encapsulated token finished" for a quote never closed, and "Invalid character between
   * encapsulated token and delimiter at line: N, position: P" for text after a closing quote.
   */
  private static void syntaxProblem(String file, String text, int[] lineStarts, long parserLine, Exception e,
      Fields fields) {
    Throwable cause = e;
    while (cause.getCause() != null && cause.getCause() != cause) {
      cause = cause.getCause();
    }
    String message = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
    Matcher start = START_LINE.matcher(message);
    Matcher at = AT_POSITION.matcher(message);
    if (start.find()) {
      int line = Integer.parseInt(start.group(1));
      fields.problem(new Location(file, line, fieldAt(text, lineStarts, line, Long.MAX_VALUE), "row"),
          "a closing '\"' for the quoted cell that starts on this line", "the end of the file");
    } else if (at.find()) {
      int line = Integer.parseInt(at.group(1));
      long position = Long.parseLong(at.group(2));
      fields.problem(new Location(file, line, fieldAt(text, lineStarts, line, position), "row"),
          "a quoted cell followed by ',' or the end of the line (write a quote inside quotes as \"\")",
          "text after its closing quote");
    } else {
      int line = (int) Math.max(1, Math.min(parserLine, lineStarts.length));
      fields.problem(new Location(file, line, 1, "row"), "well-formed CSV", Problems.quote(message));
    }
  }

  /** The 1-based CSV field of {@code line} that holds stream position {@code position} (its last field if beyond). */
  private static int fieldAt(String text, int[] lineStarts, int line, long position) {
    if (line < 1 || line > lineStarts.length) {
      return 1;
    }
    int from = lineStarts[line - 1];
    int to = line < lineStarts.length ? lineStarts[line] : text.length();
    to = (int) Math.min(to, Math.max(from, Math.min(position, Integer.MAX_VALUE)));
    int field = 1;
    boolean quoted = false;
    for (int i = from; i < to; i++) {
      char c = text.charAt(i);
      if (c == '"') {
        quoted = !quoted;
      } else if (c == ',' && !quoted) {
        field++;
      }
    }
    return field;
  }

  private static List<String> checkHeader(String file, int line, List<String> cells, List<String> expected,
      List<String> optional, Fields fields) {
    List<String> header = cells.stream().map(c -> c.trim().toLowerCase(Locale.ROOT)).toList();
    boolean ok = true;
    Set<String> seen = new LinkedHashSet<>();
    for (int i = 0; i < header.size(); i++) {
      String h = header.get(i);
      if (!seen.add(h)) {
        fields.problem(new Location(file, line, i + 1, "header"), "each column once", "'" + h + "' again");
        ok = false;
      } else if (!expected.contains(h) && !optional.contains(h)) {
        fields.problem(new Location(file, line, i + 1, "header"), "only the columns " + String.join(",", expected)
            + (optional.isEmpty() ? "" : " and optionally " + String.join(",", optional)),
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
    String source = row.get("source");
    int bad = Problems.firstControl(source, false);
    if (source.isBlank()) {
      fields.problem(row.at("source"), "the source of this row (publication and year)", "an empty cell");
    } else if (bad >= 0) {
      fields.problem(row.at("source"), "a source without control characters",
          String.format("U+%04X at character %d of %s", (int) source.charAt(bad), bad + 1, Problems.quote(source)));
    } else if (source.length() > Fields.MAX_TEXT) {
      fields.problem(row.at("source"), "a source of at most " + Fields.MAX_TEXT + " characters",
          source.length() + " characters");
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
