package org.tariffcast.reporting.brief;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tariffcast.model.result.Benchmark;
import org.tariffcast.model.result.DriverRerun;
import org.tariffcast.model.result.Indicator;
import org.tariffcast.model.result.KpiKey;
import org.tariffcast.model.result.Measure;
import org.tariffcast.model.result.Metric;
import org.tariffcast.model.result.RunComparison;
import org.tariffcast.model.result.RunResult;
import org.tariffcast.model.result.Window;
import org.tariffcast.reporting.ReportFiles;
import org.tariffcast.reporting.ReportOptions;
import org.tariffcast.reporting.ReportWriter;
import org.tariffcast.reporting.Rendered;
import org.tariffcast.reporting.SmallRun;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The small run with three published benchmarks, the re-runs of one of them and a previous run to
 * compare with: the brief (read back with PDFBox) and summary.json (read back with Jackson) show
 * each benchmark row, the sentence on why one lies outside, and what changed since run 41.
 */
class PublishedAndChangedTest {
  static final Indicator IMPORTS_PCT = Indicator.of(Metric.IMPORTS_FROM_PARTNER, "total", Window.FINAL_YEAR,
      Measure.PCT_CHANGE_VS_BASELINE);
  static final Indicator IMPORTS_CHANGE = Indicator.of(Metric.IMPORTS_FROM_PARTNER, "total", Window.FINAL_YEAR,
      Measure.CHANGE_VS_BASELINE);

  @TempDir
  static Path dir;
  static ReportFiles files;
  static String text;
  static JsonNode json;

  static RunComparison previous;

  @BeforeAll
  static void render() throws Exception {
    RunResult run = withBenchmarks(SmallRun.result());
    String keep = System.getProperty("report.keep");
    files = ReportWriter.of(ReportOptions.defaults().at(Rendered.NOW)).write(run, previous,
        keep == null ? dir : Path.of(keep));
    try (PDDocument doc = Loader.loadPDF(files.brief().toFile())) {
      assertThat(doc.getNumberOfPages()).isBetween(2, 4);
      text = new PDFTextStripper().getText(doc).replaceAll("\\s+", " ");
    }
    json = JsonMapper.builder().build().readTree(files.summaryJson().toFile());
  }

  /** The fixture with three benchmarks, two re-runs and {@link #previous}, run 41 (set here). */
  static RunResult withBenchmarks(RunResult base) {
    List<Benchmark> benchmarks = List.of(
        Benchmark.of(SmallRun.FRAMEWORK, IMPORTS_PCT, -0.19, -0.19, "UNDP (2025)", "worst case"),
        Benchmark.of(SmallRun.NO_DEAL, IMPORTS_PCT, -0.50, -0.50, "Harsh press estimates (2025)", "a bound"),
        Benchmark.of(SmallRun.FRAMEWORK, IMPORTS_CHANGE, -40e9, -35e9, "A think tank (2025)", ""));
    KpiKey noDeal = IMPORTS_PCT.key(SmallRun.NO_DEAL);
    List<DriverRerun> reruns = List.of(
        DriverRerun.of("substitution_half", "every substitution elasticity at half its central value", noDeal, 1000,
            -0.24, -0.25, -0.33, -0.18),
        DriverRerun.of("substitution_p90", "every substitution elasticity at its 90th percentile", noDeal, 1000,
            -0.41, -0.42, -0.52, -0.33));
    RunResult run = new RunResult(base.info(), base.scenarios(), base.kpis(), base.series(), base.targets(),
        base.sensitivity(), base.convergence(), base.centralCase(), base.sources(), base.config(),
        base.description().withBenchmarks(benchmarks), base.domainWarnings(), reruns);
    previous = new RunComparison(41, Instant.parse("2026-01-04T02:00:00Z"), 7, 10_000,
        List.of("scenarios.yml"), List.of("the Framework 20/40 probability rose from 0.45 to 0.6"), false,
        List.of(RunComparison.FigureChange.of(IMPORTS_CHANGE.key(SmallRun.FRAMEWORK), -15e9, -21e9, 0.5e9)));
    return run;
  }

