package org.tariffcast.study;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.tariffcast.model.config.ConfigLoader;
import org.tariffcast.model.config.ModelConfig;
import org.tariffcast.model.config.ConfigProblem;
import org.tariffcast.model.trade.DataSource;

/**
 * The default study (config/us-vietnam-2025): it loads, and its 2024 baseline reproduces the
 * totals it is calibrated to. Expected values are typed from ../shared/context/DATA-NOTES.md
 * (USD million), never read from flows.csv: if an official extract changes a total, change
 * DATA-NOTES, this test and SOURCES.md together.
 */
class DefaultStudyTest {
  /** Tolerance on calibrated totals: 0.5 % (DATA-NOTES rounds CN/MX/CA to the billion). */
  static final double TOTAL_TOLERANCE = 0.005;
  static final double MN = 1e6;

  static ModelConfig study;

  static Path studyFolder() {
    for (Path p : List.of(Path.of("config/us-vietnam-2025"), Path.of("../config/us-vietnam-2025"))) {
      if (Files.isDirectory(p)) {
        return p;
      }
    }
    throw new IllegalStateException("config/us-vietnam-2025 not found from " + Path.of("").toAbsolutePath());
  }

  @BeforeAll
  static void load() {
    study = ConfigLoader.load(studyFolder());
  }

  @Test
  void loadsWithoutProblems() {
    List<ConfigProblem> problems = ConfigLoader.validate(studyFolder());
    assertThat(problems).isEmpty();
    assertThat(study.home()).isEqualTo("US");
    assertThat(study.partner()).isEqualTo("VN");
    assertThat(study.regionCodes()).contains("US", "VN", "CN", "MX", "CA", "ASEAN_OTH", "ROW");
    assertThat(study.sectorCodes()).hasSizeBetween(12, 20);
    assertThat(study.scenarios()).extracting(s -> s.name())
        .containsExactly("No deal", "Baseline 10%", "Framework", "Zero-for-zero", "Mutually low");
    assertThat(study.scenarios().stream().mapToDouble(s -> s.probability()).sum()).isCloseTo(1.0, within(1e-9));
  }

  @Test
  void everyDataRowHasASourceAndAQualityFlag() throws Exception {
    for (String file : List.of("flows.csv", "tariffs.csv", "elasticities.csv")) {
      long dataRows = Files.readAllLines(studyFolder().resolve(file)).stream().skip(1)
          .filter(l -> !l.isBlank()).count();
      int attributed = study.sources().stream().filter(s -> s.file().endsWith(file))
          .mapToInt(DataSource::rows).sum();
      assertThat(attributed).as(file).isEqualTo(dataRows);
    }
  }

  @Test
  void baselineReproducesTheUsVietnamTotals() {
    // USTR / US Census 2024 (DATA-NOTES): imports from Vietnam 136.6 bn, exports 13.1 bn
    assertThat(flow("VN", "US")).isCloseTo(136_600, within(136_600 * TOTAL_TOLERANCE));
    assertThat(flow("US", "VN")).isCloseTo(13_100, within(13_100 * TOTAL_TOLERANCE));
    // and so the deficit of 123.5 bn, whose half-ratio is the 46 % rate
    double deficit = flow("VN", "US") - flow("US", "VN");
    assertThat(deficit).isCloseTo(123_500, within(123_500 * TOTAL_TOLERANCE));
    assertThat(deficit / flow("VN", "US") / 2).isCloseTo(0.452, within(0.005));
  }

  @Test
  void baselineReproducesTheOtherSuppliersTotals() {
    // US Census 2024 (DATA-NOTES, approx.): China ~439, Mexico ~506, Canada ~413 bn
    assertThat(flow("CN", "US")).isCloseTo(439_000, within(439_000 * TOTAL_TOLERANCE));
    assertThat(flow("MX", "US")).isCloseTo(506_000, within(506_000 * TOTAL_TOLERANCE));
    assertThat(flow("CA", "US")).isCloseTo(413_000, within(413_000 * TOTAL_TOLERANCE));
  }

  @Test
  void baselineReproducesTheSectorFactsOfDataNotes() {
    // apparel ~14 bn (18.2 % of 77.8 bn, OTEXA 2023)
    assertThat(flow("VN", "US", "APPAREL")).isCloseTo(14_000, within(14_000 * 0.05));
    // US farm exports to Vietnam 3.4-3.5 bn (USDA 2023, VNA 2024)
    double farm = flow("US", "VN", "COTTON") + flow("US", "VN", "GRAIN_OILSEED") + flow("US", "VN", "AGRI");
    assertThat(farm).isBetween(3_400.0, 3_500.0);
    // electronics and machinery (HS 84-85) are the largest groups of US imports from Vietnam
    double hs8485 = flow("VN", "US", "ELEC") + flow("VN", "US", "SEMI") + flow("VN", "US", "MACH");
    for (String s : study.sectorCodes()) {
      if (!List.of("ELEC", "SEMI", "MACH").contains(s)) {
        assertThat(flow("VN", "US", s)).as(s).isLessThan(hs8485);
      }
    }
  }

  /** USD million per year, all sectors. */
  static double flow(String exporter, String importer) {
    return study.sectorCodes().stream().mapToDouble(s -> flow(exporter, importer, s)).sum();
  }

  static double flow(String exporter, String importer, String sector) {
    return study.flows().get(sector).flow(exporter, importer) / MN;
  }
}
