package org.tariffcast.simulation;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tariffcast.model.config.ConfigLoader;
import org.tariffcast.model.config.ModelConfig;
import org.tariffcast.model.result.KpiStatistics;
import org.tariffcast.model.result.KpiValue;
import org.tariffcast.model.result.RunResult;
import org.tariffcast.model.result.Sensitivity;
import org.tariffcast.model.result.SeriesStatistics;
import org.tariffcast.model.result.Statistics;
import org.tariffcast.model.result.TargetProbability;
import org.tariffcast.simulation.fixtures.Results;

/**
 * Two runs of a study that differ only in the order of its region and sector lists give the
 * same Monte Carlo results: every trial's parameter draws and shocks belong to the names of the
 * parameters, regions and sectors, not to their positions. The backtest study (6 regions, 5
 * sectors, 40-odd uncertain parameters, LHS) is run as shipped and with both lists reversed in a
 * copy of its study.yml. 100 trials keep every percentile exact (up to 128 trials), so each
 * statistic is compared, not only the means. The equilibria add their terms in another order in
 * the permuted study, so values agree to rounding (1e-9 of the statistic's scale), not bit for bit.
 */
class OrderIndependenceTest {
  static final Path STUDY = Path.of("..", "config", "examples", "us-china-2018");
  static final long TRIALS = 100;

  @Test
  void reorderingRegionsAndSectorsChangesNoStatistic(@TempDir Path tmp) throws IOException {
    Path permuted = tmp.resolve("permuted");
    Files.createDirectories(permuted);
    try (Stream<Path> files = Files.list(STUDY)) {
      for (Path f : files.filter(Files::isRegularFile).toList()) {
        Files.copy(f, permuted.resolve(f.getFileName()));
      }
    }
    Path yml = permuted.resolve("study.yml");
    String original = Files.readString(yml, StandardCharsets.UTF_8);
    String reordered = reverseList(reverseList(original, "regions:"), "sectors:");
    assertThat(reordered).isNotEqualTo(original);
    Files.writeString(yml, reordered, StandardCharsets.UTF_8);

    ModelConfig a = ConfigLoader.load(STUDY);
    ModelConfig b = ConfigLoader.load(permuted);
    assertThat(b.regionCodes()).isNotEqualTo(a.regionCodes()).containsExactlyInAnyOrderElementsOf(a.regionCodes());
    assertThat(b.sectorCodes()).isNotEqualTo(a.sectorCodes()).containsExactlyInAnyOrderElementsOf(a.sectorCodes());
    assertThat(b.uncertainParameters()).isNotEqualTo(a.uncertainParameters())
        .containsExactlyInAnyOrderElementsOf(a.uncertainParameters());

    ProjectionEngine ea = ProjectionEngine.of(a);
    ProjectionEngine eb = ProjectionEngine.of(b);
    RunResult ra = Results.finish(ea, ea.simulate(0, TRIALS, 2, TrialProgress.NONE));
    RunResult rb = Results.finish(eb, eb.simulate(0, TRIALS, 2, TrialProgress.NONE));

    Map<Object, Statistics> ka = ra.kpis().stream().collect(Collectors.toMap(KpiStatistics::key, KpiStatistics::stats));
    Map<Object, Statistics> kb = rb.kpis().stream().collect(Collectors.toMap(KpiStatistics::key, KpiStatistics::stats));
    sameStatistics(ka, kb);
    Map<Object, Statistics> sa = ra.series().stream()
        .collect(Collectors.toMap(SeriesStatistics::key, SeriesStatistics::stats));
    Map<Object, Statistics> sb = rb.series().stream()
        .collect(Collectors.toMap(SeriesStatistics::key, SeriesStatistics::stats));
    sameStatistics(sa, sb);

    Function<TargetProbability, List<Object>> target = t -> List.of(t.target(), t.scenario());
    Map<List<Object>, Double> ta = ra.targets().stream().collect(Collectors.toMap(target, TargetProbability::probability));
    Map<List<Object>, Double> tb = rb.targets().stream().collect(Collectors.toMap(target, TargetProbability::probability));
    assertThat(tb).isEqualTo(ta);

    Function<Sensitivity, List<Object>> sens = s -> List.of(s.kpi(), s.parameter());
    Map<List<Object>, Double> ya = ra.sensitivity().stream().collect(Collectors.toMap(sens, Sensitivity::rankCorrelation));
    Map<List<Object>, Double> yb = rb.sensitivity().stream().collect(Collectors.toMap(sens, Sensitivity::rankCorrelation));
    assertThat(yb.keySet()).isEqualTo(ya.keySet()).isNotEmpty();
    for (var e : ya.entrySet()) {
      assertThat(yb.get(e.getKey())).as("rank correlation %s", e.getKey()).isCloseTo(e.getValue(),
          org.assertj.core.api.Assertions.within(1e-12));
    }

    Map<Object, Double> ca = ea.centralCase().kpis().stream().collect(Collectors.toMap(KpiValue::key, KpiValue::value));
    Map<Object, Double> cb = eb.centralCase().kpis().stream().collect(Collectors.toMap(KpiValue::key, KpiValue::value));
    assertThat(cb.keySet()).isEqualTo(ca.keySet());
    for (var e : ca.entrySet()) {
      close(cb.get(e.getKey()), e.getValue(), Math.abs(e.getValue()), "central " + e.getKey());
    }
  }

  /** Every statistic of every key, within 1e-9 of the key's scale (its largest magnitude). */
  static void sameStatistics(Map<Object, Statistics> a, Map<Object, Statistics> b) {
    assertThat(b.keySet()).isEqualTo(a.keySet()).isNotEmpty();
    for (var e : a.entrySet()) {
      Statistics x = e.getValue();
      Statistics y = b.get(e.getKey());
      double scale = Math.max(Math.abs(x.min()), Math.abs(x.max()));
      String what = e.getKey().toString();
      assertThat(y.count()).as(what).isEqualTo(x.count());
      close(y.mean(), x.mean(), scale, what + " mean");
      close(y.sd(), x.sd(), scale, what + " sd");
      close(y.min(), x.min(), scale, what + " min");
      close(y.max(), x.max(), scale, what + " max");
      close(y.percentiles().p5(), x.percentiles().p5(), scale, what + " p5");
      close(y.percentiles().p25(), x.percentiles().p25(), scale, what + " p25");
      close(y.percentiles().p50(), x.percentiles().p50(), scale, what + " p50");
      close(y.percentiles().p75(), x.percentiles().p75(), scale, what + " p75");
      close(y.percentiles().p95(), x.percentiles().p95(), scale, what + " p95");
    }
  }

  static void close(double actual, double expected, double scale, String what) {
    assertThat(Math.abs(actual - expected)).as(what + ": %s against %s", actual, expected)
        .isLessThanOrEqualTo(1e-9 * scale);
  }

  /** The one-line entries ({@code  - {...}}) of the list under {@code key}, in reverse order. */
  static String reverseList(String text, String key) {
    List<String> lines = new ArrayList<>(List.of(text.split("\n", -1)));
    int at = -1;
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).startsWith(key)) {
        at = i;
        break;
      }
    }
    assertThat(at).as("line starting with %s", key).isGreaterThanOrEqualTo(0);
    int from = at + 1;
    int to = from;
    while (to < lines.size() && lines.get(to).startsWith("  - {")) {
      to++;
    }
    assertThat(to - from).as("entries of %s", key).isGreaterThan(1);
    Collections.reverse(lines.subList(from, to));
    return String.join("\n", lines);
  }
}
