package org.tariffcast.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tariffcast.model.config.ConfigSnapshot;
import org.tariffcast.model.result.CentralCase;
import org.tariffcast.model.result.KpiKey;
import org.tariffcast.model.result.KpiStatistics;
import org.tariffcast.model.result.Measure;
import org.tariffcast.model.result.Metric;
import org.tariffcast.model.result.Percentiles;
import org.tariffcast.model.result.RunInfo;
import org.tariffcast.model.result.RunResult;
import org.tariffcast.model.result.ScenarioInfo;
import org.tariffcast.model.result.Statistics;
import org.tariffcast.model.result.StudyDescription;
import org.tariffcast.model.geo.Region;
import org.tariffcast.model.result.Window;
import org.tariffcast.model.run.SamplingMethod;
import org.tariffcast.model.run.SolverKind;
import org.tariffcast.model.time.Horizon;
import org.tariffcast.model.time.YearQuarter;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A run that has almost nothing (one scenario, no series, no sensitivity, no convergence, no
 * central case, no study.yml, not finished, a KPI whose mean is not a number) still renders:
 * charts without data are left out, missing values show as dashes, NaN as "n/a" and null.
 */
class SparseRunTest {
  @Test
  void rendersWhatThereIsAndLeavesOutTheRest(@TempDir Path dir) throws IOException {
    ConfigSnapshot snapshot = ConfigSnapshot.of(Map.of("notes.txt", "no study.yml here\n"));
    RunInfo info = new RunInfo(7, "tiny", null, "AA", "BB", snapshot.sha256(), 1, 10, SamplingMethod.RANDOM,
        SolverKind.LINEAR, Horizon.of(YearQuarter.of(2030, 3), 4), 2029, Instant.parse("2030-01-01T00:00:00Z"), null,
        Map.of());
    Statistics nan = new Statistics(10, Double.NaN, 1, 0.3, -1, 1, new Percentiles(-1, -0.5, -0.2, 0, 0.2, 0.5, 1), 0);
    RunResult run = new RunResult(info,
        List.of(new ScenarioInfo("Only", 1.0, null), new ScenarioInfo("Baseline", 0, null),
            new ScenarioInfo("Outlook", 1, null)),
        List.of(KpiStatistics.of(KpiKey.of("Only", Metric.IMPORTS_FROM_PARTNER, "total", Window.FINAL_YEAR,
            Measure.PCT_CHANGE_VS_BASELINE), nan)),
        List.of(), List.of(), List.of(), List.of(), new CentralCase(List.of(), List.of()), List.of(), snapshot,
        new StudyDescription("tiny", null, "AA", "BB", "AA", 2029, List.of(Region.of("AA", "AA"), Region.of("BB", "BB")),
            List.of(), List.of(new ScenarioInfo("Only", 1.0, null), new ScenarioInfo("Baseline", 0, null),
                new ScenarioInfo("Outlook", 1, null)), List.of(), List.of(), SmallRun.headlines("AA", "BB")));

    ReportFiles files = ReportWriter.of(ReportOptions.defaults().at(Instant.parse("2030-02-01T00:00:00Z")))
        .write(run, dir);

    assertThat(files.charts()).extracting(p -> p.getFileName().toString())
        .containsExactly("scenario-comparison.png");
    try (XSSFWorkbook wb = Rendered.open(files.workbook())) {
      assertThat(wb.getNumberOfSheets()).isEqualTo(6);
      assertThat(Rendered.texts(wb.getSheet("Published estimates")))
          .contains("The study lists no published estimates (benchmarks: in study.yml).");
      List<String> summary = Rendered.texts(wb.getSheet("Summary"));
      // 2030Q3 + 4 quarters: July 2030 to June 2031
      assertThat(summary).anyMatch(t -> t.startsWith("Under Only, AA imports from BB in the year to June 2031 "
          + "are about the same as baseline"));
      assertThat(Rendered.texts(wb.getSheet("Drivers"))).contains("The run has no driver swings (a run stored before they were, or no uncertain parameters).");
    }
    try (XSSFWorkbook annex = Rendered.open(files.annex())) {
      assertThat(annex.getNumberOfSheets()).isEqualTo(7);
      assertThat(Rendered.texts(annex.getSheet("Convergence"))).contains("n/a");
    }
    JsonNode json = JsonMapper.builder().build().readTree(files.summaryJson().toFile());
    assertThat(json.get("finished_at").isNull()).isTrue();
    assertThat(json.get("kpis").get(0).get("mean").isNull()).isTrue();
    assertThat(json.get("kpis").get(0).get("p50").asDouble()).isEqualTo(0.0);
    assertThat(json.get("regions")).hasSize(2);
    assertThat(json.get("central_case")).isEmpty();
  }
}
