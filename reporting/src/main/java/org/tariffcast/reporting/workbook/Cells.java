package org.tariffcast.reporting.workbook;

import java.util.Optional;
import org.apache.poi.ss.SpreadsheetVersion;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFCell;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;
import org.apache.poi.xssf.usermodel.XSSFRow;
import org.apache.poi.xssf.usermodel.XSSFSheet;

/**
 * Writes cells the safe way. Text is always a string cell, never a formula, whatever it looks
 * like; text that a spreadsheet would read as a formula if retyped ({@code = + - @}) also gets the
 * quote-prefix style. Characters XML cannot carry become U+FFFD and over-long text is cut at the
 * cell limit. Numbers that are not finite are written as "n/a" text; missing values as "–".
 */
public final class Cells {
  /** What a cell shows when the run has no value for it. */
  public static final String MISSING = "–";
  private static final int MAX_TEXT = SpreadsheetVersion.EXCEL2007.getMaxTextLength();

  private final Styles styles;

  public Cells(Styles styles) {
    this.styles = styles;
  }

  public Styles styles() {
    return styles;
  }

  /** The row, created if absent. */
  public static XSSFRow row(XSSFSheet sheet, int r) {
    XSSFRow row = sheet.getRow(r);
    return row == null ? sheet.createRow(r) : row;
  }

  /** A string cell holding {@code value} exactly as text (see class comment). */
  public XSSFCell text(XSSFSheet sheet, int r, int c, String value, XSSFCellStyle style) {
    String safe = clean(value == null ? "" : value);
    // a blank cell that setCellValue makes a string cell: createCell(c, STRING) first stored an empty
    // shared string in every text cell, and a shared string costs POI an XML rendering of its key
    XSSFCell cell = row(sheet, r).createCell(c);
    cell.setCellValue(safe);
    XSSFCellStyle s = style == null ? styles.text : style;
    cell.setCellStyle(looksLikeFormula(safe) ? styles.quoted(s) : s);
    return cell;
  }

  public XSSFCell text(XSSFSheet sheet, int r, int c, String value) {
    return text(sheet, r, c, value, styles.text);
  }

  /** A numeric cell, or "n/a" text when the value is not finite. */
  public XSSFCell number(XSSFSheet sheet, int r, int c, double value, XSSFCellStyle style) {
    if (!Double.isFinite(value)) {
      return text(sheet, r, c, "n/a", styles.text);
    }
    XSSFCell cell = row(sheet, r).createCell(c, CellType.NUMERIC);
    cell.setCellValue(value);
    cell.setCellStyle(style);
    return cell;
  }

  /** A numeric cell, or {@link #MISSING} when absent. */
  public XSSFCell number(XSSFSheet sheet, int r, int c, Optional<Double> value, XSSFCellStyle style) {
    return value.isPresent() ? number(sheet, r, c, value.get(), style) : text(sheet, r, c, MISSING, styles.missing);
  }

  /** A header row of bold, shaded, wrapped cells from column {@code c0}, tall enough for its longest title. */
  public void header(XSSFSheet sheet, int r, int c0, String... titles) {
    int lines = 1;
    for (int i = 0; i < titles.length; i++) {
      text(sheet, r, c0 + i, titles[i], styles.header);
      lines = Math.max(lines, TextWidth.lines(titles[i], TextWidth.columnPoints(sheet.getColumnWidth(c0 + i)) - 6,
          Styles.BODY_POINTS, true));
    }
    row(sheet, r).setHeightInPoints((float) Math.max(sheet.getDefaultRowHeightInPoints(),
        lines * TextWidth.LINE_POINTS + 3));
  }

  /** A wrapped paragraph merged across columns {@code c0..c1}, its row as tall as the text needs. */
  public XSSFCell paragraph(XSSFSheet sheet, int r, int c0, int c1, String value, XSSFCellStyle style) {
    XSSFCell cell = merged(sheet, r, c0, c1, value, style);
    double points = 0;
    for (int c = c0; c <= c1; c++) {
      points += TextWidth.columnPoints(sheet.getColumnWidth(c));
    }
    double size = cell.getCellStyle().getFont().getFontHeightInPoints();
    int lines = TextWidth.lines(value, points - 6, size, cell.getCellStyle().getFont().getBold());
    row(sheet, r).setHeightInPoints((float) Math.max(sheet.getDefaultRowHeightInPoints(),
        lines * size * 1.32 + 4));
    return cell;
  }

  /** Lines a text takes in a column {@code width} characters wide, breaking at spaces. */
  static int lines(String text, double width) {
    int lines = 0;
    for (String para : text.split("\n", -1)) {
      int used = 0;
      lines++;
      for (String word : para.split(" ")) {
        int w = word.length() + (used == 0 ? 0 : 1);
        if (used > 0 && used + w > width) {
          lines++;
          used = word.length();
        } else {
          used += w;
        }
      }
    }
    return Math.max(1, lines);
  }

  /** A text cell merged across columns {@code c0..c1}. */
  public XSSFCell merged(XSSFSheet sheet, int r, int c0, int c1, String value, XSSFCellStyle style) {
    XSSFCell cell = text(sheet, r, c0, value, style);
    for (int c = c0 + 1; c <= c1; c++) {
      row(sheet, r).createCell(c).setCellStyle(cell.getCellStyle());
    }
    if (c1 > c0) {
      sheet.addMergedRegion(new CellRangeAddress(r, r, c0, c1));
    }
    return cell;
  }

  static boolean looksLikeFormula(String s) {
    return !s.isEmpty() && "=+-@".indexOf(s.charAt(0)) >= 0;
  }

  /** Replaces what XML 1.0 cannot hold and cuts text at the cell limit. */
  static String clean(String s) {
    StringBuilder out = new StringBuilder(Math.min(s.length(), MAX_TEXT));
    for (int i = 0; i < s.length(); i++) {
      char ch = s.charAt(i);
      boolean ok;
      if (Character.isHighSurrogate(ch)) {
        ok = i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1));
        if (ok) {
          out.append(ch).append(s.charAt(++i));
          continue;
        }
      } else if (Character.isLowSurrogate(ch)) {
        ok = false;
      } else {
        ok = ch == '\t' || ch == '\n' || ch == '\r' || (ch >= 0x20 && ch != 0xFFFE && ch != 0xFFFF);
      }
      out.append(ok ? ch : '\uFFFD');
    }
    if (out.length() > MAX_TEXT) {
      int cut = MAX_TEXT - 1;
      if (Character.isHighSurrogate(out.charAt(cut - 1))) {
        cut--;
      }
      return out.substring(0, cut) + "…";
    }
    return out.toString();
  }
}
