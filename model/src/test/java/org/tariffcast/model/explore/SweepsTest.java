package org.tariffcast.model.explore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.tariffcast.model.explore.FrontierAnswer.Kind;
import org.tariffcast.model.explore.GoalSeekAnswer.Outcome;
import org.tariffcast.model.result.KpiKey;
import org.tariffcast.model.result.Measure;
import org.tariffcast.model.result.Metric;
import org.tariffcast.model.result.Percentiles;
import org.tariffcast.model.result.Statistics;
import org.tariffcast.model.result.TargetProbability;
import org.tariffcast.model.result.Window;
import org.tariffcast.model.run.Target;

/** Goal-seeks and the frontier on curves and grids whose answers are worked out by hand. */
class SweepsTest {
  static final double EPS = 1e-12;

  static double[] grid(int n) {
    double[] x = new double[n];
    for (int i = 0; i < n; i++) {
      x[i] = i;
    }
    return x;
  }

  @Test
  void aLinearCurveWithASymmetricBand() {
    // est = 2 + 0.5 x, band -+ 0.75, level 4.6: root (4.6 - 2) / 0.5 = 5.2;
    // level inside the band where |2 + 0.5 x - 4.6| <= 0.75: x in [3.7, 6.7]
    double[] x = grid(11);
    double[] est = new double[11];
    double[] lo = new double[11];
    double[] hi = new double[11];
    for (int i = 0; i < 11; i++) {
      est[i] = 2 + 0.5 * i;
      lo[i] = est[i] - 0.75;
      hi[i] = est[i] + 0.75;
    }
    GoalSeekAnswer a = Sweeps.goalSeek("g", "lever", Map.of(), x, est, lo, hi, 4.6);
    assertThat(a.outcome()).isEqualTo(Outcome.CROSSES);
    assertThat(a.value()).isCloseTo(5.2, within(EPS));
    assertThat(a.low()).isCloseTo(3.7, within(EPS));
    assertThat(a.high()).isCloseTo(6.7, within(EPS));
    assertThat(a.lowOpen()).isFalse();
    assertThat(a.highOpen()).isFalse();
  }

  @Test
  void aFallingCurveWithAnAsymmetricBand() {
    // est = 10 - x, band [est - 1, est + 2], level 6.5: root 3.5;
    // est - 1 <= 6.5 <= est + 2  <=>  4.5 <= est <= 7.5  <=>  x in [2.5, 5.5]
    double[] x = grid(9);
    double[] est = new double[9];
    double[] lo = new double[9];
    double[] hi = new double[9];
    for (int i = 0; i < 9; i++) {
      est[i] = 10 - i;
      lo[i] = est[i] - 1;
      hi[i] = est[i] + 2;
    }
    GoalSeekAnswer a = Sweeps.goalSeek("g", "lever", Map.of(), x, est, lo, hi, 6.5);
    assertThat(a.value()).isCloseTo(3.5, within(EPS));
    assertThat(a.low()).isCloseTo(2.5, within(EPS));
    assertThat(a.high()).isCloseTo(5.5, within(EPS));
  }

  @Test
  void aBandWiderThanTheGridLeavesBothEndsOpen() {
    // est = 0.1 x on 0..4, band -+ 1, level 0.2: root 2; the band holds 0.2 on [-8, 12]
    double[] x = grid(5);
    double[] est = {0, 0.1, 0.2, 0.3, 0.4};
    double[] lo = {-1, -0.9, -0.8, -0.7, -0.6};
    double[] hi = {1, 1.1, 1.2, 1.3, 1.4};
    GoalSeekAnswer a = Sweeps.goalSeek("g", "lever", Map.of(), x, est, lo, hi, 0.2);
    assertThat(a.value()).isEqualTo(2.0); // met at a grid value
    assertThat(a.low()).isEqualTo(0.0);
    assertThat(a.high()).isEqualTo(4.0);
    assertThat(a.lowOpen()).isTrue();
    assertThat(a.highOpen()).isTrue();
  }

  @Test
  void aLevelNeverReachedOnTheGrid() {
    double[] x = grid(3);
    double[] est = {0.1, 0.2, 0.3};
    assertThat(Sweeps.goalSeek("g", "l", Map.of(), x, est, est, est, 0.5).outcome())
        .isEqualTo(Outcome.BELOW_EVERYWHERE);
    assertThat(Sweeps.goalSeek("g", "l", Map.of(), x, est, est, est, 0.05).outcome())
        .isEqualTo(Outcome.ABOVE_EVERYWHERE);
    assertThat(Sweeps.crossing(x, est, 0.5)).isNaN();
    // 0.25 between 0.2 (x = 1) and 0.3 (x = 2): x = 1.5
    assertThat(Sweeps.crossing(x, est, 0.25)).isCloseTo(1.5, within(EPS));
  }

  static final Target TARGET = new Target("deficit shrinks", Metric.BILATERAL_BALANCE, KpiKey.TOTAL, Window.FINAL_YEAR,
      Measure.PCT_CHANGE_VS_BASELINE, Target.Comparison.GE, 0.2);
  static final KpiKey COST = KpiKey.of("Framework", Metric.IMPORTS_FROM_PARTNER, KpiKey.TOTAL, Window.FINAL_YEAR,
      Measure.CHANGE_VS_BASELINE);

