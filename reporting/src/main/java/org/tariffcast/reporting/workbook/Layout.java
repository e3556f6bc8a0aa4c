package org.tariffcast.reporting.workbook;

import org.apache.poi.ss.usermodel.ClientAnchor;
import org.apache.poi.ss.usermodel.PrintSetup;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFClientAnchor;
import org.apache.poi.xssf.usermodel.XSSFDrawing;
import org.apache.poi.xssf.usermodel.XSSFPicture;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.tariffcast.reporting.charts.RenderedChart;

/** Column widths, frozen panes, print setup and pictures: what makes a sheet readable on screen and on paper. */
final class Layout {
  /** Width at which an embedded chart is shown, in screen pixels. */
  static final int PICTURE_WIDTH_PX = 760;

  private Layout() {}

  /** Column widths in characters, from column A. */
  static void widths(XSSFSheet sheet, int... chars) {
    for (int i = 0; i < chars.length; i++) {
      sheet.setColumnWidth(i, Math.min(255, chars[i]) * 256);
    }
  }

  /** Sets the same width for columns {@code from..to}. */
  static void widths(XSSFSheet sheet, int from, int to, int chars) {
    for (int i = from; i <= to; i++) {
      sheet.setColumnWidth(i, Math.min(255, chars) * 256);
    }
  }

  /** Printable width and height of a landscape A4 page inside {@link #print}'s margins, in points. */
  static final double PAGE_WIDTH_PT = 842 - 2 * 0.4 * 72;
  static final double PAGE_HEIGHT_PT = 595 - (0.5 + 0.6) * 72;
  /** Room kept free on every page for differences between this estimate and the application's layout. */
  static final double SLACK = 0.94;
  /** Smallest print scale, in %: below it, text is too small to read on paper. */
  static final int MIN_SCALE = 55;

  /** A sheet's pages as planned: the print scale (%) and the rows that start a new page. */
  record Pages(int scale, java.util.List<Integer> breaks) {
    int count() {
      return breaks.size() + 1;
    }
  }

  /**
   * Landscape A4, narrow margins, the first {@code headerRows} rows repeated on every page (when
   * {@code headerRows > 0}), a footer naming the run with page numbers, a print area over
   * everything the sheet holds, and page breaks placed by {@link #plan} so that no block of
   * {@code keep} (a chart's rows, a table's heading with its first rows) is cut by a page break;
   * the scale shrinks (not below {@link #MIN_SCALE} %) until the sheet fits in {@code maxPages}.
   */
  static Pages print(XSSFSheet sheet, long runId, int headerRows, int maxPages, java.util.List<int[]> keep) {
    PrintSetup ps = sheet.getPrintSetup();
    ps.setLandscape(true);
    ps.setPaperSize(PrintSetup.A4_PAPERSIZE);
    sheet.setFitToPage(false);
    sheet.setAutobreaks(true);
    sheet.setMargin(Sheet.LeftMargin, 0.4);
    sheet.setMargin(Sheet.RightMargin, 0.4);
    sheet.setMargin(Sheet.TopMargin, 0.5);
    sheet.setMargin(Sheet.BottomMargin, 0.6);
    sheet.setMargin(Sheet.HeaderMargin, 0.2);
    sheet.setMargin(Sheet.FooterMargin, 0.25);
    sheet.setHorizontallyCenter(false);
    if (headerRows > 0) {
      sheet.setRepeatingRows(new CellRangeAddress(0, headerRows - 1, -1, -1));
    }
    int lastRow = lastRow(sheet, keep);
    int lastCol = lastColumn(sheet);
    sheet.getWorkbook().setPrintArea(sheet.getWorkbook().getSheetIndex(sheet), 0, lastCol, 0, lastRow);
    Pages pages = plan(sheet, headerRows, lastRow, lastCol, maxPages, keep);
    ps.setScale((short) pages.scale());
    for (int b : pages.breaks()) {
      sheet.setRowBreak(b - 1);
    }
    sheet.getFooter().setLeft("tariffcast run " + runId);
    sheet.getFooter().setCenter(sheet.getSheetName().replace("&", "&&"));
    sheet.getFooter().setRight("Page &P of &N");
    return pages;
  }

