package org.tariffcast.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tariffcast.app.support.Workspace;

/**
 * The report language reaches the brief from the setting {@code tariffcast.report.language} and
 * from {@code run --language} / {@code report --language}; a language that is not shipped is a
 * usage error (exit 2) naming the shipped ones, before anything is written.
 */
class ReportLanguageTest {
  @TempDir
  Path tmp;

  @Test
  void aLanguageThatIsNotShippedIsAUsageErrorNamingTheShippedOnes() {
    Workspace ws = Workspace.h2(tmp.resolve("ws"));
    Workspace.Result option = ws.cli("run", "--language", "fr");
    assertThat(option.code()).isEqualTo(2);
    assertThat(option.err()).contains("--language: expected one of the shipped languages en, vi, found 'fr'");
    Workspace.Result report = ws.cli("report", "--run", "1", "--language", "EN");
    assertThat(report.code()).isEqualTo(2);
    assertThat(report.err()).contains("found 'EN'");
    Workspace.Result setting = ws.with("tariffcast.report.language", "de").cli("run", "--trials", "50");
    assertThat(setting.code()).isEqualTo(2);
    assertThat(setting.err()).contains("tariffcast.report.language", "en, vi", "'de'");
    assertThat(tmp.resolve("ws")).doesNotExist();
  }

  @Test
  void theSettingTheRunOptionAndTheReportOptionChooseTheBriefsLanguage() throws Exception {
    Workspace ws = Workspace.h2(tmp.resolve("ws")).with("tariffcast.report.language", "vi");
    Workspace.Result vi = ws.cli("run", "--trials", "100", "--threads", "1");
    assertThat(vi.code()).as(vi.out() + vi.err()).isZero();
    Workspace.Result en = ws.cli("run", "--trials", "100", "--threads", "1", "--seed", "7", "--language", "en");
    assertThat(en.code()).as(en.out() + en.err()).isZero();
    // the page footer of messages_vi.properties / messages.properties
    assertThat(brief(ws, 1)).contains("tariffcast, lần chạy 1 · bản tóm tắt · trang 1");
    assertThat(brief(ws, 2)).contains("tariffcast run 2 · brief · page 1").doesNotContain("lần chạy");

    // re-rendered from the database in the other language, under the same name
    Workspace.Result again = ws.cli("report", "--run", "1", "--language", "en");
    assertThat(again.code()).as(again.out() + again.err()).isZero();
    assertThat(brief(ws, 1)).contains("tariffcast run 1 · brief · page 1");
  }

  private static String brief(Workspace ws, long run) throws Exception {
    String folder = ws.jdbc().queryForObject("SELECT report_path FROM projection_run WHERE run_id = ?", String.class,
        run);
    try (PDDocument doc = Loader.loadPDF(ws.reports.resolve(folder).resolve("tariffcast-brief-run-" + run + ".pdf")
        .toFile())) {
      return new PDFTextStripper().getText(doc).replaceAll("\\s+", " ");
    }
  }
}
