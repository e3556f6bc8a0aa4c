package org.tariffcast.reporting.brief;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tariffcast.reporting.ReportFiles;
import org.tariffcast.reporting.Rendered;
import org.tariffcast.reporting.SmallRun;
import org.tariffcast.reporting.content.ReportData;

/**
 * The brief of the small fixture run, read back from the PDF: its page count, the bottom line
 * naming the most likely scenario (Framework 20/40, probability 0.6 in the fixture) and its
 * probability, the baseline definition, the aims, the scenario table; and its text as a whole
 * against a golden copy written by hand from the fixture's numbers.
 */
class BriefTest {
  @TempDir
  static Path dir;
  static ReportFiles files;
  static String text;

  @BeforeAll
  static void render() throws Exception {
    String keep = System.getProperty("report.keep");
    files = Rendered.write(SmallRun.result(), keep == null ? dir : Path.of(keep));
    try (PDDocument doc = Loader.loadPDF(files.brief().toFile())) {
      text = new PDFTextStripper().getText(doc).replaceAll("\\s+", " ");
    }
  }

  @Test
  void theBriefHasTwoToFourPages() throws Exception {
    assertThat(files.brief().getFileName().toString()).isEqualTo("tariffcast-brief-run-42.pdf");
    try (PDDocument doc = Loader.loadPDF(files.brief().toFile())) {
      assertThat(doc.getNumberOfPages()).isBetween(2, 4);
    }
  }

  @Test
  void theBottomLineNamesTheMostLikelyOutcomeAndItsProbability() {
    // the fixture: No deal 0.2, Framework 20/40 0.6, Zero-for-zero 0.2; Framework's imports -14 % (P5 -20, P95 -8)
    assertThat(text).contains("The most likely outcome is Framework 20/40: the study gives it a probability of 60.0 %.");
    assertThat(text).contains("Under Framework 20/40, US imports from Vietnam in 2027 are 14.0 % below baseline "
        + "(90 % interval 8.0–20.0 %)");
  }

  @Test
  void theBaselineIsDefinedAndDataQualityStated() {
    assertThat(text).contains("Baseline (the reference for every change): 2024 tariffs kept unchanged from "
        + "January 2026 to December 2027.");
    assertThat(text).contains("Data quality:").contains("are approximations");
    assertThat(text).contains("not doubt about the model itself");
  }

  @Test
  void theScenarioIsShownAsADriverWithItsShareOfVariance() {
    // imports' final-year change against baseline in USD bn (the tornado's KPI), means 104.0, 129.4, 153.4
    // minus the baseline's 150.4: -46.4, -21.0, +3.0 with weights 0.2, 0.6, 0.2: weighted mean -21.28;
    // between-scenario variance 0.2*25.12^2 + 0.6*0.28^2 + 0.2*24.28^2 = 244.154;
    // sds (P95 - P5) / 3.29 = 19, 18, 9 / 3.29: within 0.2*33.352 + 0.6*29.934 + 0.2*7.483 = 26.127;
    // share 244.154 / 270.281 = 0.9033
    assertThat(text).contains("it accounts for 90 % of the variance of US imports from Vietnam in 2027");
  }

  @Test
  void probabilitiesNearZeroPrintAsLessThanOneTenthOfAPercent() {
    // the fixture's "fall by a quarter" target has probability 0 under Framework 20/40
    assertThat(text).contains("US imports from Vietnam fall by a quarter: < 0.1 % under Framework 20/40");
  }

  @Test
  void everyScenarioHasARowAndEveryAimALine() {
    for (var s : SmallRun.result().scenarios()) {
      assertThat(text).contains(s.name().equals("Outlook") ? "Outlook (weighted)" : s.name());
    }
    for (String t : ReportData.of(SmallRun.result()).targetNames()) {
      assertThat(text).contains(t + ":");
    }
  }

  @Test
  void aSecondReaderOpensIt() throws Exception {
    Optional<Path> pdftotext = onPath("pdftotext");
    if (pdftotext.isEmpty()) {
      System.out.println("BriefTest: second reader skipped: pdftotext (poppler-utils) is not on the PATH");
    }
    assumeTrue(pdftotext.isPresent(), "pdftotext is not on the PATH");
    Process p = new ProcessBuilder(pdftotext.get().toString(), files.brief().toString(), "-").redirectErrorStream(true)
        .start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(1, TimeUnit.MINUTES)).isTrue();
    assertThat(p.exitValue()).as(out).isZero();
    assertThat(out.replaceAll("\\s+", " ")).contains("The most likely outcome is Framework 20/40");
  }

  static Optional<Path> onPath(String name) {
    String path = System.getenv("PATH");
    if (path == null) {
      return Optional.empty();
    }
    for (String d : path.split(File.pathSeparator)) {
      Path p = Path.of(d, name);
      if (Files.isExecutable(p)) {
        return Optional.of(p);
      }
    }
    return Optional.empty();
  }
}
