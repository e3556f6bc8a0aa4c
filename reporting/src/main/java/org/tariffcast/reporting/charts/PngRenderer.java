package org.tariffcast.reporting.charts;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import javax.imageio.ImageIO;
import org.jfree.chart.JFreeChart;

/** Draws a chart at {@code scale} times its logical size (2 gives crisp images on high-density screens and in print). */
public final class PngRenderer {
  private final double scale;

  public PngRenderer(double scale) {
    if (!(scale >= 1 && scale <= 4)) {
      throw new IllegalArgumentException("chart scale must be in [1, 4], found " + scale);
    }
    this.scale = scale;
  }

  public double scale() {
    return scale;
  }

  /** The PNG bytes of {@code chart} drawn into a {@code width} x {@code height} area. */
  public byte[] render(JFreeChart chart, int width, int height) {
    int w = (int) Math.round(width * scale);
    int h = (int) Math.round(height * scale);
    BufferedImage image = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
    Graphics2D g2 = image.createGraphics();
    try {
      g2.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
      g2.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
      g2.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
      g2.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
      g2.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
      g2.setColor(Color.WHITE);
      g2.fillRect(0, 0, w, h);
      g2.scale(scale, scale);
      chart.draw(g2, new Rectangle2D.Double(0, 0, width, height));
    } finally {
      g2.dispose();
    }
    try {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      if (!ImageIO.write(image, "png", out)) {
        throw new IllegalStateException("no PNG writer is available");
      }
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
