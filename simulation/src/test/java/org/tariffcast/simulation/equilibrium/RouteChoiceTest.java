package org.tariffcast.simulation.equilibrium;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.data.Offset.offset;

import org.junit.jupiter.api.Test;

/** The route-choice step by hand: logit shares, moves of a calibrated pool, conservation, monotonicity. */
class RouteChoiceTest {

  /**
   * Two routes, via (Vietnam) and direct (China), both costing 1 at base: shares 1/2 each. The
   * routed volume through via is 30, so the pool is 30 / (1/2) = 60. A penalty doubles via's cost
   * (C = 2). With eta = 1: s_via = 2^-1 / (2^-1 + 1) = 1/3, s_direct = 2/3, so via loses
   * 60 (1/3 - 1/2) = -10 and direct gains +10. With eta = 2: s_via = (1/4) / (1/4 + 1) = 1/5,
   * via loses 60 (1/5 - 1/2) = -18, direct gains +18.
   */
  @Test
  void twoRoutesByHand() {
    double[] s0 = new double[2];
    double[] s1 = new double[2];
    double[] move = new double[2];
    RouteChoice.moves(30, new double[] {1, 1}, new double[] {2, 1}, 2, 1, s0, s1, move);
    assertThat(s0).containsExactly(new double[] {0.5, 0.5}, offset(1e-15));
    assertThat(s1).containsExactly(new double[] {1.0 / 3, 2.0 / 3}, offset(1e-15));
    assertThat(move).containsExactly(new double[] {-10, 10}, offset(1e-12));
    RouteChoice.moves(30, new double[] {1, 1}, new double[] {2, 1}, 2, 2, s0, s1, move);
    assertThat(s1).containsExactly(new double[] {0.2, 0.8}, offset(1e-15));
    assertThat(move).containsExactly(new double[] {-18, 18}, offset(1e-12));
  }

  /**
   * Tariff-inclusive costs: via Vietnam at 0 % plus a 10 % routing cost (1.1), direct from China
   * at 25 % (1.25); eta = 2. Shares 1.1^-2 = 0.826446 and 1.25^-2 = 0.64: s_via = 0.826446 /
   * 1.466446 = 0.563571. Vietnam's 40 % transshipment rate: via costs 1.4 x 1.1 = 1.54,
   * 1.54^-2 = 0.421657, s_via = 0.421657 / 1.061657 = 0.397168. Routed volume 10: pool
   * 10 / 0.563571 = 17.7440, via moves 17.7440 (0.397168 - 0.563571) = -2.9526.
   */
  @Test
  void tariffInclusiveCostsByHand() {
    double[] s0 = new double[2];
    double[] s1 = new double[2];
    double[] move = new double[2];
    RouteChoice.moves(10, new double[] {1.1, 1.25}, new double[] {1.54, 1.25}, 2, 2, s0, s1, move);
    assertThat(s0[0]).isCloseTo(0.563571, offset(1e-6));
    assertThat(s1[0]).isCloseTo(0.397168, offset(1e-6));
    assertThat(move[0]).isCloseTo(-2.9526, offset(1e-4));
    assertThat(move[1]).isCloseTo(2.9526, offset(1e-4));
  }

  /**
   * The hand case above (eta 1: via -10, direct +10) with 30 % of what arrives lost on the way:
   * direct gains 10 x 0.7 = 7, 3 are lost, via keeps 30 - 10 = 20: remaining 20 + rerouted 7 +
   * lost 3 = the 30 routed before.
   */
  @Test
  void aLostShareOfTheArrivalsByHand() {
    double[] s0 = new double[2];
    double[] s1 = new double[2];
    double[] move = new double[2];
    double lost = RouteChoice.moves(30, new double[] {1, 1}, new double[] {2, 1}, 2, 1, 0.3, s0, s1, move);
    assertThat(move).containsExactly(new double[] {-10, 7}, offset(1e-12));
    assertThat(lost).isCloseTo(3, offset(1e-12));
    assertThat((30 + move[0]) + move[1] + lost).isCloseTo(30, offset(1e-12));
    assertThatThrownBy(() -> RouteChoice.moves(30, new double[] {1, 1}, new double[] {2, 1}, 2, 1, 1.5, s0, s1, move))
        .hasMessageContaining("lost share must lie within [0, 1], found 1.5");
  }

  /** At equal prices nothing moves, and whatever the prices the routes after add up to the routed volume before. */
  @Test
  void conservation() {
    double[] s0 = new double[4];
    double[] s1 = new double[4];
    double[] move = new double[4];
    double[] base = {1.034 * 1.05, 1.25, 1.03 * 1.05, 1.10 * 1.05};
    RouteChoice.moves(7.5, base, base.clone(), 4, 3.7, s0, s1, move);
    assertThat(move).containsOnly(0.0);
    double[] after = {1.40 * 1.05, 1.45, 1.20 * 1.05, 1.17 * 1.05};
    RouteChoice.moves(7.5, base, after, 4, 3.7, s0, s1, move);
    double pool = 7.5 / s0[0];
    double routesAfter = 0;
    for (int j = 0; j < 4; j++) {
      routesAfter += pool * s0[j] + move[j];
    }
    assertThat(routesAfter).isCloseTo(pool, offset(1e-12));
    assertThat(pool * s0[0]).isCloseTo(7.5, offset(1e-12));
    assertThat(move[0] + move[1] + move[2] + move[3]).isCloseTo(0, offset(1e-12));
  }

  /** Raising the penalty on via moves volume from via to the direct and third routes, monotonically. */
  @Test
  void aRisingPenaltyMovesVolumeToTheOtherRoutesMonotonically() {
    double[] s0 = new double[3];
    double[] s1 = new double[3];
    double[] move = new double[3];
    double[] base = {1.1, 1.25, 1.1};
    double lastVia = 0;
    double lastDirect = 0;
    double lastThird = 0;
    for (double penalty = 0; penalty <= 1.0001; penalty += 0.05) {
      RouteChoice.moves(10, base, new double[] {(1 + penalty) * 1.1, 1.25, 1.1}, 3, 2.5, s0, s1, move);
      if (penalty > 0) {
        assertThat(move[0]).isLessThan(lastVia);
        assertThat(move[1]).isGreaterThan(lastDirect);
        assertThat(move[2]).isGreaterThan(lastThird);
      }
      assertThat(move[0]).isGreaterThanOrEqualTo(-10 - 1e-12); // never more than the goods routed through via
      lastVia = move[0];
      lastDirect = move[1];
      lastThird = move[2];
    }
    // by hand at a 100 % penalty: weights 2.2^-2.5 = 0.13930, 1.25^-2.5 = 0.57243, 1.1^-2.5 = 0.78799; base
    // s_via = 0.78799 / 2.14841 = 0.36678, after 0.13930 / 1.49972 = 0.09288; 10 / 0.36678 x (0.09288 - 0.36678) = -7.468
    assertThat(lastVia).isCloseTo(-7.468, offset(0.001));
  }

  @Test
  void badInputsAreRefused() {
    double[] out = new double[2];
    assertThatThrownBy(() -> RouteChoice.shares(new double[] {1, 0}, 2, 1, out))
        .hasMessageContaining("landed cost of route 1 must be a finite number > 0, found 0.0");
    assertThatThrownBy(() -> RouteChoice.shares(new double[] {1, 1}, 2, 0, out))
        .hasMessageContaining("route-choice elasticity must be a finite number > 0, found 0.0");
  }
}
