package org.tariffcast.reporting.workbook;

import java.util.HashMap;
import java.util.Map;
import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.HorizontalAlignment;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;
import org.apache.poi.xssf.usermodel.XSSFColor;
import org.apache.poi.xssf.usermodel.XSSFFont;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * The cell styles of the workbook, created once per workbook. Money is stored in USD and shown
 * in billions by the number format ({@link #USD_BN}: 136,600,000,000 shows as {@code 136.6 bn}),
 * so a cell's value stays exact; fractions are stored as fractions and shown as percentages.
 */
public final class Styles {
  /** USD shown as billions, one decimal: headline totals. */
  public static final String USD_BN = "#,##0.0,,,\" bn\"";
  /** USD shown as billions, two decimals: sectors, central-case tables. */
  public static final String USD_BN_2 = "#,##0.00,,,\" bn\"";
  /** USD shown as billions, three decimals: standard errors. */
  public static final String USD_BN_3 = "#,##0.000,,,\" bn\"";
  /** A fraction as a percentage, one decimal. */
  public static final String PERCENT = "0.0%";
  /** A fraction as a percentage, two decimals: standard errors, price changes. */
  public static final String PERCENT_2 = "0.00%";
  /** A rank correlation. */
  public static final String CORRELATION = "+0.00;-0.00;0.00";
  /** A count. */
  public static final String COUNT = "#,##0";

  private static final XSSFColor HEADER_FILL = rgb(0xDD, 0xE6, 0xF0);
  private static final XSSFColor BAND_FILL = rgb(0xF3, 0xF6, 0xFA);
  private static final XSSFColor DARK = rgb(0x1F, 0x3A, 0x5F);
  private static final XSSFColor MUTED = rgb(0x59, 0x59, 0x59);

  private final XSSFWorkbook workbook;
  private final Map<String, XSSFCellStyle> numbers = new HashMap<>();
  private final Map<Short, XSSFCellStyle> quoted = new HashMap<>();

  public final XSSFCellStyle title;
  public final XSSFCellStyle subtitle;
  public final XSSFCellStyle section;
  public final XSSFCellStyle header;
  public final XSSFCellStyle groupHeader;
  public final XSSFCellStyle text;
  public final XSSFCellStyle textBold;
  public final XSSFCellStyle wrap;
  public final XSSFCellStyle sentence;
  public final XSSFCellStyle code;
  public final XSSFCellStyle note;
  public final XSSFCellStyle missing;
  public final XSSFCellStyle centredText;
  public final XSSFCellStyle rightBold;

  /**
   * The workbook's face. Arial rather than Calibri: Windows and macOS have it and LibreOffice
   * maps it to the metric-compatible Liberation Sans, so column widths, row heights and page
   * breaks come out the same in every application (Calibri's substitute differs in width).
   */
  public static final String FACE = "Arial";
  /** Size of body text in points; the column-width unit is this font's digit width (7 px). */
  public static final int BODY_POINTS = 10;

  public Styles(XSSFWorkbook workbook) {
    this.workbook = workbook;
    XSSFFont standard = workbook.getFontAt(0);
    standard.setFontName(FACE);
    standard.setFontHeightInPoints((short) BODY_POINTS);
    XSSFFont titleFont = font(16, true, false, DARK);
    XSSFFont sectionFont = font(12, true, false, DARK);
    XSSFFont bold = font(BODY_POINTS, true, false, null);
    XSSFFont muted = font(9, false, true, MUTED);
    XSSFFont mono = workbook.createFont();
    mono.setFontName("Courier New");
    mono.setFontHeightInPoints((short) 9);

    title = style(titleFont);
    subtitle = style(muted);
    subtitle.setWrapText(true);
    subtitle.setVerticalAlignment(VerticalAlignment.TOP);
    section = style(sectionFont);
    header = style(bold);
    header.setFillForegroundColor(HEADER_FILL);
    header.setFillPattern(FillPatternType.SOLID_FOREGROUND);
    header.setBorderBottom(BorderStyle.THIN);
    header.setWrapText(true);
    header.setVerticalAlignment(VerticalAlignment.CENTER);
    header.setAlignment(HorizontalAlignment.CENTER);
    groupHeader = style(bold);
    groupHeader.setFillForegroundColor(BAND_FILL);
    groupHeader.setFillPattern(FillPatternType.SOLID_FOREGROUND);
    groupHeader.setAlignment(HorizontalAlignment.CENTER);
    groupHeader.setBorderBottom(BorderStyle.THIN);
    groupHeader.setWrapText(true);
    text = style(null);
    text.setVerticalAlignment(VerticalAlignment.TOP);
    textBold = style(bold);
    wrap = style(null);
    wrap.setWrapText(true);
    wrap.setVerticalAlignment(VerticalAlignment.TOP);
    sentence = style(font(11, false, false, null));
    sentence.setWrapText(true);
    sentence.setVerticalAlignment(VerticalAlignment.TOP);
    code = style(mono);
    note = style(muted);
    note.setWrapText(false);
    missing = style(null);
    missing.setAlignment(HorizontalAlignment.RIGHT);
    centredText = style(null);
    centredText.setAlignment(HorizontalAlignment.CENTER);
    rightBold = style(bold);
    rightBold.setAlignment(HorizontalAlignment.RIGHT);
  }

  private static XSSFColor rgb(int r, int g, int b) {
    return new XSSFColor(new byte[] {(byte) r, (byte) g, (byte) b}, null);
  }

  private XSSFFont font(int points, boolean bold, boolean italic, XSSFColor colour) {
    XSSFFont f = workbook.createFont();
    f.setFontName(FACE);
    f.setFontHeightInPoints((short) points);
    f.setBold(bold);
    f.setItalic(italic);
    if (colour != null) {
      f.setColor(colour);
    }
    return f;
  }

  private XSSFCellStyle style(XSSFFont font) {
    XSSFCellStyle s = workbook.createCellStyle();
    if (font != null) {
      s.setFont(font);
    }
    return s;
  }

  /** A number style with the given format, centred (ranks, weights). */
  public XSSFCellStyle centred(String format) {
    return numbers.computeIfAbsent(format + "|c", k -> {
      XSSFCellStyle s = workbook.createCellStyle();
      s.setDataFormat(workbook.createDataFormat().getFormat(format));
      s.setAlignment(HorizontalAlignment.CENTER);
      return s;
    });
  }

  /** A number style with the given format; {@code bold} for the median columns. */
  public XSSFCellStyle number(String format, boolean bold) {
    return numbers.computeIfAbsent(format + (bold ? "|b" : ""), k -> {
      XSSFCellStyle s = workbook.createCellStyle();
      s.setDataFormat(workbook.createDataFormat().getFormat(format));
      if (bold) {
        s.setFont(font(BODY_POINTS, true, false, null));
      }
      return s;
    });
  }

  public XSSFCellStyle number(String format) {
    return number(format, false);
  }

  private final Map<Short, XSSFCellStyle> wrapped = new HashMap<>();

  /** The same style with text wrapped at the column's width, aligned to the top. */
  XSSFCellStyle wrapped(XSSFCellStyle base) {
    return wrapped.computeIfAbsent(base.getIndex(), k -> {
      XSSFCellStyle s = workbook.createCellStyle();
      s.cloneStyleFrom(base);
      s.setWrapText(true);
      s.setVerticalAlignment(VerticalAlignment.TOP);
      return s;
    });
  }

  /**
   * The same style marked "quote prefix": Excel and LibreOffice keep such a cell text even when
   * someone edits it, so a value like {@code =HYPERLINK(...)} never turns into a formula.
   */
  XSSFCellStyle quoted(XSSFCellStyle base) {
    return quoted.computeIfAbsent(base.getIndex(), k -> {
      XSSFCellStyle s = workbook.createCellStyle();
      s.cloneStyleFrom(base);
      s.setQuotePrefixed(true);
      return s;
    });
  }
}
