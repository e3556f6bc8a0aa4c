package org.tariffcast.simulation;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.tariffcast.model.result.RunResult;
import org.tariffcast.model.run.SamplingMethod;
import org.tariffcast.model.run.SolverKind;
import org.tariffcast.simulation.fixtures.Results;
import org.tariffcast.simulation.fixtures.Studies;

/**
 * Bit-for-bit determinism: one thread over one partition gives exactly the numbers of two
 * threads over three uneven partitions (stored as bytes and read back, as the batch application
 * does after a restart), for every sampling method. Records compare their doubles bit for bit.
 */
class DeterminismTest {
  @ParameterizedTest
  @EnumSource(SamplingMethod.class)
  void anyThreadsAndPartitionsGiveTheSameBits(SamplingMethod sampling) {
    long n = 700; // beyond the sketches' exact capacity, so the histograms are exercised
    ProjectionEngine engine = ProjectionEngine.of(Studies.vietnam(n, 20250402, sampling, SolverKind.CES));
    PartialResult one = engine.simulate(0, n, 1, TrialProgress.NONE);

    java.util.concurrent.atomic.AtomicLong progress = new java.util.concurrent.atomic.AtomicLong();
    PartialResult a = PartialResult.fromBytes(engine.simulate(0, 77, 2, progress::addAndGet).toBytes());
    PartialResult b = PartialResult.fromBytes(engine.simulate(77, 531, 2, progress::addAndGet).toBytes());
    PartialResult c = PartialResult.fromBytes(engine.simulate(531, n, 2, progress::addAndGet).toBytes());
    PartialResult merged = a.merge(b).merge(c);

    assertThat(progress.get()).isEqualTo(n);
    assertThat(merged.fromTrial()).isZero();
    assertThat(merged.toTrial()).isEqualTo(n);
    assertThat(merged.toBytes()).isEqualTo(one.toBytes());
    RunResult x = Results.finish(engine, one);
    RunResult y = Results.finish(engine, merged);
    assertThat(y.kpis()).isEqualTo(x.kpis());
    assertThat(y.series()).isEqualTo(x.series());
    assertThat(y.targets()).isEqualTo(x.targets());
    assertThat(y.sensitivity()).isEqualTo(x.sensitivity());
    assertThat(y.convergence()).isEqualTo(x.convergence());
    assertThat(y).isEqualTo(x);
  }

  @ParameterizedTest
  @EnumSource(SolverKind.class)
  void aRepeatedRunIsIdenticalAndAnEngineBuiltAgainGivesTheSameBits(SolverKind solver) {
    ProjectionEngine first = ProjectionEngine.of(Studies.vietnam(300, 5, SamplingMethod.RANDOM, solver));
    ProjectionEngine second = ProjectionEngine.of(Studies.vietnam(300, 5, SamplingMethod.RANDOM, solver));
    byte[] once = first.simulate(100, 300, 2, TrialProgress.NONE).toBytes();
    assertThat(first.simulate(100, 300, 1, TrialProgress.NONE).toBytes()).isEqualTo(once);
    assertThat(second.simulate(100, 300, 2, TrialProgress.NONE).toBytes()).isEqualTo(once);
    assertThat(second.centralCase()).isEqualTo(first.centralCase());
  }

  @ParameterizedTest
  @EnumSource(SamplingMethod.class)
  void aDifferentSeedGivesDifferentNumbers(SamplingMethod sampling) {
    ProjectionEngine a = ProjectionEngine.of(Studies.vietnam(200, 1, sampling, SolverKind.LINEAR));
    ProjectionEngine b = ProjectionEngine.of(Studies.vietnam(200, 2, sampling, SolverKind.LINEAR));
    RunResult x = Results.run(a, 200);
    RunResult y = Results.run(b, 200);
    assertThat(y.kpis()).isNotEqualTo(x.kpis());
  }
}
