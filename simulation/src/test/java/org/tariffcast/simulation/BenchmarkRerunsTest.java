package org.tariffcast.simulation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.tariffcast.model.config.ConfigLoader;
import org.tariffcast.model.config.ConfigSnapshot;
import org.tariffcast.model.config.ModelConfig;
import org.tariffcast.model.result.DriverRerun;

/** The default study re-run with its elasticities at other values, for the benchmarks of the brief. */
class BenchmarkRerunsTest {
  static final ModelConfig STUDY = ConfigLoader.load(Path.of("..", "config", "us-vietnam-2025"));

  @Test
  void aVariantFixesEveryElasticityOfItsGroupAtTheStatedValue() {
    // es_ELEC is triangular(1.75, 4.4, 8.8): central value = mode 4.4; by the triangular inverse CDF
    // P10 = 1.75 + sqrt(0.1 x 7.05 x 2.65) = 3.116839, P90 = 8.8 - sqrt(0.1 x 7.05 x 4.4) = 7.038751
    ModelConfig half = BenchmarkReruns.variant(STUDY, BenchmarkReruns.Variant.SUBSTITUTION_HALF, 100);
    ModelConfig low = BenchmarkReruns.variant(STUDY, BenchmarkReruns.Variant.SUBSTITUTION_LOW, 100);
    ModelConfig high = BenchmarkReruns.variant(STUDY, BenchmarkReruns.Variant.SUBSTITUTION_HIGH, 100);

    for (String importer : List.of("US", "VN", "CN")) {
      assertThat(half.elasticities().get("ELEC", importer).substitution().isUncertain()).isFalse();
      assertThat(half.elasticities().get("ELEC", importer).substitution().central()).isCloseTo(2.2, within(1e-12));
      assertThat(low.elasticities().get("ELEC", importer).substitution().central()).isCloseTo(3.116839, within(1e-6));
      assertThat(high.elasticities().get("ELEC", importer).substitution().central()).isCloseTo(7.038751, within(1e-6));
      assertThat(half.elasticities().get("ELEC", importer).substitutionShortRun()).isNull();
    }
    // import demand untouched, the rest of the run kept
    assertThat(half.elasticities().get("ELEC", "US").importDemand()).isEqualTo(
        STUDY.elasticities().get("ELEC", "US").importDemand());
    assertThat(half.run().seed()).isEqualTo(STUDY.run().seed());
    assertThat(half.run().trials()).isEqualTo(100);
    assertThat(half.uncertainParameters().size()).isLessThan(STUDY.uncertainParameters().size());
  }

  @Test
  void theShortRunElasticitiesAreFixedAlike() throws IOException {
    // the default study with the short-run variant's two files (config/us-vietnam-2025/short-run/):
    // es_ELEC (long run) is triangular(1.75, 8.8, 11): mode 8.8, F(mode) = 7.05 / 9.25 = 0.762, so by the
    // triangular inverse CDF P10 = 1.75 + sqrt(0.1 x 9.25 x 7.05) = 4.303674 and
    // P90 = 11 - sqrt(0.1 x 9.25 x 2.2) = 9.573466; es_short_run is triangular(0.5, 0.76, 2.5): mode 0.76,
    // F(mode) = 0.26 / 2 = 0.13, P10 = 0.5 + sqrt(0.1 x 2 x 0.26) = 0.728035, P90 = 2.5 - sqrt(0.1 x 2 x 1.74) = 1.910085
    ModelConfig shortRun = shortRunVariant();
    ModelConfig half = BenchmarkReruns.variant(shortRun, BenchmarkReruns.Variant.SUBSTITUTION_HALF, 100);
    ModelConfig low = BenchmarkReruns.variant(shortRun, BenchmarkReruns.Variant.SUBSTITUTION_LOW, 100);
    ModelConfig high = BenchmarkReruns.variant(shortRun, BenchmarkReruns.Variant.SUBSTITUTION_HIGH, 100);

    for (String importer : List.of("US", "VN", "CN")) {
      assertThat(half.elasticities().get("ELEC", importer).substitution().central()).isCloseTo(4.4, within(1e-12));
      assertThat(low.elasticities().get("ELEC", importer).substitution().central()).isCloseTo(4.303674, within(1e-6));
      assertThat(high.elasticities().get("ELEC", importer).substitution().central()).isCloseTo(9.573466, within(1e-6));
      assertThat(half.elasticities().get("ELEC", importer).substitutionShortRun().isUncertain()).isFalse();
      assertThat(half.elasticities().get("ELEC", importer).substitutionShortRun().central()).isCloseTo(0.38, within(1e-12));
      assertThat(low.elasticities().get("ELEC", importer).substitutionShortRun().central()).isCloseTo(0.728035, within(1e-6));
      assertThat(high.elasticities().get("ELEC", importer).substitutionShortRun().central()).isCloseTo(1.910085, within(1e-6));
    }
  }

  /** The default study with elasticities.csv and parameters.yml of its short-run variant. */
  static ModelConfig shortRunVariant() throws IOException {
    Path variant = Path.of("..", "config", "us-vietnam-2025", "short-run");
    Map<String, String> files = new LinkedHashMap<>(STUDY.snapshot().files());
    for (String f : List.of("elasticities.csv", "parameters.yml")) {
      files.put(f, Files.readString(variant.resolve(f)));
    }
    return ConfigLoader.load(ConfigSnapshot.of(files));
  }

  @Test
  void everyVariantGivesEveryBenchmarkedKpiReproducibly() {
    List<DriverRerun> first = BenchmarkReruns.of(STUDY, 64);
    List<DriverRerun> again = BenchmarkReruns.of(STUDY, 64);

    // 4 variants x 3 benchmarks (two Framework KPIs, one No deal KPI)
    assertThat(first).hasSize(4 * 3);
    assertThat(again).isEqualTo(first);
    for (DriverRerun r : first) {
      assertThat(r.trials()).isEqualTo(64);
      assertThat(r.p5()).isLessThanOrEqualTo(r.median());
      assertThat(r.median()).isLessThanOrEqualTo(r.p95());
    }
    assertThat(first.stream().map(DriverRerun::variant).distinct()).containsExactly("substitution_half",
        "substitution_p10", "substitution_p90", "import_demand_p10");
  }

  @Test
  void variantsRunSideBySideGiveTheOneThreadNumbersBitForBit() {
    // each variant keeps its own engine and seed on one thread: the pool changes the wall time only
    List<DriverRerun> oneThread = BenchmarkReruns.of(STUDY, 48, 1);
    for (int threads : new int[] {2, 3, 8}) {
      List<DriverRerun> side = BenchmarkReruns.of(STUDY, 48, threads);
      assertThat(side).hasSize(oneThread.size());
      for (int i = 0; i < oneThread.size(); i++) {
        DriverRerun a = oneThread.get(i);
        DriverRerun b = side.get(i);
        assertThat(b).isEqualTo(a);
        assertThat(Double.doubleToRawLongBits(b.median())).isEqualTo(Double.doubleToRawLongBits(a.median()));
        assertThat(Double.doubleToRawLongBits(b.p5())).isEqualTo(Double.doubleToRawLongBits(a.p5()));
        assertThat(Double.doubleToRawLongBits(b.p95())).isEqualTo(Double.doubleToRawLongBits(a.p95()));
      }
    }
  }
}