  /** Widest a column grows to hold its text, in characters; longer text wraps in its cell. */
  static final int MAX_CHARS = 48;

  /**
   * Column widths from measured string widths: every column is at least as wide as its widest
   * single-cell, unwrapped text (numbers as formatted), up to {@link #MAX_CHARS}; text wider than
   * that wraps, and its row grows to the lines it needs. Merged cells and wrapped cells are left
   * to their own row heights.
   */
  static void fitColumns(XSSFSheet sheet, Styles styles) {
    java.util.Set<Long> merged = new java.util.HashSet<>();
    for (CellRangeAddress m : sheet.getMergedRegions()) {
      for (int r = m.getFirstRow(); r <= m.getLastRow(); r++) {
        for (int c = m.getFirstColumn(); c <= m.getLastColumn(); c++) {
          merged.add(((long) r << 20) | c);
        }
      }
    }
    org.apache.poi.ss.usermodel.DataFormatter formatter = new org.apache.poi.ss.usermodel.DataFormatter(java.util.Locale.ROOT);
    java.util.Map<Integer, Double> need = new java.util.HashMap<>();
    java.util.List<org.apache.poi.xssf.usermodel.XSSFCell> tooWide = new java.util.ArrayList<>();
    double cap = TextWidth.columnPoints(MAX_CHARS * 256) - 6;
    for (org.apache.poi.ss.usermodel.Row row : sheet) {
      for (org.apache.poi.ss.usermodel.Cell cell : row) {
        var c = (org.apache.poi.xssf.usermodel.XSSFCell) cell;
        if (merged.contains(((long) c.getRowIndex() << 20) | c.getColumnIndex()) || c.getCellStyle().getWrapText()) {
          continue;
        }
        String text = formatter.formatCellValue(c);
        if (text.isEmpty()) {
          continue;
        }
        if (c.getCellType() == org.apache.poi.ss.usermodel.CellType.STRING) {
          var right = row.getCell(c.getColumnIndex() + 1);
          if (right == null || formatter.formatCellValue(right).isEmpty()) {
            continue; // text runs on over the empty cell to its right: nothing is cut
          }
        }
        var font = c.getCellStyle().getFont();
        double w = TextWidth.points(text, font.getFontHeightInPoints(), font.getBold());
        if (w > cap) {
          tooWide.add(c);
          w = cap;
        }
        need.merge(c.getColumnIndex(), w, Math::max);
      }
    }
    need.forEach((col, w) -> {
      int width = TextWidth.width256(w + 6);
      if (width > sheet.getColumnWidth(col)) {
        sheet.setColumnWidth(col, Math.min(255 * 256, width));
      }
    });
    for (var c : tooWide) {
      c.setCellStyle(styles.wrapped(c.getCellStyle()));
      var font = c.getCellStyle().getFont();
      int lines = TextWidth.lines(formatter.formatCellValue(c), TextWidth.columnPoints(sheet.getColumnWidth(
          c.getColumnIndex())) - 6, font.getFontHeightInPoints(), font.getBold());
      float h = (float) (lines * font.getFontHeightInPoints() * 1.32 + 4);
      if (h > c.getRow().getHeightInPoints()) {
        c.getRow().setHeightInPoints(h);
      }
    }
  }

  /** Without blocks to keep together and without a page limit (annex sheets). */
  static Pages print(XSSFSheet sheet, long runId, int headerRows) {
    return print(sheet, runId, headerRows, Integer.MAX_VALUE, java.util.List.of());
  }

  /** The last row that holds a cell or a kept block. */
  static int lastRow(XSSFSheet sheet, java.util.List<int[]> keep) {
    int last = Math.max(0, sheet.getLastRowNum());
    for (int[] k : keep) {
      last = Math.max(last, k[1] - 1);
    }
    return last;
  }

