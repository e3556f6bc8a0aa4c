package org.tariffcast.reporting.brief;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

/**
 * The brief's two faces, regular and bold. A TrueType sans face found on the machine (DejaVu
 * Sans or Liberation Sans, both free to embed) is embedded as a subset, so the PDF reads the same
 * everywhere and carries every character of its text (en dashes, minus signs, ≤). Where neither
 * is installed, the PDF falls back to Helvetica, which every reader has but which covers only
 * Windows-1252: characters outside it are replaced by {@link #text}.
 */
final class BriefFonts {
  private static final List<String[]> CANDIDATES = List.of(
      new String[] {"/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
          "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf"},
      new String[] {"/usr/share/fonts/truetype/liberation/LiberationSans-Regular.ttf",
          "/usr/share/fonts/truetype/liberation/LiberationSans-Bold.ttf"},
      new String[] {"/usr/share/fonts/TTF/DejaVuSans.ttf", "/usr/share/fonts/TTF/DejaVuSans-Bold.ttf"});

  final PDFont regular;
  final PDFont bold;
  final boolean embedded;

  private BriefFonts(PDFont regular, PDFont bold, boolean embedded) {
    this.regular = regular;
    this.bold = bold;
    this.embedded = embedded;
  }

  static BriefFonts load(PDDocument doc) throws IOException {
    for (String[] pair : CANDIDATES) {
      Path r = Path.of(pair[0]);
      Path b = Path.of(pair[1]);
      if (Files.isReadable(r) && Files.isReadable(b)) {
        try (var ri = Files.newInputStream(r); var bi = Files.newInputStream(b)) {
          return new BriefFonts(PDType0Font.load(doc, ri, true), PDType0Font.load(doc, bi, true), true);
        }
      }
    }
    return new BriefFonts(new PDType1Font(Standard14Fonts.FontName.HELVETICA),
        new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD), false);
  }

  /** The text as the font can show it: unchanged for an embedded face, else mapped into Windows-1252. */
  String text(String s, PDFont font) {
    if (embedded) {
      return s;
    }
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      String mapped = switch (c) {
        case '\u2212' -> "-";
        case '\u2264' -> "<=";
        case '\u2265' -> ">=";
        case '\u00A0', '\u202F' -> " ";
        default -> String.valueOf(c);
      };
      try {
        font.encode(mapped);
        out.append(mapped);
      } catch (IOException | IllegalArgumentException e) {
        out.append('?');
      }
    }
    return out.toString();
  }

  /** Width of {@code s} in points at {@code size}. */
  double width(String s, PDFont font, float size) throws IOException {
    return font.getStringWidth(text(s, font)) / 1000.0 * size;
  }
}
