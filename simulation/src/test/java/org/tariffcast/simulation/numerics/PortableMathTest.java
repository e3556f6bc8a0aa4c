package org.tariffcast.simulation.numerics;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Random;
import org.junit.jupiter.api.Test;

class PortableMathTest {
  static double ulps(double a, double exact) {
    return Math.abs(a - exact) / Math.ulp(exact);
  }

  @Test
  void expIsWithinTwoUlpOfStrictMath() {
    Random rnd = new Random(1);
    double worst = 0;
    for (int i = 0; i < 2_000_000; i++) {
      double x = i % 2 == 0 ? (rnd.nextDouble() - 0.5) * 1400 : (rnd.nextDouble() - 0.5) * 4;
      double exact = StrictMath.exp(x);
      if (exact > Double.MIN_NORMAL && Double.isFinite(exact)) {
        worst = Math.max(worst, ulps(PortableMath.exp(x), exact));
      }
    }
    assertThat(worst).isLessThanOrEqualTo(2.0);
    assertThat(PortableMath.exp(0)).isEqualTo(1.0);
    assertThat(PortableMath.exp(1000)).isEqualTo(Double.POSITIVE_INFINITY);
    assertThat(PortableMath.exp(-1000)).isEqualTo(0.0);
    assertThat(PortableMath.exp(Double.NaN)).isNaN();
  }

  @Test
  void expIsWithinOneUlpOfStrictMath() {
    Random rnd = new Random(3);
    double worst = 0;
    for (int i = 0; i < 4_000_000; i++) {
      double x = switch (i % 4) {
        case 0 -> (rnd.nextDouble() - 0.5) * 1420;
        case 1 -> (rnd.nextDouble() - 0.5) * 8;
        case 2 -> (rnd.nextDouble() - 0.5) * 0.02;
        default -> (rnd.nextDouble() - 0.5) * 1e-9;
      };
      double exact = StrictMath.exp(x);
      if (exact > Double.MIN_NORMAL && Double.isFinite(exact)) {
        worst = Math.max(worst, ulps(PortableMath.exp(x), exact));
      }
    }
    assertThat(worst).isLessThanOrEqualTo(1.0);
    for (double x : new double[] {-707, -706.99, 709, 708.99, 1e-300, -1e-300, -0.0, Double.MIN_VALUE}) {
      assertThat(ulps(PortableMath.exp(x), StrictMath.exp(x))).as("exp(%s)", x).isLessThanOrEqualTo(1.0);
    }
    assertThat(PortableMath.exp(-0.0)).isEqualTo(1.0);
    assertThat(PortableMath.exp(-745.5)).isEqualTo(0.0);
    assertThat(PortableMath.exp(-740)).isEqualTo(StrictMath.exp(-740)); // gradual underflow: StrictMath's
    assertThat(PortableMath.exp(709.8)).isEqualTo(StrictMath.exp(709.8));
    assertThat(PortableMath.exp(Double.POSITIVE_INFINITY)).isEqualTo(Double.POSITIVE_INFINITY);
    assertThat(PortableMath.exp(Double.NEGATIVE_INFINITY)).isEqualTo(0.0);
  }

  @Test
  void expIsWithinItsStatedBoundOfTheExactValue() {
    Random rnd = new Random(4);
    double worst = 0;
    for (int i = 0; i < 40_000; i++) {
      double x = i % 2 == 0 ? (rnd.nextDouble() - 0.5) * 1410 : (rnd.nextDouble() - 0.5) * 8;
      BigDecimal exact = exactExp(x);
      double got = PortableMath.exp(x);
      double err = new BigDecimal(got).subtract(exact).abs().doubleValue() / Math.ulp(exact.doubleValue());
      worst = Math.max(worst, err);
    }
    assertThat(worst).isLessThanOrEqualTo(0.52);
  }

  /** ln 2 to 50 digits: {@code sum_k 1 / (k 2^k)}. */
  private static final BigDecimal LN2 = ln2();

