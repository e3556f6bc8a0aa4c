package org.tariffcast.reporting.json;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tariffcast.model.result.RunResult;
import org.tariffcast.reporting.ReportFiles;
import org.tariffcast.reporting.Rendered;
import org.tariffcast.reporting.SmallRun;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * summary.json of the small run against a golden file that was checked by hand against the
 * fixture ({@code src/test/resources/golden/summary-run-42.json}). When the format changes on
 * purpose, regenerate it, read the diff line by line and commit both together.
 */
class SummaryJsonGoldenTest {
  static final String GOLDEN = "/golden/summary-run-42.json";

  static String golden() throws IOException {
    try (InputStream in = SummaryJsonGoldenTest.class.getResourceAsStream(GOLDEN)) {
      assertThat(in).as(GOLDEN).isNotNull();
      return new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("\r\n", "\n");
    }
  }

  @Test
  void matchesTheGoldenFileLineByLine(@TempDir Path dir) throws IOException {
    ReportFiles files = Rendered.write(SmallRun.result(), dir);
    if (Boolean.getBoolean("golden.update")) {
      // re-record on purpose: -Dgolden.update=true, then read the diff before committing it
      Files.copy(files.summaryJson(), Path.of("src/test/resources" + GOLDEN),
          java.nio.file.StandardCopyOption.REPLACE_EXISTING);
      return;
    }
    List<String> actual = Files.readAllLines(files.summaryJson(), StandardCharsets.UTF_8);
    List<String> expected = golden().lines().toList();
    for (int i = 0; i < Math.min(actual.size(), expected.size()); i++) {
      assertThat(actual.get(i)).as("summary.json line " + (i + 1)).isEqualTo(expected.get(i));
    }
    assertThat(actual).hasSameSizeAs(expected);
  }

  @Test
  void doesNotDependOnTheOrderInWhichResultsWereStored(@TempDir Path dir) throws IOException {
    RunResult r = SmallRun.result();
    RunResult shuffled = new RunResult(r.info(), r.scenarios(), reversed(r.kpis()), reversed(r.series()),
        reversed(r.targets()), reversed(r.sensitivity()), reversed(r.convergence()),
        new org.tariffcast.model.result.CentralCase(r.centralCase().tables(), reversed(r.centralCase().kpis())),
        reversed(r.sources()), r.config(), r.description()).withSwings(reversed(r.swings()));
    ReportFiles files = Rendered.write(shuffled, dir);
    assertThat(Files.readString(files.summaryJson())).isEqualTo(golden());
  }

  @Test
  void centralCaseHasExactlyTheShapeTheDesignGives(@TempDir Path dir) throws IOException {
    ReportFiles files = Rendered.write(SmallRun.result(), dir);
    JsonNode root = JsonMapper.builder().build().readTree(files.summaryJson().toFile());
    for (String field : List.of("run_id", "config_sha256", "seed", "trials", "sampling", "scenarios", "kpis", "series",
        "central_case", "targets", "sensitivity")) {
      assertThat(root.has(field)).as(field).isTrue();
    }
    JsonNode table = root.get("central_case").get(0);
    assertThat(names(table)).containsExactly("scenario", "regime", "sector", "world_price_change", "flows_before",
        "flows_after", "welfare");
    assertThat(table.get("flows_after").get("VN").get("US").asDouble()).isEqualTo(66.5e9);
    assertThat(names(table.get("welfare").get("US"))).containsExactly("consumer_surplus", "producer_surplus",
        "tariff_revenue", "net");
    assertThat(table.get("welfare").get("US").get("net").asDouble()).isEqualTo(17.5e9);
    JsonNode kpi = root.get("kpis").get(0);
    assertThat(names(kpi)).contains("scenario", "metric", "breakdown", "window", "measure", "mean", "sd", "se", "p5",
        "p10", "p25", "p50", "p75", "p90", "p95");
    JsonNode point = root.get("series").get(0);
    assertThat(names(point)).contains("scenario", "metric", "breakdown", "period", "mean", "p5", "p50", "p95");
  }

  @Test
  void numbersKeepTenSignificantDigitsInPlainNotation() {
    assertThat(JsonNumbers.round(136.6e9).toPlainString()).isEqualTo("136600000000");
    assertThat(JsonNumbers.round(0.1 + 0.2).toPlainString()).isEqualTo("0.3");
    assertThat(JsonNumbers.round(-0.31).toPlainString()).isEqualTo("-0.31");
    assertThat(JsonNumbers.round(1.0 / 3).toPlainString()).isEqualTo("0.3333333333");
    assertThat(JsonNumbers.round(2.5e-7).toPlainString()).isEqualTo("0.00000025");
    assertThat(JsonNumbers.round(-0.0).toPlainString()).isEqualTo("0");
    assertThat(JsonNumbers.round(Double.NaN)).isNull();
    assertThat(JsonNumbers.round(Double.POSITIVE_INFINITY)).isNull();
  }

  private static <T> List<T> reversed(List<T> list) {
    List<T> out = new ArrayList<>(list);
    Collections.reverse(out);
    return out;
  }

  private static List<String> names(JsonNode node) {
    List<String> out = new ArrayList<>();
    node.propertyNames().forEach(out::add);
    return out;
  }
}
