package org.tariffcast.simulation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.tariffcast.model.run.SamplingMethod;
import org.tariffcast.model.run.SolverKind;
import org.tariffcast.simulation.fixtures.Studies;

class PartialResultTest {
  final ProjectionEngine engine = ProjectionEngine.of(Studies.vietnam(400, 3, SamplingMethod.RANDOM, SolverKind.LINEAR));

  @Test
  void onlyTheAdjacentFollowingRangeOfTheSameRunMerges() {
    PartialResult a = engine.simulate(0, 100, 1, TrialProgress.NONE);
    PartialResult c = engine.simulate(150, 200, 1, TrialProgress.NONE);
    assertThatThrownBy(() -> a.merge(c)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("must start at trial 100");
    assertThatThrownBy(() -> c.merge(a)).isInstanceOf(IllegalArgumentException.class);
    ProjectionEngine other = ProjectionEngine.of(Studies.vietnam(400, 4, SamplingMethod.RANDOM, SolverKind.LINEAR));
    PartialResult b = other.simulate(100, 150, 1, TrialProgress.NONE);
    assertThatThrownBy(() -> a.merge(b)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("different runs");
    assertThatThrownBy(() -> engine.finish(b, 1, java.time.Instant.EPOCH, null, java.util.Map.of()))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void emptyRangesMergeAsNeutralElements() {
    PartialResult empty = engine.simulate(100, 100, 2, TrialProgress.NONE);
    assertThat(empty.trials()).isZero();
    PartialResult a = engine.simulate(0, 100, 1, TrialProgress.NONE);
    PartialResult b = engine.simulate(100, 180, 1, TrialProgress.NONE);
    assertThat(a.merge(empty).merge(b).toBytes()).isEqualTo(a.merge(b).toBytes());
    assertThat(engine.precisionReached(a)).isFalse(); // no precision target configured
  }

  @Test
  void bytesRoundTripAndCorruptionIsReported() {
    PartialResult a = engine.simulate(0, 150, 2, TrialProgress.NONE);
    byte[] bytes = a.toBytes();
    PartialResult back = PartialResult.fromBytes(bytes);
    assertThat(back.toBytes()).isEqualTo(bytes);
    assertThat(back.fromTrial()).isZero();
    assertThat(back.toTrial()).isEqualTo(150);
    assertThat(back.fingerprint()).isEqualTo(a.fingerprint());
    assertThatThrownBy(() -> PartialResult.fromBytes(new byte[] {1, 2, 3})).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> PartialResult.fromBytes(Arrays.copyOf(bytes, bytes.length / 2)))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void rangesAreValidated() {
    assertThatThrownBy(() -> engine.simulate(5, 4, 1, TrialProgress.NONE)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> engine.simulate(0, 4, 0, TrialProgress.NONE)).isInstanceOf(IllegalArgumentException.class);
    ProjectionEngine lhs = ProjectionEngine.of(Studies.vietnam(50, 3, SamplingMethod.LHS, SolverKind.LINEAR));
    assertThatThrownBy(() -> lhs.simulate(0, 51, 1, TrialProgress.NONE))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Latin hypercube");
  }
}
