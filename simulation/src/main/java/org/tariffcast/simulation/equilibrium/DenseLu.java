package org.tariffcast.simulation.equilibrium;

/**
 * In-place LU factorisation with partial pivoting of a small dense matrix, reusing its
 * arrays: the solvers' clearing systems have one row per region, so a few dozen at most.
 * Not thread-safe; one per worker.
 */
final class DenseLu {
  private final double[][] a;
  private final int[] pivot;
  private int size;

  DenseLu(int capacity) {
    a = new double[capacity][capacity];
    pivot = new int[capacity];
  }

  /** The matrix to fill before {@link #factor(int)}: rows and columns {@code 0..size-1}. */
  double[][] matrix() {
    return a;
  }

  /**
   * Factors the leading {@code size x size} block. Returns false when a pivot is zero or not
   * finite (singular or ill-posed system).
   */
  boolean factor(int size) {
    this.size = size;
    for (int k = 0; k < size; k++) {
      int p = k;
      double best = Math.abs(a[k][k]);
      for (int i = k + 1; i < size; i++) {
        double m = Math.abs(a[i][k]);
        if (m > best) {
          best = m;
          p = i;
        }
      }
      if (!(best > 0) || !Double.isFinite(best)) {
        return false;
      }
      pivot[k] = p;
      if (p != k) {
        double[] t = a[p];
        a[p] = a[k];
        a[k] = t;
      }
      double inv = 1.0 / a[k][k];
      double[] rowK = a[k];
      for (int i = k + 1; i < size; i++) {
        double[] rowI = a[i];
        double f = rowI[k] * inv;
        rowI[k] = f;
        if (f != 0) {
          for (int j = k + 1; j < size; j++) {
            rowI[j] -= f * rowK[j];
          }
        }
      }
    }
    return true;
  }

  /** Solves {@code A x = b} in place in {@code b} with the last factorisation. */
  void solve(double[] b) {
    for (int k = 0; k < size; k++) {
      int p = pivot[k];
      if (p != k) {
        double t = b[p];
        b[p] = b[k];
        b[k] = t;
      }
    }
    for (int i = 1; i < size; i++) {
      double s = b[i];
      double[] row = a[i];
      for (int j = 0; j < i; j++) {
        s -= row[j] * b[j];
      }
      b[i] = s;
    }
    for (int i = size - 1; i >= 0; i--) {
      double s = b[i];
      double[] row = a[i];
      for (int j = i + 1; j < size; j++) {
        s -= row[j] * b[j];
      }
      b[i] = s / row[i];
    }
  }
}