  private static BigDecimal ln2() {
    MathContext mc = new MathContext(50);
    BigDecimal sum = BigDecimal.ZERO;
    BigDecimal power = BigDecimal.ONE;
    for (int k = 1; k <= 180; k++) {
      power = power.add(power);
      sum = sum.add(BigDecimal.ONE.divide(power.multiply(BigDecimal.valueOf(k)), mc), mc);
    }
    return sum;
  }

  /** e^x to 50 digits: {@code x = k ln2 + r}, Taylor series of e^r, times 2^k. */
  private static BigDecimal exactExp(double xd) {
    MathContext mc = new MathContext(50);
    long k = Math.round(xd / 0.6931471805599453);
    BigDecimal r = new BigDecimal(xd).subtract(LN2.multiply(BigDecimal.valueOf(k), mc), mc);
    BigDecimal term = BigDecimal.ONE;
    BigDecimal sum = BigDecimal.ONE;
    for (int i = 1; i < 40; i++) {
      term = term.multiply(r, mc).divide(BigDecimal.valueOf(i), mc);
      sum = sum.add(term, mc);
    }
    BigDecimal two = BigDecimal.valueOf(2);
    return k >= 0 ? sum.multiply(two.pow((int) k), mc) : sum.divide(two.pow((int) -k), mc);
  }

  @Test
  void expm1IsWithinItsStatedRelativeErrorOfStrictMath() {
    Random rnd = new Random(6);
    double worst = 0;
    for (int i = 0; i < 1_000_000; i++) {
      double x = i % 3 == 0 ? (rnd.nextDouble() - 0.5) * 0.05 : i % 3 == 1 ? (rnd.nextDouble() - 0.5) * 4
          : (rnd.nextDouble() - 0.5) * 1e-6;
      double exact = StrictMath.expm1(x);
      if (exact != 0) {
        worst = Math.max(worst, Math.abs(PortableMath.expm1(x) - exact) / Math.abs(exact));
      }
    }
    assertThat(worst).isLessThanOrEqualTo(3e-14);
    assertThat(PortableMath.expm1(0)).isEqualTo(0.0);
  }

  @Test
  void logIsWithinTwoUlpOfStrictMath() {
    Random rnd = new Random(2);
    double worst = 0;
    for (int i = 0; i < 2_000_000; i++) {
      double x = i % 3 == 0 ? Math.exp((rnd.nextDouble() - 0.5) * 1400) : i % 3 == 1 ? 1 + (rnd.nextDouble() - 0.5) * 0.1
          : rnd.nextDouble() * 10;
      if (!(x > 0)) {
        continue;
      }
      double exact = StrictMath.log(x);
      if (exact != 0) {
        worst = Math.max(worst, Math.abs(PortableMath.log(x) - exact) / (2 * Math.ulp(exact) + 1e-16));
      }
    }
    assertThat(worst).isLessThanOrEqualTo(1.0);
    assertThat(PortableMath.log(1)).isEqualTo(0.0);
    assertThat(PortableMath.log(0)).isEqualTo(Double.NEGATIVE_INFINITY);
    assertThat(PortableMath.log(-1)).isNaN();
    assertThat(PortableMath.log(Double.MIN_VALUE)).isCloseTo(StrictMath.log(Double.MIN_VALUE), org.assertj.core.api.Assertions.within(1e-12));
  }

