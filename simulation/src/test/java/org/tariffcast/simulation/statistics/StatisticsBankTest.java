package org.tariffcast.simulation.statistics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.tariffcast.model.result.Percentiles;
import org.tariffcast.model.result.Statistics;

/** The bank's coarse (series) and fine (KPI) slots: error bounds, encoding and merging. */
class StatisticsBankTest {
  @Test
  void coarseSlotsKeepTheirBoundAndFineSlotsTheirs() throws IOException {
    int slots = 6;
    int coarse = 4;
    int n = 5000;
    Random rnd = new Random(5);
    double[] reference = new double[slots];
    Arrays.fill(reference, 1e9);
    StatisticsBank bank = new StatisticsBank(reference, coarse);
    double[][] values = new double[slots][n];
    double[] shift = new double[slots];
    int block = 256;
    double[] columns = new double[slots * block];
    for (int from = 0; from < n; from += block) {
      int rows = Math.min(block, n - from);
      for (int j = 0; j < slots; j++) {
        for (int b = 0; b < rows; b++) {
          // a quarterly flow's spread (lognormal), a balance (negative), a change (both signs)
          double g = rnd.nextGaussian();
          double x = switch (j % 3) {
            case 0 -> 2e9 * Math.exp(0.3 * g);
            case 1 -> -5e9 * Math.exp(0.1 * g);
            default -> 1e8 * g;
          };
          values[j][from + b] = x;
          columns[j * block + b] = x;
        }
      }
      bank.addBlock(columns, rows, block, shift);
    }
    for (int j = 0; j < slots; j++) {
      double bound = j < coarse ? QuantileSketch.COARSE_RELATIVE_ERROR : QuantileSketch.RELATIVE_ERROR;
      Statistics st = bank.statistics(j, 0);
      assertThat(st.percentileError()).isEqualTo(bound);
      double[] sorted = values[j].clone();
      Arrays.sort(sorted);
      double[] got = {st.percentiles().p5(), st.percentiles().p10(), st.percentiles().p25(), st.percentiles().p50(),
          st.percentiles().p75(), st.percentiles().p90(), st.percentiles().p95()};
      for (int l = 0; l < Percentiles.LEVELS.length; l++) {
        double exact = QuantileSketchTest.nearestRank(sorted, Percentiles.LEVELS[l]);
        assertThat(Math.abs(got[l] - exact)).as("slot %d p%s", j, Percentiles.LEVELS[l])
            .isLessThanOrEqualTo(bound * Math.abs(exact));
      }
      assertThat(st.min()).isEqualTo(sorted[0]);
      assertThat(st.max()).isEqualTo(sorted[n - 1]);
    }
    // the encoding keeps the coarse slots; a bank of another split does not merge
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    bank.write(new DataOutputStream(out));
    StatisticsBank back = StatisticsBank.read(new DataInputStream(new ByteArrayInputStream(out.toByteArray())), true);
    assertThat(back.coarseSlots()).isEqualTo(coarse);
    for (int j = 0; j < slots; j++) {
      assertThat(back.statistics(j, 0)).isEqualTo(bank.statistics(j, 0));
    }
    StatisticsBank empty = new StatisticsBank(reference, coarse);
    empty.mergeFrom(back);
    assertThat(empty.statistics(0, 0)).isEqualTo(bank.statistics(0, 0));
    assertThatThrownBy(() -> new StatisticsBank(reference, 2).mergeFrom(bank))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("4 coarse");
  }

  @Test
  void anEmptyBankReadsBackWithItsCoarseSlots() throws IOException {
    double[] reference = {1, 2, 3};
    StatisticsBank bank = new StatisticsBank(reference, 2);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    bank.write(new DataOutputStream(out));
    StatisticsBank back = StatisticsBank.read(new DataInputStream(new ByteArrayInputStream(out.toByteArray())), true);
    assertThat(back.sketch(1).resolution()).isEqualTo(QuantileSketch.COARSE);
    assertThat(back.sketch(2).resolution()).isEqualTo(QuantileSketch.FINE);
  }
}
