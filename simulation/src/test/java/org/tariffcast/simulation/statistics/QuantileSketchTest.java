package org.tariffcast.simulation.statistics;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.tariffcast.model.result.Percentiles;

class QuantileSketchTest {
  static double nearestRank(double[] sorted, double p) {
    int rank = (int) Math.max(1, Math.min(sorted.length, Math.ceil(p * sorted.length)));
    return sorted[rank - 1];
  }

  static byte[] bytes(QuantileSketch s) throws IOException {
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    s.write(new DataOutputStream(b));
    return b.toByteArray();
  }

  @Test
  void smallSamplesAreExactNearestRankPercentiles() {
    QuantileSketch s = new QuantileSketch();
    double[] v = {5, -2, 7, 0, 3, 3, 11, -8, 1, 4};
    for (double x : v) {
      s.add(x);
    }
    double[] sorted = v.clone();
    Arrays.sort(sorted);
    assertThat(s.isBucketed()).isFalse();
    for (double p : Percentiles.LEVELS) {
      assertThat(s.percentile(p)).isEqualTo(nearestRank(sorted, p));
    }
    // p5 of 10 values is rank 1, p50 rank 5, p95 rank 10
    assertThat(s.percentile(0.05)).isEqualTo(-8.0);
    assertThat(s.percentile(0.5)).isEqualTo(3.0);
    assertThat(s.percentile(0.95)).isEqualTo(11.0);
  }

  @Test
  void bucketedPercentilesAreWithinTheStatedRelativeErrorForEverySeed() {
    for (long seed = 1; seed <= 5; seed++) {
      Random rnd = new Random(seed);
      int n = 20_000;
      double[] v = new double[n];
      QuantileSketch s = new QuantileSketch();
      for (int i = 0; i < n; i++) {
        // a mixture straddling zero with heavy tails, and exact zeros
        v[i] = i % 17 == 0 ? 0 : Math.exp(rnd.nextGaussian() * 2) * (rnd.nextDouble() < 0.3 ? -1 : 1) * 1e9;
        s.add(v[i]);
      }
      Arrays.sort(v);
      assertThat(s.isBucketed()).isTrue();
      for (double p = 0.01; p < 1; p += 0.01) {
        double exact = nearestRank(v, p);
        assertThat(Math.abs(s.percentile(p) - exact)).as("seed " + seed + " p " + p)
            .isLessThanOrEqualTo(QuantileSketch.RELATIVE_ERROR * Math.abs(exact));
      }
      assertThat(s.percentile(1.0)).isEqualTo(v[n - 1]);
    }
  }

  @Test
  void theStateDependsOnlyOnTheMultisetOfValues() throws IOException {
    Random rnd = new Random(11);
    double[] v = new double[3000];
    for (int i = 0; i < v.length; i++) {
      // 1e-30 .. 1e30: far more than 32 binary orders of magnitude, so the clamp is exercised
      v[i] = Math.pow(10, rnd.nextDouble() * 60 - 30) * (i % 3 == 0 ? -1 : 1);
    }
    QuantileSketch one = new QuantileSketch();
    for (double x : v) {
      one.add(x);
    }
    QuantileSketch reversed = new QuantileSketch();
    for (int i = v.length - 1; i >= 0; i--) {
      reversed.add(v[i]);
    }
    QuantileSketch[] parts = new QuantileSketch[7];
    for (int k = 0; k < parts.length; k++) {
      parts[k] = new QuantileSketch();
    }
    for (int i = 0; i < v.length; i++) {
      parts[(i * 31) % 7].add(v[i]);
    }
    QuantileSketch merged = new QuantileSketch();
    for (int k = parts.length - 1; k >= 0; k--) {
      merged.mergeFrom(parts[k]);
    }
    QuantileSketch small = new QuantileSketch(); // exact store merged into a bucketed one
    small.add(v[0]);
    QuantileSketch rest = new QuantileSketch();
    for (int i = 1; i < v.length; i++) {
      rest.add(v[i]);
    }
    small.mergeFrom(rest);
    assertThat(bytes(reversed)).isEqualTo(bytes(one));
    assertThat(bytes(merged)).isEqualTo(bytes(one));
    assertThat(bytes(small)).isEqualTo(bytes(one));
    assertThat(one.buckets()).isLessThanOrEqualTo(2 * QuantileSketch.MAX_BUCKETS);
    QuantileSketch back = QuantileSketch.read(new DataInputStream(new ByteArrayInputStream(bytes(one))), QuantileSketch.FINE);
    assertThat(bytes(back)).isEqualTo(bytes(one));
    for (double p : Percentiles.LEVELS) {
      assertThat(back.percentile(p)).isEqualTo(one.percentile(p));
    }
  }