  @Test
  void theVietnameseBriefSaysWhyAndWhatChangedInVietnamese() throws Exception {
    RunResult run = withBenchmarks(SmallRun.withPerspective("VN"));
    byte[] pdf = new BriefRenderer(org.tariffcast.reporting.text.Messages.of("vi")).render(
        org.tariffcast.reporting.content.ReportData.of(run, previous), java.util.Optional.empty(), Rendered.NOW);
    String vi;
    try (PDDocument doc = Loader.loadPDF(pdf)) {
      vi = new PDFTextStripper().getText(doc).replaceAll("\\s+", " ");
    }
    // the same figures as the English brief's (No deal -40/-31/-22 %, the P90 re-run -52/-42/-33 %), in Vietnamese
    // words and separators, the re-run's variant in words from the bundle
    assertThat(vi).contains("Harsh press estimates (2025): \u221250 %, thấp hơn khoảng 90 % của nghiên cứu (\u221240 % "
        + "đến \u221222 %). Khi chạy lại với mọi độ co giãn thay thế ở phân vị thứ 90 (đầu dài hạn theo GTAP của khoảng), "
        + "trung vị của kịch bản No deal (46%) là \u221242 % (khoảng 90 %: \u221252 % đến \u221233 %): con số đã công bố "
        + "đòi hỏi các độ co giãn như vậy.");
    assertThat(vi).contains("A think tank (2025): \u221240,0 tỷ USD đến \u221235,0 tỷ USD, thấp hơn khoảng 90 % của "
        + "nghiên cứu (\u221230,0 tỷ USD đến \u221212,0 tỷ USD). Lần chạy này không lưu lần chạy lại nào với các độ co "
        + "giãn khác.");
    assertThat(vi).contains("Những gì thay đổi so với lần chạy 41");
    // the configuration's difference itself stays as the comparison words it (English)
    assertThat(vi).contains("Lần chạy 41 ngày 2026-01-04 (10.000 lần mô phỏng, hạt giống 7) khác ở scenarios.yml: the "
        + "Framework 20/40 probability rose from 0.45 to 0.6.");
    assertThat(vi).contains("1 trên 1 số liệu chính thay đổi hơn ba sai số chuẩn, tức là do các thay đổi nêu trên");
    assertThat(vi).contains("Framework 20/40 \u221215,0 tỷ USD \u221221,0 tỷ USD \u22126,0 tỷ USD có");
    assertThat(vi).doesNotContain("below the study", "Re-run with", "headline figures moved", "This run");
  }

  @Test
  void everyBenchmarkRowIsInTheBrief() {
    assertThat(text).contains("Against published estimates");
    // Framework imports P5/P50/P95 -20/-14/-8 % in the fixture: UNDP's -19 % lies inside
    assertThat(text).contains("UNDP (2025)").contains("\u221219 %").contains("\u221214 % (\u221220 % to \u22128.0 %)");
    // No deal -40/-31/-22 %: -50 % lies below
    assertThat(text).contains("Harsh press estimates (2025)").contains("\u221250 %").contains("\u221231 % (\u221240 % to \u221222 %)");
    // Framework change USD -30/-21/-12 bn: the range -40 to -35 bn lies below
    assertThat(text).contains("A think tank (2025)").contains("USD \u221240.0 bn to USD \u221235.0 bn")
        .contains("USD \u221221.0 bn (USD \u221230.0 bn to USD \u221212.0 bn)");
  }

  @Test
  void aBenchmarkOutsideTheIntervalGetsTheNearestRerun() {
    // the re-run nearest -50 % is the P90 one (median -42 %), whose interval -52..-33 % reaches it
    assertThat(text).contains("Harsh press estimates (2025): \u221250 %, below the study's 90 % interval "
        + "(\u221240 % to \u221222 %). Re-run with every substitution elasticity at its 90th percentile, the No deal (46%) "
        + "median is \u221242 % (90 % interval \u221252 % to \u221233 %): the published figure needs elasticities of that kind.");
    assertThat(text).contains("A think tank (2025): USD \u221240.0 bn to USD \u221235.0 bn, below the study's 90 % "
        + "interval (USD \u221230.0 bn to USD \u221212.0 bn). No re-run with other elasticities is stored for this run.");
  }

