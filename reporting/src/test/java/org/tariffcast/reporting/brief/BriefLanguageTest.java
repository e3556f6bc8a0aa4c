package org.tariffcast.reporting.brief;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.Optional;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.tariffcast.model.result.RunResult;
import org.tariffcast.reporting.Rendered;
import org.tariffcast.reporting.SmallRun;
import org.tariffcast.reporting.content.ReportData;
import org.tariffcast.reporting.text.Messages;

/**
 * The brief from Vietnam's side, in English and in Vietnamese, read back from the PDF. The
 * fixture's Framework 20/40 has US imports from Vietnam 14 % below baseline (P5 −20 %, P95 −8 %)
 * and a US balance of −113.0 bn (P5 −124.0, P95 −102.0) against the baseline's −136.0 bn: from
 * Vietnam's side that is a surplus of 113.0 bn against 136.0 bn, and the table's interval turns
 * round (102.0 to 124.0). Every font of the PDF is embedded.
 */
class BriefLanguageTest {

  static String text(RunResult run, String language) throws IOException {
    byte[] pdf = new BriefRenderer(Messages.of(language)).render(ReportData.of(run), Optional.empty(), Rendered.NOW);
    String keep = System.getProperty("report.keep");
    if (keep != null) { // to look at: -Dreport.keep=DIR
      java.nio.file.Files.write(java.nio.file.Path.of(keep, "brief-" + run.description().perspective() + "-" + language
          + ".pdf"), pdf);
    }
    try (PDDocument doc = Loader.loadPDF(pdf)) {
      for (PDPage page : doc.getPages()) {
        for (COSName name : page.getResources().getFontNames()) {
          PDFont font = page.getResources().getFont(name);
          assertThat(font.isEmbedded()).as(font.getName() + " is embedded").isTrue();
        }
      }
      return new PDFTextStripper().getText(doc).replaceAll("\\s+", " ");
    }
  }

  @Test
  void vietnamsSideNamesExportsAndTheSurplus() throws IOException {
    String text = text(SmallRun.withPerspective("VN"), "en");
    assertThat(text).contains("Under Framework 20/40, Vietnam’s exports to the US in 2027 are 14.0 % below baseline "
        + "(90 % interval 8.0–20.0 %), and Vietnam’s surplus with the US is USD 113.0 bn (baseline: USD 136.0 bn).");
    assertThat(text).contains("Written for Vietnam’s negotiators");
    assertThat(text).contains("Vietnam’s trade balance with the US, USD bn");
    assertThat(text).contains("113.0 (102.0 – 124.0)");
    // the study's own target names are quoted as written; the brief's sentences never say "US imports"
    assertThat(text).doesNotContain("Under Framework 20/40, US imports");
  }

  @Test
  void theAimsAreWordedFromVietnamsSideInTheBriefsLanguage() throws IOException {
    // the fixture's targets: the US balance's final-year change >= +20 % of baseline ("the deficit shrinks by 20 %"),
    // and US imports from Vietnam's final-year change <= -25 %; Framework 20/40 meets the first in 34.0 % of trials
    String en = text(SmallRun.withPerspective("VN"), "en");
    assertThat(en).contains("• Vietnam’s surplus with the US smaller by at least 20 % in 2027 against the baseline: "
        + "34.0 % under Framework 20/40");
    assertThat(en).contains("• Vietnam’s exports to the US down by at least 25 % in 2027 against the baseline: < 0.1 %");
    String vi = text(SmallRun.withPerspective("VN"), "vi");
    assertThat(vi).contains("• Thặng dư thương mại của Việt Nam với Hoa Kỳ thu hẹp ít nhất 20 % trong năm 2027 so với "
        + "kịch bản cơ sở: 34,0 % theo kịch bản Framework 20/40");
    assertThat(vi).contains("• Xuất khẩu của Việt Nam sang Hoa Kỳ giảm ít nhất 25 % trong năm 2027 so với kịch bản cơ sở");
    // the study's own words where the brief takes the side they were written from, in English
    assertThat(text(SmallRun.result(), "en")).contains("• Deficit shrinks by 20 % in the final year: 34.0 %");
  }

  @Test
  void theUsSideNamesImportsAndTheDeficit() throws IOException {
    String text = text(SmallRun.withPerspective("US"), "en");
    assertThat(text).contains("Under Framework 20/40, US imports from Vietnam in 2027 are 14.0 % below baseline "
        + "(90 % interval 8.0–20.0 %), and the US deficit with Vietnam is USD 113.0 bn (baseline: USD 136.0 bn).");
    assertThat(text).contains("−113.0 (−124.0 – −102.0)");
  }

  @Test
  void theVietnameseBriefKeepsItsDiacritics() throws IOException {
    String text = text(SmallRun.withPerspective("VN"), "vi");
    assertThat(text).contains("Kết luận chính");
    assertThat(text).contains("Kết cục có khả năng xảy ra cao nhất là Framework 20/40: nghiên cứu đánh giá xác suất là "
        + "60,0 %.");
    assertThat(text).contains("Theo kịch bản Framework 20/40, xuất khẩu của Việt Nam sang Hoa Kỳ trong năm 2027 thấp hơn "
        + "kịch bản cơ sở 14,0 % (khoảng 90 %: 8,0–20,0 %); thặng dư thương mại của Việt Nam với Hoa Kỳ là 113,0 tỷ USD "
        + "(kịch bản cơ sở: 136,0 tỷ USD).");
    assertThat(text).contains("Kịch bản cơ sở (mốc so sánh cho mọi thay đổi): giữ nguyên mức thuế năm 2024 từ tháng 1/2026 "
        + "đến tháng 12/2027.");
    assertThat(text).contains("Các yếu tố gây bất định").contains("Cách đọc các số liệu");
    assertThat(text).doesNotContain("The bottom line").doesNotContain("?");
  }

  @Test
  void everyShippedLanguageHasEveryKey() {
    var en = java.util.ResourceBundle.getBundle(Messages.BUNDLE, java.util.Locale.ROOT).keySet();
    for (String language : Messages.LANGUAGES) {
      Messages m = Messages.of(language);
      for (String key : en) {
        if (!key.startsWith("region.")) {
          assertThat(m.has(key)).as(language + " has " + key).isTrue();
        }
      }
    }
  }
}
