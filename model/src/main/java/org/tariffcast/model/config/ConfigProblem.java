package org.tariffcast.model.config;

import static org.tariffcast.model.Checks.notBlank;

/**
 * One thing wrong with a configuration, located precisely:
 * {@code file:line:column: field: expected ..., found ...}. Lines and columns count from 1;
 * 0 means the problem concerns the whole file (e.g. it is missing). In CSV files the column
 * is the CSV column number (1 for the first field).
 *
 * @param file path relative to the study folder, e.g. {@code flows.csv}
 * @param line 1-based line, 0 when not applicable
 * @param column 1-based column, 0 when not applicable
 * @param field the field concerned, e.g. {@code scenarios[No deal].probability} or {@code value_usd_mn}
 * @param expected what would have been right
 * @param found what was there
 */
public record ConfigProblem(String file, int line, int column, String field, String expected, String found)
    implements Comparable<ConfigProblem> {

  public ConfigProblem {
    notBlank(file, "problem file");
    notBlank(field, "problem field");
    notBlank(expected, "problem expected");
    found = found == null ? "nothing" : found;
  }

  public static ConfigProblem of(String file, int line, int column, String field, String expected, String found) {
    return new ConfigProblem(file, line, column, field, expected, found);
  }

  /** {@code file:line:column: field: expected X, found Y}. */
  public String message() {
    return file + ":" + line + ":" + column + ": " + field + ": expected " + expected + ", found " + found;
  }

  @Override
  public int compareTo(ConfigProblem o) {
    int c = file.compareTo(o.file);
    if (c != 0) {
      return c;
    }
    c = Integer.compare(line, o.line);
    if (c != 0) {
      return c;
    }
    c = Integer.compare(column, o.column);
    return c != 0 ? c : message().compareTo(o.message());
  }

  @Override
  public String toString() {
    return message();
  }
}
