package org.tariffcast.reporting.charts;

import java.awt.Font;
import java.awt.FontFormatException;
import java.awt.GraphicsEnvironment;
import java.io.IOException;
import java.io.InputStream;

/**
 * The charts' face: DejaVu Sans bundled in the reporting jar ({@code org/tariffcast/reporting/fonts/}),
 * registered with Java2D once, so charts draw Vietnamese diacritics and typographic signs with the
 * same glyphs on every machine (as PNG in the workbook and as vector outlines in the brief).
 * Falls back to the logical SansSerif face only if registration fails.
 */
final class ChartFonts {
  static final String FAMILY = register();

  private ChartFonts() {}

  private static String register() {
    String family = "SansSerif";
    for (String file : new String[] {"DejaVuSans.ttf", "DejaVuSans-Bold.ttf"}) {
      try (InputStream in = ChartFonts.class.getResourceAsStream("/org/tariffcast/reporting/fonts/" + file)) {
        if (in == null) {
          return "SansSerif";
        }
        Font f = Font.createFont(Font.TRUETYPE_FONT, in);
        GraphicsEnvironment.getLocalGraphicsEnvironment().registerFont(f);
        family = f.getFamily(java.util.Locale.ROOT);
      } catch (IOException | FontFormatException e) {
        return "SansSerif";
      }
    }
    return family;
  }
}
