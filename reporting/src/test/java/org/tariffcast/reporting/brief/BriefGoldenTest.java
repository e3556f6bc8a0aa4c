package org.tariffcast.reporting.brief;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.tariffcast.model.result.RunResult;
import org.tariffcast.reporting.Rendered;
import org.tariffcast.reporting.SmallRun;
import org.tariffcast.reporting.content.ReportData;
import org.tariffcast.reporting.text.Messages;

/**
 * The brief's whole text, from Vietnam's side (the default study's perspective) in English and in
 * Vietnamese, for the small fixture run: extracted from the PDF with PDFBox and compared line by
 * line with {@code src/test/resources/golden/brief-vn-<language>.txt}. A change of wording or
 * layout on purpose re-records them with {@code -Dgolden.update=true} (read the diff before
 * committing it). And nothing in the brief is cut: every glyph lies inside the page's text box
 * (the footer in the bottom margin), and every sentence the brief's text holds is in the PDF whole.
 */
class BriefGoldenTest {
  static final Path GOLDEN = Path.of("src/test/resources/golden");

  static RunResult run() {
    return SmallRun.withPerspective("VN");
  }

  static byte[] pdf(String language) throws IOException {
    return new BriefRenderer(Messages.of(language)).render(ReportData.of(run()), Optional.empty(), Rendered.NOW);
  }

  /** The text as PDFBox extracts it, each line stripped of trailing spaces. */
  static String extract(byte[] pdf) throws IOException {
    try (PDDocument doc = Loader.loadPDF(pdf)) {
      PDFTextStripper stripper = new PDFTextStripper();
      stripper.setLineSeparator("\n");
      return String.join("\n", stripper.getText(doc).lines().map(String::stripTrailing).toList()) + "\n";
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"en", "vi"})
  void theBriefsTextIsTheGoldenText(String language) throws IOException {
    String actual = extract(pdf(language));
    Path golden = GOLDEN.resolve("brief-vn-" + language + ".txt");
    if (Boolean.getBoolean("golden.update")) {
      Files.writeString(golden, actual, StandardCharsets.UTF_8);
      return;
    }
    assertThat(golden).as("golden text (record it with -Dgolden.update=true)").isRegularFile();
    List<String> expected = Files.readString(golden, StandardCharsets.UTF_8).lines().toList();
    List<String> lines = actual.lines().toList();
    for (int i = 0; i < Math.min(lines.size(), expected.size()); i++) {
      assertThat(lines.get(i)).as("%s line %d", golden, i + 1).isEqualTo(expected.get(i));
    }
    assertThat(lines).as("lines of %s", golden).hasSameSizeAs(expected);
  }

  @ParameterizedTest
  @ValueSource(strings = {"en", "vi"})
  void noTextIsCut(String language) throws IOException {
    byte[] pdf = pdf(language);
    List<String> outside = new ArrayList<>();
    float left = BriefRenderer.MARGIN;
    float right = BriefRenderer.WIDTH - BriefRenderer.MARGIN;
    float bottom = BriefRenderer.HEIGHT - BriefRenderer.MARGIN;
    try (PDDocument doc = Loader.loadPDF(pdf)) {
      PDFTextStripper glyphs = new PDFTextStripper() {
        @Override
        protected void writeString(String text, List<TextPosition> positions) throws IOException {
          for (TextPosition p : positions) {
            float x = p.getXDirAdj();
            float y = p.getYDirAdj();
            boolean footer = y > bottom + 10;  // the footer's baseline sits half a margin above the page's edge
            if (x < left - 0.5 || x + p.getWidthDirAdj() > right + 0.5 || y - p.getHeightDir() < BriefRenderer.MARGIN - 2
                || (footer && y > BriefRenderer.HEIGHT - 8) || (!footer && y > bottom + 0.5)) {
              outside.add("page " + getCurrentPageNo() + " '" + p.getUnicode() + "' at (" + x + ", " + y + ") in '"
                  + text + "'");
            }
          }
          super.writeString(text, positions);
        }
      };
      glyphs.getText(doc);
    }
    assertThat(outside).as("glyphs outside the text box").isEmpty();

    // every sentence whole (wrapped lines joined); table cells word by word, as columns interleave when extracted
    String text = extract(pdf).replaceAll("\\s+", " ");
    BriefText words = new BriefText(ReportData.of(run()), Messages.of(language));
    for (String line : words.allLines()) {
      if (line.contains(" | ")) {
        for (String cell : line.split(" \\| ")) {
          for (String w : cell.split("\\s+")) {
            assertThat(text).as("a word of the table cell '%s'", cell).contains(BriefRenderer.minus(w));
          }
        }
      } else {
        assertThat(text).as("a sentence of the brief").contains(BriefRenderer.minus(line).replaceAll("\\s+", " "));
      }
    }
  }
}
