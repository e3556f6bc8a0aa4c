package org.tariffcast.model.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tariffcast.model.scenario.Regime;
import org.tariffcast.model.scenario.WedgeComponent;

/** levers.yml: a grid point is the study plus the levers it moves, checked against their ranges. */
class LeverSettingsTest {
  @Test
  void movedLeversChangeTheExpressionsThatUseThem(@TempDir Path tmp) throws IOException {
    ConfigSnapshot base = ConfigSnapshot.of(SnapshotLoadingTest.texts(
        ExpressionGalleryTest.study(tmp, ExpressionGalleryTest.GOOD, "")));
    Map<String, Double> point = new LinkedHashMap<>();
    point.put("us_rate", 0.3);
    point.put("purchases_scale", 2.0);

    ModelConfig c = ConfigLoader.load(ConfigLoader.withLevers(base, point));

    Regime r = c.scenarios().get(0).regimes().get(0);
    // 30 % x 0.65 = 19.5 %; (30 % - 5 %) / 3 = 8.333...%; 700 x 2 = 1400 USD million
    assertThat(r.rules().get(0).changes().get(WedgeComponent.SURCHARGE).central()).isEqualTo(0.195);
    assertThat(r.rules().get(1).changes().get(WedgeComponent.AD_VALOREM).central()).isEqualTo(0.25 / 3);
    assertThat(c.commitment("Aircraft").annualValue()).isEqualTo(1.4e9);
    assertThat(c.lever("us_rate").value()).isEqualTo(0.3);
    assertThat(c.lever("us_rate").defaultValue()).isEqualTo(0.2);
    assertThat(c.lever("us_rate").isMoved()).isTrue();
    assertThat(c.lever("delay").isMoved()).isFalse();
    assertThat(c.snapshot().sha256()).isNotEqualTo(base.sha256());
    // settings stack: moving one more lever keeps the first
    ModelConfig both = ConfigLoader.load(ConfigLoader.withLevers(c.snapshot(), Map.of("delay", 3.0)));
    assertThat(both.lever("us_rate").value()).isEqualTo(0.3);
    assertThat(both.lever("delay").value()).isEqualTo(3.0);
  }

  @Test
  void settingsNameKnownLeversWithinTheirRanges(@TempDir Path tmp) throws IOException {
    Path dir = ExpressionGalleryTest.study(tmp, ExpressionGalleryTest.GOOD, "");
    Files.writeString(dir.resolve("levers.yml"), "us_rte: 30%\npurchases_scale: 2.5\ndelay: soon\n");

    ConfigException e = catchThrowableOfType(ConfigException.class, () -> ConfigLoader.load(dir));

    assertThat(e).isNotNull();
    assertThat(e.lines()).containsExactly(
        "levers.yml:1:1: us_rte: expected a lever of study.yml, one of [us_rate, purchases_scale, delay], "
            + "found 'us_rte' (did you mean us_rate?)",
        "levers.yml:2:18: purchases_scale: expected a value within [0, 2] (the range of purchases_scale in "
            + "study.yml), found '2.5'",
        "levers.yml:3:8: delay: expected a number or a percentage within [0, 4] (the range of delay in study.yml), "
            + "found 'soon'");
  }
}
