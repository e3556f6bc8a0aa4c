package org.tariffcast.simulation.sensitivity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class SpearmanCorrelationTest {
  @Test
  void tiesTakeAverageRanks() {
    // ranks x: 1, 2.5, 2.5, 4; y: 1, 3, 2, 4. Centred: (-1.5, 0, 0, 1.5) and (-1.5, .5, -.5, 1.5)
    // sum xy = 4.5, sum x^2 = 4.5, sum y^2 = 5: rho = 4.5 / sqrt(22.5)
    double rho = SpearmanCorrelation.of(new double[] {1, 2, 2, 3}, new double[] {10, 30, 20, 40});
    assertThat(rho).isCloseTo(4.5 / Math.sqrt(22.5), within(1e-15));
  }

  @Test
  void monotoneTransformsDoNotChangeIt() {
    double[] x = {0.3, 1.7, -2, 5, 4.1};
    double[] y = new double[x.length];
    for (int i = 0; i < x.length; i++) {
      y[i] = Math.exp(x[i]);
    }
    assertThat(SpearmanCorrelation.of(x, y)).isEqualTo(1.0);
    for (int i = 0; i < x.length; i++) {
      y[i] = -x[i] * x[i] * x[i];
    }
    assertThat(SpearmanCorrelation.of(x, y)).isEqualTo(-1.0);
    assertThat(SpearmanCorrelation.of(x, new double[] {2, 2, 2, 2, 2})).isZero();
  }
}