  /** The last column that holds a cell, or that a picture or chart reaches. */
  static int lastColumn(XSSFSheet sheet) {
    int last = 0;
    for (org.apache.poi.ss.usermodel.Row row : sheet) {
      last = Math.max(last, row.getLastCellNum() - 1);
    }
    XSSFDrawing drawing = sheet.getDrawingPatriarch();
    if (drawing != null) {
      for (var shape : drawing.getShapes()) {
        if (shape.getAnchor() instanceof XSSFClientAnchor a) {
          last = Math.max(last, a.getCol2() - (a.getDx2() == 0 ? 1 : 0));
        }
      }
    }
    return last;
  }

  /** Height of a row in points, as the sheet says. */
  static double rowPoints(XSSFSheet sheet, int r) {
    var row = sheet.getRow(r);
    return row == null ? sheet.getDefaultRowHeightInPoints() : row.getHeightInPoints();
  }

  /** Width of columns {@code 0..lastCol} in points. */
  static double widthPoints(XSSFSheet sheet, int lastCol) {
    double w = 0;
    for (int c = 0; c <= lastCol; c++) {
      w += sheet.isColumnHidden(c) ? 0 : TextWidth.columnPoints(sheet.getColumnWidth(c));
    }
    return w;
  }

  /**
   * Plans the pages: the largest scale (≤ 100 %) at which the print area is one page wide, then
   * page breaks row by row, moving a break up to the start of a kept block that would be cut;
   * while the sheet needs more than {@code maxPages} pages, the scale goes down 5 points at a time.
   */
  static Pages plan(XSSFSheet sheet, int headerRows, int lastRow, int lastCol, int maxPages, java.util.List<int[]> keep) {
    double width = Math.max(widthPoints(sheet, lastCol), 1);
    int scale = (int) Math.min(100, Math.floor(PAGE_WIDTH_PT * SLACK / width * 100));
    // never below MIN_SCALE: a sheet wider than that (an annex table) prints across pages instead
    scale = Math.max(scale, MIN_SCALE);
    double titles = 0;
    for (int r = 0; r < headerRows; r++) {
      titles += rowPoints(sheet, r);
    }
    while (true) {
      double page = PAGE_HEIGHT_PT * SLACK / (scale / 100.0);
      java.util.List<Integer> breaks = new java.util.ArrayList<>();
      double used = 0;
      int pageStart = 0;
      for (int r = 0; r <= lastRow; r++) {
        double h = rowPoints(sheet, r);
        if (used + h > page && r > pageStart) {
          int at = r;
          for (int[] k : keep) {
            if (k[0] < r && r < k[1] && k[0] > pageStart) {
              at = Math.min(at, k[0]);
            }
          }
          breaks.add(at);
          pageStart = at;
          used = titles;
          for (int x = at; x < r; x++) {
            used += rowPoints(sheet, x);
          }
        }
        used += h;
      }
      if (breaks.size() + 1 <= maxPages || scale <= MIN_SCALE) {
        return new Pages(scale, java.util.List.copyOf(breaks));
      }
      scale = Math.max(MIN_SCALE, scale - 5);
    }
  }

  /**
   * Places a chart's PNG with its top-left corner at ({@code row}, {@code col}), shown
   * {@link #PICTURE_WIDTH_PX} wide. Returns the first free row below it.
   */
  static int picture(XSSFSheet sheet, RenderedChart chart, int row, int col) {
    Workbook wb = sheet.getWorkbook();
    int index = wb.addPicture(chart.png(), Workbook.PICTURE_TYPE_PNG);
    XSSFDrawing drawing = sheet.createDrawingPatriarch();
    XSSFClientAnchor anchor = drawing.createAnchor(0, 0, 0, 0, col, row, col + 1, row + 1);
    anchor.setAnchorType(ClientAnchor.AnchorType.MOVE_DONT_RESIZE);
    XSSFPicture picture = drawing.createPicture(anchor, index);
    double pixelWidth = picture.getImageDimension().getWidth();
    double scale = PICTURE_WIDTH_PX / pixelWidth;
    picture.resize(); // the image's own size first (96 dpi) ...
    picture.resize(scale); // ... then relative to it
    double heightPx = picture.getImageDimension().getHeight() * scale;
    double rowPx = sheet.getDefaultRowHeightInPoints() * 96 / 72;
    return row + (int) Math.ceil(heightPx / rowPx) + 2;
  }
}
