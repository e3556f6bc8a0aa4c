package org.tariffcast.model.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tariffcast.model.result.Benchmark;
import org.tariffcast.model.result.Measure;
import org.tariffcast.model.result.Metric;
import org.tariffcast.model.result.Window;

/** benchmarks: of study.yml, the published estimates a brief compares with. */
class BenchmarksConfigTest {
  static final Path DEFAULT = Path.of("..", "config", "us-vietnam-2025");

  @Test
  void theDefaultStudyCarriesThePublishedFiguresOfBenchmarksMd() {
    ModelConfig c = ConfigLoader.load(DEFAULT);

    // BENCHMARKS.md / DATA-NOTES: UNDP -19 % (Framework), > USD 25 bn; harshest estimates -40 % (No deal)
    assertThat(c.benchmarks()).hasSize(3);
    Benchmark undp = c.benchmarks().get(0);
    assertThat(undp.scenario()).isEqualTo("Framework");
    assertThat(undp.kpi().metric()).isEqualTo(Metric.IMPORTS_FROM_PARTNER);
    assertThat(undp.kpi().breakdown()).isEqualTo("total");
    assertThat(undp.kpi().window()).isEqualTo(Window.FINAL_YEAR);
    assertThat(undp.kpi().measure()).isEqualTo(Measure.PCT_CHANGE_VS_BASELINE);
    assertThat(undp.low()).isEqualTo(-0.19);
    assertThat(undp.isPoint()).isTrue();
    assertThat(undp.source()).startsWith("UNDP");
    assertThat(c.benchmarks().get(1).low()).isEqualTo(-25e9);
    assertThat(c.benchmarks().get(2).scenario()).isEqualTo("No deal");
    assertThat(c.benchmarks().get(2).low()).isEqualTo(-0.40);
    // the description carries them to every report
    assertThat(c.description(java.util.List.of()).benchmarks()).isEqualTo(c.benchmarks());
  }

  @Test
  void aRangeIsReadAsLowAndHigh(@TempDir Path tmp) throws IOException {
    Path dir = copy(tmp, """
        benchmarks:
          - scenario: No deal
            metric: partner_exports
            window: final_year
            measure: pct_change_vs_baseline
            low: -7.5%
            high: -1%
            source: Winchester, ING, SSI
        """);

    Benchmark b = ConfigLoader.load(dir).benchmarks().get(0);

    assertThat(b.low()).isEqualTo(-0.075);
    assertThat(b.high()).isEqualTo(-0.01);
    assertThat(b.isPoint()).isFalse();
    assertThat(b.note()).isEmpty();
    assertThat(b.overlaps(-0.2, -0.08)).isFalse();
    assertThat(b.overlaps(-0.2, -0.05)).isTrue();
  }

  @Test
  void everyBadBenchmarkIsReportedAtOnceWithItsPlace(@TempDir Path tmp) throws IOException {
    Path dir = copy(tmp, """
        benchmarks:
          - scenario: Framwork
            metric: imports_from_partner
            window: final_year
            measure: pct_change_vs_baseline
            value: -19%
            source: UNDP
          - scenario: No deal
            metric: imports
            window: final_year
            measure: pct_change_vs_baseline
            value: -40%
            low: -50%
            source: press
          - scenario: No deal
            metric: bilateral_balance
            breakdown: ELEC
            window: final_year
            measure: level
            low: 3%
            high: 1%
            source: nobody
        """);

    ConfigException e = catchThrowableOfType(ConfigException.class, () -> ConfigLoader.load(dir));

    assertThat(e).isNotNull();
    int first = (int) Files.readAllLines(DEFAULT.resolve("study.yml")).stream()
        .takeWhile(l -> !l.startsWith("benchmarks:")).count() + 1; // line of "benchmarks:" in the copy
    assertThat(e.lines()).containsExactlyInAnyOrder(
        "study.yml:" + (first + 8) + ":13: benchmarks[2].metric: expected one of imports_from_partner, "
            + "exports_to_partner, bilateral_balance, tariff_revenue, partner_exports, home_imports_by_source, "
            + "welfare, found 'imports'",
        "study.yml:" + (first + 11) + ":12: benchmarks[2].value: expected either value or low and high, not both, "
            + "found '-40%'",
        "study.yml:" + (first + 16) + ":16: benchmarks[3].breakdown: expected a breakdown of bilateral_balance, "
            + "one of [total], found 'ELEC'",
        "study.yml:" + (first + 20) + ":11: benchmarks[3].high: expected a high end >= low (0.03), found '1%'",
        "study.yml:" + (first + 1) + ":15: benchmarks[1].scenario: expected a scenario of scenarios.yml or "
            + "Outlook, one of [No deal, Baseline 10%, Framework, Zero-for-zero, Mutually low, Outlook], found "
            + "'Framwork' (did you mean Framework?)");
  }

  /** The default study with its benchmarks replaced by {@code benchmarks}. */
  private static Path copy(Path tmp, String benchmarks) throws IOException {
    Path dir = tmp.resolve("study");
    Files.createDirectories(dir);
    try (Stream<Path> files = Files.list(DEFAULT)) {
      for (Path p : files.toList()) {
        Files.copy(p, dir.resolve(p.getFileName()));
      }
    }
    String study = Files.readString(dir.resolve("study.yml"));
    study = study.substring(0, study.indexOf("\nbenchmarks:") + 1) + benchmarks;
    Files.writeString(dir.resolve("study.yml"), study);
    return dir;
  }
}
