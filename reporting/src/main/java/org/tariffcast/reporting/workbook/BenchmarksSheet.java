package org.tariffcast.reporting.workbook;

import java.util.List;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.tariffcast.reporting.text.ChangedSince;
import org.tariffcast.reporting.text.Reconciliation;

/**
 * Published estimates beside the study (the brief's "Against published estimates": each
 * benchmark with the study's median and 90 % interval, and why one lies outside, backed by the
 * engine's re-runs), then what changed since the previous comparable run. Text only: the units
 * differ from row to row (% or USD bn), so each value is written as the brief prints it.
 */
final class BenchmarksSheet {
  static final int HEADER_ROW = 2;
  private static final int LAST_COLUMN = 6;

  private final WorkbookContext ctx;
  private final XSSFSheet sheet;
  private final Cells cells;
  private final Styles st;

  BenchmarksSheet(WorkbookContext ctx, XSSFSheet sheet) {
    this.ctx = ctx;
    this.sheet = sheet;
    this.cells = ctx.cells;
    this.st = ctx.styles;
  }

  void write() {
    Layout.widths(sheet, 30, 34, 16, 16, 22, 9, 60);
    var l = ctx.labels;
    cells.text(sheet, 0, 0, l.word("wb.benchmarks.title", "Published estimates and what changed"), st.title);
    Reconciliation rec = new Reconciliation(ctx.data, ctx.labels);
    cells.paragraph(sheet, 1, 0, LAST_COLUMN, rec.isEmpty() ? l.word("wb.benchmarks.none", "The study lists no "
        + "published estimates (benchmarks: in study.yml).") : rec.lead(), st.subtitle);
    cells.header(sheet, HEADER_ROW, 0, l.word("published.column.source", "Published by"),
        l.word("published.column.kpi", "Scenario and indicator"), l.word("published.column.value", "Published"),
        l.word("wb.benchmarks.median", "Study median"), l.word("wb.benchmarks.interval", "Study 90 % interval"),
        l.word("published.column.inside", "Inside?"), l.word("wb.benchmarks.why", "Why, when outside"));
    int r = HEADER_ROW + 1;
    for (Reconciliation.Row row : rec.rows()) {
      String[] interval = row.study().split(" \\(", 2);
      wrapped(r++, row.benchmark().source(), row.kpi(), row.published(), interval[0],
          interval.length > 1 ? interval[1].replaceAll("\\)$", "") : "", rec.insideWord(row), row.why());
    }
    r++;
    ChangedSince changed = new ChangedSince(ctx.data, ctx.labels);
    cells.text(sheet, r++, 0, changed.heading(), st.section);
    for (String s : changed.sentences()) {
      cells.paragraph(sheet, r++, 0, LAST_COLUMN, s, st.sentence);
    }
    List<String[]> table = changed.table();
    if (!table.isEmpty()) {
      cells.header(sheet, r++, 0, table.get(0));
      for (String[] row : table.subList(1, table.size())) {
        wrapped(r++, row);
      }
    }
    sheet.createFreezePane(0, HEADER_ROW + 1);
    ctx.print(sheet, HEADER_ROW + 1);
  }

  /** A row of wrapped text cells, as tall as its longest cell needs. */
  private void wrapped(int r, String... values) {
    int lines = 1;
    for (int c = 0; c < values.length; c++) {
      cells.text(sheet, r, c, values[c], st.wrap);
      lines = Math.max(lines, TextWidth.lines(values[c], TextWidth.columnPoints(sheet.getColumnWidth(c)) - 6,
          Styles.BODY_POINTS, false));
    }
    Cells.row(sheet, r).setHeightInPoints((float) Math.max(sheet.getDefaultRowHeightInPoints(),
        lines * TextWidth.LINE_POINTS + 3));
  }
}
