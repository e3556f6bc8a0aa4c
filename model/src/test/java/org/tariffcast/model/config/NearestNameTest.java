package org.tariffcast.model.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** "Did you mean": a misspelt name, and a name shortened by its last words. */
class NearestNameTest {
  static final List<String> LEVERS = List.of("us_rate_vn", "us_transship_rate_vn", "purchases_scale");

  @Test
  void aMisspeltNameWithinTwoEdits() {
    assertThat(Expression.nearest("us_rat_vn", LEVERS)).isEqualTo("us_rate_vn");
  }

  @Test
  void aShortenedNameSuggestsTheNamesItBegins() {
    assertThat(Expression.nearest("us_rate", LEVERS)).isEqualTo("us_rate_vn");
    assertThat(Expression.nearest("purchases", LEVERS)).isEqualTo("purchases_scale");
    assertThat(Expression.nearest("us", List.of("us_rate_vn"))).isNull(); // too short to guess from
    assertThat(Expression.nearest("us_rate", List.of("us_rate_vn", "us_rate_cn"))).isEqualTo("us_rate_cn or us_rate_vn");
    assertThat(Expression.nearest("tariff", LEVERS)).isNull();
  }

  @Test
  void anExploreFileNamingAShortenedLeverSaysWhichItMeant() {
    ModelConfig study = ConfigLoader.load(java.nio.file.Path.of("..", "config", "us-vietnam-2025"));
    ConfigException e = org.assertj.core.api.Assertions.catchThrowableOfType(ConfigException.class,
        () -> ConfigLoader.loadExplore(study, "explore.yml", "scenario: Framework\nlevers:\n  - {key: us_rate, from: 0%, to: 46%, step: 2%}\n"));
    assertThat(e.getMessage()).contains("explore.yml:3:").contains("'us_rate' (did you mean us_rate_vn?)");
  }
}
