package org.tariffcast.app.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.tariffcast.model.config.ConfigLoader;
import org.tariffcast.model.config.ModelConfig;
import org.tariffcast.model.run.PrecisionTarget;
import org.tariffcast.model.run.RunSettings;
import org.tariffcast.model.run.SamplingMethod;
import org.tariffcast.model.run.SolverKind;
import org.tariffcast.app.support.Studies;

/** How trials become partitions, and how overrides change a study's run settings. */
class TrialPlanTest {
  @Test
  void aFixedTrialCountIsCutIntoContiguousNearlyEqualRanges() {
    TrialPlan plan = TrialPlan.of(new RunSettings(1000, 1, SamplingMethod.LHS, SolverKind.CES, 3, null));
    assertThat(plan.precision()).isFalse();
    assertThat(plan.ranges()).extracting(r -> r.from() + ".." + r.to()).containsExactly("0..333", "333..666",
        "666..1000");
    assertThat(plan.trials()).isEqualTo(1000);
  }

  @Test
  void neverMorePartitionsThanTrials() {
    TrialPlan plan = TrialPlan.of(new RunSettings(2, 1, SamplingMethod.RANDOM, SolverKind.CES, 8, null));
    assertThat(plan.ranges()).extracting(TrialPlan.TrialRange::trials).containsExactly(1L, 1L);
  }

  @Test
  void aPrecisionTargetIsCutIntoItsBatchesUpToTheCap() {
    PrecisionTarget p = new PrecisionTarget(0.01, 0, 0.95, 2000, 7000);
    TrialPlan plan = TrialPlan.of(new RunSettings(10000, 1, SamplingMethod.LHS, SolverKind.CES, 8, p));
    assertThat(plan.precision()).isTrue();
    assertThat(plan.ranges()).extracting(r -> r.from() + ".." + r.to()).containsExactly("0..2000", "2000..4000",
        "4000..6000", "6000..7000");
    assertThat(plan.partitions()).isEqualTo(4);
  }

  @Test
  void overridesAreCanonicalAndATrialCountSwitchesPrecisionOff() {
    Overrides o = new Overrides(500L, 9L);
    assertThat(o.canonical()).isEqualTo("trials=500;seed=9");
    assertThat(Overrides.parse(o.canonical())).isEqualTo(o);
    assertThat(Overrides.NONE.canonical()).isEmpty();
    assertThat(Overrides.parse("")).isEqualTo(Overrides.NONE);
    assertThat(new Overrides(null, 3L).canonical()).isEqualTo("seed=3");
    assertThatThrownBy(() -> new Overrides(0L, null)).hasMessageContaining("trials: expected a number of trials in [1, 1000000000], found 0");

    ModelConfig study = ConfigLoader.load(Studies.GSIM);
    PrecisionTarget p = new PrecisionTarget(0.01, 0, 0.95, 100, 1000);
    ModelConfig precise = study.withRun(new RunSettings(200, 5, SamplingMethod.RANDOM, SolverKind.LINEAR, 2, p));
    ModelConfig overridden = o.applyTo(precise);
    assertThat(overridden.run().trials()).isEqualTo(500);
    assertThat(overridden.run().seed()).isEqualTo(9);
    assertThat(overridden.run().precision()).isNull();
    assertThat(new Overrides(null, 11L).applyTo(precise).run().precision()).isEqualTo(p);
    assertThat(Overrides.NONE.applyTo(study)).isSameAs(study);
  }
}
