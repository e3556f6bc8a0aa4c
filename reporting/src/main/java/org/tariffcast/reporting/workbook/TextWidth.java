package org.tariffcast.reporting.workbook;

import java.awt.Font;
import java.awt.font.FontRenderContext;
import java.awt.geom.AffineTransform;

/**
 * Measures text as a spreadsheet application lays it out, in points. The workbook's face
 * (Arial, or Liberation Sans in LibreOffice) is not always installed where reports are rendered,
 * so the measure uses Java's SansSerif face (DejaVu Sans on Linux), which is wider than Arial at
 * the same size: widths and row heights computed from it leave room rather than cut text.
 */
public final class TextWidth {
  private static final FontRenderContext FRC = new FontRenderContext(new AffineTransform(), true, true);
  /** Points per character unit of a column width (Arial 10's digit, 7 px at 96 dpi). */
  public static final double POINTS_PER_CHAR = 7 * 0.75;
  /** Height of one line of 10 pt text in a wrapped cell, in points. */
  public static final double LINE_POINTS = 13.5;

  private TextWidth() {}

  /** Width of {@code text} (its longest line) in points at {@code points} size. */
  public static double points(String text, double points, boolean bold) {
    Font f = new Font(Font.SANS_SERIF, bold ? Font.BOLD : Font.PLAIN, 1).deriveFont((float) points);
    double max = 0;
    for (String line : text.split("\n", -1)) {
      if (!line.isEmpty()) {
        max = Math.max(max, f.getStringBounds(line, FRC).getWidth());
      }
    }
    return max;
  }

  /** Width of a column in points, from its width in 1/256 character units as stored in the file. */
  public static double columnPoints(int width256) {
    // Excel's rule: pixels = trunc(chars * 7 + 5); a point is 3/4 pixel at 96 dpi
    return Math.floor(width256 / 256.0 * 7 + 5) * 0.75;
  }

  /** Column width (1/256 character units) that holds {@code points} of text plus the cell's padding. */
  public static int width256(double points) {
    return (int) Math.ceil((points / POINTS_PER_CHAR + 1) * 256);
  }

  /** Lines {@code text} takes when wrapped at spaces into {@code widthPoints}. */
  public static int lines(String text, double widthPoints, double size, boolean bold) {
    Font f = new Font(Font.SANS_SERIF, bold ? Font.BOLD : Font.PLAIN, 1).deriveFont((float) size);
    double space = f.getStringBounds(" ", FRC).getWidth();
    int lines = 0;
    for (String para : text.split("\n", -1)) {
      lines++;
      double used = 0;
      for (String word : para.split(" ")) {
        double w = f.getStringBounds(word, FRC).getWidth();
        if (used > 0 && used + space + w > widthPoints) {
          lines++;
          used = w;
        } else {
          used += (used > 0 ? space : 0) + w;
        }
      }
    }
    return Math.max(1, lines);
  }
}
