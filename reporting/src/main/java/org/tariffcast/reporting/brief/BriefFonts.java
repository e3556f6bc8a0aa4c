package org.tariffcast.reporting.brief;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/**
 * The brief's two faces, regular and bold: DejaVu Sans, bundled in the reporting jar
 * ({@code org/tariffcast/reporting/fonts/}, with its licence and origin) and embedded in the PDF
 * as a subset. The brief therefore reads the same on every machine whatever fonts it has
 * installed, and carries every character of its text: Vietnamese letters with their diacritics,
 * en dashes, minus signs, ≤.
 */
final class BriefFonts {
  /** Classpath folder of the bundled fonts. */
  static final String FOLDER = "/org/tariffcast/reporting/fonts/";
  static final String REGULAR = FOLDER + "DejaVuSans.ttf";
  static final String BOLD = FOLDER + "DejaVuSans-Bold.ttf";

  final PDFont regular;
  final PDFont bold;

  private BriefFonts(PDFont regular, PDFont bold) {
    this.regular = regular;
    this.bold = bold;
  }

  static BriefFonts load(PDDocument doc) throws IOException {
    return new BriefFonts(face(doc, REGULAR), face(doc, BOLD));
  }

  private static PDFont face(PDDocument doc, String resource) throws IOException {
    try (InputStream in = open(resource)) {
      return PDType0Font.load(doc, in, true);
    }
  }

  /** The bundled font file {@code resource}; fails if the jar lacks it (a build error, not a machine's). */
  static InputStream open(String resource) {
    InputStream in = BriefFonts.class.getResourceAsStream(resource);
    if (in == null) {
      throw new UncheckedIOException(new IOException("font " + resource + " is missing from the reporting jar"));
    }
    return in;
  }

  /** The text as the font shows it (unchanged: the embedded face covers the brief's characters). */
  String text(String s, PDFont font) {
    return s;
  }

  /** Width of {@code s} in points at {@code size}. */
  double width(String s, PDFont font, float size) throws IOException {
    return font.getStringWidth(text(s, font)) / 1000.0 * size;
  }
}
