package org.tariffcast.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tariffcast.model.result.DomainWarning;
import org.tariffcast.model.result.RunResult;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A run whose linear equilibria left their range says so in the workbook's Summary, the annex's
 * Assumptions and in summary.json, naming scenario, regime and sector; a run without warnings
 * shows nothing of it.
 */
class ModelRangeReportTest {
  @TempDir
  Path dir;

  static RunResult withWarnings(RunResult r, List<DomainWarning> warnings) {
    return new RunResult(r.info(), r.scenarios(), r.kpis(), r.series(), r.targets(), r.sensitivity(), r.convergence(),
        r.centralCase(), r.sources(), r.config(), r.description(), warnings);
  }

  @Test
  void warningsAppearInSummaryAssumptionsAndJson() throws IOException {
    long n = SmallRun.TRIALS;
    RunResult run = withWarnings(SmallRun.result(), List.of(
        DomainWarning.of(DomainWarning.Kind.NEGATIVE_FLOW, SmallRun.NO_DEAL, "reciprocal", "ELEC", 2500, n),
        DomainWarning.of(DomainWarning.Kind.NEGATIVE_REVENUE, SmallRun.NO_DEAL, "reciprocal", "ELEC", 10, n)));
    ReportFiles files = Rendered.write(run, dir);
    try (XSSFWorkbook wb = Rendered.open(files.workbook()); XSSFWorkbook annex = Rendered.open(files.annex())) {
      String summary = String.join("\n", Rendered.texts(wb.getSheet("Summary")));
      assertThat(summary).contains("the linear model is outside its range for shocks of this size: use `ces`",
          SmallRun.NO_DEAL + ", regime reciprocal, sector ELEC: negative flows in 2,500 of 10,000 trials");
      List<String> assumptions = Rendered.texts(annex.getSheet("Assumptions"));
      assertThat(assumptions).contains("Model range", SmallRun.NO_DEAL + " · reciprocal · ELEC");
    }
    JsonNode warnings = JsonMapper.builder().build().readTree(files.summaryJson().toFile()).get("domain_warnings");
    assertThat(warnings.size()).isEqualTo(2);
    assertThat(warnings.get(0).get("kind").asString()).isEqualTo("negative_flow");
    assertThat(warnings.get(0).get("scenario").asString()).isEqualTo(SmallRun.NO_DEAL);
    assertThat(warnings.get(0).get("regime").asString()).isEqualTo("reciprocal");
    assertThat(warnings.get(0).get("sector").asString()).isEqualTo("ELEC");
    assertThat(warnings.get(0).get("trials").asLong()).isEqualTo(2500);
    assertThat(warnings.get(0).get("share").asDouble()).isEqualTo(0.25);
    assertThat(warnings.get(1).get("kind").asString()).isEqualTo("negative_revenue");
  }

  @Test
  void aRunWithoutWarningsSaysNothingOfIt() throws IOException {
    ReportFiles files = Rendered.write(SmallRun.result(), dir);
    try (XSSFWorkbook wb = Rendered.open(files.workbook()); XSSFWorkbook annex = Rendered.open(files.annex())) {
      assertThat(String.join("\n", Rendered.texts(wb.getSheet("Summary")))).doesNotContain("Model range");
      assertThat(Rendered.texts(annex.getSheet("Assumptions"))).doesNotContain("Model range");
    }
    assertThat(JsonMapper.builder().build().readTree(files.summaryJson().toFile()).get("domain_warnings").size())
        .isZero();
  }
}
