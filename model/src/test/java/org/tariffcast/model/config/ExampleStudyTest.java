package org.tariffcast.model.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.tariffcast.model.distribution.Fixed;
import org.tariffcast.model.run.SolverKind;
import org.tariffcast.model.scenario.Regime;
import org.tariffcast.model.scenario.Scenario;
import org.tariffcast.model.scenario.WedgeComponent;
import org.tariffcast.model.time.YearQuarter;
import org.tariffcast.model.trade.TariffWedge;

/** The shipped GSIM 4x4 example loads, and holds the textbook numbers (typed here from the paper's example). */
class ExampleStudyTest {
  static final Path GSIM = Path.of("..", "config", "examples", "gsim-4x4");

  @Test
  void gsimExampleLoadsWithTheTextbookNumbers() {
    ModelConfig c = ConfigLoader.load(GSIM);

    assertThat(c.regionCodes()).containsExactly("US", "JP", "EU", "RW");
    assertThat(c.sectorCodes()).containsExactly("IND");
    assertThat(c.home()).isEqualTo("US");
    assertThat(c.partner()).isEqualTo("EU");
    assertThat(c.run().solver()).isEqualTo(SolverKind.LINEAR);
    // flows are USD million in the file, USD in the model
    assertThat(c.flows().get("IND").flow("JP", "US")).isEqualTo(500e6);
    assertThat(c.flows().get("IND").flow("EU", "EU")).isEqualTo(200e6);
    assertThat(c.flows().get("IND").flow("US", "US")).isZero();
    assertThat(c.flows().get("IND").exports(0)).isEqualTo(550e6);
    // T0 = 1.57 for the US on RW goods, 1.15 inside RW
    assertThat(c.baseTariffs().get("IND").wedge("RW", "US").power()).isCloseTo(1.57, within(1e-12));
    assertThat(c.baseTariffs().get("IND").wedge("RW", "RW").power()).isCloseTo(1.15, within(1e-12));
    assertThat(c.baseTariffs().get("IND").wedge("US", "US")).isEqualTo(TariffWedge.FREE);
    // elasticities of the example, all fixed
    var e = c.elasticities().get("IND", "JP");
    assertThat(e.importDemand().distribution()).isEqualTo(Fixed.of(-1.25));
    assertThat(e.substitution().distribution()).isEqualTo(Fixed.of(5));
    assertThat(e.exportSupply().distribution()).isEqualTo(Fixed.of(1.5));
    assertThat(e.importDemand().name()).isEqualTo("Em.IND.JP");
    // one scenario: the FTA, in force from the first quarter
    Scenario fta = c.scenarios().get(0);
    assertThat(fta.probability()).isEqualTo(1.0);
    Regime regime = fta.regimes().get(0);
    assertThat(regime.effective().central()).isEqualTo(YearQuarter.of(2004, 1).ordinal());
    assertThat(regime.rules()).hasSize(2);
    assertThat(regime.rules().get(0).changes().get(WedgeComponent.AD_VALOREM).central()).isZero();
    assertThat(c.uncertainParameters()).isEmpty();
    assertThat(c.targets()).hasSize(1);
    assertThat(c.sources()).allSatisfy(s -> assertThat(s.source()).contains("Francois & Hall (2003)"));
    assertThat(c.snapshot().files()).containsOnlyKeys(ConfigLoader.FILES);
    assertThat(c.snapshot().sha256()).hasSize(64);
  }
}