  @Test
  void smallMagnitudesBeyondTheBucketCapHaveTheStatedAbsoluteError() {
    QuantileSketch s = new QuantileSketch();
    double largest = 1e12;
    for (int i = 0; i < 1000; i++) {
      s.add(i < 500 ? 1e-3 : largest); // 1e-3 is 2^-50 of the largest: below the 32-octave floor
    }
    double p25 = s.percentile(0.25);
    assertThat(Math.abs(p25 - 1e-3)).isLessThanOrEqualTo(Math.scalb(largest, -31));
    assertThat(s.percentile(0.75)).isCloseTo(largest, org.assertj.core.api.Assertions.within(largest * QuantileSketch.RELATIVE_ERROR));
    assertThat(s.percentile(1.0)).isEqualTo(largest);
    assertThat(s.percentile(0.001)).isEqualTo(1e-3);
  }

  @org.junit.jupiter.api.Test
  void signedZerosGiveTheSameExtremesInAnyOrder() {
    QuantileSketch a = new QuantileSketch();
    a.add(0.0);
    a.add(-0.0);
    QuantileSketch b = new QuantileSketch();
    b.add(-0.0);
    b.add(0.0);
    org.assertj.core.api.Assertions.assertThat(Double.doubleToRawLongBits(a.min()))
        .isEqualTo(Double.doubleToRawLongBits(b.min()));
    org.assertj.core.api.Assertions.assertThat(Double.doubleToRawLongBits(a.max()))
        .isEqualTo(Double.doubleToRawLongBits(b.max()));
  }
  @Test
  void blocksAddedByColumnGiveTheStateOfValueByValueAdds() throws IOException {
    Random rnd = new Random(23);
    int blocks = 60;
    int rows = 256;
    double[] column = new double[blocks * rows];
    for (int b = 0; b < blocks; b++) {
      int kind = b % 6;
      for (int i = 0; i < rows; i++) {
        double g = rnd.nextGaussian();
        column[b * rows + i] = switch (kind) {
          case 0 -> 1e9 * Math.exp(0.2 * g); // one sign, a narrow range
          case 1 -> -3e5 * Math.exp(0.5 * g); // the other sign
          case 2 -> i % 2 == 0 ? 0.0 : -0.0; // zeros of both signs
          case 3 -> i % 5 == 0 ? 0 : 1e6 * g; // mixed signs and zeros
          case 4 -> Math.pow(10, rnd.nextDouble() * 30); // 100 octaves: keys clamped at the floor
          default -> b > 40 ? 1e-20 * (1 + rnd.nextDouble()) : 1e12 * (1 + rnd.nextDouble()); // below the floor
        };
      }
    }
    QuantileSketch byValue = new QuantileSketch();
    for (double x : column) {
      byValue.add(x);
    }
    QuantileSketch byColumn = new QuantileSketch();
    for (int b = 0; b < blocks; b++) {
      byColumn.addColumn(column, b * rows, rows);
    }
    assertThat(byColumn.isBucketed()).isTrue();
    assertThat(bytes(byColumn)).isEqualTo(bytes(byValue));
    assertThat(byColumn.count()).isEqualTo(column.length);
    for (double p : Percentiles.LEVELS) {
      assertThat(byColumn.percentile(p)).isEqualTo(byValue.percentile(p));
    }
  }
  @Test
  void coarsePercentilesAreWithinTheirStatedRelativeErrorAndStillMergeOrderFree() throws IOException {
    for (long seed = 1; seed <= 5; seed++) {
      Random rnd = new Random(seed);
      int n = 20_000;
      double[] v = new double[n];
      QuantileSketch s = new QuantileSketch(QuantileSketch.COARSE);
      QuantileSketch[] parts = {new QuantileSketch(QuantileSketch.COARSE), new QuantileSketch(QuantileSketch.COARSE)};
      for (int i = 0; i < n; i++) {
        v[i] = i % 17 == 0 ? 0 : Math.exp(rnd.nextGaussian() * 2) * (rnd.nextDouble() < 0.3 ? -1 : 1) * 1e9;
        s.add(v[i]);
        parts[i % 2].add(v[i]);
      }
      parts[1].mergeFrom(parts[0]);
      assertThat(bytes(parts[1])).isEqualTo(bytes(s));
      Arrays.sort(v);
      assertThat(s.relativeError()).isEqualTo(QuantileSketch.COARSE_RELATIVE_ERROR).isEqualTo(1.0 / 32);
      double largest = 0;
      for (double p = 0.01; p < 1; p += 0.01) {
        double exact = nearestRank(v, p);
        double error = Math.abs(s.percentile(p) - exact);
        assertThat(error).as("seed " + seed + " p " + p).isLessThanOrEqualTo(QuantileSketch.COARSE_RELATIVE_ERROR * Math.abs(exact));
        largest = Math.max(largest, exact == 0 ? 0 : error / Math.abs(exact));
      }
      // coarser than the fine resolution allows: the coarse bound is the one in use
      assertThat(largest).isGreaterThan(QuantileSketch.RELATIVE_ERROR);
      QuantileSketch back = QuantileSketch.read(new DataInputStream(new ByteArrayInputStream(bytes(s))), QuantileSketch.FINE);
      assertThat(back.resolution()).isEqualTo(QuantileSketch.COARSE);
      assertThat(bytes(back)).isEqualTo(bytes(s));
    }
    QuantileSketch fine = new QuantileSketch();
    fine.add(1);
    QuantileSketch coarse = new QuantileSketch(QuantileSketch.COARSE);
    coarse.add(1);
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> fine.mergeFrom(coarse))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("5 bits per bucket into one of 7");
  }
  @Test
  void coarseMediansOfASlowlyRisingSeriesRiseEveryQuarterInsteadOfDrawingStairs() {
    // 24 "quarters", each 20,000 values of a normal with mean 36 * 1.005^t and sd 1.8 (5 %): the
    // true medians rise 0.5 % a quarter; a median's sampling sd is 1.2533 * 1.8 / sqrt(20,000) =
    // 0.016, under 0.1 % of the level, against a rise of 0.18 per quarter, so the exact medians rise
    // every quarter (a rise smaller than 0.1 would be 5 sd of the difference). A coarse bucket
    // around 36 is 2^5 * 2^-5 = 1 wide: its midpoint would repeat for several quarters.
    double previous = Double.NEGATIVE_INFINITY;
    int repeatsAtMidpoints = 0;
    double previousMid = Double.NaN;
    for (int t = 0; t < 24; t++) {
      Random rnd = new Random(1000 + t);
      QuantileSketch s = new QuantileSketch(QuantileSketch.COARSE);
      double[] v = new double[20_000];
      for (int i = 0; i < v.length; i++) {
        v[i] = 36 * Math.pow(1.005, t) + 1.8 * rnd.nextGaussian();
        s.add(v[i]);
      }
      Arrays.sort(v);
      double exact = nearestRank(v, 0.5);
      double median = s.percentile(0.5);
      assertThat(median).as("quarter " + t).isGreaterThan(previous + 0.1);
      assertThat(Math.abs(median - exact)).as("quarter " + t).isLessThanOrEqualTo(QuantileSketch.COARSE_RELATIVE_ERROR * exact);
      // what the midpoint of the same bucket would have said
      double mid = Math.floor(exact) + 0.5;
      if (mid == previousMid) {
        repeatsAtMidpoints++;
      }
      previousMid = mid;
      previous = median;
    }
    assertThat(repeatsAtMidpoints).as("the stairs this test guards against").isGreaterThan(10);
  }
}
