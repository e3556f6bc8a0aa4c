package org.tariffcast.simulation.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tariffcast.model.run.SolverKind;
import org.tariffcast.simulation.equilibrium.Equilibrium;
import org.tariffcast.simulation.equilibrium.EquilibriumSolver;

/**
 * The market file of the solver comparison (read by {@code simulation/bench/solver_compare.py})
 * round-trips and has the documented layout; the generated markets keep the documented ranges
 * and both solvers accept them. The numpy comparison itself is a benchmark, not run here.
 */
class SolverComparisonTest {
  @TempDir
  Path dir;

  @Test
  void generatedMarketsRoundTripThroughTheFile() throws IOException {
    SolverComparison.Markets m = SolverComparison.generate(50, 7, 3);
    Path file = dir.resolve("markets.bin");
    SolverComparison.write(m, file);
    // 16 header bytes + 50 markets x (3 matrices of 49 + 3 vectors of 7 = 168 values) x 8 bytes
    assertThat(Files.size(file)).isEqualTo(16 + 50 * 168 * 8);
    assertThat(SolverComparison.read(file)).isEqualTo(m);
    assertThat(SolverComparison.generate(50, 7, 3)).isEqualTo(m);
    assertThat(SolverComparison.generate(50, 7, 4)).isNotEqualTo(m);
  }

  @Test
  void theFileIsLittleEndianWithTheDocumentedHeaderAndOrder() throws IOException {
    // one market of 2 regions, every value distinct
    SolverComparison.Markets m = new SolverComparison.Markets(1, 2,
        new double[] {1.5, 0, 2, 3}, new double[] {1.25, 1, 1, 1.1}, new double[] {1.5, 1, 1, 1.1},
        new double[] {-1, -2}, new double[] {4, 5}, new double[] {2, Double.POSITIVE_INFINITY});
    Path file = dir.resolve("one.bin");
    SolverComparison.write(m, file);
    byte[] b = Files.readAllBytes(file);
    assertThat(b).hasSize(16 + 18 * 8);
    assertThat(Arrays.copyOfRange(b, 0, 16)).containsExactly('T', 'C', 'S', 'M', 1, 0, 0, 0, 1, 0, 0, 0, 2, 0, 0, 0);
    // flows[0][0][0] = 1.5 = 0x3FF8000000000000, least significant byte first
    assertThat(Arrays.copyOfRange(b, 16, 24)).containsExactly(0, 0, 0, 0, 0, 0, (byte) 0xF8, 0x3F);
    // the last value, exportSupply[0][1] = +Infinity = 0x7FF0000000000000
    assertThat(Arrays.copyOfRange(b, b.length - 8, b.length)).containsExactly(0, 0, 0, 0, 0, 0, (byte) 0xF0, 0x7F);
    // power1[0][0][0] = 1.5 follows the 4 flows and 4 base powers: offset 16 + 8 x 8
    assertThat(Arrays.copyOfRange(b, 80, 88)).containsExactly(0, 0, 0, 0, 0, 0, (byte) 0xF8, 0x3F);
    assertThat(SolverComparison.read(file)).isEqualTo(m);
  }

  @Test
  void aTruncatedFileIsRefusedWithItsSize() throws IOException {
    SolverComparison.write(SolverComparison.generate(2, 3, 1), dir.resolve("m.bin"));
    byte[] b = Files.readAllBytes(dir.resolve("m.bin"));
    Files.write(dir.resolve("short.bin"), Arrays.copyOf(b, b.length - 8));
    // 16 + 2 x (27 + 9) x 8 = 592 bytes expected
    assertThatThrownBy(() -> SolverComparison.read(dir.resolve("short.bin")))
        .hasMessageContaining("holds 584 bytes, expected 592 for 2 markets of 3 regions");
  }

  @Test
  void generatedMarketsKeepTheDocumentedRangesAndBothSolversSolveThem() {
    int count = 300;
    int n = 7;
    SolverComparison.Markets m = SolverComparison.generate(count, n, 20250709L);
    int infinite = 0;
    for (int k = 0; k < count; k++) {
      boolean changed = false;
      for (int i = k * n * n; i < (k + 1) * n * n; i++) {
        assertThat(m.flows()[i]).isGreaterThanOrEqualTo(0);
        assertThat(m.power0()[i]).isBetween(1.0, 1.25);
        double change = m.power1()[i] - m.power0()[i];
        assertThat(change).isBetween(-0.1, 0.5 + 0.3);
        changed |= change != 0;
      }
      assertThat(changed).as("market %d changes a tariff", k).isTrue();
      for (int r = 0; r < n; r++) {
        assertThat(m.importDemand()[k * n + r]).isBetween(-2.5, -0.3);
        assertThat(m.substitution()[k * n + r]).isBetween(1.5, 8.0);
        double ex = m.exportSupply()[k * n + r];
        if (Double.isInfinite(ex)) {
          infinite++;
        } else {
          assertThat(ex).isBetween(0.5, 10.0);
        }
      }
    }
    // infinite supply with probability 0.3 of 2,100 exporters: 630, standard deviation 21
    assertThat(infinite).isBetween(630 - 5 * 21, 630 + 5 * 21);
    for (SolverKind kind : SolverKind.values()) {
      EquilibriumSolver solver = EquilibriumSolver.of(kind, n);
      Equilibrium e = new Equilibrium(n);
      for (int k = 0; k < count; k++) {
        solver.prepare(m.market(k), SolverComparison.Markets.row(m.importDemand(), k, n),
            SolverComparison.Markets.row(m.substitution(), k, n), SolverComparison.Markets.row(m.exportSupply(), k, n));
        double[][] p1 = m.power1(k);
        solver.solve(p1, SolverComparison.minusOne(p1), e);
        for (int r = 0; r < n; r++) {
          assertThat(e.worldPriceChange(r)).isFinite();
        }
      }
    }
  }
}
