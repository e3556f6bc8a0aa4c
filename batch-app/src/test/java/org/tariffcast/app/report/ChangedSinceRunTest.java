package org.tariffcast.app.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;
import org.tariffcast.app.support.Studies;
import org.tariffcast.app.support.Workspace;
import org.tariffcast.model.config.ConfigLoader;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Two real runs of a small study (the GSIM example made uncertain, with one published benchmark)
 * in one H2 file database, the second with one parameter changed: the second run's brief and
 * summary.json name that parameter, its old and new distribution and the file it is in, and show
 * the benchmark beside the study with the engine's re-runs stored and read back.
 */
class ChangedSinceRunTest {
  @TempDir
  Path tmp;

  @Test
  void theSecondRunNamesTheParameterThatChanged() throws Exception {
    Path study = Studies.copy(Studies.GSIM, tmp.resolve("study"));
    edit(study.resolve("elasticities.csv"), "*,*,-1.25,5,1.5,", "*,*,\"triangular(-2, -1.25, -0.5)\",\"uniform(3, 7)\",1.5,");
    Files.writeString(study.resolve("study.yml"), Files.readString(study.resolve("study.yml")) + """

        benchmarks:
          - scenario: US-EU FTA
            metric: imports_from_partner
            window: final_year
            measure: pct_change_vs_baseline
            value: 90%
            source: A hypothetical published estimate
        """);
    Workspace ws = Workspace.h2(tmp.resolve("ws")).with("tariffcast.study", study.toString());

    Workspace.Result first = ws.cli("run", "--trials", "400", "--threads", "1");
    assertThat(first.code()).as(first.out() + first.err()).isZero();
    edit(study.resolve("elasticities.csv"), "\"uniform(3, 7)\"", "\"uniform(4, 9)\"");
    Workspace.Result second = ws.cli("run", "--trials", "400", "--threads", "1");
    assertThat(second.code()).as(second.out() + second.err()).isZero();

    JdbcTemplate db = ws.jdbc();
    assertThat(db.queryForList("SELECT run_id FROM projection_run ORDER BY run_id", Long.class)).containsExactly(1L, 2L);
    Path folder = ws.reports.resolve(db.queryForObject("SELECT report_path FROM projection_run WHERE run_id = 2",
        String.class));
    String parameter = ConfigLoader.load(study).elasticities().get("IND", "US").substitution().name();
    String text;
    try (PDDocument doc = Loader.loadPDF(folder.resolve("tariffcast-brief-run-2.pdf").toFile())) {
      text = new PDFTextStripper().getText(doc).replaceAll("\\s+", " ");
    }
    assertThat(text).contains("What changed since run 1");
    assertThat(text).contains("differs in elasticities.csv: " + parameter + " changed from uniform(3, 7) to uniform(4, 9)");
    assertThat(text).contains("Against published estimates").contains("A hypothetical published estimate");
    // the first run had no earlier run to compare with
    Path firstFolder = ws.reports.resolve(db.queryForObject("SELECT report_path FROM projection_run WHERE run_id = 1",
        String.class));
    try (PDDocument doc = Loader.loadPDF(firstFolder.resolve("tariffcast-brief-run-1.pdf").toFile())) {
      assertThat(new PDFTextStripper().getText(doc).replaceAll("\\s+", " "))
          .contains("This is the first completed run of the study gsim-4x4 in this database");
    }

    JsonNode json = JsonMapper.builder().build().readTree(folder.resolve("summary.json").toFile());
    JsonNode changed = json.get("changed_since");
    assertThat(changed.get("previous_run_id").asLong()).isEqualTo(1);
    assertThat(changed.get("changed_files").get(0).asString()).isEqualTo("elasticities.csv");
    assertThat(changed.get("changes").get(0).asString())
        .isEqualTo(parameter + " changed from uniform(3, 7) to uniform(4, 9)");
    assertThat(changed.get("model_unchanged").asBoolean()).isFalse();
    assertThat(json.get("benchmarks").get(0).get("low").asDouble()).isEqualTo(0.9);
    // four variants of the elasticities, stored with the run and read back for the report
    assertThat(json.get("driver_reruns").size()).isEqualTo(4);
    assertThat(db.queryForObject("SELECT COUNT(*) FROM driver_rerun WHERE run_id = 2", Integer.class)).isEqualTo(4);
  }

  private static void edit(Path file, String from, String to) throws java.io.IOException {
    String text = Files.readString(file);
    assertThat(text).contains(from);
    Files.writeString(file, text.replace(from, to));
  }
}
