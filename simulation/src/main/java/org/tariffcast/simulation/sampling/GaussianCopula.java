package org.tariffcast.simulation.sampling;

import java.util.List;
import org.apache.commons.math3.special.Erf;

/**
 * Imposes rank correlations on uniform coordinates, trial by trial: the coordinates of the
 * correlated dimensions are mapped to standard normals, multiplied by the Cholesky factor of
 * the normal correlation matrix and mapped back. A target Spearman correlation {@code rho_s}
 * becomes the normal's Pearson correlation {@code r = 2 sin(pi rho_s / 6)} (exact for the
 * Gaussian copula), so the parameters' rank correlations equal the targets whatever their
 * marginal distributions. Dimensions in no correlation are left untouched. Immutable.
 */
public final class GaussianCopula {
  private static final double SQRT2 = Math.sqrt(2);
  private static final double TINY = 0x1.0p-53;
  private final int[] dims;
  private final double[][] cholesky;

  private GaussianCopula(int[] dims, double[][] cholesky) {
    this.dims = dims;
    this.cholesky = cholesky;
  }

  /** No correlations. */
  public static GaussianCopula independent() {
    return new GaussianCopula(new int[0], new double[0][0]);
  }

  /**
   * @param pairs dimension index pairs {@code {a, b}}
   * @param spearman target rank correlation of each pair, in [-1, 1]
   * @param names dimension names, for error messages
   */
  public static GaussianCopula of(List<int[]> pairs, List<Double> spearman, List<String> names) {
    if (pairs.size() != spearman.size()) {
      throw new IllegalArgumentException("one correlation per pair: found " + pairs.size() + " pairs and "
          + spearman.size() + " correlations");
    }
    if (pairs.isEmpty()) {
      return independent();
    }
    java.util.TreeSet<Integer> set = new java.util.TreeSet<>();
    for (int[] p : pairs) {
      set.add(p[0]);
      set.add(p[1]);
    }
    int[] dims = set.stream().mapToInt(Integer::intValue).toArray();
    int k = dims.length;
    double[][] r = new double[k][k];
    for (int i = 0; i < k; i++) {
      r[i][i] = 1;
    }
    for (int i = 0; i < pairs.size(); i++) {
      int a = java.util.Arrays.binarySearch(dims, pairs.get(i)[0]);
      int b = java.util.Arrays.binarySearch(dims, pairs.get(i)[1]);
      double rho = spearman.get(i);
      double pearson = 2 * Math.sin(Math.PI * rho / 6);
      r[a][b] = pearson;
      r[b][a] = pearson;
    }
    double[][] l = new double[k][k];
    for (int i = 0; i < k; i++) {
      for (int j = 0; j <= i; j++) {
        double s = r[i][j];
        for (int m = 0; m < j; m++) {
          s -= l[i][m] * l[j][m];
        }
        if (i == j) {
          if (!(s > 1e-12)) {
            throw new IllegalArgumentException("the rank correlations among " + namesOf(dims, names)
                + " are not consistent: their normal correlation matrix is not positive definite");
          }
          l[i][i] = Math.sqrt(s);
        } else {
          l[i][j] = s / l[j][j];
        }
      }
    }
    return new GaussianCopula(dims, l);
  }

  private static List<String> namesOf(int[] dims, List<String> names) {
    return java.util.Arrays.stream(dims).mapToObj(d -> d < names.size() ? names.get(d) : "#" + d).toList();
  }

  /** Number of correlated dimensions. */
  public int correlatedDimensions() {
    return dims.length;
  }

  /** Applies the copula to {@code u} in place; {@code scratch} must hold at least {@link #correlatedDimensions()} values. */
  public void apply(double[] u, double[] scratch) {
    int k = dims.length;
    if (k == 0) {
      return;
    }
    for (int i = 0; i < k; i++) {
      scratch[i] = SQRT2 * Erf.erfInv(2 * u[dims[i]] - 1);
    }
    for (int i = k - 1; i >= 0; i--) {
      double[] row = cholesky[i];
      double z = 0;
      for (int j = 0; j <= i; j++) {
        z += row[j] * scratch[j];
      }
      double p = 0.5 * Erf.erfc(-z / SQRT2);
      u[dims[i]] = Math.min(Math.max(p, TINY), 1 - TINY);
    }
  }
}
