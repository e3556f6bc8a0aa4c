package org.tariffcast.reporting.json;

import tools.jackson.core.JsonGenerator;
import tools.jackson.core.util.DefaultPrettyPrinter;
import tools.jackson.core.util.Separators;

/**
 * Indents the top two levels of {@code summary.json} and keeps everything deeper on one line, so
 * that each KPI, series point or central-case table is one line: easy to read, grep and diff.
 */
final class CompactPrettyPrinter extends DefaultPrettyPrinter {
  private static final long serialVersionUID = 1L;

  CompactPrettyPrinter() {
    super(Separators.createDefaultInstance()
        .withObjectNameValueSpacing(Separators.Spacing.AFTER)
        .withObjectEmptySeparator("")
        .withArrayEmptySeparator(""));
    indentObjectsWith(new LevelIndenter(1));
    indentArraysWith(new LevelIndenter(2));
  }

  private CompactPrettyPrinter(CompactPrettyPrinter base) {
    super(base);
  }

  @Override
  public CompactPrettyPrinter createInstance() {
    return new CompactPrettyPrinter(this);
  }

  /** Closes every object but the root on the line it started. */
  @Override
  public void writeEndObject(JsonGenerator g, int entries) {
    if (_nesting > 1) {
      --_nesting;
      g.writeRaw(entries > 0 ? " }" : "}");
    } else {
      super.writeEndObject(g, entries);
    }
  }

  /** Closes arrays below the top level on the line they started. */
  @Override
  public void writeEndArray(JsonGenerator g, int values) {
    if (_nesting > 2) {
      --_nesting;
      g.writeRaw(values > 0 ? " ]" : "]");
    } else {
      super.writeEndArray(g, values);
    }
  }

  /** Line breaks up to {@code deepest} nesting, a single space below it. */
  private record LevelIndenter(int deepest) implements DefaultPrettyPrinter.Indenter {
    @Override
    public void writeIndentation(JsonGenerator g, int level) {
      if (level <= deepest) {
        g.writeRaw("\n" + "  ".repeat(level));
      } else {
        g.writeRaw(' ');
      }
    }

    @Override
    public boolean isInline() {
      return false;
    }
  }
}