  static Statistics stats(double v) {
    return new Statistics(100, v, 0, 0, v, v, new Percentiles(v, v, v, v, v, v, v), 0);
  }

  /**
   * x in {0..4}, y in {0, 1, 2}; P(x, y) = min(1, 0.125 + 0.125 x + 0.25 y) (dyadic: exact), its
   * Wilson band [P - 0.1, P]; cost (a loss, lowest best) 4 x + 3 y.
   */
  static List<GridPoint> points(ExplorePlan plan) {
    List<GridPoint> out = new ArrayList<>();
    for (int index = 0; index < plan.points(); index++) {
      Map<String, Double> at = plan.point(index);
      double x = at.get("x");
      double y = at.get("y");
      double p = Math.min(1, 0.125 + 0.125 * x + 0.25 * y);
      out.add(new GridPoint(index, at, 100, List.of(new PointKpi(COST, stats(4 * x + 3 * y), 4 * x + 3 * y,
          4 * x + 3 * y)), List.of(new TargetProbability(TARGET.name(), "Framework", p, Math.max(0, p - 0.1), p, 100))));
    }
    return out;
  }

  static ExplorePlan plan() {
    return new ExplorePlan("Framework", 100,
        List.of(LeverAxis.of("x", List.of(0.0, 1.0, 2.0, 3.0, 4.0)), LeverAxis.of("y", List.of(0.0, 1.0, 2.0))),
        List.of(COST), List.of(TARGET), List.of(), new Frontier(TARGET, 0.625, COST, Statistic.MEDIAN, true));
  }

  @Test
  void theFrontierOfALinearProbabilityPlane() {
    ExplorePlan plan = plan();
    FrontierAnswer f = Sweeps.frontier(plan, points(plan));
    // P >= 0.625  <=>  x + 2 y >= 4: (0,2) (1,2) (2,1) (2,2) (3,1) (3,2) (4,0) (4,1) (4,2); index = 3 x + y
    assertThat(f.meeting()).containsExactly(2, 5, 7, 8, 10, 11, 12, 13, 14);
    // lower bound P - 0.1 >= 0.625  <=>  P >= 0.725: (1,2) 0.75, (2,2) 0.875, (3,1) 0.75, (3,2) 1, (4,1) 0.875, (4,2) 1
    assertThat(f.surely()).containsExactly(5, 8, 10, 11, 13, 14);
    // cost 4x + 3y over the meeting points: (0,2) 6 is the least
    assertThat(f.best()).isEqualTo(2);
    // boundary y*(x) = (0.625 - 0.125 - 0.125 x) / 0.25 = 2 - x / 2; at x = 4 met from y = 0
    assertThat(f.boundary()).hasSize(5);
    double[] expected = {2, 1.5, 1, 0.5};
    for (int i = 0; i < 4; i++) {
      assertThat(f.boundary().get(i).kind()).isEqualTo(Kind.CROSSES);
      assertThat(f.boundary().get(i).x()).isEqualTo(i);
      assertThat(f.boundary().get(i).y()).isCloseTo(expected[i], within(EPS));
    }
    assertThat(f.boundary().get(4).kind()).isEqualTo(Kind.ALREADY);
    assertThat(f.boundary().get(4).y()).isEqualTo(0.0);
  }

  @Test
  void aGoalSeekAlongOneLeverHoldsTheOtherAtTheGridValueNearestItsDefault() {
    ExplorePlan plan = plan();
    GoalSeek seek = new GoalSeek("x for 0.625", "x", TARGET, null, null, 0.625);
    // y's default 1.2 -> grid value 1: P(x, 1) = 0.375 + 0.125 x reaches 0.625 at x = 2;
    // band [P - 0.1, P] holds 0.625 where 0.625 <= P <= 0.725: x in [2, 2.8]
    GoalSeekAnswer a = Sweeps.goalSeek(plan, points(plan), seek, Map.of("x", 1.0, "y", 1.2));
    assertThat(a.fixed()).isEqualTo(Map.of("y", 1.0));
    assertThat(a.value()).isCloseTo(2, within(EPS));
    assertThat(a.low()).isCloseTo(2, within(EPS));
    assertThat(a.high()).isCloseTo(2.8, within(EPS));
  }

  @Test
  void leverValuesInTheirUnits() {
    assertThat(Sweeps.formatLever("% of customs value", 0.17)).isEqualTo("17 %");
    assertThat(Sweeps.formatLever("% of customs value", 0.16863)).isEqualTo("16.9 %");
    assertThat(Sweeps.formatLever("x pledged", 1.5)).isEqualTo("1.5 x pledged");
    assertThat(Sweeps.formatLever("x pledged", 2.0)).isEqualTo("2 x pledged");
    assertThat(Sweeps.formatLever("", 0.125)).isEqualTo("0.12"); // exact 0.125, rounded half to even
  }
}