  @Test
  void expNear0IsWithinItsStatedBoundOfTheExactValueAndOneUlpOfStrictMath() {
    Random rnd = new Random(7);
    double worstExact = 0;
    for (int i = 0; i < 60_000; i++) {
      double x = nearZero(rnd, i);
      BigDecimal exact = exactExp(x);
      double err = new BigDecimal(PortableMath.expNear0(x)).subtract(exact).abs().doubleValue()
          / Math.ulp(exact.doubleValue());
      worstExact = Math.max(worstExact, err);
    }
    assertThat(worstExact).isLessThanOrEqualTo(0.55);
    double worst = 0;
    for (int i = 0; i < 3_000_000; i++) {
      double x = nearZero(rnd, i);
      worst = Math.max(worst, ulps(PortableMath.expNear0(x), StrictMath.exp(x)));
    }
    assertThat(worst).isLessThanOrEqualTo(1.0);
    assertThat(PortableMath.expNear0(0)).isEqualTo(1.0);
    assertThat(PortableMath.expNear0(-0.0)).isEqualTo(1.0);
    assertThat(PortableMath.expNear0(3.5)).isEqualTo(PortableMath.exp(3.5));
    assertThat(PortableMath.expNear0(Double.NaN)).isNaN();
  }

  /** Arguments across the three ranges of expNear0 and their edges. */
  private static double nearZero(Random rnd, int i) {
    double u = rnd.nextDouble() * 2 - 1;
    return switch (i % 6) {
      case 0 -> u * 0x1.0p-20;
      case 1 -> u * 0x1.0p-7;
      case 2 -> Math.copySign(0x1.0p-7 * (1 - 1e-3 * Math.abs(u)), u);
      case 3 -> Math.copySign(0x1.0p-20 * (1 + 1e-3 * Math.abs(u)), u);
      case 4 -> u * 1e-9;
      default -> u * 0.5;
    };
  }

  @Test
  void logRatioIsWithinItsStatedBoundOfTheExactValue() {
    Random rnd = new Random(8);
    MathContext mc = new MathContext(40);
    double worstNear = 0;
    double worstFar = 0;
    for (int i = 0; i < 60_000; i++) {
      double den = Math.exp((rnd.nextDouble() - 0.5) * 40);
      double u = rnd.nextDouble() * 2 - 1;
      double rel = switch (i % 5) {
        case 0 -> u * 0x1.0p-21;
        case 1 -> u * 0x1.0p-7;
        case 2 -> u * 1e-10;
        case 3 -> Math.copySign(0x1.0p-7 * (1 + 1e-3 * Math.abs(u)), u);
        default -> u * 0.9;
      };
      double num = den * (1 + rel);
      if (num == den) {
        assertThat(PortableMath.logRatio(num, den)).isEqualTo(0.0);
        continue;
      }
      BigDecimal exact = exactLog(new BigDecimal(num).divide(new BigDecimal(den), mc));
      double got = PortableMath.logRatio(num, den);
      double err = new BigDecimal(got).subtract(exact).abs().doubleValue();
      double ulp = Math.ulp(exact.doubleValue());
      if (Math.abs((num - den) / den) <= 0x1.0p-7) {
        worstNear = Math.max(worstNear, err / ulp);
      } else {
        worstFar = Math.max(worstFar, err / (2 * ulp + 2e-16));
      }
    }
    assertThat(worstNear).isLessThanOrEqualTo(2.0);
    assertThat(worstFar).isLessThanOrEqualTo(1.0);
    assertThat(PortableMath.logRatio(3.0, 3.0)).isEqualTo(0.0);
  }

  /** ln x to 40 digits for x in (0.05, 20): {@code 2 atanh((x - 1)/(x + 1))}. */
  private static BigDecimal exactLog(BigDecimal x) {
    MathContext mc = new MathContext(45);
    BigDecimal z = x.subtract(BigDecimal.ONE).divide(x.add(BigDecimal.ONE), mc);
    BigDecimal z2 = z.multiply(z, mc);
    BigDecimal term = z;
    BigDecimal sum = BigDecimal.ZERO;
    for (int k = 0; k < 2000 && term.signum() != 0; k++) {
      BigDecimal add = term.divide(BigDecimal.valueOf(2L * k + 1), mc);
      sum = sum.add(add, mc);
      if (add.abs().compareTo(new BigDecimal("1e-44")) < 0) {
        break;
      }
      term = term.multiply(z2, mc);
    }
    return sum.multiply(BigDecimal.valueOf(2), mc);
  }
}
