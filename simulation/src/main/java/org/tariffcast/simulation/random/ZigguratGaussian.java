package org.tariffcast.simulation.random;

import org.apache.commons.rng.UniformRandomProvider;
import org.tariffcast.simulation.numerics.PortableMath;

/**
 * Standard normal deviates by the ziggurat method of Marsaglia and Tsang (2000), 128 layers:
 * most draws cost one 32-bit uniform, a multiply and a comparison; the wedges and the tail
 * (about 2.5 % of draws) fall back to exact rejection. The tables are computed with
 * {@link StrictMath} and the fallbacks use {@link PortableMath}, so a stream gives the same
 * deviates on every JVM and CPU. Not thread-safe.
 */
public final class ZigguratGaussian {
  private static final int LAYERS = 128;
  private static final double R = 3.442619855899;
  private static final double INV_R = 1 / R;
  private static final long[] K = new long[LAYERS];
  private static final double[] W = new double[LAYERS];
  private static final double[] F = new double[LAYERS];

  static {
    final double m = 2147483648.0; // 2^31
    double dn = R;
    double tn = dn;
    double vn = 9.91256303526217e-3;
    double q = vn / StrictMath.exp(-0.5 * dn * dn);
    K[0] = (long) ((dn / q) * m);
    K[1] = 0;
    W[0] = q / m;
    W[LAYERS - 1] = dn / m;
    F[0] = 1;
    F[LAYERS - 1] = StrictMath.exp(-0.5 * dn * dn);
    for (int i = LAYERS - 2; i >= 1; i--) {
      dn = Math.sqrt(-2 * StrictMath.log(vn / dn + StrictMath.exp(-0.5 * dn * dn)));
      K[i + 1] = (long) ((dn / tn) * m);
      tn = dn;
      F[i] = StrictMath.exp(-0.5 * dn * dn);
      W[i] = dn / m;
    }
  }

  private final UniformRandomProvider rng;
  private long bits;
  private boolean half;

  private ZigguratGaussian(UniformRandomProvider rng) {
    this.rng = rng;
  }

  public static ZigguratGaussian of(UniformRandomProvider rng) {
    return new ZigguratGaussian(rng);
  }

  /** A signed 32-bit uniform: the two halves of one 64-bit output in turn. */
  private int nextInt() {
    if (half) {
      half = false;
      return (int) (bits >>> 32);
    }
    bits = rng.nextLong();
    half = true;
    return (int) bits;
  }

  private double uniform() {
    return ((rng.nextLong() >>> 11) + 0.5) * 0x1.0p-53;
  }

  public double sample() {
    int hz = nextInt();
    int iz = hz & (LAYERS - 1);
    if (Math.abs((long) hz) < K[iz]) {
      return hz * W[iz];
    }
    while (true) {
      double x = hz * W[iz];
      if (iz == 0) {
        double y;
        do {
          x = -PortableMath.log(uniform()) * INV_R;
          y = -PortableMath.log(uniform());
        } while (y + y < x * x);
        return hz > 0 ? R + x : -R - x;
      }
      if (F[iz] + uniform() * (F[iz - 1] - F[iz]) < PortableMath.exp(-0.5 * x * x)) {
        return x;
      }
      hz = nextInt();
      iz = hz & (LAYERS - 1);
      if (Math.abs((long) hz) < K[iz]) {
        return hz * W[iz];
      }
    }
  }
}
