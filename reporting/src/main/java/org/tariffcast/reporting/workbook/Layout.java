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

  /**
   * Landscape A4, one page wide, narrow margins, the header rows repeated on every page (when
   * {@code headerRows > 0}), and a footer naming the run with page numbers.
   */
  static void print(XSSFSheet sheet, long runId, int headerRows) {
    PrintSetup ps = sheet.getPrintSetup();
    ps.setLandscape(true);
    ps.setPaperSize(PrintSetup.A4_PAPERSIZE);
    ps.setFitWidth((short) 1);
    ps.setFitHeight((short) 0);
    sheet.setFitToPage(true);
    sheet.setAutobreaks(true);
    sheet.setMargin(Sheet.LeftMargin, 0.4);
    sheet.setMargin(Sheet.RightMargin, 0.4);
    sheet.setMargin(Sheet.TopMargin, 0.5);
    sheet.setMargin(Sheet.BottomMargin, 0.6);
    sheet.setHorizontallyCenter(false);
    if (headerRows > 0) {
      sheet.setRepeatingRows(new CellRangeAddress(0, headerRows - 1, -1, -1));
    }
    sheet.getFooter().setLeft("tariffcast run " + runId);
    sheet.getFooter().setCenter(sheet.getSheetName().replace("&", "&&"));
    sheet.getFooter().setRight("Page &P of &N");
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
