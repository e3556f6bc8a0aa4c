package org.tariffcast.simulation.statistics;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ExactSumTest {
  static List<Double> awkwardValues(long seed, int n) {
    Random rnd = new Random(seed);
    List<Double> v = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      double x = switch (i % 5) {
        case 0 -> rnd.nextGaussian() * 1e10;
        case 1 -> rnd.nextGaussian() * 1e-3;
        case 2 -> -rnd.nextDouble() * 1e15;
        case 3 -> Math.scalb(rnd.nextDouble(), -1060); // subnormal territory
        default -> rnd.nextGaussian() * 1e300;
      };
      v.add(x);
    }
    return v;
  }

  static long[] sumOf(List<Double> values) {
    long[] d = new long[ExactSum.DIGITS];
    for (double x : values) {
      ExactSum.add(d, 0, x);
    }
    ExactSum.normalize(d, 0);
    return d;
  }

  @Test
  void theSumIsExactAndTheSameInAnyOrderAndSplit() {
    List<Double> values = awkwardValues(7, 5000);
    BigDecimal exact = BigDecimal.ZERO;
    for (double x : values) {
      exact = exact.add(new BigDecimal(x));
    }
    long[] forward = sumOf(values);
    List<Double> shuffled = new ArrayList<>(values);
    Collections.shuffle(shuffled, new Random(3));
    long[] merged = sumOf(shuffled.subList(0, 1234));
    ExactSum.addTo(merged, 0, sumOf(shuffled.subList(1234, 5000)), 0);
    assertThat(merged).containsExactly(forward);
    // the units times 2^-1074 equal the exact decimal sum
    BigDecimal fromUnits = new BigDecimal(ExactSum.units(forward, 0)).multiply(new BigDecimal(Math.scalb(1.0, -1074)));
    assertThat(fromUnits.compareTo(exact)).isZero();
    assertThat(ExactSum.value(forward, 0)).isEqualTo(exact.round(MathContext.DECIMAL128).doubleValue());
  }

  @Test
  void cancellingValuesSumToExactlyZero() {
    long[] d = new long[ExactSum.DIGITS];
    double[] xs = {1e300, 3.5, -1e300, 1e-300, -3.5, -1e-300, 0.1, -0.1};
    for (double x : xs) {
      ExactSum.add(d, 0, x);
    }
    ExactSum.normalize(d, 0);
    assertThat(ExactSum.isZero(d, 0)).isTrue();
    assertThat(ExactSum.value(d, 0)).isEqualTo(0.0);
  }
}
