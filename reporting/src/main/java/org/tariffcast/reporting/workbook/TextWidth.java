package org.tariffcast.reporting.workbook;

import java.awt.Font;
import java.awt.font.FontRenderContext;
import java.awt.geom.AffineTransform;
import java.util.concurrent.ConcurrentHashMap;

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

  /**
   * Measured widths by face and text: a workbook measures the same labels and numbers over and over
   * (every cell of a column, every sheet), and a measure depends on nothing else.
   */
  private static final ConcurrentHashMap<Measure, Double> WIDTHS = new ConcurrentHashMap<>();
  /** Bound on {@link #WIDTHS}: a long-running server renders many runs; past it, the cache starts again. */
  private static final int MAX_MEASURES = 200_000;
  private static final ConcurrentHashMap<Long, Font> FONTS = new ConcurrentHashMap<>();

  private record Measure(String text, float size, boolean bold) {}

  /** The sans-serif face at {@code size} points, bold or plain. */
  private static Font font(double size, boolean bold) {
    float points = (float) size;
    long key = ((long) Float.floatToIntBits(points) << 1) | (bold ? 1 : 0);
    return FONTS.computeIfAbsent(key, k -> new Font(Font.SANS_SERIF, bold ? Font.BOLD : Font.PLAIN, 1).deriveFont(points));
  }

  /** Width of one line of text in points, measured once per face and text. */
  private static double width(String line, double size, boolean bold) {
    Measure m = new Measure(line, (float) size, bold);
    Double w = WIDTHS.get(m);
    if (w == null) {
      w = font(size, bold).getStringBounds(line, FRC).getWidth();
      if (WIDTHS.size() >= MAX_MEASURES) {
        WIDTHS.clear();
      }
      WIDTHS.put(m, w);
    }
    return w;
  }

  /** Width of {@code text} (its longest line) in points at {@code points} size. */
  public static double points(String text, double points, boolean bold) {
    double max = 0;
    for (String line : text.split("\n", -1)) {
      if (!line.isEmpty()) {
        max = Math.max(max, width(line, points, bold));
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
    double space = width(" ", size, bold);
    int lines = 0;
    for (String para : text.split("\n", -1)) {
      lines++;
      double used = 0;
      for (String word : para.split(" ")) {
        double w = width(word, size, bold);
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