  @Test
  void whatChangedNamesTheParameterAndTheFigure() {
    assertThat(text).contains("What changed since run 41");
    assertThat(text).contains("Run 41 of 2026-01-04 (10,000 trials, seed 7) differs in scenarios.yml: the Framework "
        + "20/40 probability rose from 0.45 to 0.6.");
    // -15 -> -21 bn with a standard error of 0.5 bn: 12 standard errors, beyond sampling noise
    assertThat(text).contains("1 of 1 headline figures moved by more than three standard errors");
    assertThat(text).contains("Framework 20/40 USD \u221215.0 bn USD \u221221.0 bn USD \u22126.0 bn yes");
  }

  @Test
  void theWorkbookHasThemOnItsPublishedEstimatesSheet() throws Exception {
    try (var wb = Rendered.open(files.workbook())) {
      List<String> cells = Rendered.texts(wb.getSheet("Published estimates"));
      assertThat(cells).contains("UNDP (2025)", "Harsh press estimates (2025)", "A think tank (2025)", "yes", "no",
          "What changed since run 41", "Framework 20/40");
      assertThat(wb.getPrintArea(wb.getSheetIndex("Published estimates"))).isNotNull();
      assertThat(wb.getSheet("Published estimates").getRepeatingRows()).isNotNull();
    }
  }

  @Test
  void summaryJsonCarriesKeysBenchmarksRerunsAndTheChange() {
    assertThat(json.get("schema_version").asInt()).isEqualTo(3);
    assertThat(json.get("scenarios").get(0).get("key").asString()).isEqualTo("no-deal-46");
    assertThat(json.get("scenarios").get(1).get("key").asString()).isEqualTo("framework-20-40");
    assertThat(json.get("parameters").get(0).get("key").asString()).isEqualTo("es-elec-us");
    assertThat(json.get("parameters").get(0).get("label").asString())
        .isEqualTo("Substitution elasticity, Electronics, United States");
    JsonNode b = json.get("benchmarks");
    assertThat(b.size()).isEqualTo(3);
    assertThat(b.get(0).get("scenario_key").asString()).isEqualTo("framework-20-40");
    assertThat(b.get(0).get("unit").asString()).isEqualTo("fraction");
    assertThat(b.get(0).get("low").asDouble()).isEqualTo(-0.19);
    assertThat(b.get(0).get("study_p50").asDouble()).isEqualTo(-0.14);
    assertThat(b.get(0).get("inside_interval").asBoolean()).isTrue();
    assertThat(b.get(1).get("inside_interval").asBoolean()).isFalse();
    assertThat(b.get(2).get("unit").asString()).isEqualTo("USD");
    assertThat(b.get(2).get("high").asDouble()).isEqualTo(-35e9);
    assertThat(json.get("driver_reruns").size()).isEqualTo(2);
    assertThat(json.get("driver_reruns").get(1).get("p50").asDouble()).isEqualTo(-0.42);
    JsonNode c = json.get("changed_since");
    assertThat(c.get("previous_run_id").asLong()).isEqualTo(41);
    assertThat(c.get("changes").get(0).asString()).isEqualTo("the Framework 20/40 probability rose from 0.45 to 0.6");
    assertThat(c.get("figures").get(0).get("difference").asDouble()).isEqualTo(-6e9);
    assertThat(c.get("figures").get(0).get("beyond_sampling_error").asBoolean()).isTrue();
    for (String list : List.of("kpis", "series", "convergence", "sensitivity", "targets", "central_case_kpis")) {
      for (JsonNode row : json.get(list)) {
        assertThat(row.has("unit")).as(list + " row has a unit").isTrue();
      }
    }
    assertThat(json.get("sensitivity").get(0).has("label")).isTrue();
    assertThat(json.get("sensitivity").get(0).has("parameter_key")).isTrue();
  }
}
