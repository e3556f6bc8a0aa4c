package org.tariffcast.simulation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.tariffcast.model.distribution.Parameter;
import org.tariffcast.model.distribution.Triangular;
import org.tariffcast.model.dynamics.DemandProcess;
import org.tariffcast.model.run.RunSettings;
import org.tariffcast.model.run.SamplingMethod;
import org.tariffcast.model.run.SolverKind;
import org.tariffcast.model.scenario.Scenario;
import org.tariffcast.model.scenario.WedgeComponent;
import org.tariffcast.model.time.YearQuarter;
import org.tariffcast.simulation.fixtures.StudyBuilder;
import org.tariffcast.simulation.random.TrialStreams;
import org.tariffcast.simulation.random.ZigguratGaussian;
import org.tariffcast.simulation.statistics.QuantileSketch;
import org.tariffcast.simulation.statistics.StatisticsBank;

/**
 * Memory is bounded in the number of trials: the statistics of a million trials retain no more
 * than those of a hundred thousand, up to the slow (logarithmic in the tails, and capped at
 * {@link QuantileSketch#MAX_BUCKETS} per sign) widening of the percentile histograms, whose
 * arrays grow by doubling. Sizes are the structures' own accounting of their arrays, so the test
 * does not depend on the garbage collector; it runs under the build's 1 GiB heap.
 */
class MemoryBoundTest {
  @Test
  void statisticsOfAMillionValuesRetainNoMoreThanOfAHundredThousand() {
    int slots = 48;
    double[] reference = new double[slots];
    java.util.Arrays.fill(reference, 1e9);
    long small = feed(slots, reference, 100_000);
    long large = feed(slots, reference, 1_000_000);
    assertThat(large).isLessThanOrEqualTo(small + small / 4); // histogram arrays grow by doubling, rarely
    // and an absolute bound: moments plus at most two capped histograms per slot (int counts, with margins)
    long perSlotCap = 400 + 2L * 4 * (3L * QuantileSketch.MAX_BUCKETS + 64) + 8 * 256;
    assertThat(large).isLessThanOrEqualTo(slots * perSlotCap);
  }

  /** Adds n trials of heavy-tailed, sign-changing values (with exact zeros) to a bank; its retained bytes. */
  static long feed(int slots, double[] reference, int n) {
    StatisticsBank bank = new StatisticsBank(reference);
    ZigguratGaussian g = ZigguratGaussian.of(TrialStreams.of(1, 0, TrialStreams.Purpose.SHOCKS));
    int block = 256;
    double[] columns = new double[slots * block];
    double[] shift = new double[slots];
    for (int done = 0; done < n; done += block) {
      for (int j = 0; j < slots; j++) {
        for (int b = 0; b < block; b++) {
          double z = g.sample();
          columns[j * block + b] = switch (j % 4) {
            case 0 -> 1e9 * (1 + 0.1 * z);
            case 1 -> 1e9 * Math.exp(2 * z);
            case 2 -> z > 1.5 ? 0 : 1e8 * z * z * z;
            default -> -1e9 * Math.exp(z);
          };
        }
      }
      bank.addBlock(columns, block, block, shift);
    }
    return bank.retainedBytes();
  }

  @Test
  void aMillionTrialsOfTheEngineRetainNoMoreThanAHundredThousand() {
    StudyBuilder b = new StudyBuilder("tiny", List.of("US", "VN"), List.of("A"), "US", "VN")
        .flow("A", "VN", "US", 400).flow("A", "US", "VN", 40)
        .horizon(YearQuarter.of(2025, 1), 4)
        .demand("A", "US", DemandProcess.of(0.01, 0.05, 0.5))
        .run(RunSettings.of(1_000_000, 5, SamplingMethod.RANDOM, SolverKind.LINEAR))
        .scenario(Scenario.of("tariff", 1, "", List.of(StudyBuilder.regime("t", Parameter.of("date",
            Triangular.of(YearQuarter.of(2025, 1).ordinal(), YearQuarter.of(2025, 2).ordinal(),
                YearQuarter.of(2025, 4).ordinal())), List.of(StudyBuilder.rule(List.of("US"), List.of("VN"),
            List.of("A"), WedgeComponent.AD_VALOREM, Parameter.of("rate", Triangular.of(0.1, 0.2, 0.4))))))));
    ProjectionEngine e = ProjectionEngine.of(b.build());
    PartialResult hundredThousand = e.simulate(0, 100_000, 2, TrialProgress.NONE);
    PartialResult million = e.simulate(0, 1_000_000, 2, TrialProgress.NONE);
    assertThat(million.trials()).isEqualTo(1_000_000);
    long small = hundredThousand.retainedBytes();
    long large = million.retainedBytes();
    // histograms widen a little as rarer extremes arrive (and their arrays grow by doubling): a quarter at most
    assertThat(large).isLessThanOrEqualTo(small + small / 4);
    assertThat((long) million.toBytes().length).isLessThanOrEqualTo(hundredThousand.toBytes().length * 5L / 4);
  }
}
