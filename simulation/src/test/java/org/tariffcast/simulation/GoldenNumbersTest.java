package org.tariffcast.simulation;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.tariffcast.model.config.ConfigLoader;
import org.tariffcast.model.config.ModelConfig;
import org.tariffcast.model.result.RunResult;
import org.tariffcast.simulation.fixtures.Results;

/**
 * The numbers of the shipped studies do not move when code is reorganised: the default study
 * and the GSIM example, at a fixed seed and trial count, give the same partial-result bytes and
 * the same statistics, central case included, bit for bit, as recorded in
 * {@code golden/numbers.properties} before the renovation of the engine.
 *
 * <p>Each part of the result has its own SHA-256, so a failure says which part moved. The
 * digests are of the records' text forms, in which every double prints exactly (Java's shortest
 * round-trip form). A change that moves numbers on purpose (a model fix) records new digests
 * with {@code -Dgolden.update=true} and says in its commit which statistics moved and why.
 */
class GoldenNumbersTest {
  private static final Path GOLDEN = Path.of("src/test/resources/golden/numbers.properties");
  private static final long TRIALS = 300;
  private static final long SEED = 20250709;

  @ParameterizedTest
  @ValueSource(strings = {"us-vietnam-2025", "examples/gsim-4x4"})
  void theShippedStudiesGiveTheRecordedNumbers(String study) throws IOException {
    ModelConfig config = ConfigLoader.load(Path.of("..", "config", study));
    config = config.withRun(config.run().withTrials(TRIALS).withSeed(SEED));
    ProjectionEngine engine = ProjectionEngine.of(config);
    PartialResult all = engine.simulate(0, TRIALS, 2, TrialProgress.NONE);
    RunResult r = Results.finish(engine, all);

    // both shipped studies stay within their models' range (ces solves of usual length, linear flows positive)
    assertThat(r.domainWarnings()).as("domain warnings of %s", study).isEmpty();

    Map<String, String> now = new LinkedHashMap<>();
    String prefix = study.replace('/', '.') + ".";
    now.put(prefix + "partial_bytes", sha256(all.toBytes()));
    now.put(prefix + "kpis", sha256(r.kpis().toString()));
    now.put(prefix + "series", sha256(r.series().toString()));
    now.put(prefix + "targets", sha256(r.targets().toString()));
    now.put(prefix + "sensitivity", sha256(r.sensitivity().toString()));
    now.put(prefix + "swings", sha256(r.swings().toString()));
    now.put(prefix + "convergence", sha256(r.convergence().toString()));
    now.put(prefix + "central_case", sha256(centralCaseText(r)));

    Properties golden = new Properties();
    if (Files.exists(GOLDEN)) {
      try (var in = Files.newBufferedReader(GOLDEN, StandardCharsets.UTF_8)) {
        golden.load(in);
      }
    }
    if (Boolean.getBoolean("golden.update")) {
      synchronized (GoldenNumbersTest.class) {
        now.forEach(golden::setProperty);
        try (var out = Files.newBufferedWriter(GOLDEN, StandardCharsets.UTF_8)) {
          golden.store(out, "SHA-256 of each part of the result at seed " + SEED + ", " + TRIALS + " trials");
        }
      }
      return;
    }
    Map<String, String> expected = new LinkedHashMap<>();
    now.keySet().forEach(k -> expected.put(k, golden.getProperty(k, "(not recorded)")));
    assertThat(now).as("digests of %s's results at seed %d, %d trials", study, SEED, TRIALS).isEqualTo(expected);
  }

  /** The central case as text in table order (its maps are unordered, so their toString is not stable). */
  private static String centralCaseText(RunResult r) {
    StringBuilder b = new StringBuilder();
    for (var t : r.centralCase().tables()) {
      b.append(t.scenario()).append('|').append(t.regime()).append('|').append(t.sector()).append('\n');
      for (String x : t.regions()) {
        b.append(x).append(' ').append(t.worldPriceChange().get(x)).append(' ').append(t.welfare().get(x));
        for (String v : t.regions()) {
          b.append(' ').append(t.flowsBefore().get(x).get(v)).append('>').append(t.flowsAfter().get(x).get(v));
        }
        b.append('\n');
      }
    }
    return b.append(r.centralCase().kpis()).toString();
  }

  private static String sha256(String text) {
    return sha256(text.getBytes(StandardCharsets.UTF_8));
  }

  private static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
