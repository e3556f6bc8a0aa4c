package org.tariffcast.model.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What differs between two configurations, in words. */
class ConfigChangesTest {
  static final Path DEFAULT = Path.of("..", "config", "us-vietnam-2025");

  @Test
  void probabilitiesParametersAndSeedAreNamed() throws IOException {
    ConfigSnapshot base = ConfigLoader.load(DEFAULT).snapshot();
    Map<String, String> files = new LinkedHashMap<>(base.files());
    files.put("scenarios.yml", replaceOnce(replaceOnce(files.get("scenarios.yml"),
        "  - name: Framework\n    probability: 0.55", "  - name: Framework\n    probability: 0.45"),
        "  - name: Baseline 10%\n    probability: 0.10", "  - name: Baseline 10%\n    probability: 0.20"));
    files.put("parameters.yml", replaceOnce(files.get("parameters.yml"),
        "es_ELEC:  # GTAP electronics 8.8\n    value: triangular(1.75, 8.8, 11)",
        "es_ELEC:  # GTAP electronics 8.8\n    value: triangular(1.75, 8.8, 12)"));
    files.put("study.yml", replaceOnce(files.get("study.yml"), "seed: 20250402", "seed: 7"));

    ConfigChanges c = ConfigChanges.between(ConfigLoader.load(base), ConfigLoader.load(ConfigSnapshot.of(files)));

    assertThat(c.changedFiles()).containsExactly("parameters.yml", "scenarios.yml", "study.yml");
    assertThat(c.changes()).containsExactly(
        "the Baseline 10% probability rose from 0.1 to 0.2",
        "the Framework probability fell from 0.55 to 0.45",
        "Substitution elasticity, electronics changed from triangular(1.75, 8.8, 11) to triangular(1.75, 8.8, 12)",
        "the random seed changed from 20250402 to 7");
    assertThat(c.modelUnchanged()).isFalse();
  }

  @Test
  void onlyTheSeedAndTrialsLeaveTheModelUnchanged() {
    ModelConfig base = ConfigLoader.load(DEFAULT);
    Map<String, String> files = new LinkedHashMap<>(base.snapshot().files());
    files.put("study.yml", replaceOnce(replaceOnce(files.get("study.yml"), "seed: 20250402", "seed: 7"),
        "trials: 10000", "trials: 20000"));

    ConfigChanges c = ConfigChanges.between(base, ConfigLoader.load(ConfigSnapshot.of(files)));

    assertThat(c.changes()).containsExactly("the random seed changed from 20250402 to 7",
        "the trials rose from 10,000 to 20,000");
    assertThat(c.modelUnchanged()).isTrue();
    assertThat(ConfigChanges.between(base, base).changes()).isEmpty();
  }

  @Test
  void reroutingEditsAreNamedByWhatMoved() {
    ModelConfig base = ConfigLoader.load(DEFAULT);
    Map<String, String> files = new LinkedHashMap<>(base.snapshot().files());
    files.put("scenarios.yml", replaceOnce(replaceOnce(files.get("scenarios.yml"),
        "    third_routes: [ASEAN_OTH]\n", "    third_routes: [ASEAN_OTH, MX]\n"),
        "AIRCRAFT, MEDEQ, OTHER, ELEC, MACH, WOOD]", "AIRCRAFT, MEDEQ, OTHER, MACH, WOOD]"));

    ConfigChanges c = ConfigChanges.between(base, ConfigLoader.load(ConfigSnapshot.of(files)));

    assertThat(c.changes()).containsExactly(
        "the rerouting 'Chinese goods through Vietnam' changed: third routes, sectors (scenarios.yml)");
    assertThat(c.modelUnchanged()).isFalse();
  }

  @Test
  void aCommitmentEditIsNamedBesideAParameterChange() {
    ModelConfig base = ConfigLoader.load(DEFAULT);
    Map<String, String> files = new LinkedHashMap<>(base.snapshot().files());
    // the commitment's end moves and its inline fulfilment distribution changes: the first is the
    // commitment's own line, the second the parameter's (named once, not again under the commitment)
    files.put("scenarios.yml", replaceOnce(replaceOnce(files.get("scenarios.yml"),
        "    end: 2032Q4                         # 12 quarters", "    end: 2033Q4                         # 16 quarters"),
        "    fulfilment: beta(8, 2)              # a firm order", "    fulfilment: beta(9, 1)              # a firm order"));
    files.put("parameters.yml", replaceOnce(files.get("parameters.yml"),
        "es_ELEC:  # GTAP electronics 8.8\n    value: triangular(1.75, 8.8, 11)",
        "es_ELEC:  # GTAP electronics 8.8\n    value: triangular(1.75, 8.8, 12)"));

    ConfigChanges c = ConfigChanges.between(base, ConfigLoader.load(ConfigSnapshot.of(files)));

    assertThat(c.changes()).hasSize(3);
    assertThat(c.changes()).contains(
        "Substitution elasticity, electronics changed from triangular(1.75, 8.8, 11) to triangular(1.75, 8.8, 12)",
        "the purchase commitment 'Boeing 737-8 deliveries' changed: start or end (scenarios.yml)");
    assertThat(c.changes()).anySatisfy(line -> assertThat(line).contains("beta(8, 2)").contains("beta(9, 1)"));
  }

  @Test
  void anElasticityTableReferenceAndTheDynamicsAreModelChanges() {
    ModelConfig base = ConfigLoader.load(DEFAULT);
    Map<String, String> files = new LinkedHashMap<>(base.snapshot().files());
    files.put("elasticities.csv", replaceOnce(files.get("elasticities.csv"), "ELEC,*,em_ELEC,es_ELEC,", "ELEC,*,em_ELEC,es_SEMI,"));

    ConfigChanges c = ConfigChanges.between(base, ConfigLoader.load(ConfigSnapshot.of(files)));

    assertThat(c.changes()).containsExactly(
        "the elasticity table changed (elasticities.csv): which parameter each sector and region uses");
    assertThat(c.modelUnchanged()).isFalse();
  }

  private static String replaceOnce(String text, String from, String to) {
    assertThat(text).contains(from);
    return text.replace(from, to);
  }
}
