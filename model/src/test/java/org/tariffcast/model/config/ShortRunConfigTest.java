package org.tariffcast.model.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tariffcast.model.distribution.Parameter;
import org.tariffcast.model.distribution.Triangular;
import org.tariffcast.model.elasticity.ElasticitySet;

/**
 * The optional short-run substitution elasticity (column {@code substitution_short_run} of
 * elasticities.csv) and convergence time ({@code dynamics.convergence_quarters}): a blank cell is
 * none, a cell is a number, a distribution or a parameter name, and the two new inputs are
 * sampled under their names. Files without them load as before (the GSIM example).
 */
class ShortRunConfigTest {
  static final Path GSIM = Path.of("..", "config", "examples", "gsim-4x4");

  @Test
  void shortRunCellsAndTheConvergenceTimeAreRead(@TempDir Path tmp) throws IOException {
    for (String f : ConfigLoader.FILES) {
      Files.copy(GSIM.resolve(f), tmp.resolve(f));
    }
    Files.writeString(tmp.resolve("elasticities.csv"), """
        sector,region,import_demand,substitution,export_supply,substitution_short_run,source,quality
        *,*,-1.25,5,1.5,,example,official
        *,US,-1.25,5,1.5,es_sr,example,official
        *,JP,-1.25,5,1.5,"triangular(0.5, 0.76, 2.5)",example,official
        """);
    String params = Files.readString(tmp.resolve("parameters.yml"))
        .replace("parameters: {}", "parameters:\n  es_sr: triangular(0.5, 0.76, 2.5)")
        .replace("  half_life_quarters: 0.01", "  half_life_quarters: 0.01\n  convergence_quarters: triangular(20, 32, 40)");
    Files.writeString(tmp.resolve("parameters.yml"), params);

    ModelConfig c = ConfigLoader.load(tmp);

    ElasticitySet us = c.elasticities().get("IND", "US");
    assertThat(us.substitutionShortRun().name()).isEqualTo("es_sr");
    assertThat(c.elasticities().get("IND", "JP").substitutionShortRun().name()).isEqualTo("EsSR.IND.JP");
    assertThat(c.elasticities().get("IND", "JP").substitutionShortRun().distribution())
        .isEqualTo(Triangular.of(0.5, 0.76, 2.5));
    assertThat(c.elasticities().get("IND", "EU").hasShortRun()).isFalse();
    assertThat(c.dynamics().convergence().name()).isEqualTo("dynamics.convergence");
    assertThat(c.uncertainParameters().stream().map(Parameter::name))
        .containsExactlyInAnyOrder("es_sr", "EsSR.IND.JP", "dynamics.convergence");
  }

  @Test
  void theGsimExampleHasNone() {
    ModelConfig c = ConfigLoader.load(GSIM);
    assertThat(c.dynamics().convergence()).isNull();
    assertThat(c.elasticities().asMap().values()).noneMatch(ElasticitySet::hasShortRun);
  }
}
